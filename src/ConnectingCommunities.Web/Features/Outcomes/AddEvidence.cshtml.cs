using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>Adds an evidence file to a job start already recorded.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class AddEvidenceModel(JobStartHandler handler, ParticipantAccess access) : PageModel
{
    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public PlanParticipant Participant { get; private set; } = null!;

    public JobStartView JobStart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid jobStartId, CancellationToken cancellationToken) =>
        await LoadAsync(id, jobStartId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid jobStartId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, jobStartId, cancellationToken))
        {
            return NotFound();
        }

        var result = await handler.AddEvidenceAsync(id, jobStartId, EvidenceUpload.From(Upload, Kind), cancellationToken);
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
        return Redirect($"/participants/{id}#jobs");
    }

    private async Task<bool> LoadAsync(Guid id, Guid jobStartId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant
            || await handler.ListAsync(id, logView: false, cancellationToken) is not { } jobStarts
            || jobStarts.FirstOrDefault(j => j.Id == jobStartId) is not { } jobStart)
        {
            return false;
        }

        Participant = PlanParticipant.From(participant);
        JobStart = jobStart;
        return true;
    }
}
