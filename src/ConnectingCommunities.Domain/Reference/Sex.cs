namespace ConnectingCommunities.Domain.Reference;

/// <summary>An answer to the sex question, worded as in the ONS 2021 Census ("What is your sex?").</summary>
public sealed record Sex(string Code, string DisplayName) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>An answer to the ONS 2021 Census gender identity question.</summary>
public sealed record GenderIdentityAnswer(string Code, string DisplayName) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>
/// Sex options following the ONS 2021 Census and GSS harmonised standard (female, male), with
/// "Prefer not to say" because answering is voluntary on this programme.
/// </summary>
public static class Sexes
{
    public const string Question = "What is your sex?";

    public static Sex Female { get; } = new("female", "Female");

    public static Sex Male { get; } = new("male", "Male");

    public static Sex PreferNotToSay { get; } = new("preferNotToSay", "Prefer not to say");

    public static IReadOnlyList<Sex> All { get; } = [Female, Male, PreferNotToSay];

    public static Sex? Find(string? code) => Catalogue.Find(All, code);
}

/// <summary>
/// Answers to the ONS 2021 Census gender identity question, asked separately from sex so that
/// neither is inferred from the other; a person answering "No" may describe their gender
/// identity in their own words, which is stored as free text beside this code.
/// </summary>
public static class GenderIdentityAnswers
{
    public const string Question = "Is the gender you identify with the same as your sex registered at birth?";

    public static GenderIdentityAnswer Same { get; } = new("same", "Yes");

    public static GenderIdentityAnswer Different { get; } = new("different", "No");

    public static GenderIdentityAnswer PreferNotToSay { get; } = new("preferNotToSay", "Prefer not to say");

    public static IReadOnlyList<GenderIdentityAnswer> All { get; } = [Same, Different, PreferNotToSay];

    public static GenderIdentityAnswer? Find(string? code) => Catalogue.Find(All, code);
}
