using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Brokerage;

/// <summary>A kind of dated contact or activity with an employer.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="DisplayName">Words shown to people.</param>
/// <param name="InvolvesParticipants">Whether participants usually take part, so the form asks how many.</param>
public sealed record EmployerActivityKind(string Code, string DisplayName, bool InvolvesParticipants) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>
/// The employer activities the Connecting Communities evaluation credits with job outcomes: taster days,
/// work experience, guaranteed-interview schemes and recruitment events, besides ordinary contact.
/// </summary>
public static class EmployerActivityKinds
{
    public static EmployerActivityKind Contact { get; } = new("contact", "Contact (call or email)", false);

    public static EmployerActivityKind Meeting { get; } = new("meeting", "Meeting", false);

    public static EmployerActivityKind TasterDay { get; } = new("tasterDay", "Taster day", true);

    public static EmployerActivityKind WorkExperience { get; } = new("workExperience", "Work experience", true);

    public static EmployerActivityKind GuaranteedInterview { get; } = new("guaranteedInterview", "Guaranteed-interview scheme", true);

    public static EmployerActivityKind RecruitmentEvent { get; } = new("recruitmentEvent", "Recruitment event", true);

    public static EmployerActivityKind JobFair { get; } = new("jobFair", "Job fair", true);

    public static IReadOnlyList<EmployerActivityKind> All { get; } =
        [Contact, Meeting, TasterDay, WorkExperience, GuaranteedInterview, RecruitmentEvent, JobFair];

    public static EmployerActivityKind? Find(string? code) => Catalogue.Find(All, code);
}
