using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes.Sustainment;

/// <summary>Adds an evidence file to a sustainment check already recorded.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class AddEvidenceModel(SustainmentHandler handler, ParticipantAccess access) : PageModel
{
    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public PlanParticipant Participant { get; private set; } = null!;

    public SustainmentCheckView Check { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid checkId, CancellationToken cancellationToken) =>
        await LoadAsync(id, checkId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid checkId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, checkId, cancellationToken))
        {
            return NotFound();
        }

        var result = await handler.AddEvidenceAsync(id, checkId, EvidenceUpload.From(Upload, Kind), cancellationToken);
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
        return Redirect($"/participants/{id}#sustainment");
    }

    private async Task<bool> LoadAsync(Guid id, Guid checkId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant
            || await handler.FindAsync(id, checkId, cancellationToken) is not { } check)
        {
            return false;
        }

        Participant = PlanParticipant.From(participant);
        Check = check;
        return true;
    }
}
