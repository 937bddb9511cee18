using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>Payment runs, newest first, filtered by provider and period; commissioners start a new run from here.</summary>
public sealed class IndexModel(PaymentRunHandler handler, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Provider { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    // From the query only: Razor Pages puts the page's own name in the route value "page".
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<PaymentRunSummary> Runs { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public Pagination Pagination { get; private set; } = null!;

    public IReadOnlyList<Choice> ProviderChoices { get; private set; } = [];

    public bool CanMakeRuns => user.IsCommissioner;

    public bool Filtered => !string.IsNullOrWhiteSpace(Provider) || !string.IsNullOrWhiteSpace(Period);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ProviderChoices = (await handler.ProvidersAsync(cancellationToken)).Select(p => new Choice(p.Id.ToString(), p.Name)).ToList();
        var result = await handler.ListAsync(Provider, Period, PageNumber, Paging.DefaultPageSize, cancellationToken);
        if (result.Succeeded)
        {
            Runs = result.Value!;
        }
        else
        {
            ModelState.AddErrors(result.Errors!);
        }

        Pagination = new Pagination(Runs.Page, Runs.PageSize, Runs.Total, "/payments",
            new Dictionary<string, string?> { ["provider"] = Provider, ["period"] = Period });
    }
}
