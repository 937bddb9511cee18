using ConnectingCommunities.Domain.Performance;

namespace ConnectingCommunities.Domain.Tests.Performance;

public class RatesTests
{
    [Fact]
    public void Percent_of_target_is_a_fraction_to_four_places()
    {
        Assert.Equal(1.06m, Rates.PercentOfTarget(1060, 1000));
        Assert.Equal(0.8242m, Rates.PercentOfTarget(3295, 3998));
        Assert.Equal(0.3333m, Rates.PercentOfTarget(1, 3));
        Assert.Equal(0.6667m, Rates.PercentOfTarget(2, 3));
    }

    [Fact]
    public void Without_a_target_there_is_no_percentage()
    {
        Assert.Null(Rates.PercentOfTarget(12, 0));
        Assert.Null(Rates.Fraction(0, 0));
        Assert.Equal(0m, Rates.Fraction(0, 10));
    }

    [Fact]
    public void Cost_per_outcome_is_to_the_penny_and_absent_without_outcomes()
    {
        Assert.Equal(333.33m, Rates.CostPer(1000m, 3));
        Assert.Null(Rates.CostPer(1000m, 0));
    }

    [Fact]
    public void Reach_is_per_thousand_residents_and_absent_without_a_population()
    {
        Assert.Equal(39.2m, Rates.PerThousand(463, 11800));
        Assert.Null(Rates.PerThousand(463, null));
        Assert.Null(Rates.PerThousand(463, 0));
    }
}
