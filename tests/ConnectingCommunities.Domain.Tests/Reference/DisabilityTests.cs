using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Tests.Reference;

public class DisabilityTests
{
    [Theory]
    [InlineData("yes", "yesALot", true)]
    [InlineData("yes", "yesALittle", true)]
    [InlineData("yes", "notAtAll", false)]
    [InlineData("yes", "preferNotToSay", null)]
    [InlineData("yes", null, null)]
    [InlineData("no", null, false)]
    [InlineData("no", "yesALot", false)]
    [InlineData("preferNotToSay", null, null)]
    [InlineData("preferNotToSay", "yesALot", null)]
    [InlineData(null, null, null)]
    [InlineData("unknownCode", "yesALot", null)]
    public void Equality_act_disability_needs_a_long_term_condition_that_limits_activities(
        string? condition, string? limitation, bool? expected)
    {
        Assert.Equal(expected, Disability.IsDisabledUnderEqualityAct(condition, limitation));
    }

    [Fact]
    public void The_typed_overload_applies_the_same_rule()
    {
        Assert.True(Disability.IsDisabledUnderEqualityAct(LongTermConditionAnswers.Yes, ActivityLimitations.YesALittle));
        Assert.False(Disability.IsDisabledUnderEqualityAct(LongTermConditionAnswers.No, null));
        Assert.Throws<ArgumentNullException>(() => Disability.IsDisabledUnderEqualityAct(null!, ActivityLimitations.YesALot));
    }

    [Fact]
    public void Questions_and_answers_use_the_gss_wording()
    {
        Assert.Contains("lasting or expected to last 12 months or more", LongTermConditionAnswers.Question, StringComparison.Ordinal);
        Assert.Contains("day-to-day activities", ActivityLimitations.Question, StringComparison.Ordinal);
        Assert.Equal(["Yes, a lot", "Yes, a little", "Not at all", "Prefer not to say"], ActivityLimitations.All.Select(a => a.DisplayName));
    }
}
