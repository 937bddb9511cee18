using System.Globalization;
using System.Text;

namespace ConnectingCommunities.Domain.People;

/// <summary>
/// Whether two people's names are close enough to ask "is this the same person?" before a
/// registration: case, accents, punctuation and spacing are ignored, and small spelling
/// differences ("Mohammed" / "Muhammad", "Jon" / "John") still match. A suggestion for an advisor
/// to resolve, never a decision.
/// </summary>
public static class NameSimilarity
{
    /// <summary>Jaro-Winkler similarity at or above which two names are a potential match.</summary>
    public const double Threshold = 0.85;

    public static bool IsSimilar(string? firstA, string? lastA, string? firstB, string? lastB)
    {
        var (fa, la, fb, lb) = (Normalise(firstA), Normalise(lastA), Normalise(firstB), Normalise(lastB));
        if (fa.Length == 0 || la.Length == 0 || fb.Length == 0 || lb.Length == 0)
        {
            return false;
        }

        var inOrder = JaroWinkler(fa, fb) >= Threshold && JaroWinkler(la, lb) >= Threshold;
        // First and last names recorded the other way round, as happens with many naming conventions.
        var swapped = JaroWinkler(fa, lb) >= Threshold && JaroWinkler(la, fb) >= Threshold;
        return inOrder || swapped;
    }

    /// <summary>Lower case letters only, accents removed: "O'Brien-Smith" and "obrien smith" are the same.</summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var decomposed = name.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }

        return result.ToString();
    }

    /// <summary>Jaro-Winkler similarity between 0 (nothing in common) and 1 (identical).</summary>
    public static double JaroWinkler(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a == b)
        {
            return 1.0;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0.0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        var m = (double)matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }
}
