using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;

namespace ConnectingCommunities.Domain.Tests.Reference;

public class OtherCatalogueTests
{
    [Fact]
    public void There_are_six_activity_types()
    {
        Assert.Equal(6, ActivityTypes.All.Count);
        Assert.Equal("Information, advice and guidance", ActivityType.InformationAdviceGuidance.DisplayName());
        Assert.All(ActivityTypes.All, a => Assert.NotEmpty(a.Description()));
        Assert.All(ActivityTypes.All, a => Assert.NotEmpty(ActionCatalogue.For(a)));
    }

    [Fact]
    public void Outreach_channels_are_grouped_together()
    {
        Assert.Equal(
            [RecruitmentChannels.OutreachFoodBank, RecruitmentChannels.OutreachJobClub, RecruitmentChannels.OutreachCommunityEvent],
            RecruitmentChannels.All.Where(c => c.Group == RecruitmentChannels.OutreachGroup));
        Assert.All(RecruitmentChannels.All, c => Assert.Contains(c.Group, RecruitmentChannels.Groups));
        Assert.Equal(RecruitmentChannels.ReferralGroup, RecruitmentChannels.JobcentrePlus.Group);
    }

    [Fact]
    public void Self_employment_is_the_only_contract_type_that_is_not_employment()
    {
        Assert.Equal([ContractTypes.SelfEmployed], ContractTypes.All.Where(c => !c.IsEmployment));
    }

    [Fact]
    public void Sex_and_gender_identity_are_separate_questions_each_allowing_prefer_not_to_say()
    {
        Assert.Equal(["Female", "Male", "Prefer not to say"], Sexes.All.Select(s => s.DisplayName));
        Assert.Equal(["Yes", "No", "Prefer not to say"], GenderIdentityAnswers.All.Select(s => s.DisplayName));
        Assert.NotEqual(Sexes.Question, GenderIdentityAnswers.Question);
    }

    [Fact]
    public void Delivery_modes_cover_hybrid_delivery()
    {
        Assert.Equal(
            ["Face to face", "Telephone", "Video call", "Online message", "Group session"],
            InterventionModes.All.Select(d => d.DisplayName()));
        Assert.Equal(3, InterventionModes.All.Count(m => m.IsRemote()));
    }

    [Fact]
    public void Barriers_end_with_other()
    {
        Assert.Same(Barriers.Other, Barriers.All[^1]);
        Assert.Equal(16, Barriers.All.Count);
    }

    [Fact]
    public void Reverse_marketing_is_explained()
    {
        Assert.NotEmpty(EmployerEngagementMethods.ReverseMarketing.Hint);
        Assert.Equal(7, EmployerEngagementMethods.All.Count);
    }
}
