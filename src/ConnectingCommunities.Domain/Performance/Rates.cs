namespace ConnectingCommunities.Domain.Performance;

/// <summary>Fractions and costs worked out the same way everywhere: nothing to divide by gives null, never zero or infinity.</summary>
public static class Rates
{
    /// <summary><paramref name="count"/> out of <paramref name="of"/> as a fraction rounded to 4 places (0.4127); null when <paramref name="of"/> is 0.</summary>
    public static decimal? Fraction(long count, long of) =>
        of <= 0 ? null : Math.Round((decimal)count / of, 4, MidpointRounding.AwayFromZero);

    /// <summary>The actual as a fraction of the target (1.06 is 106%); null when there is no target.</summary>
    public static decimal? PercentOfTarget(long actual, long target) => Fraction(actual, target);

    /// <summary>Pounds per item, to the penny; null when there are no items.</summary>
    public static decimal? CostPer(decimal amount, long items) =>
        items <= 0 ? null : Math.Round(amount / items, 2, MidpointRounding.AwayFromZero);

    /// <summary>People per 1,000 of a population, to one decimal place; null when the population is unknown or 0.</summary>
    public static decimal? PerThousand(long people, int? population) =>
        population is not > 0 ? null : Math.Round(people * 1000m / population.Value, 1, MidpointRounding.AwayFromZero);
}
