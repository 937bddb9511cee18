using System.Text.RegularExpressions;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;

namespace ConnectingCommunities.Domain.Tests.Reference;

public partial class CatalogueTests
{
    private static readonly Dictionary<string, IReadOnlyList<IReferenceItem>> Catalogues = new()
    {
        ["ethnicity"] = Ethnicities.All,
        ["ethnicGroup"] = Ethnicities.Groups,
        ["longTermCondition"] = LongTermConditionAnswers.All,
        ["activityLimitation"] = ActivityLimitations.All,
        ["qualificationLevel"] = QualificationLevels.All,
        ["sex"] = Sexes.All,
        ["genderIdentity"] = GenderIdentityAnswers.All,
        ["barrier"] = Barriers.All,
        ["recruitmentChannel"] = RecruitmentChannels.All,
        ["recruitmentChannelGroup"] = RecruitmentChannels.Groups,
        ["action"] = ActionCatalogue.All,
        ["leavingReason"] = LeavingReasons.All,
        ["employerEngagementMethod"] = EmployerEngagementMethods.All,
        ["contractType"] = ContractTypes.All,
    };

    private static readonly Dictionary<string, Func<string?, IReferenceItem?>> Finders = new()
    {
        ["ethnicity"] = Ethnicities.Find,
        ["ethnicGroup"] = Ethnicities.FindGroup,
        ["longTermCondition"] = LongTermConditionAnswers.Find,
        ["activityLimitation"] = ActivityLimitations.Find,
        ["qualificationLevel"] = QualificationLevels.Find,
        ["sex"] = Sexes.Find,
        ["genderIdentity"] = GenderIdentityAnswers.Find,
        ["barrier"] = Barriers.Find,
        ["recruitmentChannel"] = RecruitmentChannels.Find,
        ["recruitmentChannelGroup"] = RecruitmentChannels.FindGroup,
        ["action"] = ActionCatalogue.Find,
        ["leavingReason"] = LeavingReasons.Find,
        ["employerEngagementMethod"] = EmployerEngagementMethods.Find,
        ["contractType"] = ContractTypes.Find,
    };

    /// <summary>
    /// The published codes. Codes are stored and exported, so renaming one must fail here and be
    /// done with a data migration, never by accident.
    /// </summary>
    public static TheoryData<string, string> PublishedCodes => new()
    {
        { "ethnicity", "whiteBritish whiteIrish gypsyOrIrishTraveller roma otherWhite whiteAndBlackCaribbean whiteAndBlackAfrican whiteAndAsian otherMixed indian pakistani bangladeshi chinese otherAsian caribbean african otherBlack arab anyOtherEthnicGroup preferNotToSay" },
        { "ethnicGroup", "white mixed asian black other" },
        { "longTermCondition", "yes no preferNotToSay" },
        { "activityLimitation", "yesALot yesALittle notAtAll preferNotToSay" },
        { "qualificationLevel", "none entryLevel level1 level2 level3 level4 level5 level6 level7 level8 otherLevelUnknown" },
        { "sex", "female male preferNotToSay" },
        { "genderIdentity", "same different preferNotToSay" },
        { "barrier", "employabilitySupport lowConfidence lowMotivation lackOfSkillsOrQualifications healthConditionOrDisability childcare caringResponsibilities debt transport internetAccess housing language criminalRecord substanceMisuse noRecentWorkHistory other" },
        { "recruitmentChannel", "leaflet event socialMedia jobcentrePlus otherOrganisationReferral outreachFoodBank outreachJobClub outreachCommunityEvent wordOfMouth selfReferralOnline other" },
        { "recruitmentChannelGroup", "publicity referral outreach self other" },
        { "action", "careersAdvice identifyMatchingJobs cv jobApplications interviewPreparation benefitsAndBetterOffAdvice otherGuidance skillsTraining englishMathsDigital vocationalQualification confidenceBuilding otherSkills referralFinancialInclusion referralHealth referralHousing referralEsol referralChildcare otherReferral volunteering communityActivity peerSupportGroup otherNetworks workExperience tasterDay employerTraining jobFair otherEmployerActivity jobMatching guaranteedInterview inWorkSupport otherBrokerage" },
        { "leavingReason", "movedOutOfArea noLongerWantsSupport lostContact healthReasons referredElsewhere supportCompleted died other" },
        { "employerEngagementMethod", "existingLinks jobFair closeRelationship onlineVacancySearch coldCalling reverseMarketing employmentAgency" },
        { "contractType", "permanent fixedTerm temporary zeroHours apprenticeship selfEmployed" },
    };

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Codes_are_the_published_ones_in_order(string catalogue, string codes)
    {
        Assert.Equal(codes.Split(' '), Catalogues[catalogue].Select(item => item.Code));
    }

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Codes_are_unique_camel_case_and_names_are_unique_sentences(string catalogue, string codes)
    {
        var items = Catalogues[catalogue];

        Assert.Equal(codes.Split(' ').Length, items.Count);
        Assert.All(items, item => Assert.Matches(CamelCase(), item.Code));
        Assert.Equal(items.Count, items.Select(i => i.Code.ToUpperInvariant()).Distinct().Count());
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.DisplayName)));
        Assert.All(items, item => Assert.True(char.IsUpper(item.DisplayName[0]) || char.IsDigit(item.DisplayName[0]), item.DisplayName));
        Assert.All(items, item => Assert.Equal(item.DisplayName, item.ToString()));
    }

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Find_returns_the_item_for_its_code_ignoring_case_and_spaces(string catalogue, string codes)
    {
        var find = Finders[catalogue];

        foreach (var item in Catalogues[catalogue])
        {
            Assert.Same(item, find(item.Code));
            Assert.Same(item, find($" {item.Code.ToUpperInvariant()} "));
        }

        Assert.NotEmpty(codes);
        Assert.Null(find(null));
        Assert.Null(find(string.Empty));
        Assert.Null(find("   "));
        Assert.Null(find("noSuchCode"));
        Assert.Null(find(Catalogues[catalogue][0].DisplayName + "x"));
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
