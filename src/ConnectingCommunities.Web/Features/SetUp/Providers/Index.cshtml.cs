using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Providers;

public sealed class IndexModel(ProviderHandler handler) : PageModel
{
    public IReadOnlyList<ProviderView> Providers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Providers = await handler.ListAsync(cancellationToken);
}
