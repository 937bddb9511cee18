namespace ConnectingCommunities.Domain.People;

/// <summary>
/// A National Insurance number in the HMRC format: two prefix letters, six digits and a suffix
/// letter A, B, C or D. Stored upper case without spaces ("QQ123456C"), shown in HMRC's grouping
/// ("QQ 12 34 56 C").
/// </summary>
/// <remarks>
/// HMRC never issues a first letter D, F, I, Q, U or V, a second letter D, F, I, O, Q, U or V,
/// nor the prefixes BG, GB, KN, NK, NT, TN and ZZ (TN marks a temporary number, the others are
/// reserved or easily confused). A number that passes these rules may still not exist: only
/// HMRC or DWP can confirm that.
/// </remarks>
public readonly record struct Nino
{
    /// <summary>The example GOV.UK uses in hints: its prefix QQ is never issued, so nobody's real number is shown.</summary>
    public const string Example = "QQ 12 34 56 C";

    private const string NeverFirstLetters = "DFIQUV";

    private const string NeverSecondLetters = "DFIOQUV";

    private static readonly string[] NeverAllocatedPrefixes = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

    private readonly string? value;

    private Nino(string value)
    {
        this.value = value;
    }

    /// <summary>The number as stored: upper case, no spaces, e.g. "AB123456C".</summary>
    public string Value => value ?? string.Empty;

    /// <summary>The two prefix letters, e.g. "AB".</summary>
    public string Prefix => value is null ? string.Empty : value[..2];

    /// <summary>The suffix letter A, B, C or D.</summary>
    public char Suffix => value is null ? default : value[^1];

    /// <summary>The number as HMRC prints it, e.g. "AB 12 34 56 C".</summary>
    public string Formatted => value is null
        ? string.Empty
        : $"{value[..2]} {value[2..4]} {value[4..6]} {value[6..8]} {value[8]}";

    /// <summary>Reads a number typed in any case, with or without spaces.</summary>
    public static bool TryParse(string? input, out Nino nino)
    {
        var check = Check(input);
        nino = check.Nino;
        return check.IsValid;
    }

    /// <summary>Reads a number, or throws <see cref="FormatException"/> with the reason it is not one.</summary>
    public static Nino Parse(string input)
    {
        var check = Check(input);
        return check.IsValid ? check.Nino : throw new FormatException(check.Error);
    }

    /// <summary>Whether the input is shaped like a National Insurance number HMRC could have issued.</summary>
    public static bool IsValid(string? input) => Check(input).IsValid;

    /// <summary>
    /// Checks typed input and says what is wrong, following the GOV.UK Design System's
    /// National Insurance number error messages.
    /// </summary>
    public static NinoCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return NinoCheck.Invalid("Enter a National Insurance number");
        }

        // Letters printed on cards and letters are grouped with spaces; people copy them with
        // or without, so spaces carry no information.
        var compact = new string(input.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

        var reason = FindProblem(compact);
        if (reason is not null)
        {
            return NinoCheck.Invalid($"Enter a National Insurance number in the correct format, like {Example}: {reason}");
        }

        return NinoCheck.Valid(new Nino(compact));
    }

    /// <summary>The stored form, so the number never appears spaced in data or logs by accident.</summary>
    public override string ToString() => Value;

    private static string? FindProblem(string compact)
    {
        if (!compact.All(char.IsAsciiLetterOrDigit))
        {
            return "it has only letters and numbers";
        }

        if (compact.Length != 9)
        {
            return "it has 2 letters, 6 numbers, then 1 letter";
        }

        if (!char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]))
        {
            return "it starts with 2 letters";
        }

        if (!compact[2..8].All(char.IsAsciiDigit))
        {
            return "the 2 letters are followed by 6 numbers";
        }

        if (compact[8] is < 'A' or > 'D')
        {
            return "the last letter is A, B, C or D";
        }

        if (NeverFirstLetters.Contains(compact[0], StringComparison.Ordinal))
        {
            return "the first letter is never D, F, I, Q, U or V";
        }

        if (NeverSecondLetters.Contains(compact[1], StringComparison.Ordinal))
        {
            return "the second letter is never D, F, I, O, Q, U or V";
        }

        var prefix = compact[..2];
        if (NeverAllocatedPrefixes.Contains(prefix, StringComparer.Ordinal))
        {
            return $"numbers starting {prefix} are never issued";
        }

        return null;
    }
}
