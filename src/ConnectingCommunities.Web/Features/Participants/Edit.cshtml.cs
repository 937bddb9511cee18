using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants;

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class EditModel(EditHandler handler, ParticipantQueries queries, ParticipantAccess access, CurrentUser user) : PageModel
{
    [BindProperty]
    public EditForm Form { get; set; } = new();

    public ParticipantView Participant { get; private set; } = null!;

    public bool IsManager => user.IsInRole(Roles.ProviderManager);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }

        Participant = participant;
        Form = EditForm.From(participant);
        await access.LogViewAsync(id, "change details", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }

        Participant = participant;
        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        if (string.IsNullOrWhiteSpace(Form.Reason))
        {
            errors.Add("reason", "Enter the reason for the change, for example: corrected date of birth from their passport");
        }

        if (errors.Any)
        {
            // Show every other problem too, without saving anything.
            var check = await handler.UpdateAsync(id, input, checkOnly: true, cancellationToken);
            ModelState.AddResult(errors, check.Status == ResultStatus.Invalid ? check : Result<ParticipantView>.Invalid(new FieldErrors()));
            return Page();
        }

        var result = await handler.UpdateAsync(id, input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return Page();
        }

        TempData["Success"] = "Details saved";
        return Redirect($"/participants/{id}");
    }
}
