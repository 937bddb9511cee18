using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>
/// The "add evidence" page of an outcome record (a job start, a sustainment check, a progression):
/// the participant and the record must be visible to the user, the file goes through the record's
/// handler, and success returns to where the record is shown. Each page's route names the record
/// <c>{recordId}</c>.
/// </summary>
/// <typeparam name="TRecord">The record's view.</typeparam>
public abstract class EvidencePageModel<TRecord>(ParticipantAccess access) : PageModel
    where TRecord : class
{
    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public PlanParticipant Participant { get; private set; } = null!;

    public TRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid recordId, CancellationToken cancellationToken) =>
        await LoadAsync(id, recordId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid recordId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, recordId, cancellationToken))
        {
            return NotFound();
        }

        var result = await AddEvidenceAsync(id, recordId, EvidenceUpload.From(Upload, Kind), cancellationToken);
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
        return Redirect(ReturnUrl(id, recordId));
    }

    /// <summary>The record, or null when the participant has no such record.</summary>
    protected abstract Task<TRecord?> FindRecordAsync(Guid participantId, Guid recordId, CancellationToken cancellationToken);

    protected abstract Task<Result<EvidenceView>> AddEvidenceAsync(Guid participantId, Guid recordId, EvidenceUpload? upload, CancellationToken cancellationToken);

    /// <summary>Where the record is shown, to return to after the upload.</summary>
    protected abstract string ReturnUrl(Guid participantId, Guid recordId);

    private async Task<bool> LoadAsync(Guid id, Guid recordId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant
            || await FindRecordAsync(id, recordId, cancellationToken) is not { } record)
        {
            return false;
        }

        Participant = PlanParticipant.From(participant);
        Record = record;
        return true;
    }
}
