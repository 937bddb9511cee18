using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>/participants/{id}/subject-access: what the subject access file holds, and the button that produces and downloads it.</summary>
public sealed class SubjectAccessModel(SubjectAccessBuilder builder) : PageModel
{
    public SubjectAccessPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var preview = await builder.PreviewAsync(id, cancellationToken);
        if (preview is null)
        {
            return NotFound();
        }

        Preview = preview;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        await builder.BuildAsync(id, cancellationToken) is { } file
            ? File(file.Content, SubjectAccessBuilder.ContentType, file.FileName)
            : NotFound();
}
