using Microsoft.AspNetCore.Mvc;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>The same figures without the filters and links, dated, for printing or saving as PDF (the print style hides the navigation).</summary>
public sealed class PrintModel(PerformanceQueries queries) : PerformancePageModel(queries)
{
    protected override string PathForDownloads => "/performance";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);
}
