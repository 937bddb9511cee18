using System.Text.RegularExpressions;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Features.SetUp.Areas;

namespace ConnectingCommunities.Web.Features.Participants;

public enum CaseloadSearchKind
{
    Name,
    Reference,
    Nino,
    Postcode,
}

/// <summary>
/// One search box finds a participant by name, reference, National Insurance number or postcode:
/// what was typed decides which, so each search is a single indexed lookup.
/// </summary>
public static partial class CaseloadSearch
{
    public static CaseloadSearchKind Classify(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var trimmed = term.Trim();
        if (ReferencePattern().IsMatch(trimmed))
        {
            return CaseloadSearchKind.Reference;
        }

        if (Nino.Check(trimmed).IsValid)
        {
            return CaseloadSearchKind.Nino;
        }

        // Names have no digits; postcodes always do.
        return trimmed.Any(char.IsAsciiDigit) && char.IsAsciiLetter(trimmed[0]) && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ')
            ? CaseloadSearchKind.Postcode
            : CaseloadSearchKind.Name;
    }

    /// <summary>"wh-123" and "WH-000123" are the same reference.</summary>
    public static string Reference(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var parts = term.Trim().Split('-');
        return int.TryParse(parts[1], out var number) && number > 0 ? ParticipantReference.For(parts[0], number) : term.Trim().ToUpperInvariant();
    }

    public static string PostcodePrefix(string term) => AreaHandler.SearchPrefix(term);

    /// <summary>Each typed word as stored for search: lower case letters only.</summary>
    public static IReadOnlyList<string> NameWords(string term) =>
        (term ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(NameSimilarity.Normalise).Where(w => w.Length > 0).ToList();

    /// <summary>The first text after every text starting with <paramref name="prefix"/>, for an indexed range.</summary>
    public static string After(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix[..^1] + (char)(prefix[^1] + 1);
    }

    [GeneratedRegex("^[A-Za-z]{1,4}-[0-9]{1,9}$")]
    private static partial Regex ReferencePattern();
}
