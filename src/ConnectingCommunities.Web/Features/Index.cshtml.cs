using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.SetUp.Lots;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features;

/// <summary>The start page: what the service is for before sign-in, the role's own start page after.</summary>
public sealed class IndexModel(CurrentUser user, LotHandler lots) : PageModel
{
    public bool SignedIn => user.IsSignedIn;

    public string? Role => user.Role;

    public bool IsCommissioner => user.IsCommissioner;

    public bool IsLotScoped => user.IsLotScoped;

    public string Heading => Role switch
    {
        Roles.Commissioner => "Programme overview",
        Roles.Evaluator => "Evaluation",
        Roles.ProviderManager => "Your lot",
        Roles.Advisor => "Your caseload",
        _ => "Home",
    };

    public IReadOnlyList<LotView> Lots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (SignedIn)
        {
            Lots = await lots.ListAsync(cancellationToken);
        }
    }
}
