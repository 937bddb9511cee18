namespace ConnectingCommunities.Domain.DataExchange;

/// <summary>
/// The one rule, used by every CSV and XLSX export, that keeps text from outside from running as a
/// formula when someone opens the file in a spreadsheet (CSV injection, OWASP). Values are stored
/// exactly as sent; only what is written to a text cell is neutralised.
/// </summary>
/// <remarks>
/// A text value starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is
/// written with a leading apostrophe, whatever follows, in CSV and XLSX alike, so the file reads the same
/// in both. That includes text that happens to look like a signed number ("+44 7700 900123", "-12"): in a
/// text field it is text, and "+", "-" and "@" can begin a payload that still runs
/// (<c>-2+3+cmd|' /C calc'!A0</c>). Numbers are never guarded: exports write numeric columns from typed
/// values (a negative amount is written as -12.50 in CSV and as a number cell in XLSX), never through
/// this rule.
/// </remarks>
public static class SpreadsheetText
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula or command when they come first.</summary>
    public static IReadOnlyList<char> FormulaStarts { get; } = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Whether a spreadsheet would read the text as a formula or command.</summary>
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text to write to a cell: prefixed with an apostrophe when it would start a formula; null is an empty cell.</summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return LooksLikeFormula(text) ? "'" + text : text;
    }
}
