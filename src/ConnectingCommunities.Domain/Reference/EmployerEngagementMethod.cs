namespace ConnectingCommunities.Domain.Reference;

/// <summary>How a provider came to work with an employer.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="DisplayName">Words shown to people.</param>
/// <param name="Hint">What the method means, or empty when the name says it.</param>
public sealed record EmployerEngagementMethod(string Code, string DisplayName, string Hint) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>The employer engagement methods the Connecting Communities evaluation found providers using.</summary>
public static class EmployerEngagementMethods
{
    public static EmployerEngagementMethod ExistingLinks { get; } = new(
        "existingLinks", "Existing links", "The organisation already worked with the employer");

    public static EmployerEngagementMethod JobFair { get; } = new("jobFair", "Job fair", string.Empty);

    public static EmployerEngagementMethod CloseRelationship { get; } = new(
        "closeRelationship", "Close relationship", "Regular contact with a named person at the employer");

    public static EmployerEngagementMethod OnlineVacancySearch { get; } = new("onlineVacancySearch", "Online vacancy search", string.Empty);

    public static EmployerEngagementMethod ColdCalling { get; } = new("coldCalling", "Cold calling", string.Empty);

    public static EmployerEngagementMethod ReverseMarketing { get; } = new(
        "reverseMarketing", "Reverse marketing", "Promoting a particular participant to employers who have not advertised a vacancy");

    public static EmployerEngagementMethod EmploymentAgency { get; } = new("employmentAgency", "Employment agency", string.Empty);

    public static IReadOnlyList<EmployerEngagementMethod> All { get; } =
        [ExistingLinks, JobFair, CloseRelationship, OnlineVacancySearch, ColdCalling, ReverseMarketing, EmploymentAgency];

    public static EmployerEngagementMethod? Find(string? code) => Catalogue.Find(All, code);
}
