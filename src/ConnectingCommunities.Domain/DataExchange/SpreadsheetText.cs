namespace ConnectingCommunities.Domain.DataExchange;

/// <summary>
/// Keeps text that came from outside from running as a formula when someone opens an export in a
/// spreadsheet (CSV injection, OWASP). Values are stored exactly as sent; only what is written to a CSV
/// or XLSX cell is neutralised.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>Whether a spreadsheet would read the text as a formula or command.</summary>
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '|' or '%'
        && !IsPlainNumber(text);

    /// <summary>The text to write to a cell: prefixed with an apostrophe when it would start a formula.</summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return LooksLikeFormula(text) ? "'" + text : text;
    }

    // "-12.50" and "+44" are numbers a spreadsheet shows as such, not commands: leave them alone.
    private static bool IsPlainNumber(string text) =>
        text.Length > 1 && text[0] is '-' or '+'
        && decimal.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _);
}
