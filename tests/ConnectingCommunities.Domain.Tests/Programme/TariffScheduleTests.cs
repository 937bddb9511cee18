using ConnectingCommunities.Domain.Programme;
using static ConnectingCommunities.Domain.Tests.Programme.DateRangeTests;

namespace ConnectingCommunities.Domain.Tests.Programme;

public class TariffScheduleTests
{
    private static readonly TariffSchedule Schedule = new(
    [
        new TariffRate(Milestone.JobOutcome, Cohort.HardestToHelp, Day("2018-04-01"), 889m),
        new TariffRate(Milestone.JobOutcome, Cohort.RapidProgression, Day("2018-04-01"), 400m),
        new TariffRate(Milestone.JobOutcome, Cohort.HardestToHelp, Day("2020-04-01"), 1000m),
        new TariffRate(Milestone.Sustained13Weeks, Cohort.HardestToHelp, Day("2018-04-01"), 500m),
    ]);

    [Theory]
    [InlineData("2018-04-01", 889)]
    [InlineData("2020-03-31", 889)]
    [InlineData("2020-04-01", 1000)]
    [InlineData("2025-01-01", 1000)]
    public void A_variation_applies_from_its_date_and_never_re_prices_earlier_days(string day, int expected)
    {
        Assert.Equal(expected, Schedule.RateOn(Milestone.JobOutcome, Cohort.HardestToHelp, Day(day))?.Amount);
        Assert.Equal(expected, Schedule.AmountOn(Milestone.JobOutcome, Cohort.HardestToHelp, Day(day)));
    }

    [Fact]
    public void Before_any_rate_there_is_no_rate()
    {
        Assert.Null(Schedule.RateOn(Milestone.JobOutcome, Cohort.HardestToHelp, Day("2018-03-31")));
        Assert.Equal(0m, Schedule.AmountOn(Milestone.JobOutcome, Cohort.HardestToHelp, Day("2018-03-31")));
    }

    [Fact]
    public void Rates_are_per_milestone_and_cohort()
    {
        var day = Day("2021-01-01");

        Assert.Equal(400m, Schedule.AmountOn(Milestone.JobOutcome, Cohort.RapidProgression, day));
        Assert.Equal(500m, Schedule.AmountOn(Milestone.Sustained13Weeks, Cohort.HardestToHelp, day));
        Assert.Null(Schedule.RateOn(Milestone.Sustained13Weeks, Cohort.RapidProgression, day));
        Assert.Null(Schedule.RateOn(Milestone.JobOutcome, Cohort.Employed, day));
    }

    [Fact]
    public void The_rate_returned_is_the_one_in_force()
    {
        var rate = Schedule.RateOn(Milestone.JobOutcome, Cohort.HardestToHelp, Day("2020-04-01"));

        Assert.Equal(new TariffRate(Milestone.JobOutcome, Cohort.HardestToHelp, Day("2020-04-01"), 1000m), rate);
    }

    [Fact]
    public void An_empty_schedule_pays_nothing()
    {
        Assert.Equal(0m, new TariffSchedule([]).AmountOn(Milestone.Engaged, Cohort.Employed, Day("2020-01-01")));
    }
}
