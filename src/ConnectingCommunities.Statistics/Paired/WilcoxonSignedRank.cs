using MathNet.Numerics.Distributions;

namespace ConnectingCommunities.Statistics.Paired;

/// <summary>
/// The result of a Wilcoxon signed-rank test, as R's <c>wilcox.test(x, y, paired = TRUE)</c> with its defaults:
/// <see cref="V"/> is the sum of the ranks of the positive differences; zero differences are dropped;
/// the p-value is exact when fewer than 50 non-zero differences remain and none are tied, otherwise from the
/// normal approximation with tie and continuity corrections. Null when no non-zero difference remains.
/// </summary>
public sealed record WilcoxonSignedRankResult(int N, int NonZero, double? V, double? P, bool Exact);

/// <summary>Wilcoxon signed-rank test on paired differences (follow-up minus baseline), two-sided.</summary>
public static class WilcoxonSignedRank
{
    /// <summary>R switches from the exact distribution to the normal approximation at 50 pairs.</summary>
    public const int ExactBelow = 50;

    public static WilcoxonSignedRankResult Run(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var nonZero = differences.Where(d => d != 0).ToArray();
        var n = nonZero.Length;
        if (n == 0)
        {
            return new WilcoxonSignedRankResult(differences.Count, 0, null, null, Exact: false);
        }

        var (ranks, tieSizes) = MidRanks(nonZero.Select(Math.Abs).ToArray());
        var v = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (nonZero[i] > 0)
            {
                v += ranks[i];
            }
        }

        var hasZeros = n < differences.Count;
        var hasTies = tieSizes.Any(t => t > 1);
        if (n < ExactBelow && !hasTies && !hasZeros)
        {
            return new WilcoxonSignedRankResult(differences.Count, n, v, ExactP((int)v, n), Exact: true);
        }

        var expected = n * (n + 1) / 4.0;
        var tieTerm = tieSizes.Sum(t => ((double)t * t * t) - t);
        var sigma = Math.Sqrt((n * (n + 1) * ((2.0 * n) + 1) / 24.0) - (tieTerm / 48.0));
        var z = v - expected;
        z = (z - (Math.Sign(z) * 0.5)) / sigma;
        var p = 2 * Math.Min(Normal.CDF(0, 1, z), 1 - Normal.CDF(0, 1, z));
        return new WilcoxonSignedRankResult(differences.Count, n, v, Math.Min(1, p), Exact: false);
    }

    /// <summary>Two-sided exact p-value, as R: twice the smaller tail, the upper tail taken from V itself.</summary>
    internal static double ExactP(int v, int n)
    {
        var counts = SubsetSumCounts(n);
        var total = Math.Pow(2, n);
        double tail;
        if (v > n * (n + 1) / 4.0)
        {
            tail = 0;
            for (var k = v; k < counts.Length; k++)
            {
                tail += counts[k];
            }
        }
        else
        {
            tail = 0;
            for (var k = 0; k <= v; k++)
            {
                tail += counts[k];
            }
        }

        return Math.Min(1, 2 * tail / total);
    }

    /// <summary>How many subsets of the ranks 1..n sum to each k: the null distribution of V times 2^n.</summary>
    private static double[] SubsetSumCounts(int n)
    {
        var max = n * (n + 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        for (var rank = 1; rank <= n; rank++)
        {
            for (var k = max; k >= rank; k--)
            {
                counts[k] += counts[k - rank];
            }
        }

        return counts;
    }

    /// <summary>Ranks of the values (average ranks for ties) and the sizes of the tied groups.</summary>
    private static (double[] Ranks, List<int> TieSizes) MidRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        var tieSizes = new List<int>();
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            tieSizes.Add(end - start + 1);
            start = end + 1;
        }

        return (ranks, tieSizes);
    }
}
