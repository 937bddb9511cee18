using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes.Progression;

/// <summary>A recorded change in work and how it was assessed under both definitions. Every view is logged.</summary>
public sealed class DetailsModel(ProgressionHandler handler, ParticipantAccess access, CurrentUser user) : PageModel
{
    public PlanParticipant Participant { get; private set; } = null!;

    public ProgressionView Progression { get; private set; } = null!;

    public bool CanEdit => user.IsInRole(Roles.Advisor) || user.IsInRole(Roles.ProviderManager);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid progressionId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant
            || await handler.FindAsync(id, progressionId, cancellationToken) is not { } progression)
        {
            return NotFound();
        }

        Participant = PlanParticipant.From(participant);
        Progression = progression;
        await access.LogViewAsync(participant, "progression", cancellationToken);
        return Page();
    }
}
