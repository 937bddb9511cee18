using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>
/// Sends an evidence file as an attachment to someone who may see the participant (the folder
/// requires Casework; another lot's file is not found). Every download is logged as a view.
/// </summary>
public sealed class DownloadEvidenceModel(JobStartHandler handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid jobStartId, Guid evidenceId, CancellationToken cancellationToken) =>
        await handler.OpenEvidenceAsync(id, jobStartId, evidenceId, cancellationToken) is { } found
            ? File(found.Content, found.File.ContentType, JobStartHandler.DownloadName(found.File))
            : NotFound();
}
