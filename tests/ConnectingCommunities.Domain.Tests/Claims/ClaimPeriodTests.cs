using ConnectingCommunities.Domain.Claims;
using static ConnectingCommunities.Domain.Tests.Programme.DateRangeTests;

namespace ConnectingCommunities.Domain.Tests.Claims;

public sealed class ClaimPeriodTests
{
    [Theory]
    [InlineData("2021-04", "2021-04-01", "2021-04-30")]
    [InlineData("2020-02", "2020-02-01", "2020-02-29")]
    [InlineData("2021-02", "2021-02-01", "2021-02-28")]
    [InlineData(" 2021-12 ", "2021-12-01", "2021-12-31")]
    public void A_period_is_a_calendar_month(string text, string start, string end)
    {
        var period = ClaimPeriod.Parse(text);

        Assert.Equal(Day(start), period.Start);
        Assert.Equal(Day(end), period.End);
        Assert.Equal(text.Trim(), period.ToString());
        Assert.True(period.Contains(Day(end)));
        Assert.False(period.Contains(Day(end).AddDays(1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2021-13")]
    [InlineData("2021-4")]
    [InlineData("2021-04-01")]
    [InlineData("April 2021")]
    public void Anything_else_is_not_a_period(string? text)
    {
        Assert.False(ClaimPeriod.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ClaimPeriod.Parse(text!));
    }

    [Fact]
    public void A_day_falls_in_its_month() => Assert.Equal(new ClaimPeriod(2020, 2), ClaimPeriod.Of(Day("2020-02-29")));
}
