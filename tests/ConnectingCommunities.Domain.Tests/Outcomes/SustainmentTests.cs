using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using static ConnectingCommunities.Domain.Tests.Programme.DateRangeTests;

namespace ConnectingCommunities.Domain.Tests.Outcomes;

public sealed class SustainmentTests
{
    private const int Gap = EmploymentContinuity.DefaultGapDays;

    private static JobSpell Spell(string start, string? end = null) => new(Day(start), end is null ? null : Day(end));

    [Theory]
    [InlineData("2020-02-29", "2020-05-30", "2020-08-29", "2021-02-27")]
    [InlineData("2019-11-30", "2020-02-29", "2020-05-30", "2020-11-28")]
    [InlineData("2021-01-31", "2021-05-02", "2021-08-01", "2022-01-30")]
    [InlineData("2023-12-31", "2024-03-31", "2024-06-30", "2024-12-29")]
    public void Checks_fall_due_91_182_and_364_days_after_the_start_across_month_ends_and_leap_years(
        string start, string due13, string due26, string due52)
    {
        var checks = SustainmentSchedule.ChecksFor(Day(start));

        Assert.Equal(
            [
                new SustainmentCheckDue(Milestone.Sustained13Weeks, Day(due13)),
                new SustainmentCheckDue(Milestone.Sustained26Weeks, Day(due26)),
                new SustainmentCheckDue(Milestone.Sustained52Weeks, Day(due52)),
            ],
            checks);
        Assert.All(checks, c => Assert.Equal(Day(start).DayOfWeek, c.DueOn.DayOfWeek));
    }

    [Fact]
    public void Only_sustainment_milestones_have_weeks()
    {
        Assert.True(SustainmentSchedule.IsSustainment(Milestone.Sustained26Weeks));
        Assert.False(SustainmentSchedule.IsSustainment(Milestone.JobOutcome));
        Assert.Throws<ArgumentOutOfRangeException>(() => SustainmentSchedule.Weeks(Milestone.JobOutcome));
    }

    [Fact]
    public void A_job_still_held_reaches_each_point_on_its_due_date()
    {
        var reached = SustainmentRules.Reached([Spell("2020-02-29")], Gap, Day("2021-06-01"));

        Assert.Equal(
            [
                new SustainmentReached(Milestone.Sustained13Weeks, Day("2020-05-30")),
                new SustainmentReached(Milestone.Sustained26Weeks, Day("2020-08-29")),
                new SustainmentReached(Milestone.Sustained52Weeks, Day("2021-02-27")),
            ],
            reached);
    }

    [Theory]
    [InlineData("2020-02-28", 0)]
    [InlineData("2020-02-29", 1)]
    [InlineData("2020-05-29", 1)]
    [InlineData("2020-05-30", 2)]
    public void A_point_is_reached_on_its_due_date_not_the_day_before(string asOf, int expected) =>
        Assert.Equal(expected, SustainmentRules.Reached([Spell("2019-11-30")], Gap, Day(asOf)).Count);

    [Theory]
    [InlineData("2020-02-28", 0)]
    [InlineData("2020-02-29", 1)]
    public void The_participant_must_still_be_in_work_on_the_due_date(string lastDay, int expected) =>
        Assert.Equal(expected, SustainmentRules.Reached([Spell("2019-11-30", lastDay)], Gap, Day("2021-01-01")).Count);

    [Fact]
    public void A_gap_of_exactly_the_allowed_days_keeps_employment_continuous()
    {
        // Out of work 1 to 28 March: a gap of 28 days.
        JobSpell[] spells = [Spell("2021-01-04", "2021-02-28"), Spell("2021-03-29")];

        Assert.Equal(28, EmploymentContinuity.GapDays(Day("2021-02-28"), Day("2021-03-29")));
        Assert.Equal([new EmploymentRun(Day("2021-01-04"), null)], EmploymentContinuity.Runs(spells, Gap));
        Assert.Equal(
            new SustainmentReached(Milestone.Sustained13Weeks, Day("2021-04-05")),
            SustainmentRules.Reached(spells, Gap, Day("2021-04-05")).Single());
    }

    [Fact]
    public void A_gap_one_day_over_the_limit_restarts_the_clock_at_the_next_job()
    {
        JobSpell[] spells = [Spell("2021-01-04", "2021-02-28"), Spell("2021-03-30")];

        Assert.Equal(29, EmploymentContinuity.GapDays(Day("2021-02-28"), Day("2021-03-30")));
        Assert.Equal(2, EmploymentContinuity.Runs(spells, Gap).Count);
        Assert.Empty(SustainmentRules.Reached(spells, Gap, Day("2021-06-28")));
        Assert.Equal(
            new SustainmentReached(Milestone.Sustained13Weeks, Day("2021-06-29")),
            SustainmentRules.Reached(spells, Gap, Day("2021-06-29")).Single());
    }

    [Theory]
    [InlineData(0, "2021-03-01", 1)]
    [InlineData(0, "2021-03-02", 2)]
    [InlineData(7, "2021-03-08", 1)]
    [InlineData(7, "2021-03-09", 2)]
    public void The_allowed_gap_is_configurable(int allowed, string nextStart, int runs) =>
        Assert.Equal(runs, EmploymentContinuity.Runs([Spell("2021-01-04", "2021-02-28"), Spell(nextStart)], allowed).Count);

    [Fact]
    public void A_due_date_inside_an_allowed_gap_counts_once_the_next_job_has_started()
    {
        // 13 weeks from 4 January is 5 April, while between jobs.
        JobSpell[] spells = [Spell("2021-01-04", "2021-03-31"), Spell("2021-04-20")];

        Assert.Empty(SustainmentRules.Reached(spells, Gap, Day("2021-04-19")));
        Assert.Equal(
            new SustainmentReached(Milestone.Sustained13Weeks, Day("2021-04-05")),
            SustainmentRules.Reached(spells, Gap, Day("2021-04-20")).Single());
    }

    [Fact]
    public void Overlapping_jobs_merge_into_one_run()
    {
        JobSpell[] spells = [Spell("2021-02-01", "2021-12-31"), Spell("2021-01-04", "2021-03-31")];

        Assert.Equal([new EmploymentRun(Day("2021-01-04"), Day("2021-12-31"))], EmploymentContinuity.Runs(spells, 0));
    }

    [Fact]
    public void A_later_run_can_sustain_when_an_earlier_one_did_not()
    {
        JobSpell[] spells = [Spell("2021-01-04", "2021-01-31"), Spell("2021-06-01", "2021-12-31")];

        var reached = SustainmentRules.Reached(spells, Gap, Day("2022-06-01"));

        Assert.Equal(
            [
                new SustainmentReached(Milestone.Sustained13Weeks, Day("2021-08-31")),
                new SustainmentReached(Milestone.Sustained26Weeks, Day("2021-11-30")),
            ],
            reached);
    }

    [Fact]
    public void Each_point_counts_once_on_the_earliest_date()
    {
        JobSpell[] spells = [Spell("2021-01-04", "2021-04-30"), Spell("2021-07-01")];

        var reached = SustainmentRules.Reached(spells, Gap, Day("2022-12-31"));

        Assert.Single(reached, r => r.Milestone == Milestone.Sustained13Weeks);
        Assert.Equal(Day("2021-04-05"), reached.Single(r => r.Milestone == Milestone.Sustained13Weeks).On);
    }

    [Fact]
    public void A_spell_ending_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentException>(() => EmploymentContinuity.Runs([Spell("2021-02-01", "2021-01-31")], Gap));

    [Fact]
    public void The_worklist_shows_the_current_run_checks_not_yet_reached()
    {
        JobSpell[] spells = [Spell("2021-01-04")];

        var outstanding = SustainmentRules.ChecksOutstanding(spells, Gap, Day("2021-05-01"));

        Assert.Equal([Milestone.Sustained26Weeks, Milestone.Sustained52Weeks], outstanding.Select(c => c.Milestone));
        Assert.Equal(Day("2021-07-05"), outstanding[0].DueOn);
        Assert.Empty(SustainmentRules.ChecksOutstanding([Spell("2021-01-04", "2021-02-01")], Gap, Day("2021-05-01")));
    }
}
