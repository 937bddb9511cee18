using System.Globalization;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

public sealed class IndexModel(EmployerHandler handler, BrokerageLots lots, CurrentUser user) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lot { get; set; }

    public PagedList<EmployerSummary> Employers { get; private set; } = new([], 0, 1, PageSize);

    public Pagination Pagination { get; private set; } = null!;

    public IReadOnlyList<Choice> Sectors { get; } = [.. SicSections.All.Select(s => new Choice(s.Letter, $"{s.Letter}: {s.Title}"))];

    public IReadOnlyList<Choice> Lots { get; private set; } = [];

    public bool CanAdd => user.IsLotScoped;

    /// <summary>Provider managers and commissioners read the brokerage insight (the Performance policy).</summary>
    public bool CanSeeInsight => user.IsInRole(Data.Entities.Roles.ProviderManager) || user.IsCommissioner;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // "page" names the Razor page in route values, so the page number is read from the query string.
        var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        Employers = await handler.ListAsync(Search, Sector, Lot, page, PageSize, cancellationToken);
        Lots = [.. (await lots.AllAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Code}: {l.Name}"))];
        Pagination = new Pagination(Employers.Page, PageSize, Employers.Total, "/employers", new Dictionary<string, string?>
        {
            ["search"] = Search,
            ["sector"] = Sector,
            ["lot"] = Lot,
        });
    }
}
