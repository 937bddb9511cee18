using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

public sealed class LeaveForm
{
    public DateParts LeftOn { get; set; } = new();
    public string? Reason { get; set; }
    public string? Notes { get; set; }
    public int? Version { get; set; }
}

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class LeaveModel(LeavingHandler handler) : PageModel
{
    [BindProperty]
    public LeaveForm Form { get; set; } = new();

    public LeavingSubject Subject { get; private set; } = null!;

    public static IReadOnlyList<Choice> Reasons { get; } = LeavingReasons.All.Select(r => new Choice(r.Code, r.DisplayName)).ToList();

    public bool HasLeft => Subject.Status.Status == ParticipantStatus.Left;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } subject)
        {
            return NotFound();
        }

        Subject = subject;
        Form.Version = subject.Status.Version;
        await handler.LogViewAsync(id, "Leaving the programme page", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var result = await handler.LeaveAsync(id, new LeaveInput
        {
            LeftOn = Form.LeftOn.Read("leftOn", "date they left", errors),
            Reason = Form.Reason,
            Notes = Form.Notes,
            Version = Form.Version,
        }, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            Subject = (await handler.FindAsync(id, cancellationToken))!;
            return Page();
        }

        var name = (await handler.FindAsync(id, cancellationToken))?.Name ?? result.Value!.Reference;
        TempData["Success"] = $"{name} has left the programme";
        return Redirect($"/participants/{id}");
    }
}
