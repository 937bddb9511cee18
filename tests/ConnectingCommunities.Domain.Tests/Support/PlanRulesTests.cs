using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;

namespace ConnectingCommunities.Domain.Tests.Support;

public sealed class PlanRulesTests
{
    private static readonly DateOnly Registered = new(2021, 3, 1);
    private static readonly DateOnly Today = new(2021, 6, 15);

    [Theory]
    [InlineData(ActionStatus.Identified, new[] { ActionStatus.Identified, ActionStatus.Agreed, ActionStatus.Completed, ActionStatus.NotDone })]
    [InlineData(ActionStatus.Agreed, new[] { ActionStatus.Agreed, ActionStatus.Completed, ActionStatus.NotDone })]
    [InlineData(ActionStatus.Completed, new[] { ActionStatus.Completed })]
    [InlineData(ActionStatus.NotDone, new[] { ActionStatus.NotDone })]
    public void An_action_moves_forward_only(ActionStatus from, ActionStatus[] allowed) =>
        Assert.Equal(allowed, PlanRules.NextStatuses(from));

    [Theory]
    [InlineData(ActionStatus.Agreed, ActionStatus.Identified)]
    [InlineData(ActionStatus.Completed, ActionStatus.Agreed)]
    [InlineData(ActionStatus.Completed, ActionStatus.NotDone)]
    [InlineData(ActionStatus.NotDone, ActionStatus.Completed)]
    [InlineData(ActionStatus.NotDone, ActionStatus.Identified)]
    public void A_closed_or_agreed_action_cannot_go_back(ActionStatus from, ActionStatus to) =>
        Assert.False(ActionStatuses.CanMove(from, to));

    [Theory]
    [InlineData(2021, 3, 1, HappenedOnCheck.Ok)]
    [InlineData(2021, 2, 28, HappenedOnCheck.BeforeRegistration)]
    [InlineData(2021, 6, 15, HappenedOnCheck.Ok)]
    [InlineData(2021, 6, 16, HappenedOnCheck.InFuture)]
    public void A_thing_happened_between_registration_and_today_inclusive(int year, int month, int day, HappenedOnCheck expected) =>
        Assert.Equal(expected, PlanRules.CheckHappenedOn(new DateOnly(year, month, day), Registered, Today));

    [Fact]
    public void Registered_today_and_done_today_is_fine() =>
        Assert.Equal(HappenedOnCheck.Ok, PlanRules.CheckHappenedOn(Today, Today, Today));

    [Fact]
    public void A_barrier_not_yet_recorded_is_new() =>
        Assert.Equal(BarrierAddition.New, PlanRules.Adding(alreadyRecorded: false, resolvedOn: null));

    [Fact]
    public void A_barrier_recorded_and_open_is_not_added_twice() =>
        Assert.Equal(BarrierAddition.AlreadyOpen, PlanRules.Adding(alreadyRecorded: true, resolvedOn: null));

    [Fact]
    public void A_resolved_barrier_added_again_reopens() =>
        Assert.Equal(BarrierAddition.Reopen, PlanRules.Adding(alreadyRecorded: true, resolvedOn: new DateOnly(2021, 5, 1)));

    [Theory]
    [InlineData(2021, 5, 31, false)]
    [InlineData(2021, 6, 1, true)]
    [InlineData(2021, 6, 2, true)]
    public void A_review_is_on_or_after_the_latest_review(int year, int month, int day, bool inOrder) =>
        Assert.Equal(inOrder, PlanRules.IsReviewInOrder(new DateOnly(year, month, day), new DateOnly(2021, 6, 1)));

    [Fact]
    public void Every_other_action_needs_details_and_no_catalogue_action_does()
    {
        var others = ActionCatalogue.All.Where(PlanRules.NeedsDetails).Select(a => a.Code).ToList();

        Assert.Equal(["otherGuidance", "otherSkills", "otherReferral", "otherNetworks", "otherEmployerActivity", "otherBrokerage"], others);
        Assert.Equal(ActivityTypes.All.Count, ActionCatalogue.All.Where(PlanRules.NeedsDetails).Select(a => a.ActivityType).Distinct().Count());
        Assert.False(PlanRules.NeedsDetails(ActionCatalogue.Find("identifyMatchingJobs")!));
    }

    [Fact]
    public void Only_the_other_barrier_needs_a_description() =>
        Assert.Equal([Barriers.Other], Barriers.All.Where(PlanRules.NeedsDescription));

    [Fact]
    public void Identified_and_not_done_count_as_not_implemented()
    {
        var counts = new ActionCounts(Identified: 3, Agreed: 2, Completed: 4, NotDone: 1, Overdue: 2);

        Assert.Equal(4, counts.NotImplemented);
        Assert.Equal(10, counts.Total);
        Assert.Equal(2, counts.WithStatus(ActionStatus.Agreed));
    }

    [Fact]
    public void Overdue_counts_open_actions_due_before_today_only()
    {
        (ActionStatus, DateOnly?)[] actions =
        [
            (ActionStatus.Identified, Today.AddDays(-1)),
            (ActionStatus.Agreed, Today.AddDays(-30)),
            (ActionStatus.Agreed, Today),
            (ActionStatus.Identified, null),
            (ActionStatus.Completed, Today.AddDays(-10)),
            (ActionStatus.NotDone, Today.AddDays(-10)),
        ];

        var counts = ActionCounts.Count(actions, Today);

        Assert.Equal(new ActionCounts(Identified: 2, Agreed: 2, Completed: 1, NotDone: 1, Overdue: 2), counts);
        Assert.Equal(3, counts.NotImplemented);
    }

    [Fact]
    public void Counts_add_up_across_plans()
    {
        var sum = new ActionCounts(1, 2, 3, 4, 5) + new ActionCounts(10, 20, 30, 40, 50);

        Assert.Equal(new ActionCounts(11, 22, 33, 44, 55), sum);
        Assert.Equal(ActionCounts.Empty, ActionCounts.From(new Dictionary<ActionStatus, int>(), 0));
    }
}
