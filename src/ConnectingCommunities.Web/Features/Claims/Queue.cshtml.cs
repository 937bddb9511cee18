using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>The commissioner's queue: submitted claims with lines still to decide, oldest submission first.</summary>
public sealed class QueueModel(ClaimQueries queries) : PageModel
{
    /// <summary>?page=N, read from the query itself: "page" is also the route value naming the Razor page.</summary>
    public int? PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : null;

    public PagedList<ClaimSummary> Claims { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public Pagination Pagination { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Claims = await queries.ListAsync(new ClaimQuery(), PageNumber, Paging.DefaultPageSize, awaitingOnly: true, cancellationToken);
        Pagination = new Pagination(Claims.Page, Claims.PageSize, Claims.Total, "/claims/queue", new Dictionary<string, string?>());
    }
}
