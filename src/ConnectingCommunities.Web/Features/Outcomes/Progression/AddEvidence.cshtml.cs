using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes.Progression;

/// <summary>Adds an evidence file to a progression already recorded.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class AddEvidenceModel(ProgressionHandler handler, ParticipantAccess access) : PageModel
{
    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public PlanParticipant Participant { get; private set; } = null!;

    public ProgressionView Progression { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid progressionId, CancellationToken cancellationToken) =>
        await LoadAsync(id, progressionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid progressionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, progressionId, cancellationToken))
        {
            return NotFound();
        }

        var result = await handler.AddEvidenceAsync(id, progressionId, EvidenceUpload.From(Upload, Kind), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return Page();
        }

        TempData["Success"] = "Evidence added";
        return Redirect($"/participants/{id}/progressions/{progressionId}");
    }

    private async Task<bool> LoadAsync(Guid id, Guid progressionId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant
            || await handler.FindAsync(id, progressionId, cancellationToken) is not { } progression)
        {
            return false;
        }

        Participant = PlanParticipant.From(participant);
        Progression = progression;
        return true;
    }
}
