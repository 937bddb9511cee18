using System.Globalization;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Charts;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>How the Theory of Change figures are written on the page and in the report, so the two cannot differ.</summary>
public static class IndicatorDisplay
{
    public const string Withheld = "Fewer than 10";

    public static string Mean(double? value) => value is { } v ? v.ToString("0.00", Formatting.EnGb) : "–";

    public static string Change(double? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", Formatting.EnGb) : "–";

    public static string Interval(double? lower, double? upper) =>
        lower is { } l && upper is { } u ? $"{l.ToString("0.00", Formatting.EnGb)} to {u.ToString("0.00", Formatting.EnGb)}" : "–";

    /// <summary>p-values to three places, and "&lt;0.001" below that, as evaluation reports usually give them.</summary>
    public static string P(double? value) => value switch
    {
        null => "–",
        < 0.001 => "<0.001",
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    public static string EffectSize(double? value) => value is { } v ? v.ToString("0.00", Formatting.EnGb) : "–";

    public static string Pairs(IndicatorChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Suppressed ? Withheld : Formatting.Number(change.Pairs ?? 0);
    }

    /// <summary>The column headings of a group's table, in order; the page and both report formats use them.</summary>
    public static IReadOnlyList<string> Headings { get; } =
        ["Indicator (range)", "Pairs (N)", "Baseline mean", "Follow-up mean", "Mean change", "95% CI of change", "Paired t-test p", "Wilcoxon p", "Effect size (d_z)"];

    /// <summary>One row of a group's table as text, in the order of <see cref="Headings"/>.</summary>
    public static IReadOnlyList<string> Row(IndicatorChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return
        [
            $"{change.Name} ({change.MinTotal}-{change.MaxTotal})",
            Pairs(change),
            Mean(change.BaselineMean),
            Mean(change.FollowUpMean),
            Change(change.MeanChange),
            Interval(change.CiLower, change.CiUpper),
            P(change.TTestP),
            P(change.WilcoxonP),
            EffectSize(change.CohensDz),
        ];
    }

    /// <summary>Baseline and follow-up means of each indicator for everyone: the section's chart.</summary>
    public static Chart MeansChart(IndicatorAnalysisResult result, string id = "indicator-means")
    {
        ArgumentNullException.ThrowIfNull(result);
        var scales = result.Overall.Scales;
        return new Chart(
            id,
            ChartKind.GroupedBars,
            "Theory of Change indicators: mean totals at baseline and follow-up",
            "Grouped bars: for each of the four indicators, the mean total at baseline and at follow-up of the participants "
                + "assessed at both. Each scale has its own range, given in the table.",
            "Indicator",
            "Mean total",
            [.. scales.Select(s => new ChartCategory(s.Name, $"{s.Name} ({s.MinTotal}-{s.MaxTotal})"))],
            [
                new ChartSeries("Baseline", [.. scales.Select(s => s.BaselineMean ?? 0)]),
                new ChartSeries("Follow-up", [.. scales.Select(s => s.FollowUpMean ?? 0)]),
            ],
            "N1");
    }
}
