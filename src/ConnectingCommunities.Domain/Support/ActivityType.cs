namespace ConnectingCommunities.Domain.Support;

/// <summary>
/// The six activity types of the Connecting Communities model of support (WMCA programme
/// documents). The names are the API's codes, so they never change once published.
/// </summary>
public enum ActivityType
{
    InformationAdviceGuidance = 1,
    SkillsDevelopment = 2,
    PartnershipReferral = 3,
    NetworksAndSocialCapital = 4,
    EmployerActivity = 5,
    JobBrokerage = 6,
}

public static class ActivityTypes
{
    public static IReadOnlyList<ActivityType> All { get; } = Enum.GetValues<ActivityType>();

    public static string DisplayName(this ActivityType type) => type switch
    {
        ActivityType.InformationAdviceGuidance => "Information, advice and guidance",
        ActivityType.SkillsDevelopment => "Skills development",
        ActivityType.PartnershipReferral => "Partnership referral",
        ActivityType.NetworksAndSocialCapital => "Networks and social capital",
        ActivityType.EmployerActivity => "Employer activity",
        ActivityType.JobBrokerage => "Job brokerage",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown activity type."),
    };

    /// <summary>What the activity covers, for hints and the evaluation report.</summary>
    public static string Description(this ActivityType type) => type switch
    {
        ActivityType.InformationAdviceGuidance => "Careers and job search advice, action planning, CVs and applications",
        ActivityType.SkillsDevelopment => "Training and courses, including English, maths and digital skills",
        ActivityType.PartnershipReferral => "Referral to another organisation for specialist support, such as debt, housing or health",
        ActivityType.NetworksAndSocialCapital => "Volunteering and community activity",
        ActivityType.EmployerActivity => "Taster days, work experience and training with employers",
        ActivityType.JobBrokerage => "Matching people to jobs and arranging guaranteed interviews",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown activity type."),
    };
}
