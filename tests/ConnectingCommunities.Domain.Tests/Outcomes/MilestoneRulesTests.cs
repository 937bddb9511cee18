using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using static ConnectingCommunities.Domain.Tests.Programme.DateRangeTests;

namespace ConnectingCommunities.Domain.Tests.Outcomes;

public sealed class MilestoneRulesTests
{
    private static ParticipantFacts Facts(
        Cohort cohort = Cohort.HardestToHelp,
        string? engaged = null,
        JobSpell[]? spells = null,
        ProgressionEvent[]? progressions = null) =>
        new(Day("2021-01-04"), cohort, engaged is null ? null : Day(engaged), spells ?? [], progressions ?? []);

    [Fact]
    public void A_full_journey_gives_each_milestone_once_in_date_order()
    {
        var facts = Facts(
            engaged: "2021-01-20",
            spells: [new JobSpell(Day("2021-02-01"), null)],
            progressions: [new ProgressionEvent(Day("2021-09-01"), true), new ProgressionEvent(Day("2021-10-01"), true)]);

        var achieved = MilestoneRules.Derive(facts, Day("2022-03-01"));

        Assert.Equal(
            [
                new AchievedMilestone(Milestone.Engaged, Day("2021-01-20")),
                new AchievedMilestone(Milestone.JobOutcome, Day("2021-02-01")),
                new AchievedMilestone(Milestone.Sustained13Weeks, Day("2021-05-03")),
                new AchievedMilestone(Milestone.Sustained26Weeks, Day("2021-08-02")),
                new AchievedMilestone(Milestone.Progression, Day("2021-09-01")),
                new AchievedMilestone(Milestone.Sustained52Weeks, Day("2022-01-31")),
            ],
            achieved);
    }

    [Fact]
    public void Nothing_after_the_day_judged_on_is_achieved()
    {
        var facts = Facts(engaged: "2021-01-20", spells: [new JobSpell(Day("2021-02-01"), null)]);

        Assert.Equal(
            [Milestone.Engaged, Milestone.JobOutcome, Milestone.Sustained13Weeks],
            MilestoneRules.Derive(facts, Day("2021-05-03")).Select(a => a.Milestone));
        Assert.Empty(MilestoneRules.Derive(facts, Day("2021-01-19")));
    }

    [Fact]
    public void The_job_outcome_is_the_first_job_started_after_registration()
    {
        var facts = Facts(spells:
        [
            new JobSpell(Day("2020-06-01"), Day("2020-07-01")),
            new JobSpell(Day("2021-03-01"), Day("2021-03-10")),
            new JobSpell(Day("2021-02-01"), Day("2021-02-10")),
        ]);

        var achieved = MilestoneRules.Derive(facts, Day("2022-01-01"));

        Assert.Equal([new AchievedMilestone(Milestone.JobOutcome, Day("2021-02-01"))], achieved);
    }

    [Fact]
    public void No_sustainment_without_a_job_outcome_so_the_employed_cohort_has_neither()
    {
        var facts = Facts(
            cohort: Cohort.Employed,
            spells: [new JobSpell(Day("2019-01-01"), null)],
            progressions: [new ProgressionEvent(Day("2021-06-01"), true)]);

        Assert.Equal(
            [new AchievedMilestone(Milestone.Progression, Day("2021-06-01"))],
            MilestoneRules.Derive(facts, Day("2022-06-01")));
    }

    [Fact]
    public void Progression_needs_the_participant_in_work_that_day_and_a_qualifying_change()
    {
        var facts = Facts(
            spells: [new JobSpell(Day("2021-03-01"), Day("2021-04-30"))],
            progressions:
            [
                new ProgressionEvent(Day("2021-02-01"), true),
                new ProgressionEvent(Day("2021-03-15"), false),
                new ProgressionEvent(Day("2021-05-15"), true),
            ]);

        Assert.DoesNotContain(MilestoneRules.Derive(facts, Day("2022-01-01")), a => a.Milestone == Milestone.Progression);
    }

    [Fact]
    public void A_sustainment_point_needs_the_one_before_it()
    {
        AchievedMilestone[] achieved =
        [
            new(Milestone.JobOutcome, Day("2021-02-01")),
            new(Milestone.Sustained13Weeks, Day("2021-05-03")),
        ];

        Assert.True(MilestoneRules.PrerequisitesMet(Milestone.Sustained13Weeks, Day("2021-05-03"), achieved, true));
        Assert.True(MilestoneRules.PrerequisitesMet(Milestone.Sustained26Weeks, Day("2021-08-02"), achieved, true));
        Assert.False(MilestoneRules.PrerequisitesMet(Milestone.Sustained52Weeks, Day("2022-01-31"), achieved, true));
        Assert.False(MilestoneRules.PrerequisitesMet(Milestone.Sustained13Weeks, Day("2021-05-03"), [], true));
        Assert.False(MilestoneRules.PrerequisitesMet(Milestone.Sustained13Weeks, Day("2021-01-31"), achieved, true));
    }

    [Theory]
    [InlineData(Milestone.Engaged, null)]
    [InlineData(Milestone.JobOutcome, null)]
    [InlineData(Milestone.Sustained13Weeks, Milestone.JobOutcome)]
    [InlineData(Milestone.Sustained26Weeks, Milestone.Sustained13Weeks)]
    [InlineData(Milestone.Sustained52Weeks, Milestone.Sustained26Weeks)]
    [InlineData(Milestone.Progression, null)]
    public void Each_milestone_names_its_prerequisite(Milestone milestone, Milestone? prerequisite) =>
        Assert.Equal(prerequisite, MilestoneRules.Prerequisite(milestone));

    [Fact]
    public void Progression_prerequisite_is_being_in_work()
    {
        Assert.True(MilestoneRules.PrerequisitesMet(Milestone.Progression, Day("2021-06-01"), [], inWorkOn: true));
        Assert.False(MilestoneRules.PrerequisitesMet(Milestone.Progression, Day("2021-06-01"), [], inWorkOn: false));
        Assert.True(MilestoneRules.PrerequisitesMet(Milestone.Engaged, Day("2021-06-01"), [], inWorkOn: false));
    }

    [Fact]
    public void Derived_milestones_always_meet_their_prerequisites()
    {
        var facts = Facts(
            engaged: "2021-01-20",
            spells: [new JobSpell(Day("2021-02-01"), Day("2021-03-01")), new JobSpell(Day("2021-03-20"), null)],
            progressions: [new ProgressionEvent(Day("2021-04-01"), true)]);

        var achieved = MilestoneRules.Derive(facts, Day("2023-01-01"));

        Assert.Equal(6, achieved.Select(a => a.Milestone).Distinct().Count());
        Assert.All(achieved, a => Assert.True(MilestoneRules.PrerequisitesMet(a.Milestone, a.On, achieved, facts.InWorkOn(a.On))));
    }
}
