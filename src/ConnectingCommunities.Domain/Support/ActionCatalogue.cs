using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Support;

/// <summary>An action an advisor can add to a participant's plan, under one of the six activity types.</summary>
/// <param name="Code">Stable camelCase code, stored and exported.</param>
/// <param name="DisplayName">Words shown to people.</param>
/// <param name="ActivityType">The activity type the action belongs to.</param>
public sealed record ActionTemplate(string Code, string DisplayName, ActivityType ActivityType) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>
/// The actions the Connecting Communities evaluation describes advisors agreeing with
/// participants, grouped by activity type, and "other" under each type for anything else (the
/// advisor then describes it).
/// </summary>
public static class ActionCatalogue
{
    public static IReadOnlyList<ActionTemplate> All { get; } =
    [
        new("careersAdvice", "Careers advice and guidance", ActivityType.InformationAdviceGuidance),
        new("identifyMatchingJobs", "Identify jobs that match skills", ActivityType.InformationAdviceGuidance),
        new("cv", "Write or update a CV", ActivityType.InformationAdviceGuidance),
        new("jobApplications", "Help with job applications", ActivityType.InformationAdviceGuidance),
        new("interviewPreparation", "Interview preparation", ActivityType.InformationAdviceGuidance),
        new("benefitsAndBetterOffAdvice", "Benefits and better-off-in-work advice", ActivityType.InformationAdviceGuidance),
        new("otherGuidance", "Other information, advice or guidance", ActivityType.InformationAdviceGuidance),

        new("skillsTraining", "Skills training or a course", ActivityType.SkillsDevelopment),
        new("englishMathsDigital", "English, maths or digital skills", ActivityType.SkillsDevelopment),
        new("vocationalQualification", "Vocational qualification or licence (for example CSCS card, SIA, forklift)", ActivityType.SkillsDevelopment),
        new("confidenceBuilding", "Confidence and motivation course", ActivityType.SkillsDevelopment),
        new("otherSkills", "Other skills development", ActivityType.SkillsDevelopment),

        new("referralFinancialInclusion", "Referral to a partner for financial inclusion or debt advice", ActivityType.PartnershipReferral),
        new("referralHealth", "Referral to a partner for health or wellbeing support", ActivityType.PartnershipReferral),
        new("referralHousing", "Referral to a partner for housing support", ActivityType.PartnershipReferral),
        new("referralEsol", "Referral to ESOL (English for speakers of other languages)", ActivityType.PartnershipReferral),
        new("referralChildcare", "Referral for help with childcare", ActivityType.PartnershipReferral),
        new("otherReferral", "Other partner referral", ActivityType.PartnershipReferral),

        new("volunteering", "Volunteering", ActivityType.NetworksAndSocialCapital),
        new("communityActivity", "Community group or activity", ActivityType.NetworksAndSocialCapital),
        new("peerSupportGroup", "Peer support or job club", ActivityType.NetworksAndSocialCapital),
        new("otherNetworks", "Other networks or social activity", ActivityType.NetworksAndSocialCapital),

        new("workExperience", "Work experience", ActivityType.EmployerActivity),
        new("tasterDay", "Taster day", ActivityType.EmployerActivity),
        new("employerTraining", "Training with an employer", ActivityType.EmployerActivity),
        new("jobFair", "Job fair or recruitment event", ActivityType.EmployerActivity),
        new("otherEmployerActivity", "Other employer activity", ActivityType.EmployerActivity),

        new("jobMatching", "Match to vacancies", ActivityType.JobBrokerage),
        new("guaranteedInterview", "Guaranteed interview", ActivityType.JobBrokerage),
        new("inWorkSupport", "In-work support after starting a job", ActivityType.JobBrokerage),
        new("otherBrokerage", "Other job brokerage", ActivityType.JobBrokerage),
    ];

    public static ActionTemplate? Find(string? code) => Catalogue.Find(All, code);

    public static IEnumerable<ActionTemplate> For(ActivityType type) => All.Where(a => a.ActivityType == type);
}
