using MathNet.Numerics.Distributions;

namespace ConnectingCommunities.Statistics.Paired;

/// <summary>
/// The result of a paired (one-sample on the differences) t-test, as R's <c>t.test(x, y, paired = TRUE)</c>.
/// Null where the test is undefined: fewer than two pairs, or every difference the same (no spread).
/// </summary>
public sealed record PairedTTestResult(
    int N,
    double MeanDifference,
    double? StandardDeviation,
    double? StandardError,
    double? T,
    int? DegreesOfFreedom,
    double? P,
    double? CiLower,
    double? CiUpper,
    double ConfidenceLevel);

/// <summary>Paired t-test on differences (follow-up minus baseline), two-sided, with a confidence interval for the mean difference.</summary>
public static class PairedTTest
{
    public static PairedTTestResult Run(IReadOnlyList<double> differences, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (confidenceLevel is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must be between 0 and 1.");
        }

        var n = differences.Count;
        if (n == 0)
        {
            return new PairedTTestResult(0, double.NaN, null, null, null, null, null, null, null, confidenceLevel);
        }

        var mean = differences.Average();
        if (n < 2)
        {
            return new PairedTTestResult(n, mean, null, null, null, null, null, null, null, confidenceLevel);
        }

        var sumSquares = differences.Sum(d => (d - mean) * (d - mean));
        var sd = Math.Sqrt(sumSquares / (n - 1));
        var se = sd / Math.Sqrt(n);
        var df = n - 1;
        if (se == 0)
        {
            // Every pair changed by the same amount: the interval is that amount and t is undefined (R stops with "data are essentially constant").
            return new PairedTTestResult(n, mean, sd, se, null, df, null, mean, mean, confidenceLevel);
        }

        var t = mean / se;
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        var q = StudentT.InvCDF(0, 1, df, 1 - ((1 - confidenceLevel) / 2));
        return new PairedTTestResult(n, mean, sd, se, t, df, Math.Min(1, p), mean - (q * se), mean + (q * se), confidenceLevel);
    }
}
