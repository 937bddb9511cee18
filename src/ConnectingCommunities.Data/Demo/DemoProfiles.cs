using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;

namespace ConnectingCommunities.Data.Demo;

/// <summary>
/// The shapes of the demo caseload: who joined, what stood in their way and how they were
/// supported. Figures the documents give are matched (cohort mix, 42% minority ethnic, a quarter
/// with a health condition, about 82% engaged); the rest are plausible for the West Midlands.
/// </summary>
internal static class DemoProfiles
{
    /// <summary>The documents' mix: 36% Hardest to Help, 14% Harder to Reach, 35% Rapid Progression, 16% Employed (101% as rounded).</summary>
    public static readonly (Cohort Cohort, double Weight)[] CohortMix =
        [(Cohort.HardestToHelp, 36), (Cohort.HarderToReach, 14), (Cohort.RapidProgression, 35), (Cohort.Employed, 16)];

    /// <summary>
    /// Share of the Hardest to Help registered during the lockdowns who are swapped with someone
    /// registered before: their enrolments fell when face-to-face outreach stopped (the documents).
    /// </summary>
    public const double HardestToHelpMovedOutOfLockdowns = 0.25;

    public static readonly Weighted<AgeBand> AgeBandsAtRegistration = new(
        (AgeBand.Age16To24, 18), (AgeBand.Age25To34, 26), (AgeBand.Age35To54, 42), (AgeBand.Age55AndOver, 14));

    public static readonly Weighted<Sex> Sexes = new((Domain.Reference.Sexes.Female, 46), (Domain.Reference.Sexes.Male, 53), (Domain.Reference.Sexes.PreferNotToSay, 1));

    public static readonly Weighted<GenderIdentityAnswer?> GenderIdentities = new(
        (GenderIdentityAnswers.Same, 93.5), (GenderIdentityAnswers.PreferNotToSay, 4), (GenderIdentityAnswers.Different, 0.5), (null, 2));

    /// <summary>Share of a lot's participants of a minority ethnic group (every group but White British), by lot code.</summary>
    public static double MinorityEthnicShare(string lotCode) => lotCode switch
    {
        "WH" => 0.85,
        "BL" => 0.45,
        "BW" => 0.42,
        "SE" => 0.26,
        "CW" => 0.18,
        "CH" => 0.15,
        "BB" => 0.12,
        "CN" => 0.08,
        "GL" => 0.08,
        _ => 0.42,
    };

    /// <summary>Minority groups in inner east Birmingham, largely of Pakistani and Bangladeshi heritage.</summary>
    private static readonly Weighted<Ethnicity> InnerCityMinorities = new(
        (Ethnicities.Pakistani, 52), (Ethnicities.Bangladeshi, 10), (Ethnicities.Indian, 4), (Ethnicities.OtherAsian, 4),
        (Ethnicities.African, 8), (Ethnicities.Caribbean, 3), (Ethnicities.OtherBlack, 1), (Ethnicities.Arab, 4),
        (Ethnicities.WhiteAndBlackCaribbean, 2), (Ethnicities.WhiteAndAsian, 2), (Ethnicities.OtherMixed, 1),
        (Ethnicities.OtherWhite, 6), (Ethnicities.WhiteIrish, 1), (Ethnicities.Roma, 1), (Ethnicities.AnyOtherEthnicGroup, 1));

    private static readonly Weighted<Ethnicity> UrbanMinorities = new(
        (Ethnicities.OtherWhite, 20), (Ethnicities.WhiteIrish, 4), (Ethnicities.GypsyOrIrishTraveller, 1), (Ethnicities.Roma, 1),
        (Ethnicities.Indian, 12), (Ethnicities.Pakistani, 14), (Ethnicities.Bangladeshi, 3), (Ethnicities.Chinese, 2),
        (Ethnicities.OtherAsian, 3), (Ethnicities.Caribbean, 9), (Ethnicities.African, 12), (Ethnicities.OtherBlack, 2),
        (Ethnicities.WhiteAndBlackCaribbean, 8), (Ethnicities.WhiteAndBlackAfrican, 2), (Ethnicities.WhiteAndAsian, 3),
        (Ethnicities.OtherMixed, 2), (Ethnicities.Arab, 2), (Ethnicities.AnyOtherEthnicGroup, 1));

    private static readonly Weighted<Ethnicity> TownMinorities = new(
        (Ethnicities.OtherWhite, 35), (Ethnicities.WhiteIrish, 6), (Ethnicities.GypsyOrIrishTraveller, 3), (Ethnicities.Roma, 2),
        (Ethnicities.Indian, 12), (Ethnicities.Pakistani, 8), (Ethnicities.Bangladeshi, 2), (Ethnicities.Chinese, 2),
        (Ethnicities.OtherAsian, 3), (Ethnicities.Caribbean, 4), (Ethnicities.African, 6), (Ethnicities.OtherBlack, 1),
        (Ethnicities.WhiteAndBlackCaribbean, 8), (Ethnicities.WhiteAndBlackAfrican, 2), (Ethnicities.WhiteAndAsian, 3),
        (Ethnicities.OtherMixed, 2), (Ethnicities.Arab, 0.5), (Ethnicities.AnyOtherEthnicGroup, 0.5));

    public static Weighted<Ethnicity> MinoritiesIn(string lotCode) => lotCode switch
    {
        "WH" => InnerCityMinorities,
        "BB" or "CN" or "CH" or "GL" => TownMinorities,
        _ => UrbanMinorities,
    };

    /// <summary>Share who preferred not to say their ethnic group.</summary>
    public const double EthnicityNotSaid = 0.02;

    /// <summary>The ethnic group recorded, in the three kinds the headline figure counts.</summary>
    public enum EthnicityKind
    {
        WhiteBritish,
        Minority,
        NotSaid,
    }

    /// <summary>The mix of a lot: its minority share of those who said, after the 2% who did not.</summary>
    public static (EthnicityKind Kind, double Weight)[] EthnicityMix(string lotCode) =>
    [
        (EthnicityKind.NotSaid, EthnicityNotSaid),
        (EthnicityKind.Minority, (1 - EthnicityNotSaid) * MinorityEthnicShare(lotCode)),
        (EthnicityKind.WhiteBritish, (1 - EthnicityNotSaid) * (1 - MinorityEthnicShare(lotCode))),
    ];

    /// <summary>Where names come from for a recorded ethnic group: (given name, surname).</summary>
    public static (NameOrigin First, NameOrigin Last) NameOriginsFor(Ethnicity ethnicity, DemoRandom random)
    {
        ArgumentNullException.ThrowIfNull(ethnicity);
        return ethnicity.Code switch
        {
            "whiteBritish" => (NameOrigin.British, NameOrigin.British),
            "whiteIrish" => (NameOrigin.Irish, NameOrigin.Irish),
            "gypsyOrIrishTraveller" => (random.Chance(0.5) ? NameOrigin.Irish : NameOrigin.British, NameOrigin.Traveller),
            "roma" => (NameOrigin.Roma, NameOrigin.Roma),
            "otherWhite" => (NameOrigin.EasternEuropean, NameOrigin.EasternEuropean),
            "whiteAndBlackCaribbean" => Either(NameOrigin.British, NameOrigin.Caribbean, random),
            "whiteAndBlackAfrican" => Either(NameOrigin.British, NameOrigin.African, random),
            "whiteAndAsian" => Either(NameOrigin.British, random.Chance(0.5) ? NameOrigin.Indian : NameOrigin.Pakistani, random),
            "otherMixed" => Either(NameOrigin.British, random.Chance(0.5) ? NameOrigin.Arab : NameOrigin.OtherAsian, random),
            "indian" => (NameOrigin.Indian, NameOrigin.Indian),
            "pakistani" => (NameOrigin.Pakistani, NameOrigin.Pakistani),
            "bangladeshi" => (NameOrigin.Bangladeshi, NameOrigin.Bangladeshi),
            "chinese" => (NameOrigin.Chinese, NameOrigin.Chinese),
            "otherAsian" => (NameOrigin.OtherAsian, NameOrigin.OtherAsian),
            "caribbean" => (random.Chance(0.6) ? NameOrigin.Caribbean : NameOrigin.British, NameOrigin.Caribbean),
            "african" => (NameOrigin.African, NameOrigin.African),
            "otherBlack" => random.Chance(0.5) ? (NameOrigin.Caribbean, NameOrigin.Caribbean) : (NameOrigin.African, NameOrigin.African),
            "arab" => (NameOrigin.Arab, NameOrigin.Arab),
            "anyOtherEthnicGroup" => random.Chance(0.5) ? (NameOrigin.Arab, NameOrigin.Arab) : (NameOrigin.OtherAsian, NameOrigin.OtherAsian),
            _ => random.Chance(0.6) ? (NameOrigin.British, NameOrigin.British) : (NameOrigin.Pakistani, NameOrigin.Pakistani),
        };
    }

    private static (NameOrigin, NameOrigin) Either(NameOrigin a, NameOrigin b, DemoRandom random) =>
        (random.Chance(0.5) ? a : b, random.Chance(0.5) ? a : b);

    /// <summary>How likely English is a barrier, by where a participant's names come from.</summary>
    public static double LanguageBarrierChance(NameOrigin origin) => origin switch
    {
        NameOrigin.Roma => 0.45,
        NameOrigin.Arab => 0.35,
        NameOrigin.EasternEuropean => 0.3,
        NameOrigin.OtherAsian => 0.3,
        NameOrigin.Chinese => 0.25,
        NameOrigin.Bangladeshi => 0.14,
        NameOrigin.Pakistani => 0.12,
        NameOrigin.African => 0.12,
        _ => 0.005,
    };

    public static readonly Weighted<ActivityLimitation> Limitations = new(
        (ActivityLimitations.YesALot, 35), (ActivityLimitations.YesALittle, 45), (ActivityLimitations.NotAtAll, 18), (ActivityLimitations.PreferNotToSay, 2));

    /// <summary>Highest qualification by cohort: the longer out of work, the fewer qualifications.</summary>
    public static Weighted<QualificationLevel> QualificationsFor(Cohort cohort) => cohort switch
    {
        Cohort.HardestToHelp => HardestQualifications,
        Cohort.HarderToReach => HarderQualifications,
        Cohort.RapidProgression => RapidQualifications,
        _ => EmployedQualifications,
    };

    private static readonly Weighted<QualificationLevel> HardestQualifications = Qualifications(24, 12, 20, 22, 10, 2, 1.5, 3, 0.7, 0.1, 4.7);
    private static readonly Weighted<QualificationLevel> HarderQualifications = Qualifications(14, 8, 18, 27, 16, 4, 3, 6, 1.5, 0.2, 3.3);
    private static readonly Weighted<QualificationLevel> RapidQualifications = Qualifications(9, 6, 16, 28, 19, 5, 4, 8, 2, 0.3, 3);
    private static readonly Weighted<QualificationLevel> EmployedQualifications = Qualifications(7, 5, 15, 30, 20, 6, 4, 8, 2, 0.2, 2.8);

    private static Weighted<QualificationLevel> Qualifications(params double[] weights) =>
        new(QualificationLevels.All.Select((level, i) => (level, weights[i])).ToArray());

    public static readonly Weighted<ContractType> EmploymentContracts = new(
        (ContractTypes.Permanent, 38), (ContractTypes.ZeroHours, 22), (ContractTypes.Temporary, 14), (ContractTypes.FixedTerm, 9),
        (ContractTypes.Apprenticeship, 4), (ContractTypes.SelfEmployed, 13));

    public static readonly Weighted<NinoMissingReason> NinoMissingReasons = new(
        (NinoMissingReason.NotKnown, 40), (NinoMissingReason.NotYetProvided, 35), (NinoMissingReason.Applied, 10),
        (NinoMissingReason.NotIssued, 10), (NinoMissingReason.Declined, 5));

    /// <summary>Referral and outreach before Covid-19; social media and online self-referral grew during it (the documents).</summary>
    public static Weighted<RecruitmentChannel> ChannelsOn(DateOnly day) => DemoCalendar.IsPandemic(day) ? ChannelsDuringCovid : ChannelsBefore;

    private static readonly Weighted<RecruitmentChannel> ChannelsBefore = new(
        (RecruitmentChannels.JobcentrePlus, 28), (RecruitmentChannels.OtherOrganisationReferral, 18), (RecruitmentChannels.WordOfMouth, 14),
        (RecruitmentChannels.Leaflet, 10), (RecruitmentChannels.Event, 8), (RecruitmentChannels.OutreachFoodBank, 5),
        (RecruitmentChannels.OutreachJobClub, 6), (RecruitmentChannels.OutreachCommunityEvent, 7), (RecruitmentChannels.SocialMedia, 3),
        (RecruitmentChannels.SelfReferralOnline, 1));

    private static readonly Weighted<RecruitmentChannel> ChannelsDuringCovid = new(
        (RecruitmentChannels.JobcentrePlus, 30), (RecruitmentChannels.OtherOrganisationReferral, 18), (RecruitmentChannels.WordOfMouth, 12),
        (RecruitmentChannels.SocialMedia, 18), (RecruitmentChannels.SelfReferralOnline, 8), (RecruitmentChannels.Leaflet, 4),
        (RecruitmentChannels.Event, 1), (RecruitmentChannels.OutreachFoodBank, 4), (RecruitmentChannels.OutreachJobClub, 2),
        (RecruitmentChannels.OutreachCommunityEvent, 2), (RecruitmentChannels.Other, 1));

    public static readonly string[] ReferringOrganisations =
    [
        "Citizens Advice", "Local housing association", "Community mental health team", "Adult community learning service",
        "Children's centre", "Mosque community centre", "Gurdwara community kitchen", "Church community project",
        "Refugee and migrant centre", "Probation service", "Drug and alcohol recovery service", "Local authority family support",
        "GP social prescriber", "Carers' centre",
    ];

    /// <summary>Share engaged (three meaningful interventions) by cohort: about 82% in all, as the documents report.</summary>
    public static double EngagementChance(Cohort cohort) => cohort switch
    {
        Cohort.HardestToHelp => 0.81,
        Cohort.HarderToReach => 0.84,
        Cohort.RapidProgression => 0.86,
        _ => 0.79,
    };

    /// <summary>How contacts took place: mostly face to face before March 2020; telephone, video and online during the lockdowns; hybrid after.</summary>
    public static Weighted<InterventionMode> ModesOn(DateOnly day) => DemoCalendar.PeriodOf(day) switch
    {
        DeliveryPeriod.BeforeCovid => ModesBefore,
        DeliveryPeriod.FirstLockdown => ModesLockdown,
        DeliveryPeriod.Easing => ModesEasing,
        DeliveryPeriod.WinterLockdown => ModesWinter,
        _ => ModesHybrid,
    };

    private static readonly Weighted<InterventionMode> ModesBefore = Modes(70, 16, 1, 4, 9);
    private static readonly Weighted<InterventionMode> ModesLockdown = Modes(4, 52, 18, 24, 2);
    private static readonly Weighted<InterventionMode> ModesEasing = Modes(30, 36, 13, 16, 5);
    private static readonly Weighted<InterventionMode> ModesWinter = Modes(10, 46, 18, 23, 3);
    private static readonly Weighted<InterventionMode> ModesHybrid = Modes(45, 26, 10, 12, 7);

    private static Weighted<InterventionMode> Modes(double faceToFace, double telephone, double video, double online, double group) => new(
        (InterventionMode.FaceToFace, faceToFace), (InterventionMode.Telephone, telephone), (InterventionMode.Video, video),
        (InterventionMode.OnlineMessage, online), (InterventionMode.GroupSession, group));

    /// <summary>Typical lengths in minutes of a substantive contact by mode.</summary>
    public static int[] DurationsOf(InterventionMode mode) => mode switch
    {
        InterventionMode.FaceToFace => FaceToFaceMinutes,
        InterventionMode.Telephone => TelephoneMinutes,
        InterventionMode.Video => VideoMinutes,
        InterventionMode.OnlineMessage => OnlineMinutes,
        _ => GroupMinutes,
    };

    private static readonly int[] FaceToFaceMinutes = [30, 40, 45, 45, 60, 60, 60, 75, 90];
    private static readonly int[] TelephoneMinutes = [15, 20, 20, 25, 30, 30, 40, 45];
    private static readonly int[] VideoMinutes = [20, 30, 30, 45, 45, 60];
    private static readonly int[] OnlineMinutes = [15, 15, 20, 25, 30];
    private static readonly int[] GroupMinutes = [60, 90, 120, 120, 150, 180];

    public static readonly Weighted<ActivityType> ContactActivities = new(
        (ActivityType.InformationAdviceGuidance, 50), (ActivityType.SkillsDevelopment, 15), (ActivityType.PartnershipReferral, 10),
        (ActivityType.NetworksAndSocialCapital, 10), (ActivityType.EmployerActivity, 8), (ActivityType.JobBrokerage, 7));

    public static string[] NotesFor(ActivityType type) => type switch
    {
        ActivityType.InformationAdviceGuidance => GuidanceNotes,
        ActivityType.SkillsDevelopment => SkillsNotes,
        ActivityType.PartnershipReferral => ReferralNotes,
        ActivityType.NetworksAndSocialCapital => NetworkNotes,
        ActivityType.EmployerActivity => EmployerNotes,
        _ => BrokerageNotes,
    };

    private static readonly string[] GuidanceNotes =
    [
        "Reviewed the action plan and agreed next steps.", "Job search together; two applications sent.",
        "Updated CV for warehouse and retail roles.", "Better-off-in-work calculation done.",
        "Interview preparation: practised common questions.", "Talked through the jobs that match their skills and experience.",
    ];

    private static readonly string[] SkillsNotes =
    [
        "Enrolled on a functional skills maths course.", "Booked onto a CSCS card course next month.",
        "Digital skills session: set up an email account and searched for vacancies online.", "Confidence course: attended the first session.",
    ];

    private static readonly string[] ReferralNotes =
    [
        "Referred to Citizens Advice for debt advice.", "Referred to the local talking therapies service.",
        "Referred to ESOL classes at the adult education centre.", "Referred to the housing options team.",
    ];

    private static readonly string[] NetworkNotes =
    [
        "Attended the community job club.", "Started volunteering at the food bank two mornings a week.",
        "Joined the peer support group at the community centre.",
    ];

    private static readonly string[] EmployerNotes =
    [
        "Taster day at a local distribution centre.", "Work experience placement agreed with a care home.",
        "Attended a recruitment event with local employers.",
    ];

    private static readonly string[] BrokerageNotes =
    [
        "Matched to a vacancy for a kitchen assistant; application sent.", "Guaranteed interview arranged with a local employer.",
        "In-work support call: settling in well.",
    ];

    /// <summary>"Identify jobs that match skills": whether it is completed is decided with the outcomes (<see cref="DemoOutcomeModel"/>).</summary>
    public static readonly ActionTemplate IdentifyMatchingJobs = Actions("identifyMatchingJobs")[0];

    /// <summary>Actions every out-of-work plan may hold.</summary>
    public static readonly ActionTemplate[] EveryoneActions = Actions("cv", "jobApplications", "careersAdvice");

    private static readonly Dictionary<string, ActionTemplate[]> ActionsByBarrier = new(StringComparer.Ordinal)
    {
        ["employabilitySupport"] = Actions("cv", "interviewPreparation", "identifyMatchingJobs", "jobApplications"),
        ["lowConfidence"] = Actions("confidenceBuilding", "volunteering", "peerSupportGroup"),
        ["lowMotivation"] = Actions("confidenceBuilding", "volunteering", "peerSupportGroup"),
        ["lackOfSkillsOrQualifications"] = Actions("skillsTraining", "englishMathsDigital", "vocationalQualification"),
        ["healthConditionOrDisability"] = Actions("referralHealth"),
        ["childcare"] = Actions("referralChildcare"),
        ["debt"] = Actions("referralFinancialInclusion", "benefitsAndBetterOffAdvice"),
        ["housing"] = Actions("referralHousing"),
        ["language"] = Actions("referralEsol"),
        ["internetAccess"] = Actions("englishMathsDigital"),
        ["noRecentWorkHistory"] = Actions("workExperience", "tasterDay", "volunteering"),
    };

    private static readonly ActionTemplate[] RapidProgressionActions = Actions("identifyMatchingJobs", "jobMatching", "guaranteedInterview", "jobFair");
    private static readonly ActionTemplate[] EmployedActions = Actions("inWorkSupport", "careersAdvice", "employerTraining", "vocationalQualification");
    private static readonly ActionTemplate[] LongerOutOfWorkActions = Actions("workExperience", "identifyMatchingJobs", "tasterDay", "communityActivity");

    /// <summary>Actions that answer a barrier; none for barriers the advisor works on in conversation.</summary>
    public static ActionTemplate[] ActionsFor(string barrierCode) => ActionsByBarrier.GetValueOrDefault(barrierCode) ?? [];

    public static ActionTemplate[] ActionsFor(Cohort cohort) => cohort switch
    {
        Cohort.RapidProgression => RapidProgressionActions,
        Cohort.Employed => EmployedActions,
        _ => LongerOutOfWorkActions,
    };

    private static ActionTemplate[] Actions(params string[] codes) =>
        [.. codes.Select(code => ActionCatalogue.Find(code) ?? throw new InvalidOperationException($"'{code}' is not in the action catalogue."))];

    public static readonly string[] Jobs =
    [
        "warehouse operative", "care assistant", "retail assistant", "delivery driver", "kitchen assistant", "cleaner",
        "administrator", "customer service adviser", "forklift driver", "security officer", "teaching assistant", "bus driver",
        "hairdresser", "labourer", "production operative",
    ];

    public static readonly string[] NotDoneReasons =
    [
        "No placement was available in time.", "They found work before it started.", "They were no longer interested.",
        "The course was full.", "They could not arrange childcare for it.",
    ];

    /// <summary>The postal town of a postcode district in the lots' areas; otherwise the local authority.</summary>
    public static string TownFor(string postcode, string localAuthority)
    {
        ArgumentNullException.ThrowIfNull(postcode);
        var district = postcode.Split(' ')[0];
        return district switch
        {
            "WS1" or "WS2" or "WS3" or "WS4" or "WS5" => "Walsall",
            "WS11" or "WS12" => "Cannock",
            "B96" or "B97" or "B98" => "Redditch",
            "B77" or "B78" or "B79" => "Tamworth",
            "CV10" or "CV11" => "Nuneaton",
            _ when district.StartsWith("CV", StringComparison.Ordinal) => "Coventry",
            _ when district.Length >= 2 && district[0] == 'B' && char.IsAsciiDigit(district[1]) => "Birmingham",
            _ => localAuthority,
        };
    }
}
