using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Tests.Programme;

public sealed class EngagementRulesTests
{
    private static readonly MeaningfulInterventionRule Default = new();

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    [InlineData(90, true)]
    [InlineData(0, false)]
    public void By_default_a_contact_of_15_minutes_or_more_is_meaningful(int minutes, bool meaningful) =>
        Assert.Equal(meaningful, Default.IsMeaningful(minutes));

    [Fact]
    public void Set_up_can_change_the_minimum()
    {
        var rule = new MeaningfulInterventionRule(30);
        Assert.False(rule.IsMeaningful(29));
        Assert.True(rule.IsMeaningful(30));
    }

    [Fact]
    public void The_third_meaningful_intervention_is_the_day_of_engagement()
    {
        Contact[] contacts =
        [
            new(new DateOnly(2021, 3, 10), 60),
            new(new DateOnly(2021, 3, 1), 20),
            new(new DateOnly(2021, 3, 5), 10),
            new(new DateOnly(2021, 3, 20), 15),
            new(new DateOnly(2021, 4, 2), 45),
        ];

        Assert.Equal(new DateOnly(2021, 3, 20), EngagementRule.EngagedOn(contacts, Default));
    }

    [Fact]
    public void Two_meaningful_interventions_are_not_yet_engagement()
    {
        Contact[] contacts = [new(new DateOnly(2021, 3, 1), 20), new(new DateOnly(2021, 3, 2), 5), new(new DateOnly(2021, 3, 3), 30)];

        Assert.Null(EngagementRule.EngagedOn(contacts, Default));
        Assert.Equal(new DateOnly(2021, 3, 3), EngagementRule.EngagedOn(contacts, Default, threshold: 2));
    }

    [Fact]
    public void A_threshold_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EngagementRule.EngagedOn([], Default, threshold: 0));
}
