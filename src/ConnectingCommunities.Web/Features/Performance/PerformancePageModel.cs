using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>
/// What the programme, lot and print pages share: the filters read from the query string, the
/// report, and a download of any of its tables (?format=csv|xlsx&amp;table=...).
/// </summary>
public abstract class PerformancePageModel(PerformanceQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "lotCode")]
    public string? LotCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "groupId")]
    public string? GroupId { get; set; }

    [BindProperty(SupportsGet = true, Name = "providerId")]
    public string? ProviderId { get; set; }

    [BindProperty(SupportsGet = true, Name = "cohort")]
    public string? Cohort { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true, Name = "table")]
    public string? Table { get; set; }

    public PerformanceReport? Report { get; private set; }

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public IReadOnlyList<Choice> GroupChoices { get; private set; } = [];

    public IReadOnlyList<Choice> ProviderChoices { get; private set; } = [];

    public static IReadOnlyList<Choice> CohortChoices { get; } =
        [.. new[] { Domain.Programme.Cohort.HardestToHelp, Domain.Programme.Cohort.HarderToReach, Domain.Programme.Cohort.RapidProgression, Domain.Programme.Cohort.Employed }
            .Select(c => new Choice(c.ToString(), c.DisplayName()))];

    public DateOnly Today => queries.Today;

    protected PerformanceQueries Queries => queries;

    /// <summary>The report for the filters (with <paramref name="lotCode"/> fixed by the route, if any), or the download asked for.</summary>
    protected async Task<IActionResult> LoadAsync(string? lotCode, CancellationToken cancellationToken)
    {
        var (lots, groups, providers) = await queries.OptionsAsync(cancellationToken);
        LotChoices = [.. lots.Select(l => new Choice(l.Value, l.Label))];
        GroupChoices = [.. groups.Select(g => new Choice(g.Value, g.Label))];
        ProviderChoices = [.. providers.Select(p => new Choice(p.Value, p.Label))];

        var filter = PerformanceQueries.ParseFilter(From, To, lotCode ?? LotCode, GroupId, ProviderId, Cohort);
        if (!filter.Succeeded)
        {
            ModelState.AddErrors(filter.Errors!);
            return Page();
        }

        var result = await queries.GetAsync(filter.Value!, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        Report = result.Value;
        if (Format is null)
        {
            return Page();
        }

        var table = TableExport.IsFormat(Format) ? ExportFor(Table) : null;
        if (table is null)
        {
            return NotFound();
        }

        var file = TableExport.File(table, Format, FileName(table.Title));
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>A table of the report by name; pages with more tables add theirs.</summary>
    protected virtual ExportTable? ExportFor(string? table) => PerformanceTables.For(Report!, table);

    protected string FileName(string title) =>
        $"performance-{title.ToLowerInvariant().Replace(' ', '-')}-{Formatting.IsoDate(Report!.From)}-to-{Formatting.IsoDate(Report.To)}";

    /// <summary>The current filters as a query string, with changes (null removes a value).</summary>
    public string Link(string path, params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["from"] = From,
            ["to"] = To,
            ["lotCode"] = LotCode,
            ["groupId"] = GroupId,
            ["providerId"] = ProviderId,
            ["cohort"] = Cohort,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    /// <summary>The download links of a table on this page.</summary>
    public (string Csv, string Xlsx) Downloads(string table) =>
        (Link(PathForDownloads, ("format", "csv"), ("table", table)), Link(PathForDownloads, ("format", "xlsx"), ("table", table)));

    protected abstract string PathForDownloads { get; }
}
