using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Lots;

public sealed class IndexModel(LotHandler handler) : PageModel
{
    public IReadOnlyList<LotView> Lots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lots = await handler.ListAsync(cancellationToken);
}
