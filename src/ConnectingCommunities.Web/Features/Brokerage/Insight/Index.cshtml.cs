using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingCommunities.Web.Features.Brokerage.Insight;

/// <summary>The brokerage insight for provider managers (their lots) and commissioners (every lot, or one), with a download of each table.</summary>
[Authorize(Policy = Policies.Performance)]
public sealed class IndexModel(InsightHandler handler, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? LotCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>Which table to download: employers, methods, sectors, months or matching.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Table { get; set; }

    /// <summary>csv or xlsx, with <see cref="Table"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public BrokerageInsight? Insight { get; private set; }

    public IReadOnlyList<Choice> Lots { get; private set; } = [];

    /// <summary>Commissioners choose among every lot; a manager with more than one lot among theirs.</summary>
    public bool ShowLotFilter => !user.IsLotScoped || Lots.Count > 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Lots = [.. (await handler.LotsAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Code}: {l.Name}"))];
        var result = await handler.GetAsync(LotCode, From, To, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status == ResultStatus.Invalid)
        {
            foreach (var (field, message) in result.Errors!)
            {
                ModelState.AddModelError(field, message);
            }

            return Format is null ? Page() : BadRequest();
        }

        Insight = result.Value!;
        From ??= Formatting.IsoDate(Insight.From);
        To ??= Formatting.IsoDate(Insight.To);
        if (Format is null)
        {
            return Page();
        }

        var table = TableExport.IsFormat(Format) ? ExportFor(Table, Insight) : null;
        if (table is null)
        {
            return NotFound();
        }

        var file = TableExport.File(table with { Description = Description(Insight) }, Format,
            $"brokerage-{Table}-{Formatting.IsoDate(Insight.From)}-to-{Formatting.IsoDate(Insight.To)}");
        return File(file.Content, file.ContentType, file.FileName);
    }

    public static string Period(BrokerageInsight insight)
    {
        ArgumentNullException.ThrowIfNull(insight);
        return $"{Formatting.Date(insight.From)} to {Formatting.Date(insight.To)}";
    }

    public static string Description(BrokerageInsight insight)
    {
        ArgumentNullException.ThrowIfNull(insight);
        return $"{insight.Scope}, {Period(insight)}";
    }

    /// <summary>This page with the current filters and a table and format to download.</summary>
    public string Link(string table, string format)
    {
        var query = new Dictionary<string, string?> { ["lotCode"] = LotCode, ["from"] = From, ["to"] = To, ["table"] = table, ["format"] = format };
        return QueryHelpers.AddQueryString("/brokerage/insight", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    public static ExportTable? ExportFor(string? table, BrokerageInsight insight)
    {
        ArgumentNullException.ThrowIfNull(insight);
        return table switch
        {
            "employers" => Rows("Referrals and job starts by employer", "Employer", insight.ByEmployer),
            "methods" => Rows("Referrals and job starts by engagement method", "Engagement method", insight.ByEngagementMethod),
            "sectors" => Rows("Referrals and job starts by sector", "Sector (SIC 2007 section)", insight.BySector),
            "months" => new ExportTable(
                "Job starts from referrals by month",
                [new ExportColumn("Month"), new ExportColumn("Job starts", ColumnKind.Number)],
                [.. insight.StartsByMonth.Select(m => (IReadOnlyList<object?>)[m.Label, m.Starts])]),
            "matching" => new ExportTable(
                "Matching activity",
                [new ExportColumn("Measure"), new ExportColumn("Number", ColumnKind.Number)],
                [
                    ["Match lists reviewed", insight.MatchListsReviewed],
                    ["Participants who completed the action \"Identify jobs that match skills\"", insight.ParticipantsWithMatchingJobsActionCompleted],
                ]),
            _ => null,
        };
    }

    private static ExportTable Rows(string title, string heading, IReadOnlyList<InsightRow> rows) => new(
        title,
        [new ExportColumn(heading), new ExportColumn("Referrals", ColumnKind.Number), new ExportColumn("Job starts", ColumnKind.Number)],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Referrals, r.Starts])]);
}
