using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes.Progression;

/// <summary>
/// Sends a progression's evidence file as an attachment to someone who may see the participant
/// (the folder requires Casework; another lot's file is not found). Every download is logged.
/// </summary>
public sealed class DownloadEvidenceModel(ProgressionHandler handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid progressionId, Guid evidenceId, CancellationToken cancellationToken) =>
        await handler.OpenEvidenceAsync(id, progressionId, evidenceId, cancellationToken) is { } found
            ? File(found.Content, found.File.ContentType, JobStartHandler.DownloadName(found.File))
            : NotFound();
}
