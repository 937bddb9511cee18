using ConnectingCommunities.Data;
using ConnectingCommunities.Web.Features.Performance.Trends;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Charts;
using ConnectingCommunities.Web.Infrastructure.Exports;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingCommunities.Web.Features.Performance.Caseloads;

/// <summary>
/// Caseloads by advisor over time with their participants' outcomes beside them, and outcomes by
/// caseload size; downloads ?table=caseloads|advisors|bands&amp;format=csv|xlsx.
/// </summary>
public sealed class IndexModel(CcDbContext db, CurrentUser user, TimeProvider clock, PerformanceQueries performance) : PageModel
{
    public const string Path = "/performance/caseloads";

    // Made here rather than registered, so the feature's registration need not change.
    private readonly TrendQueries trends = new(db, user, clock);
    private readonly CaseloadQueries caseloads = new(db);

    [BindProperty(SupportsGet = true, Name = "lotCode")]
    public string? LotCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "cohort")]
    public string? Cohort { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "table")]
    public string? Table { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public CaseloadReport? Report { get; private set; }

    public ChartView? Chart { get; private set; }

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public static IReadOnlyList<Choice> CohortChoices => PerformancePageModel.CohortChoices;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (lots, _, _) = await performance.OptionsAsync(cancellationToken);
        LotChoices = [.. lots.Select(l => new Choice(l.Value, l.Label))];
        var filter = PerformanceQueries.ParseFilter(From, To, LotCode, cohort: Cohort);
        if (!filter.Succeeded)
        {
            ModelState.AddErrors(filter.Errors!);
            return Page();
        }

        var scope = await trends.ScopeAsync(filter.Value!, cancellationToken);
        if (scope is null)
        {
            return NotFound();
        }

        Report = await caseloads.GetAsync(scope, cancellationToken);
        Chart = new ChartView(CaseloadChart(Report), Link(("table", "caseloads")));
        if (Format is null)
        {
            return Page();
        }

        ExportTable? table = !TableExport.IsFormat(Format) ? null : Table switch
        {
            "caseloads" => ChartExport.Table(Chart.Chart),
            "advisors" => AdvisorsTable(Report),
            "bands" => BandsTable(Report),
            _ => null,
        };
        if (table is null)
        {
            return NotFound();
        }

        var file = TableExport.File(table with { Description = $"{scope.Title}, {IndexModelPeriod(scope)}" }, Format, $"caseloads-{Table}-{Formatting.IsoDate(scope.From)}-to-{Formatting.IsoDate(scope.To)}");
        return File(file.Content, file.ContentType, file.FileName);
    }

    public static string IndexModelPeriod(TrendScope scope) => Trends.IndexModel.PeriodText(scope);

    public string Link(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?> { ["lotCode"] = LotCode, ["cohort"] = Cohort, ["from"] = From, ["to"] = To };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return QueryHelpers.AddQueryString(Path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    public static string Rate(double? rate) => rate is { } r ? r.ToString("P1", Formatting.EnGb) : "None to count";

    private static Chart CaseloadChart(CaseloadReport report)
    {
        var advisors = report.Advisors.Where(a => a.AdvisorId is not null).ToList();
        var busiest = advisors.OrderByDescending(a => a.PeakCaseload).FirstOrDefault();
        var description = busiest is null
            ? "No participant in these lots has an advisor."
            : $"{advisors.Count} advisors. The largest caseload was {busiest.PeakCaseload:N0} ({busiest.Name}); the average caseload across advisors was {advisors.Average(a => a.AverageCaseload):N0}.";
        return new Chart(
            "caseloads-by-advisor", ChartKind.Line, $"Active caseload per advisor at each quarter end, {report.Scope.Title}", description,
            "Quarter end", "Participants on the caseload",
            [.. report.QuarterEnds.Select(d => new ChartCategory(d.ToString("MMM yyyy", Formatting.EnGb), Formatting.Date(d)))],
            [.. advisors.Select(a => new ChartSeries(a.Name, [.. a.ActiveAtQuarterEnds.Select(c => (double)c)]))]);
    }

    public static ExportTable AdvisorsTable(CaseloadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ExportTable(
            "Caseloads and outcomes by advisor",
            [
                new("Advisor"), new("Average caseload", ColumnKind.Number), new("Largest caseload", ColumnKind.Number),
                new("Caseload band"), new("Participants", ColumnKind.Number), new("Engaged", ColumnKind.Number),
                new("Engagement rate", ColumnKind.Percent), new("Out of work at registration", ColumnKind.Number),
                new("Job outcomes", ColumnKind.Number), new("Job outcome rate", ColumnKind.Percent),
            ],
            [.. report.Advisors.Select(a => (IReadOnlyList<object?>)
            [
                a.Name, Math.Round(a.AverageCaseload, 1), a.PeakCaseload, a.AdvisorId is null ? "" : CaseloadQueries.BandOf(a.AverageCaseload),
                a.Participants, a.Engaged, a.EngagementRate, a.OutOfWork, a.JobOutcomes, a.JobOutcomeRate,
            ])]);
    }

    public static ExportTable BandsTable(CaseloadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ExportTable(
            "Outcomes by caseload size",
            [
                new("Average caseload"), new("Advisors", ColumnKind.Number), new("Participants", ColumnKind.Number),
                new("Engaged", ColumnKind.Number), new("Engagement rate", ColumnKind.Percent), new("Out of work at registration", ColumnKind.Number),
                new("Job outcomes", ColumnKind.Number), new("Job outcome rate", ColumnKind.Percent),
            ],
            [.. report.Bands.Select(b => (IReadOnlyList<object?>)
                [b.Name, b.Advisors, b.Participants, b.Engaged, b.EngagementRate, b.OutOfWork, b.JobOutcomes, b.JobOutcomeRate])]);
    }
}
