namespace ConnectingCommunities.Domain.Brokerage;

/// <summary>
/// A Companies House registration number: eight characters, either eight digits (companies registered in
/// England and Wales) or a two-character prefix and six digits (SC Scotland, NI Northern Ireland, OC limited
/// liability partnerships, SO Scottish LLPs, NC Northern Irish LLPs, R0 older Northern Irish companies, and
/// the other prefixes Companies House uses for partnerships, charitable incorporated organisations and
/// societies). Held upper case; a digits-only number shorter than eight is padded with leading zeros, as
/// Companies House itself shows them ("123456" is "00123456").
/// </summary>
public static class CompaniesHouseNumber
{
    /// <summary>The prefixes Companies House issues before six digits.</summary>
    public static IReadOnlyList<string> Prefixes { get; } =
    [
        "SC", "NI", "OC", "SO", "NC", "R0", "LP", "SL", "NL", "FC", "SF", "NF", "GE", "CE", "CS", "IP", "SP", "RS",
        "SR", "NP", "NR", "IC", "SE", "NO", "AC", "SA", "NA", "ZC", "SZ", "NZ", "GS", "GN", "RC", "SI",
    ];

    /// <summary>What the error says: the shape expected.</summary>
    public const string Error = "Enter a Companies House number in the correct format, like 01234567 or SC123456";

    /// <summary>
    /// Whether the input is a Companies House number, giving it normalised in <paramref name="normalised"/> (empty when not).
    /// Spaces are removed and letters upper-cased before checking.
    /// </summary>
    public static bool TryNormalise(string? input, out string normalised)
    {
        normalised = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var compact = new string([.. input.Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
        if (compact.Length is >= 1 and <= 8 && compact.All(char.IsAsciiDigit))
        {
            if (compact.All(c => c == '0'))
            {
                return false;
            }

            normalised = compact.PadLeft(8, '0');
            return true;
        }

        if (compact.Length == 8 && Prefixes.Contains(compact[..2], StringComparer.Ordinal) && compact[2..].All(char.IsAsciiDigit))
        {
            normalised = compact;
            return true;
        }

        return false;
    }

    /// <summary>Whether the text is a Companies House number once normalised.</summary>
    public static bool IsValid(string? input) => TryNormalise(input, out _);
}
