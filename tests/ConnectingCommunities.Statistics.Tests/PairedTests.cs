using ConnectingCommunities.Statistics.Paired;

namespace ConnectingCommunities.Statistics.Tests;

/// <summary>
/// Paired t-test, Wilcoxon signed-rank test and Cohen's d_z against published R output:
/// <list type="bullet">
/// <item>Student's sleep data (R's <c>datasets::sleep</c>; Cushny and Peebles 1905): <c>t.test(extra ~ group, data = sleep,
/// paired = TRUE)</c> prints t = -4.0621, df = 9, p-value = 0.002833, 95% CI -2.4598858 to -0.7001142, mean difference -1.58
/// (here follow-up is group 2, so the signs turn over); <c>wilcox.test</c> on the same pairs prints V = 0, p-value = 0.009091
/// (normal approximation: one zero difference and tied ranks).</item>
/// <item>Hollander and Wolfe (1973) p. 29, the depression scale example in R's <c>?wilcox.test</c>:
/// <c>wilcox.test(x, y, paired = TRUE, alternative = "greater")</c> prints V = 40, p-value = 0.01953, so the exact two-sided
/// p is twice that, 0.0390625 (= 20/512).</item>
/// </list>
/// </summary>
public class PairedTests
{
    private static readonly double[] SleepGroup1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] SleepGroup2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    private static readonly double[] DepressionFirst = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
    private static readonly double[] DepressionSecond = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

    [Fact]
    public void Paired_t_test_agrees_with_R_on_the_sleep_data()
    {
        var result = PairedComparison.Of(SleepGroup1, SleepGroup2);

        Assert.Equal(10, result.Pairs);
        Assert.Equal(1.58, result.MeanChange!.Value, 1e-12);
        Assert.Equal(4.0621, result.TTest.T!.Value, 1e-4);
        Assert.Equal(9, result.TTest.DegreesOfFreedom);
        Assert.Equal(0.002833, result.TTest.P!.Value, 1e-6);
        Assert.Equal(0.7001142, result.TTest.CiLower!.Value, 1e-7);
        Assert.Equal(2.4598858, result.TTest.CiUpper!.Value, 1e-7);
        Assert.Equal(0.75, result.BaselineMean!.Value, 1e-12);
        Assert.Equal(2.33, result.FollowUpMean!.Value, 1e-12);

        // sd(extra[11:20] - extra[1:10]) = 1.229995 in R; d_z = 1.58 / 1.229995.
        Assert.Equal(1.229995, result.TTest.StandardDeviation!.Value, 1e-6);
        Assert.Equal(1.58 / 1.229995, result.CohensDz!.Value, 1e-5);
    }

    [Fact]
    public void Wilcoxon_normal_approximation_agrees_with_R_on_the_sleep_data()
    {
        var forwards = PairedComparison.Of(SleepGroup2, SleepGroup1).Wilcoxon;
        var backwards = PairedComparison.Of(SleepGroup1, SleepGroup2).Wilcoxon;

        Assert.False(forwards.Exact);
        Assert.Equal(9, forwards.NonZero);
        Assert.Equal(0, forwards.V);
        Assert.Equal(0.009091, forwards.P!.Value, 1e-6);

        // The other direction: every non-zero rank is positive, 1 + ... + 9 = 45, and the same p.
        Assert.Equal(45, backwards.V);
        Assert.Equal(forwards.P!.Value, backwards.P!.Value, 1e-12);
    }

    [Fact]
    public void Wilcoxon_exact_p_agrees_with_R_on_the_depression_example()
    {
        var result = WilcoxonSignedRank.Run([.. DepressionFirst.Zip(DepressionSecond, (x, y) => x - y)]);

        Assert.True(result.Exact);
        Assert.Equal(40, result.V);
        Assert.Equal(0.0390625, result.P!.Value, 1e-12);
    }

    [Fact]
    public void Wilcoxon_exact_p_for_five_positive_differences_is_the_smallest_possible()
    {
        // With n = 5 the only more extreme arrangements are all positive or all negative: 2 / 2^5.
        var result = WilcoxonSignedRank.Run([1, 2, 3, 4, 5]);

        Assert.Equal(15, result.V);
        Assert.Equal(0.0625, result.P!.Value, 1e-12);
    }

    [Fact]
    public void Wilcoxon_uses_the_normal_approximation_from_50_pairs()
    {
        var differences = Enumerable.Range(1, 50).Select(i => i % 3 == 0 ? -(double)i : i).ToArray();
        var result = WilcoxonSignedRank.Run(differences);

        Assert.False(result.Exact);

        // By hand: V = sum of the ranks not divisible by 3 = 1275 - 3 * (1 + ... + 16) = 867; mean 637.5;
        // variance 50 * 51 * 101 / 24 = 10731.25; z = (867 - 637.5 - 0.5) / sqrt(10731.25) = 2.2106...
        Assert.Equal(867, result.V);
        var z = (867 - 637.5 - 0.5) / Math.Sqrt(10731.25);
        Assert.Equal(2.2106, z, 1e-4);
        Assert.Equal(2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, z)), result.P!.Value, 1e-12);
    }

    [Fact]
    public void Undefined_statistics_are_null_rather_than_made_up()
    {
        var none = PairedComparison.Of([], []);
        Assert.Equal(0, none.Pairs);
        Assert.Null(none.MeanChange);
        Assert.Null(none.TTest.P);
        Assert.Null(none.Wilcoxon.P);
        Assert.Null(none.CohensDz);

        var one = PairedComparison.Of([10], [12]);
        Assert.Equal(2, one.MeanChange);
        Assert.Null(one.TTest.P);
        Assert.Null(one.TTest.CiLower);

        var constant = PairedComparison.Of([10, 11, 12], [12, 13, 14]);
        Assert.Equal(2, constant.MeanChange);
        Assert.Null(constant.TTest.T);
        Assert.Null(constant.CohensDz);
        Assert.Equal(2, constant.TTest.CiLower);

        var unchanged = PairedComparison.Of([10, 11], [10, 11]);
        Assert.Null(unchanged.Wilcoxon.V);
        Assert.Null(unchanged.Wilcoxon.P);
    }

    [Fact]
    public void Pairs_must_line_up()
    {
        Assert.Throws<ArgumentException>(() => PairedComparison.Of([1, 2], [1]));
    }
}
