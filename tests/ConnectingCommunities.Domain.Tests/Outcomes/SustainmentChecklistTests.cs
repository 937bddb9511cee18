using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using static ConnectingCommunities.Domain.Tests.Programme.DateRangeTests;

namespace ConnectingCommunities.Domain.Tests.Outcomes;

public sealed class SustainmentChecklistTests
{
    private const int Gap = EmploymentContinuity.DefaultGapDays;

    private static JobSpell Spell(string start, string? end = null) => new(Day(start), end is null ? null : Day(end));

    private static IReadOnlyList<SustainmentCheckItem> Checks(
        JobSpell[] spells, string today, RecordedSustainmentCheck[]? recorded = null, AchievedMilestone[]? achieved = null) =>
        SustainmentChecklist.For(spells, Gap, recorded ?? [], achieved ?? [], Day(today));

    [Fact]
    public void A_job_still_held_has_three_checks_upcoming_due_and_overdue_by_the_day()
    {
        // Started 14 June 2021: due 13 September 2021, 13 December 2021 and 13 June 2022.
        var checks = Checks([Spell("2021-06-14")], "2021-12-13");

        Assert.Equal(
            [
                (Milestone.Sustained13Weeks, Day("2021-09-13"), SustainmentCheckState.Overdue),
                (Milestone.Sustained26Weeks, Day("2021-12-13"), SustainmentCheckState.Due),
                (Milestone.Sustained52Weeks, Day("2022-06-13"), SustainmentCheckState.Upcoming),
            ],
            checks.Select(c => (c.Milestone, c.DueOn, c.State)));
        Assert.Equal(91, checks[0].DaysOverdue(Day("2021-12-13")));
        Assert.Equal(0, checks[1].DaysOverdue(Day("2021-12-13")));
        Assert.All(checks, c => Assert.True(c.IsOutstanding));
    }

    [Fact]
    public void Recorded_results_show_as_in_work_and_not_in_work()
    {
        var start = Day("2021-06-14");
        var checks = Checks(
            [Spell("2021-06-14", "2021-12-20")], "2022-07-01",
            [new(Milestone.Sustained13Weeks, start, true), new(Milestone.Sustained26Weeks, start, true)]);

        Assert.Equal(
            [SustainmentCheckState.InWork, SustainmentCheckState.InWork, SustainmentCheckState.EmploymentEnded],
            checks.Select(c => c.State));
        Assert.False(checks[2].IsOutstanding);
    }

    [Fact]
    public void A_change_of_job_within_the_gap_keeps_one_run_and_its_due_days()
    {
        // The first job ends 31 July; the next starts 28 August, a gap of 27 days: one run from 14 June.
        var checks = Checks([Spell("2021-06-14", "2021-07-31"), Spell("2021-08-28")], "2021-10-01");

        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.Equal(Day("2021-06-14"), c.Run.Start));
        Assert.Equal(SustainmentCheckState.Overdue, checks[0].State);
    }

    [Fact]
    public void A_gap_longer_than_allowed_starts_a_new_run_with_checks_of_its_own()
    {
        // 31 July to 30 August is a gap of 29 days: the second job starts a run of its own.
        var checks = Checks([Spell("2021-06-14", "2021-07-31"), Spell("2021-08-30")], "2021-10-01");

        Assert.Equal(6, checks.Count);
        Assert.Equal(
            [SustainmentCheckState.EmploymentEnded, SustainmentCheckState.EmploymentEnded, SustainmentCheckState.EmploymentEnded],
            checks.Where(c => c.Run.Start == Day("2021-06-14")).Select(c => c.State));
        Assert.Equal(
            [Day("2021-11-29"), Day("2022-02-28"), Day("2022-08-29")],
            checks.Where(c => c.Run.Start == Day("2021-08-30")).Select(c => c.DueOn));
    }

    [Fact]
    public void A_milestone_achieved_from_an_earlier_run_is_not_checked_again()
    {
        var checks = Checks(
            [Spell("2021-01-04", "2021-05-01"), Spell("2021-08-02")], "2021-11-02",
            [new(Milestone.Sustained13Weeks, Day("2021-01-04"), true)],
            [new(Milestone.Sustained13Weeks, Day("2021-04-05"))]);

        var second = checks.Where(c => c.Run.Start == Day("2021-08-02")).ToList();
        Assert.Equal(SustainmentCheckState.AlreadyAchieved, second[0].State);
        Assert.Equal(SustainmentCheckState.Upcoming, second[1].State);
    }

    [Fact]
    public void Jobs_starting_after_today_are_not_counted_yet() =>
        Assert.Empty(Checks([Spell("2021-06-14")], "2021-06-13"));

    [Fact]
    public void The_check_to_record_is_the_latest_due_by_the_day_checked_in_the_chosen_run()
    {
        var checks = Checks([Spell("2021-01-04", "2021-02-01"), Spell("2021-06-14")], "2021-12-31");

        Assert.Equal(Day("2021-09-13"), SustainmentChecklist.CheckToRecord(checks, Milestone.Sustained13Weeks, Day("2021-12-31"))?.DueOn);
        Assert.Equal(Day("2021-04-05"), SustainmentChecklist.CheckToRecord(checks, Milestone.Sustained13Weeks, Day("2021-12-31"), Day("2021-01-20"))?.DueOn);
        Assert.Equal(Day("2021-04-05"), SustainmentChecklist.CheckToRecord(checks, Milestone.Sustained13Weeks, Day("2021-09-12"))?.DueOn);
        Assert.Null(SustainmentChecklist.CheckToRecord(checks, Milestone.Sustained52Weeks, Day("2021-12-31")));
    }
}
