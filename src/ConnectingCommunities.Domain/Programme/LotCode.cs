using System.Text.RegularExpressions;

namespace ConnectingCommunities.Domain.Programme;

/// <summary>A lot's short code (for example WH): two to four capital letters, used in people's references.</summary>
public static partial class LotCode
{
    public const string Rule = "2 to 4 letters, for example WH";

    public static string Normalise(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().ToUpperInvariant();
    }

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code.Trim());

    [GeneratedRegex("^[A-Za-z]{2,4}$")]
    private static partial Regex Pattern();
}
