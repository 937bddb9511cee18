namespace ConnectingCommunities.Domain.DataExchange;

/// <summary>What a column of an import holds.</summary>
public enum ColumnFormat
{
    Text,
    Date,
    Number,
    WholeNumber,
    Money,
    YesNo,
    Code,
}

/// <summary>
/// One column of a published import template. <see cref="Name"/> is the API's field name, so a provider
/// that already calls the API uses the same words in its spreadsheet.
/// </summary>
/// <param name="Name">Header text, matched without regard to case or surrounding spaces.</param>
/// <param name="Required">Whether every row must have a value.</param>
/// <param name="Format">How the value is read.</param>
/// <param name="Description">What the column means and when it is needed, in plain words.</param>
/// <param name="AllowedValues">The codes allowed, for <see cref="ColumnFormat.Code"/> columns; empty otherwise.</param>
/// <param name="Example">A value the template's example row shows.</param>
public sealed record ImportColumn(
    string Name,
    bool Required,
    ColumnFormat Format,
    string Description,
    IReadOnlyList<string> AllowedValues,
    string Example)
{
    public int? MaxLength { get; init; }

    /// <summary>How the format is written on the template page and in the docs.</summary>
    public string FormatDescription => Format switch
    {
        ColumnFormat.Text => MaxLength is { } max ? $"Text, up to {max} characters" : "Text",
        ColumnFormat.Date => "Date as yyyy-mm-dd (dd/mm/yyyy also read)",
        ColumnFormat.Number => "Number, e.g. 16 or 37.5",
        ColumnFormat.WholeNumber => "Whole number",
        ColumnFormat.Money => "Pounds and pence, e.g. 11.44 (no £ sign needed)",
        ColumnFormat.YesNo => "yes or no",
        ColumnFormat.Code => "One of the allowed values",
        _ => Format.ToString(),
    };
}
