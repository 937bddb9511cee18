using System.Globalization;
using ConnectingCommunities.Domain.People;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConnectingCommunities.Domain.Tests.People;

public class AgeTests
{
    [Theory]
    [InlineData("2000-06-15", "2000-06-15", 0)]
    [InlineData("2000-06-15", "2016-06-14", 15)]
    [InlineData("2000-06-15", "2016-06-15", 16)]
    [InlineData("2000-06-15", "2016-06-16", 16)]
    [InlineData("2000-06-15", "2017-01-01", 16)]
    [InlineData("2000-12-31", "2017-01-01", 16)]
    [InlineData("2000-01-01", "2016-12-31", 16)]
    [InlineData("2000-02-29", "2016-02-28", 15)]
    [InlineData("2000-02-29", "2016-02-29", 16)]
    [InlineData("2000-02-29", "2017-02-28", 16)]
    [InlineData("2000-02-29", "2017-03-01", 17)]
    public void Counts_whole_years_reached_on_the_anniversary(string dateOfBirth, string day, int expected)
    {
        Assert.Equal(expected, Age.On(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), DateOnly.Parse(day, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_day_before_birth_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Age.On(new DateOnly(2000, 6, 15), new DateOnly(2000, 6, 14)));
    }

    [Property]
    public Property The_age_on_the_nth_birthday_is_n() =>
        Prop.ForAll(
            Gen.Choose(1940, 2010).ToArbitrary(),
            Gen.Choose(1, 365).ToArbitrary(),
            Gen.Choose(0, 80).ToArbitrary(),
            (year, dayOfYear, years) =>
            {
                var dateOfBirth = new DateOnly(year, 1, 1).AddDays(dayOfYear - 1);
                if (dateOfBirth is { Month: 2, Day: 29 })
                {
                    return true;
                }

                var birthday = dateOfBirth.AddYears(years);
                return Age.On(dateOfBirth, birthday) == years
                    && (years == 0 || Age.On(dateOfBirth, birthday.AddDays(-1)) == years - 1);
            });
}

public class AgeBandTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(15, null)]
    [InlineData(16, AgeBand.Age16To24)]
    [InlineData(24, AgeBand.Age16To24)]
    [InlineData(25, AgeBand.Age25To34)]
    [InlineData(34, AgeBand.Age25To34)]
    [InlineData(35, AgeBand.Age35To54)]
    [InlineData(54, AgeBand.Age35To54)]
    [InlineData(55, AgeBand.Age55AndOver)]
    [InlineData(67, AgeBand.Age55AndOver)]
    [InlineData(100, AgeBand.Age55AndOver)]
    public void Ages_fall_in_bands_at_the_boundaries(int age, AgeBand? expected)
    {
        Assert.Equal(expected, AgeBands.For(age));
        Assert.Equal(expected is not null, AgeBands.IsEligibleAge(age));
    }

    [Theory]
    [InlineData("2003-04-02", null)]
    [InlineData("2003-04-01", AgeBand.Age16To24)]
    [InlineData("1994-04-02", AgeBand.Age16To24)]
    [InlineData("1994-04-01", AgeBand.Age25To34)]
    [InlineData("1984-04-02", AgeBand.Age25To34)]
    [InlineData("1984-04-01", AgeBand.Age35To54)]
    [InlineData("1964-04-02", AgeBand.Age35To54)]
    [InlineData("1964-04-01", AgeBand.Age55AndOver)]
    public void Bands_change_on_the_birthday_itself(string dateOfBirth, AgeBand? expected)
    {
        var registeredOn = new DateOnly(2019, 4, 1);

        Assert.Equal(expected, AgeBands.On(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), registeredOn));
    }

    [Theory]
    [InlineData(AgeBand.Age16To24, "16 to 24", "16-24", 16, 24)]
    [InlineData(AgeBand.Age25To34, "25 to 34", "25-34", 25, 34)]
    [InlineData(AgeBand.Age35To54, "35 to 54", "35-54", 35, 54)]
    [InlineData(AgeBand.Age55AndOver, "55 and over", "55+", 55, null)]
    public void Bands_have_names_and_limits(AgeBand band, string displayName, string shortName, int lowest, int? highest)
    {
        Assert.Equal(displayName, band.DisplayName());
        Assert.Equal(shortName, band.ShortName());
        Assert.Equal(lowest, band.LowestAge());
        Assert.Equal(highest, band.HighestAge());
        Assert.Equal(band, AgeBands.For(lowest));
    }

    [Fact]
    public void The_reference_band_is_25_to_34_and_all_bands_are_listed_in_order()
    {
        Assert.Equal(AgeBand.Age25To34, AgeBands.Reference);
        Assert.Equal(Enum.GetValues<AgeBand>(), AgeBands.All);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((AgeBand)0).DisplayName());
    }

    [Property]
    public bool Every_eligible_age_is_inside_its_band(byte age)
    {
        var band = AgeBands.For(age);
        return band is null
            ? age < 16
            : age >= band.Value.LowestAge() && age <= (band.Value.HighestAge() ?? int.MaxValue);
    }
}
