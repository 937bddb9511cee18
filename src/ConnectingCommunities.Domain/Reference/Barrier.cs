namespace ConnectingCommunities.Domain.Reference;

/// <summary>A barrier to work recorded for a participant at registration and reviewed in the action plan.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="DisplayName">Words shown to people.</param>
/// <param name="Hint">Examples that help an advisor choose, or empty.</param>
public sealed record Barrier(string Code, string DisplayName, string Hint) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>
/// Barriers to work as the Connecting Communities evaluation (WMCA/DWP) recorded them, with the
/// further barriers that employment programmes commonly record (housing, language, caring,
/// criminal record). A participant may have several.
/// </summary>
public static class Barriers
{
    public static Barrier EmployabilitySupport { get; } = new(
        "employabilitySupport", "Needs employability support", "For example CV writing, job search, applications or interviews");

    public static Barrier LowConfidence { get; } = new("lowConfidence", "Low confidence", "Including low self-esteem");

    public static Barrier LowMotivation { get; } = new("lowMotivation", "Low motivation", string.Empty);

    public static Barrier LackOfSkillsOrQualifications { get; } = new(
        "lackOfSkillsOrQualifications", "Lack of skills or qualifications", "Including English, maths or digital skills");

    public static Barrier HealthConditionOrDisability { get; } = new(
        "healthConditionOrDisability", "Health condition or disability", "Physical or mental health");

    public static Barrier Childcare { get; } = new("childcare", "Childcare", string.Empty);

    public static Barrier Debt { get; } = new("debt", "Debt", string.Empty);

    public static Barrier Transport { get; } = new("transport", "Transport", "Cost of travel, or no public transport at the times needed");

    public static Barrier InternetAccess { get; } = new("internetAccess", "Internet access", "No device, no connection or cannot afford data");

    public static Barrier Housing { get; } = new("housing", "Housing", "For example homelessness or insecure housing");

    public static Barrier Language { get; } = new("language", "Language", "English is not their first language");

    public static Barrier CaringResponsibilities { get; } = new(
        "caringResponsibilities", "Caring responsibilities", "Caring for an adult family member or friend");

    public static Barrier CriminalRecord { get; } = new("criminalRecord", "Criminal record", "Unspent convictions");

    public static Barrier SubstanceMisuse { get; } = new("substanceMisuse", "Drug or alcohol misuse", string.Empty);

    public static Barrier NoRecentWorkHistory { get; } = new("noRecentWorkHistory", "No recent work history or references", string.Empty);

    public static Barrier Other { get; } = new("other", "Other", string.Empty);

    public static IReadOnlyList<Barrier> All { get; } =
    [
        EmployabilitySupport, LowConfidence, LowMotivation, LackOfSkillsOrQualifications, HealthConditionOrDisability,
        Childcare, CaringResponsibilities, Debt, Transport, InternetAccess, Housing, Language, CriminalRecord,
        SubstanceMisuse, NoRecentWorkHistory, Other,
    ];

    public static Barrier? Find(string? code) => Catalogue.Find(All, code);
}
