using ConnectingCommunities.Web.Features.SetUp.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Lots;

public sealed class DetailsModel(LotHandler lots, ContractHandler contracts) : PageModel
{
    public LotView Lot { get; private set; } = null!;

    public IReadOnlyList<ContractView> Contracts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await lots.FindAsync(code, cancellationToken) is not { } lot)
        {
            return NotFound();
        }

        Lot = lot;
        Contracts = await contracts.ListAsync(lot.Code, cancellationToken);
        return Page();
    }
}
