namespace ConnectingCommunities.Web.Infrastructure.Charts;

/// <summary>
/// The value axis: from zero to a "nice" maximum (1, 2 or 5 times a power of ten per step) at or
/// above the largest value, so ticks fall on round numbers. The figures charted are counts and
/// cumulative counts, never negative; a negative value is drawn at zero rather than below the axis.
/// </summary>
public sealed record ChartScale(double Maximum, double Step)
{
    /// <summary>Aim for about this many intervals between ticks.</summary>
    public const int TargetTicks = 5;

    public static ChartScale For(double largest, bool wholeNumbers = true)
    {
        if (double.IsNaN(largest) || double.IsInfinity(largest) || largest <= 0)
        {
            // Nothing to show: an axis from 0 to 1 keeps the chart drawable and honest (all zero).
            return new ChartScale(1, wholeNumbers ? 1 : 0.2);
        }

        var rough = largest / TargetTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var residual = rough / magnitude;
        var nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        var step = nice * magnitude;
        if (wholeNumbers && step < 1)
        {
            // Counts have no fractions, so ticks at 0.2, 0.4 would be labels nobody can use.
            step = 1;
        }

        var maximum = Math.Ceiling((largest / step) - 1e-9) * step;
        return new ChartScale(maximum, step);
    }

    /// <summary>The tick values from zero to the maximum inclusive.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var count = (int)Math.Round(Maximum / Step);
        return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(i * Step, 10))];
    }

    /// <summary>A value's distance from the axis as a fraction of the plot's height, 0 to 1.</summary>
    public double Fraction(double value) => Math.Clamp(value / Maximum, 0, 1);
}
