using Microsoft.AspNetCore.Mvc;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>The programme view for commissioners (or the manager's own lots), narrowed by lot, group, provider, cohort and period.</summary>
public sealed class IndexModel(PerformanceQueries queries) : PerformancePageModel(queries)
{
    protected override string PathForDownloads => "/performance";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);
}
