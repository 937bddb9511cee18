namespace ConnectingCommunities.Domain.People;

/// <summary>
/// A UK postcode in the Royal Mail format: an outward code (an area of one or two letters and a
/// district of a digit plus an optional digit or letter), a space, and an inward code (a digit
/// and two letters that are never C, I, K, M, O or V). Always held normalised ("B8 1AA"), so two
/// spellings of the same postcode are equal and a prefix search on <see cref="Value"/> works.
/// </summary>
/// <remarks>
/// The rules here decide whether text is shaped like a postcode. Whether a postcode exists, or
/// lies in a lot's neighbourhood, is decided by the commissioner's postcode lists, not here.
/// </remarks>
public readonly record struct Postcode
{
    /// <summary>The example GOV.UK and Royal Mail use in hints and error messages.</summary>
    public const string Example = "B8 1AA";

    /// <summary>Girobank's postcode: the one postcode that breaks the format but is real.</summary>
    private const string Girobank = "GIR 0AA";

    private const int InwardLength = 3;

    private readonly string? value;

    private Postcode(string normalised)
    {
        value = normalised;
    }

    /// <summary>The normalised postcode: upper case, one space before the inward code, e.g. "B8 1AA".</summary>
    public string Value => value ?? string.Empty;

    /// <summary>The part before the space, e.g. "B8" or "WS11": it routes mail to a district.</summary>
    public string Outward => value is null ? string.Empty : value[..^(InwardLength + 1)];

    /// <summary>The last three characters, e.g. "1AA".</summary>
    public string Inward => value is null ? string.Empty : value[^InwardLength..];

    /// <summary>The postcode area: the leading letters of the outward code, e.g. "B" or "WS".</summary>
    public string Area => new(Outward.TakeWhile(char.IsAsciiLetter).ToArray());

    /// <summary>The postcode district, which is the whole outward code, e.g. "WS11".</summary>
    public string District => Outward;

    /// <summary>The postcode sector: outward code, a space and the inward digit, e.g. "B8 1".</summary>
    public string Sector => value is null ? string.Empty : value[..^(InwardLength - 1)];

    /// <summary>Reads a postcode typed in any case, with or without spaces.</summary>
    public static bool TryParse(string? input, out Postcode postcode)
    {
        var check = Check(input);
        postcode = check.Postcode;
        return check.IsValid;
    }

    /// <summary>Reads a postcode, or throws <see cref="FormatException"/> with the reason it is not one.</summary>
    public static Postcode Parse(string input)
    {
        var check = Check(input);
        return check.IsValid ? check.Postcode : throw new FormatException(check.Error);
    }

    /// <summary>Whether the input is shaped like a postcode.</summary>
    public static bool IsValid(string? input) => Check(input).IsValid;

    /// <summary>
    /// Checks typed input and says what is wrong in words a member of the public understands,
    /// following the GOV.UK Design System's postcode error messages.
    /// </summary>
    public static PostcodeCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return PostcodeCheck.Invalid("Enter a postcode");
        }

        // People type postcodes with no space, several spaces or a space in the wrong place:
        // the inward code is always the last three characters, so spaces carry no information.
        var compact = new string(input.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

        if (compact == "GIR0AA")
        {
            return PostcodeCheck.Valid(new Postcode(Girobank));
        }

        var reason = FindFormatProblem(compact);
        if (reason is not null)
        {
            return PostcodeCheck.Invalid($"Enter a real postcode, like {Example}: {reason}");
        }

        var outward = compact[..^InwardLength];
        var inward = compact[^InwardLength..];
        return PostcodeCheck.Valid(new Postcode($"{outward} {inward}"));
    }

    public override string ToString() => Value;

    /// <summary>The first Royal Mail format rule the compact, upper-case text breaks, or null.</summary>
    private static string? FindFormatProblem(string compact)
    {
        if (!compact.All(char.IsAsciiLetterOrDigit))
        {
            return "a postcode has only letters and numbers";
        }

        // Shortest "M1 1AA" (5 characters without the space), longest "EC1A 1BB" (7).
        if (compact.Length is < 5 or > 7)
        {
            return "a postcode has 5 to 7 letters and numbers";
        }

        return FindInwardProblem(compact[^InwardLength..]) ?? FindOutwardProblem(compact[..^InwardLength]);
    }

    private static string? FindInwardProblem(string inward)
    {
        if (!char.IsAsciiDigit(inward[0]) || !char.IsAsciiLetter(inward[1]) || !char.IsAsciiLetter(inward[2]))
        {
            return "the last 3 characters are a number then 2 letters";
        }

        // Royal Mail leaves these letters out of inward codes because they are easily misread
        // in handwriting (C/K, I/1, O/0, M/N, V/U).
        if (inward[1..].Any(c => "CIKMOV".Contains(c, StringComparison.Ordinal)))
        {
            return "the last 2 letters are never C, I, K, M, O or V";
        }

        return null;
    }

    private static string? FindOutwardProblem(string outward)
    {
        var areaLength = outward.TakeWhile(char.IsAsciiLetter).Count();
        if (areaLength is < 1 or > 2 || areaLength == outward.Length || !char.IsAsciiDigit(outward[areaLength]))
        {
            return "a postcode starts with 1 or 2 letters then a number";
        }

        // The district is a digit plus at most one more digit or letter ("B8", "WS11", "W1A").
        var district = outward[areaLength..];
        if (district.Length > 2)
        {
            return "the first part is 1 or 2 letters, a number, then at most 1 more letter or number";
        }

        // Royal Mail never uses Q, V or X as the first letter of an area, nor I, J or Z as the
        // second, so text breaking these is a typing mistake rather than an unknown area.
        if ("QVX".Contains(outward[0], StringComparison.Ordinal))
        {
            return "a postcode never starts with Q, V or X";
        }

        if (areaLength == 2 && "IJZ".Contains(outward[1], StringComparison.Ordinal))
        {
            return "the second letter of a postcode is never I, J or Z";
        }

        return null;
    }
}
