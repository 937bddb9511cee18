using ConnectingCommunities.Web.Features.Participants.Plan;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Referrals;

public sealed class IndexModel(ReferralHandler handler) : PageModel
{
    public PlanParticipant Participant { get; private set; } = null!;

    public IReadOnlyList<ReferralView> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.ListAsync(id, logView: true, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Participant, Referrals) = found;
        return Page();
    }
}
