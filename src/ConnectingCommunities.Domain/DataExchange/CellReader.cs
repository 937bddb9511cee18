using System.Globalization;

namespace ConnectingCommunities.Domain.DataExchange;

/// <summary>One problem found in an import: the row as a spreadsheet numbers it, the column, the value and what is allowed.</summary>
public sealed record CellError(int Row, string Column, string? Value, string Message);

/// <summary>
/// Reads the cells of one row into typed values, collecting a <see cref="CellError"/> for each cell that
/// cannot be read. Rules that need more than one cell, or the database, are the API's and run afterwards.
/// </summary>
public sealed class CellReader(HeaderMap header, IReadOnlyList<string?> cells, int rowNumber)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    private readonly List<CellError> errors = [];

    public int RowNumber => rowNumber;

    public IReadOnlyList<CellError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    /// <summary>Text as sent (trimmed), or null. Too long is an error.</summary>
    public string? Text(ImportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var value = Raw(column);
        if (value is not null && column.MaxLength is { } max && value.Length > max)
        {
            Fail(column, value, $"{column.Name} is {value.Length} characters long; the most allowed is {max}");
            return null;
        }

        return value;
    }

    public DateOnly? Date(ImportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var value = Raw(column);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // A date cell of an XLSX file arrives as its serial number when the reader does not format it.
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        Fail(column, value, $"{column.Name} must be a date written as yyyy-mm-dd, like 2021-03-31");
        return null;
    }

    public decimal? Number(ImportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var value = Raw(column);
        if (value is null)
        {
            return null;
        }

        var cleaned = column.Format == ColumnFormat.Money ? value.TrimStart('£').Replace(",", "", StringComparison.Ordinal) : value;
        if (decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            if (column.Format == ColumnFormat.WholeNumber && number != decimal.Truncate(number))
            {
                Fail(column, value, $"{column.Name} must be a whole number, like 30");
                return null;
            }

            return number;
        }

        Fail(column, value, column.Format switch
        {
            ColumnFormat.Money => $"{column.Name} must be an amount in pounds and pence, like 11.44",
            ColumnFormat.WholeNumber => $"{column.Name} must be a whole number, like 30",
            _ => $"{column.Name} must be a number, like 37.5",
        });
        return null;
    }

    public bool? YesNo(ImportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var value = Raw(column);
        if (value is null)
        {
            return null;
        }

        switch (value.ToUpperInvariant())
        {
            case "YES" or "Y" or "TRUE" or "1":
                return true;
            case "NO" or "N" or "FALSE" or "0":
                return false;
            default:
                Fail(column, value, $"{column.Name} must be yes or no");
                return null;
        }
    }

    /// <summary>A code from the column's allowed values, in its canonical spelling; case and spaces ignored.</summary>
    public string? Code(ImportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var value = Raw(column);
        if (value is null)
        {
            return null;
        }

        var found = column.AllowedValues.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            Fail(column, value, $"'{value}' is not allowed in {column.Name}. Allowed values: {string.Join(", ", column.AllowedValues)}");
        }

        return found;
    }

    /// <summary>Records a problem found by a rule that runs after the cells are read (e.g. the API's checks).</summary>
    public void Fail(string column, string? value, string message) => errors.Add(new CellError(rowNumber, column, value, message));

    private void Fail(ImportColumn column, string? value, string message) => Fail(column.Name, value, message);

    private string? Raw(ImportColumn column)
    {
        var value = header.Cell(cells, column.Name);
        if (value is null && column.Required)
        {
            Fail(column, null, $"{column.Name} is required");
        }

        return value;
    }
}
