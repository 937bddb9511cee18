using ConnectingCommunities.Domain.Programme;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static ConnectingCommunities.Domain.Tests.Programme.DateRangeTests;

namespace ConnectingCommunities.Domain.Tests.Programme;

public class QuarterTests
{
    [Theory]
    [InlineData("2020-Q2", 2020, 2)]
    [InlineData("2020Q2", 2020, 2)]
    [InlineData("2020-q1", 2020, 1)]
    [InlineData(" 2019-Q4 ", 2019, 4)]
    public void Parses_the_data_format(string text, int year, int number)
    {
        Assert.True(Quarter.TryParse(text, out var quarter));
        Assert.Equal(new Quarter(year, number), quarter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2020-Q0")]
    [InlineData("2020-Q5")]
    [InlineData("20-Q1")]
    [InlineData("Q2 2020")]
    [InlineData("2020-2")]
    [InlineData("2020 Q2")]
    public void Refuses_anything_else(string? text)
    {
        Assert.False(Quarter.TryParse(text, out var quarter));
        Assert.Equal(default, quarter);
    }

    [Theory]
    [InlineData(2020, 1, "2020-01-01", "2020-03-31", "January to March 2020")]
    [InlineData(2020, 2, "2020-04-01", "2020-06-30", "April to June 2020")]
    [InlineData(2020, 3, "2020-07-01", "2020-09-30", "July to September 2020")]
    [InlineData(2019, 4, "2019-10-01", "2019-12-31", "October to December 2019")]
    public void Knows_its_days_and_names_them_in_british_english(int year, int number, string start, string end, string displayName)
    {
        var quarter = new Quarter(year, number);

        Assert.Equal(Day(start), quarter.Start);
        Assert.Equal(Day(end), quarter.End);
        Assert.Equal(displayName, quarter.DisplayName);
        Assert.Equal($"{year}-Q{number}", quarter.ToString());
    }

    [Fact]
    public void Next_wraps_into_the_next_year()
    {
        Assert.Equal(new Quarter(2020, 1), new Quarter(2019, 4).Next());
        Assert.Equal(new Quarter(2019, 3), new Quarter(2019, 2).Next());
    }

    [Theory]
    [InlineData("2019-03-31", 2019, 1)]
    [InlineData("2019-04-01", 2019, 2)]
    [InlineData("2019-12-31", 2019, 4)]
    [InlineData("2020-01-01", 2020, 1)]
    public void Containing_finds_the_quarter_of_a_day(string day, int year, int number)
    {
        Assert.Equal(new Quarter(year, number), Quarter.Containing(Day(day)));
    }

    [Fact]
    public void Between_lists_every_quarter_touched_in_order()
    {
        var quarters = Quarter.Between(Day("2019-08-15"), Day("2020-04-01")).Select(q => q.ToString());

        Assert.Equal(["2019-Q3", "2019-Q4", "2020-Q1", "2020-Q2"], quarters);
    }

    [Fact]
    public void Between_the_same_day_or_backwards()
    {
        Assert.Equal([new Quarter(2020, 2)], Quarter.Between(Day("2020-05-05"), Day("2020-05-05")));
        Assert.Equal([new Quarter(2020, 1)], Quarter.Between(Day("2020-01-01"), Day("2020-03-31")));
        Assert.Empty(Quarter.Between(Day("2020-05-05"), Day("2019-05-05")));
    }

    [Fact]
    public void Quarters_compare_in_time_order()
    {
        var earlier = new Quarter(2019, 4);
        var later = new Quarter(2020, 1);

        Assert.True(earlier < later);
        Assert.True(later > earlier);
        Assert.True(earlier <= new Quarter(2019, 4));
        Assert.True(later >= earlier);
        Assert.Equal(-1, Math.Sign(earlier.CompareTo(later)));
        Assert.Equal([earlier, later], new[] { later, earlier }.Order());
    }

    [Property]
    public Property Every_day_lies_in_its_quarter_and_between_covers_the_days() =>
        Prop.ForAll(Gen.Choose(0, 3000).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (offset, length) =>
        {
            var first = new DateOnly(2016, 1, 1).AddDays(offset);
            var last = first.AddDays(length);
            var quarters = Quarter.Between(first, last).ToList();
            var containing = Quarter.Containing(first);
            return containing.Start <= first && first <= containing.End
                && quarters[0] == containing
                && quarters[^1] == Quarter.Containing(last)
                && quarters.Zip(quarters.Skip(1)).All(p => p.First.Next() == p.Second)
                && Quarter.TryParse(containing.ToString(), out var parsed) && parsed == containing;
        });
}
