using ConnectingCommunities.Domain.Claims;

namespace ConnectingCommunities.Domain.Tests.Claims;

public sealed class ClaimDecisionsTests
{
    [Theory]
    [InlineData(ClaimDecision.Approve, null)]
    [InlineData(ClaimDecision.Reject, "No payslip for the start week")]
    [InlineData(ClaimDecision.Return, "Evidence is for another person")]
    public void A_checker_may_decide_a_submitted_line(ClaimDecision decision, string? reason) =>
        Assert.Empty(ClaimDecisions.Check(ClaimLineStatus.Submitted, decision, "manager@wh", "commissioner@wmca", reason));

    [Fact]
    public void Whoever_submitted_cannot_decide() =>
        Assert.Equal(
            [ClaimDecisionRefusal.SubmitterCannotDecide],
            ClaimDecisions.Check(ClaimLineStatus.Submitted, ClaimDecision.Approve, "Someone@example.org", " someone@example.org", null));

    [Theory]
    [InlineData(ClaimLineStatus.Approved)]
    [InlineData(ClaimLineStatus.Rejected)]
    [InlineData(ClaimLineStatus.Returned)]
    [InlineData(ClaimLineStatus.Draft)]
    [InlineData(ClaimLineStatus.Paid)]
    public void A_line_already_decided_or_not_submitted_cannot_be_decided(ClaimLineStatus status) =>
        Assert.Equal(
            [ClaimDecisionRefusal.NotAwaitingDecision],
            ClaimDecisions.Check(status, ClaimDecision.Approve, "manager@wh", "commissioner@wmca", null));

    [Theory]
    [InlineData(ClaimDecision.Reject)]
    [InlineData(ClaimDecision.Return)]
    public void Rejecting_or_returning_needs_a_reason(ClaimDecision decision) =>
        Assert.Equal(
            [ClaimDecisionRefusal.ReasonRequired],
            ClaimDecisions.Check(ClaimLineStatus.Submitted, decision, "manager@wh", "commissioner@wmca", "  "));

    [Theory]
    [InlineData(ClaimDecision.Approve, ClaimLineStatus.Approved)]
    [InlineData(ClaimDecision.Reject, ClaimLineStatus.Rejected)]
    [InlineData(ClaimDecision.Return, ClaimLineStatus.Returned)]
    public void Each_decision_moves_the_line_on(ClaimDecision decision, ClaimLineStatus status) =>
        Assert.Equal(status, decision.Outcome());
}
