using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>Value, spend and what remains per lot and contract: a provider manager's own lots, every lot for commissioners.</summary>
public sealed class SpendModel(SpendHandler handler, CurrentUser user) : PageModel
{
    public SpendView Spend { get; private set; } = null!;

    /// <summary>The programme's totals across all lots are for commissioners.</summary>
    public bool ShowTotals => user.IsCommissioner;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Spend = await handler.GetAsync(cancellationToken);
}
