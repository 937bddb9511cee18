using System.Globalization;
using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Tests.Reference;

public class NationalLivingWageTests
{
    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2018-03-31", 30, 7.50)]
    [InlineData("2018-04-01", 30, 7.83)]
    [InlineData("2019-04-01", 30, 8.21)]
    [InlineData("2020-04-01", 30, 8.72)]
    [InlineData("2021-03-31", 30, 8.72)]
    [InlineData("2021-04-01", 30, 8.91)]
    [InlineData("2022-04-01", 30, 9.50)]
    [InlineData("2023-04-01", 30, 10.42)]
    [InlineData("2024-03-31", 30, 10.42)]
    [InlineData("2024-04-01", 30, 11.44)]
    [InlineData("2025-04-01", 30, 12.21)]
    [InlineData("2026-03-31", 30, 12.21)]
    [InlineData("2026-04-01", 30, 12.71)]
    [InlineData("2030-01-01", 30, 12.71)]
    public void The_rate_changes_on_1_april(string day, int age, double expected)
    {
        Assert.Equal((decimal)expected, NationalLivingWage.Published.RateOn(Day(day), age));
    }

    [Theory]
    [InlineData("2021-03-31", 25, 8.72)]
    [InlineData("2021-03-31", 24, null)]
    [InlineData("2021-03-31", 23, null)]
    [InlineData("2021-04-01", 24, 8.91)]
    [InlineData("2021-04-01", 23, 8.91)]
    [InlineData("2021-04-01", 22, null)]
    [InlineData("2024-03-31", 23, 10.42)]
    [InlineData("2024-03-31", 22, null)]
    [InlineData("2024-04-01", 22, 11.44)]
    [InlineData("2024-04-01", 21, 11.44)]
    [InlineData("2024-04-01", 20, null)]
    public void The_age_threshold_was_25_then_23_from_april_2021_then_21_from_april_2024(string day, int age, double? expected)
    {
        Assert.Equal((decimal?)expected, NationalLivingWage.Published.RateOn(Day(day), age));
    }

    [Fact]
    public void There_is_no_rate_before_the_national_living_wage_began()
    {
        Assert.Null(NationalLivingWage.Published.RateOn(Day("2016-03-31"), 40));
        Assert.Null(NationalLivingWage.Published.RateInForceOn(Day("2016-03-31")));
        Assert.Equal(7.20m, NationalLivingWage.Published.RateOn(Day("2016-04-01"), 40));
    }

    [Fact]
    public void The_rate_in_force_carries_its_age_threshold()
    {
        var rate = NationalLivingWage.Published.RateInForceOn(Day("2022-10-10"));

        Assert.Equal(new NationalLivingWageRate(Day("2022-04-01"), 23, 9.50m), rate);
    }

    [Theory]
    [InlineData(11.44, true)]
    [InlineData(11.45, true)]
    [InlineData(11.43, false)]
    public void Pay_is_judged_against_the_rate_on_the_day(double hourlyPay, bool expected)
    {
        Assert.Equal(expected, NationalLivingWage.Published.IsPaidAtLeast((decimal)hourlyPay, Day("2024-04-01"), 21));
        Assert.Null(NationalLivingWage.Published.IsPaidAtLeast((decimal)hourlyPay, Day("2024-04-01"), 20));
    }

    [Fact]
    public void A_new_uprating_is_one_more_row_in_any_order()
    {
        var future = new NationalLivingWageRate(Day("2027-04-01"), 21, 13.00m);
        var schedule = new NationalLivingWage([future, .. NationalLivingWage.PublishedRates]);

        Assert.Equal(12.71m, schedule.RateOn(Day("2027-03-31"), 21));
        Assert.Equal(13.00m, schedule.RateOn(Day("2027-04-01"), 21));
        Assert.Equal(future, schedule.Rates[^1]);
        Assert.Equal(NationalLivingWage.PublishedRates[0], schedule.Rates[0]);
    }

    [Fact]
    public void Published_rates_rise_every_year_and_the_age_threshold_never_rises()
    {
        var rates = NationalLivingWage.PublishedRates;

        Assert.All(rates.Zip(rates.Skip(1)), pair =>
        {
            Assert.True(pair.Second.EffectiveFrom > pair.First.EffectiveFrom);
            Assert.True(pair.Second.HourlyRate > pair.First.HourlyRate);
            Assert.True(pair.Second.MinimumAge <= pair.First.MinimumAge);
        });
        Assert.All(rates, r => Assert.Equal((4, 1), (r.EffectiveFrom.Month, r.EffectiveFrom.Day)));
    }
}
