using System.Globalization;
using ConnectingCommunities.Domain.Programme;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConnectingCommunities.Domain.Tests.Programme;

public class DateRangeTests
{
    internal static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    internal static DateRange Range(string start, string? end) => new(Day(start), end is null ? null : Day(end));

    [Theory]
    [InlineData("2019-01-01", "2019-12-31", true)]
    [InlineData("2019-01-01", "2019-01-01", true)]
    [InlineData("2019-01-01", null, true)]
    [InlineData("2019-01-02", "2019-01-01", false)]
    public void A_range_is_valid_when_it_does_not_end_before_it_starts(string start, string? end, bool expected)
    {
        Assert.Equal(expected, Range(start, end).IsValid);
    }

    [Theory]
    [InlineData("2018-12-31", false)]
    [InlineData("2019-01-01", true)]
    [InlineData("2019-06-30", true)]
    [InlineData("2019-07-31", true)]
    [InlineData("2019-08-01", false)]
    public void Both_ends_are_inclusive(string day, bool expected)
    {
        Assert.Equal(expected, Range("2019-01-01", "2019-07-31").Contains(Day(day)));
    }

    [Theory]
    [InlineData("2018-12-31", false)]
    [InlineData("2019-01-01", true)]
    [InlineData("9999-12-31", true)]
    public void An_open_end_means_until_further_notice(string day, bool expected)
    {
        Assert.Equal(expected, Range("2019-01-01", null).Contains(Day(day)));
    }

    [Theory]
    [InlineData("2019-01-01", "2019-07-31", "2019-08-01", "2020-03-31", false)]
    [InlineData("2019-01-01", "2019-07-31", "2019-07-31", "2020-03-31", true)]
    [InlineData("2019-01-01", "2019-07-31", "2019-07-01", "2019-07-10", true)]
    [InlineData("2019-01-01", "2019-07-31", "2018-01-01", "2018-12-31", false)]
    [InlineData("2019-01-01", "2019-07-31", "2018-01-01", "2019-01-01", true)]
    [InlineData("2019-01-01", "2019-01-01", "2019-01-01", "2019-01-01", true)]
    [InlineData("2019-01-01", null, "2030-01-01", "2030-12-31", true)]
    [InlineData("2019-01-01", null, "2018-01-01", "2018-12-31", false)]
    [InlineData("2019-01-01", null, "2018-01-01", null, true)]
    [InlineData("2019-01-01", "2019-07-31", "2019-08-01", null, false)]
    [InlineData("2019-01-01", "2019-07-31", "2019-07-31", null, true)]
    public void Ranges_overlap_when_they_share_a_day(string start1, string? end1, string start2, string? end2, bool expected)
    {
        var first = Range(start1, end1);
        var second = Range(start2, end2);

        Assert.Equal(expected, first.Overlaps(second));
        Assert.Equal(expected, second.Overlaps(first));
    }

    private static Gen<DateRange> SmallRanges() =>
        from start in Gen.Choose(0, 60)
        from length in Gen.Choose(0, 20)
        from open in Gen.Elements(false, false, false, true)
        let first = new DateOnly(2020, 1, 1).AddDays(start)
        select new DateRange(first, open ? null : first.AddDays(length));

    [Property]
    public Property Overlap_means_some_day_lies_in_both() =>
        Prop.ForAll(SmallRanges().ToArbitrary(), SmallRanges().ToArbitrary(), (a, b) =>
        {
            var sharesADay = Enumerable.Range(0, 120)
                .Select(i => new DateOnly(2020, 1, 1).AddDays(i))
                .Any(d => a.Contains(d) && b.Contains(d));
            return a.Overlaps(b) == sharesADay && a.Overlaps(b) == b.Overlaps(a);
        });
}
