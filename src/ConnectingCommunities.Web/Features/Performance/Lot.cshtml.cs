using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>One lot: its figures, and its target profile for a milestone with the original and varied targets. Another lot is not found.</summary>
public sealed class LotModel(PerformanceQueries queries) : PerformancePageModel(queries)
{
    [BindProperty(SupportsGet = true, Name = "milestone")]
    public string? Milestone { get; set; }

    public string RouteLotCode { get; private set; } = "";

    public LotProfile? Profile { get; private set; }

    protected override string PathForDownloads => QueryHelpers.AddQueryString($"/performance/lots/{RouteLotCode}", "milestone", Profile?.Milestone.ToString() ?? nameof(Domain.Programme.Milestone.JobOutcome));

    public async Task<IActionResult> OnGetAsync(string lotCode, CancellationToken cancellationToken)
    {
        RouteLotCode = lotCode.Trim().ToUpperInvariant();
        LotCode = null;
        var milestone = Enum.TryParse<Milestone>(Milestone, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Milestone, out _)
            ? parsed
            : Domain.Programme.Milestone.JobOutcome;
        Profile = await Queries.ProfileAsync(RouteLotCode, milestone, cancellationToken);
        if (Profile is null)
        {
            return NotFound();
        }

        return await LoadAsync(RouteLotCode, cancellationToken);
    }

    protected override ExportTable? ExportFor(string? table) =>
        table == PerformanceTables.Profile ? PerformanceTables.ProfileTable(Profile!) : base.ExportFor(table);
}
