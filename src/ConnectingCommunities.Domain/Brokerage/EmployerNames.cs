using ConnectingCommunities.Domain.People;

namespace ConnectingCommunities.Domain.Brokerage;

/// <summary>
/// How employer names are compared. <see cref="Normalise"/> is what makes two entries the same employer
/// (the database holds it unique, and job starts use the same rule), so "Acme  Ltd" and "acme ltd" are one
/// record. <see cref="AreSimilar"/> is looser: names that may well be the same organisation ("Acme Ltd",
/// "ACME Limited", "The Acme Company") are offered as possible duplicates before a new employer is added.
/// </summary>
public static class EmployerNames
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "the", "ltd", "limited", "plc", "llp", "lp", "inc", "co", "company", "uk", "group", "and", "of", "cic",
    };

    /// <summary>Trimmed with inner runs of white space made one; null for blank text.</summary>
    public static string? Clean(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The unique key: cleaned and lower case (as Features/Outcomes/JobStartHandler stores it).</summary>
    public static string Normalise(string name) => (Clean(name) ?? string.Empty).ToLowerInvariant();

    /// <summary>The words that identify the organisation: letters and digits only, legal suffixes and filler left out.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var words = new string([.. name.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal).Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Filler.Contains(w))
            .ToList();
        return string.Join(' ', words);
    }

    /// <summary>
    /// Whether two names may be the same organisation: the same identifying words, one containing the other
    /// (for names of at least four characters), or close spellings (Jaro-Winkler 0.92 or more).
    /// </summary>
    public static bool AreSimilar(string? a, string? b)
    {
        var x = Key(a);
        var y = Key(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        if (x == y)
        {
            return true;
        }

        if (Math.Min(x.Length, y.Length) >= 4 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)))
        {
            return true;
        }

        return NameSimilarity.JaroWinkler(x, y) >= 0.92;
    }
}
