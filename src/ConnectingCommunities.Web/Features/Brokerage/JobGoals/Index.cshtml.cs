using ConnectingCommunities.Web.Features.Participants.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.JobGoals;

public sealed class IndexModel(JobGoalsHandler handler, IAuthorizationService authorization) : PageModel
{
    public PlanParticipant Participant { get; private set; } = null!;

    public JobGoalsView Goals { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, logView: true, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Participant, Goals) = found;
        CanChange = await PlanDisplay.CanChangeAsync(authorization, User) && !Participant.HasLeft;
        return Page();
    }
}
