namespace ConnectingCommunities.Statistics.Paired;

/// <summary>
/// Baseline against follow-up for one measure on the same people: the means, the mean change with its
/// confidence interval and paired t-test, the Wilcoxon signed-rank test, and Cohen's d_z (mean change over
/// the standard deviation of the changes).
/// </summary>
public sealed record PairedComparison(
    int Pairs,
    double? BaselineMean,
    double? FollowUpMean,
    PairedTTestResult TTest,
    WilcoxonSignedRankResult Wilcoxon,
    double? CohensDz)
{
    public double? MeanChange => Pairs == 0 ? null : TTest.MeanDifference;

    /// <summary>Compares paired observations; <paramref name="baseline"/>[i] and <paramref name="followUp"/>[i] are the same person.</summary>
    public static PairedComparison Of(IReadOnlyList<double> baseline, IReadOnlyList<double> followUp, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(followUp);
        if (baseline.Count != followUp.Count)
        {
            throw new ArgumentException("Baseline and follow-up must have one value per pair.", nameof(followUp));
        }

        var differences = followUp.Zip(baseline, (after, before) => after - before).ToArray();
        var t = PairedTTest.Run(differences, confidenceLevel);
        var w = WilcoxonSignedRank.Run(differences);
        double? dz = t.StandardDeviation is > 0 ? t.MeanDifference / t.StandardDeviation.Value : null;
        return new PairedComparison(
            differences.Length,
            baseline.Count == 0 ? null : baseline.Average(),
            followUp.Count == 0 ? null : followUp.Average(),
            t,
            w,
            dz);
    }
}
