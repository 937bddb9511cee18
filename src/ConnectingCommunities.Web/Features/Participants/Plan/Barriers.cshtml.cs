using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

public sealed class BarriersModel(BarrierHandler handler, IAuthorizationService authorization) : PageModel
{
    public BarrierList List { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.ListAsync(id, logView: true, cancellationToken) is not { } list)
        {
            return NotFound();
        }

        List = list;
        CanChange = await PlanDisplay.CanChangeAsync(authorization, User);
        return Page();
    }
}
