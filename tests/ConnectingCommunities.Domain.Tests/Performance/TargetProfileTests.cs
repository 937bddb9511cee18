using System.Globalization;
using ConnectingCommunities.Domain.Performance;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Tests.Performance;

public class TargetProfileTests
{
    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static Quarter Q(string text) => Quarter.TryParse(text, out var q) ? q : throw new ArgumentException(text);

    /// <summary>Like the demo: an original profile from June 2018 and a Covid reduction from April 2020.</summary>
    private static TargetProfile CovidProfile() => new([
        new TargetVersion(Q("2020-Q1"), 40, Day("2018-06-01")),
        new TargetVersion(Q("2020-Q2"), 40, Day("2018-06-01")),
        new TargetVersion(Q("2020-Q3"), 40, Day("2018-06-01")),
        new TargetVersion(Q("2020-Q2"), 20, Day("2020-04-01"), "Covid-19 adjustment"),
        new TargetVersion(Q("2020-Q3"), 30, Day("2020-04-01"), "Covid-19 adjustment"),
    ]);

    [Fact]
    public void A_variation_changes_the_quarters_from_its_date_and_keeps_the_original_as_history()
    {
        var quarters = CovidProfile().Quarters;

        Assert.Equal([40, 20, 30], quarters.Select(q => q.Count));
        Assert.Equal([40, 40, 40], quarters.Select(q => q.Original));
        Assert.Equal([false, true, true], quarters.Select(q => q.IsVaried));
        Assert.Equal([40, 60, 90], quarters.Select(q => q.Cumulative));
        Assert.Equal("Covid-19 adjustment", quarters[1].Reason);
        Assert.Equal(90, CovidProfile().Total);
    }

    [Fact]
    public void A_variation_dated_after_a_quarter_began_applies_from_the_next_quarter()
    {
        var profile = new TargetProfile([
            new TargetVersion(Q("2020-Q2"), 40, Day("2018-06-01")),
            new TargetVersion(Q("2020-Q2"), 20, Day("2020-05-01")),
        ]);

        Assert.Equal(40, profile.Quarters.Single().Count);
    }

    [Fact]
    public void A_first_version_dated_within_its_quarter_still_applies_to_it()
    {
        // The demo's contracts start on 1 June 2018, two months into 2018-Q2.
        var profile = new TargetProfile([new TargetVersion(Q("2018-Q2"), 12, Day("2018-06-01"))]);

        Assert.Equal(12, profile.Quarters.Single().Count);
    }

    [Theory]
    [InlineData("2019-12-31", 0)]
    [InlineData("2020-01-01", 0)] // 40 x 1/91 = 0.44
    [InlineData("2020-01-02", 1)] // 40 x 2/91 = 0.88
    [InlineData("2020-02-15", 20)] // 40 x 46/91 = 20.2
    [InlineData("2020-03-31", 40)]
    [InlineData("2020-04-01", 40)] // 40 + 20 x 1/91
    [InlineData("2020-06-30", 60)]
    [InlineData("2020-09-30", 90)]
    [InlineData("2030-01-01", 90)]
    public void Target_to_date_is_whole_quarters_plus_the_current_quarter_pro_rata(string day, int expected)
    {
        var profile = CovidProfile();
        var date = Day(day);
        var exact = profile.ExactToDate(date);

        Assert.Equal((int)Math.Round(exact, MidpointRounding.AwayFromZero), profile.ToDate(date));
        Assert.Equal(expected, profile.ToDate(date));
    }

    [Fact]
    public void The_pro_rata_share_counts_the_day_itself()
    {
        var profile = CovidProfile();

        // 2020-Q1 has 91 days (a leap year); 15 February is its 46th.
        Assert.Equal(40m * 46 / 91, profile.ExactToDate(Day("2020-02-15")));
        Assert.Equal(40m, profile.ExactToDate(Day("2020-03-31")));
        Assert.Equal(40m + (20m / 91), profile.ExactToDate(Day("2020-04-01")));
    }

    [Fact]
    public void The_target_for_a_period_is_the_difference_of_the_targets_to_date()
    {
        var profile = CovidProfile();

        Assert.Equal(20, profile.ForPeriod(Day("2020-04-01"), Day("2020-06-30")));
        Assert.Equal(50, profile.ForPeriod(Day("2020-04-01"), Day("2020-09-30")));
        Assert.Equal(90, profile.ForPeriod(Day("2018-01-01"), Day("2021-12-31")));
    }

    [Fact]
    public void No_versions_make_an_empty_profile()
    {
        var profile = new TargetProfile([]);

        Assert.Empty(profile.Quarters);
        Assert.Equal(0, profile.ToDate(Day("2020-01-01")));
    }
}
