using System.Diagnostics;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Domain.Performance;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.Evaluation.Indicators;
using ConnectingCommunities.Web.Features.Performance;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Charts;

namespace ConnectingCommunities.Web.Features.Evaluation.Report;

/// <summary>
/// Builds the evaluation report from the services behind the screens (performance, the evaluation's tables
/// and models, the Theory of Change analysis), so its figures are the screens' figures. It is always the
/// evaluator's view: small cells suppressed, aggregates only, no identifier of anyone.
/// </summary>
public sealed partial class EvaluationReportBuilder(
    PerformanceQueries performance,
    IndicatorAnalysis indicators,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<EvaluationReportBuilder> logger)
{
    public const string Title = "Connecting Communities: evaluation report";

    public async Task<EvaluationReport> BuildAsync(CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var sections = new List<ReportSection>
        {
            await PerformanceSectionAsync(cancellationToken),
        };
        sections.AddRange(await ExtraSectionsAsync(cancellationToken));
        sections.Add(await TheoryOfChangeSectionAsync(cancellationToken));
        watch.Stop();
        LogBuilt(logger, sections.Count, watch.ElapsedMilliseconds);
        return new EvaluationReport(Title, now, Formatting.DateInLondon(now), sections, watch.Elapsed);
    }

    /// <summary>The sections between performance and the Theory of Change, from the tables and models features.</summary>
    private Task<IReadOnlyList<ReportSection>> ExtraSectionsAsync(CancellationToken cancellationToken) =>
        ReportExtraSections.BuildAsync(services, cancellationToken);

    private async Task<ReportSection> PerformanceSectionAsync(CancellationToken cancellationToken)
    {
        var result = await performance.GetAsync(new PerformanceFilter(), cancellationToken);
        if (!result.Succeeded)
        {
            return new ReportSection("performance", "Performance against targets", [ReportBlock.Text("No programme performance is available.")]);
        }

        var report = result.Value!;
        var blocks = new List<ReportBlock>
        {
            ReportBlock.Text(
                $"Milestones achieved from {Formatting.Date(report.From)} to {Formatting.Date(report.To)} against the targets to date "
                + $"(the profile pro rata), from the audited claims and milestones of the programme's {report.Lots.Count} lots. "
                + $"{Formatting.Number(report.Registered)} participants registered."),
        };

        // Programme totals and each lot's figures: one suppression problem, so a hidden lot cannot be worked out from the total.
        var cells = new SmallCells();
        var milestones = report.Milestones;
        var totalCells = milestones.Select(m => cells.Add(m.Actual)).ToArray();
        var lotCells = report.Lots.Select(l => l.Milestones.Select(m => cells.Add(m.Actual)).ToArray()).ToArray();
        for (var m = 0; m < milestones.Count; m++)
        {
            var parts = lotCells.Where(l => m < l.Length).Select(l => l[m]).ToArray();
            if (parts.Length == report.Lots.Count && parts.Sum(cells.Value) == cells.Value(totalCells[m]))
            {
                cells.AddLine(totalCells[m], parts);
            }
        }

        var hidden = cells.Suppress();
        string Count(int cell) => hidden[cell] ? SmallCells.Symbol : Formatting.Number(cells.Value(cell));

        blocks.Add(ReportBlock.Of(new ReportTable(
            "performance-milestones",
            "Milestones against targets to date",
            ["Milestone", "Achieved", "Target to date", "Percentage of target", "Rating"],
            [
                .. milestones.Select((m, i) => (IReadOnlyList<string>)
                [
                    m.Milestone.DisplayName(),
                    Count(totalCells[i]),
                    m.Target is { } t ? Formatting.Number(t) : "No target",
                    hidden[totalCells[i]] ? SmallCells.Symbol : Percent(m.PercentOfTarget),
                    m.Rag == Rag.None ? "–" : m.Rag.ToString(),
                ]),
            ],
            hidden.Any(h => h) ? SmallCells.Explanation : null)));
        blocks.Add(ReportBlock.Of(new Chart(
            "performance-chart",
            ChartKind.GroupedBars,
            "Milestones achieved and targets to date",
            "Grouped bars: for each milestone, the number achieved and the target to date, programme-wide.",
            "Milestone",
            "Participants",
            [.. milestones.Select(m => new ChartCategory(m.Milestone.DisplayName(), m.Milestone.DisplayName()))],
            [
                new ChartSeries("Achieved", [.. milestones.Select((m, i) => hidden[totalCells[i]] ? 0 : (double)m.Actual)]),
                new ChartSeries("Target to date", [.. milestones.Select(m => (double)(m.Target ?? 0))]),
            ])));

        blocks.Add(ReportBlock.Of(new ReportTable(
            "performance-lots",
            "Milestones achieved by lot",
            ["Lot", .. milestones.Select(m => m.Milestone.DisplayName())],
            [
                .. report.Lots.Select((lot, l) => (IReadOnlyList<string>)
                [
                    $"{lot.LotName} ({lot.LotCode})",
                    .. lot.Milestones.Select((m, i) => $"{Count(lotCells[l][i])}{(m.Target is { } t ? $" of {Formatting.Number(t)}" : "")}"),
                ]),
            ],
            "Achieved of target to date." + (hidden.Any(h => h) ? " " + SmallCells.Explanation : ""))));

        blocks.Add(ReportBlock.Of(RateTable(
            "performance-job-rate-cohort", "Job outcome rate by cohort", "Cohort", report.JobOutcomeRateByCohort)));
        blocks.Add(ReportBlock.Of(RateTable(
            "performance-sustainment", "Sustainment rates", "Measure", report.SustainmentRates)));
        return new ReportSection("performance", "Performance against targets", blocks);
    }

    /// <summary>Rates with their counts; a count or complement under 10 hides the row's figures.</summary>
    private static ReportTable RateTable(string id, string title, string heading, IReadOnlyList<RateFigure> rates)
    {
        var suppressed = false;
        var rows = rates.Select(r =>
        {
            var hide = SmallCells.IsSmall(r.Count) || SmallCells.IsSmall(r.Of - r.Count) || SmallCells.IsSmall(r.Of);
            suppressed |= hide;
            return (IReadOnlyList<string>)
            [
                r.Label,
                hide ? SmallCells.Symbol : Formatting.Number(r.Count),
                SmallCells.IsSmall(r.Of) ? SmallCells.Symbol : Formatting.Number(r.Of),
                hide ? SmallCells.Symbol : Percent(r.Rate),
            ];
        }).ToList();
        return new ReportTable(id, title, [heading, "Achieved", "Out of (N)", "Rate"], rows, suppressed ? SmallCells.Explanation : null);
    }

    private async Task<ReportSection> TheoryOfChangeSectionAsync(CancellationToken cancellationToken)
    {
        var result = await indicators.AnalyseAsync(suppressSmallGroups: true, cancellationToken);
        var blocks = new List<ReportBlock>
        {
            ReportBlock.Text(
                "The Theory of Change expects the programme to raise participants' self-esteem, sense of control over their lives (locus of "
                + "control), attitude to work and awareness of labour-market opportunities. Advisors asked four short scales at a baseline "
                + "and at a follow-up: self-esteem on the Rosenberg Self-Esteem Scale (10 items, 0-30), locus of control on the Pearlin "
                + "Mastery Scale (7 items, 7-28), and attitude to work and labour-market awareness on the programme's own five-item scales "
                + "(5-25 each; not independently validated)."),
            ReportBlock.Text(
                $"{Formatting.Number(result.AssessedAtBaseline)} participants were assessed at baseline, "
                + $"{Formatting.Number(result.AssessedAtFollowUp)} at follow-up and {Formatting.Number(result.AssessedAtBoth)} at both. "
                + "Mean change is follow-up minus baseline, with its 95% confidence interval and paired t-test; the Wilcoxon signed-rank "
                + "test does not assume normal changes; d_z is the mean change over the standard deviation of the changes. "
                + $"Groups of fewer than {result.SuppressBelow} pairs are withheld."),
        };
        if (!result.Overall.Scales.All(s => s.Suppressed))
        {
            blocks.Add(ReportBlock.Of(IndicatorDisplay.MeansChart(result, "report-indicator-means")));
        }

        foreach (var group in result.Groups)
        {
            blocks.Add(ReportBlock.Of(new ReportTable(
                "indicators-" + group.Group,
                group.Group == "all" ? "Change in the indicators: all participants" : $"Change in the indicators: {group.Label}",
                IndicatorDisplay.Headings,
                [.. group.Scales.Select(IndicatorDisplay.Row)])));
        }

        return new ReportSection("theory-of-change", "Theory of Change indicators", blocks);
    }

    internal static string Percent(decimal? fraction) =>
        fraction is { } f ? (f * 100m).ToString("0.0", Formatting.EnGb) + "%" : "–";

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation report built: {Sections} sections in {Milliseconds} ms")]
    private static partial void LogBuilt(ILogger logger, int sections, long milliseconds);
}
