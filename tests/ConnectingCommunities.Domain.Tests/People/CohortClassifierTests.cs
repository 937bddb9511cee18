using System.Globalization;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Tests.People;

public class CohortClassifierTests
{
    private static readonly DateOnly RegisteredOn = new(2019, 3, 15);

    [Fact]
    public void In_work_is_employed_whatever_the_date()
    {
        Assert.Equal(Cohort.Employed, CohortClassifier.Classify(EmploymentAtRegistration.InWork(), RegisteredOn));
    }

    [Theory]
    [InlineData("2019-03-15", Cohort.RapidProgression)]
    [InlineData("2019-03-14", Cohort.RapidProgression)]
    [InlineData("2018-03-16", Cohort.RapidProgression)]
    [InlineData("2018-03-15", Cohort.HarderToReach)]
    [InlineData("2018-03-14", Cohort.HarderToReach)]
    [InlineData("2017-03-16", Cohort.HarderToReach)]
    [InlineData("2017-03-15", Cohort.HardestToHelp)]
    [InlineData("2017-03-14", Cohort.HardestToHelp)]
    [InlineData("2001-01-01", Cohort.HardestToHelp)]
    public void Out_of_work_since_a_date_changes_group_on_the_anniversary(string since, Cohort expected)
    {
        var outOfWorkSince = DateOnly.Parse(since, CultureInfo.InvariantCulture);

        Assert.Equal(expected, CohortClassifier.ForOutOfWorkSince(outOfWorkSince, RegisteredOn));
        Assert.Equal(expected, CohortClassifier.Classify(EmploymentAtRegistration.OutOfWorkFrom(outOfWorkSince), RegisteredOn));
    }

    [Theory]
    [InlineData("2016-02-29", "2017-02-28", Cohort.RapidProgression)]
    [InlineData("2016-02-29", "2017-03-01", Cohort.HarderToReach)]
    [InlineData("2016-02-29", "2018-02-28", Cohort.HarderToReach)]
    [InlineData("2016-02-29", "2018-03-01", Cohort.HardestToHelp)]
    [InlineData("2018-02-28", "2020-02-28", Cohort.HardestToHelp)]
    [InlineData("2018-02-28", "2020-02-27", Cohort.HarderToReach)]
    [InlineData("2018-12-31", "2019-12-31", Cohort.HarderToReach)]
    [InlineData("2018-12-31", "2019-12-30", Cohort.RapidProgression)]
    public void Leap_days_and_year_ends_reach_the_anniversary_as_ages_do(string since, string registered, Cohort expected)
    {
        Assert.Equal(expected, CohortClassifier.ForOutOfWorkSince(DateOnly.Parse(since, CultureInfo.InvariantCulture), DateOnly.Parse(registered, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(0, Cohort.RapidProgression)]
    [InlineData(11, Cohort.RapidProgression)]
    [InlineData(12, Cohort.HarderToReach)]
    [InlineData(23, Cohort.HarderToReach)]
    [InlineData(24, Cohort.HardestToHelp)]
    [InlineData(120, Cohort.HardestToHelp)]
    public void Months_out_of_work_change_group_at_12_and_24(int months, Cohort expected)
    {
        Assert.Equal(expected, CohortClassifier.ForMonthsOutOfWork(months));
        Assert.Equal(expected, CohortClassifier.Classify(EmploymentAtRegistration.OutOfWorkForMonths(months), RegisteredOn));
    }

    [Fact]
    public void Impossible_durations_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CohortClassifier.ForMonthsOutOfWork(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmploymentAtRegistration.OutOfWorkForMonths(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CohortClassifier.ForOutOfWorkSince(RegisteredOn.AddDays(1), RegisteredOn));
        Assert.Throws<ArgumentNullException>(() => CohortClassifier.Classify(null!, RegisteredOn));
    }

    [Fact]
    public void Employment_records_what_was_said()
    {
        var since = EmploymentAtRegistration.OutOfWorkFrom(new DateOnly(2018, 1, 1));
        var months = EmploymentAtRegistration.OutOfWorkForMonths(7);

        Assert.False(since.IsInWork);
        Assert.Equal(new DateOnly(2018, 1, 1), since.OutOfWorkSince);
        Assert.Null(since.MonthsOutOfWork);
        Assert.Equal(7, months.MonthsOutOfWork);
        Assert.True(EmploymentAtRegistration.InWork().IsInWork);
        Assert.Equal(EmploymentAtRegistration.InWork(), EmploymentAtRegistration.InWork());
    }
}
