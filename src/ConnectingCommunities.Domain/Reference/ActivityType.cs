namespace ConnectingCommunities.Domain.Reference;

/// <summary>A kind of support intervention.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="DisplayName">Words shown to people.</param>
/// <param name="Description">What the activity covers, for hints and the evaluation report.</param>
public sealed record ActivityType(string Code, string DisplayName, string Description) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>The six activity types of the Connecting Communities model of support (WMCA programme documents).</summary>
public static class ActivityTypes
{
    public static ActivityType InformationAdviceAndGuidance { get; } = new(
        "informationAdviceAndGuidance", "Information, advice and guidance", "Careers and job search advice, action planning, CVs and applications");

    public static ActivityType SkillsDevelopment { get; } = new(
        "skillsDevelopment", "Skills development", "Training and courses, including English, maths and digital skills");

    public static ActivityType PartnershipReferral { get; } = new(
        "partnershipReferral", "Partnership referral", "Referral to another organisation for specialist support, such as debt, housing or health");

    public static ActivityType NetworksAndSocialCapital { get; } = new(
        "networksAndSocialCapital", "Networks and social capital", "Volunteering and community activity");

    public static ActivityType EmployerActivity { get; } = new(
        "employerActivity", "Employer activity", "Taster days, work experience and training with employers");

    public static ActivityType JobBrokerage { get; } = new(
        "jobBrokerage", "Job brokerage", "Matching people to jobs and arranging guaranteed interviews");

    public static IReadOnlyList<ActivityType> All { get; } =
        [InformationAdviceAndGuidance, SkillsDevelopment, PartnershipReferral, NetworksAndSocialCapital, EmployerActivity, JobBrokerage];

    public static ActivityType? Find(string? code) => Catalogue.Find(All, code);
}
