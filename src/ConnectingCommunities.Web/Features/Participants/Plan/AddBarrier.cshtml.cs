using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>What the add-a-barrier form posts, as typed.</summary>
public sealed class BarrierForm
{
    public string? Barrier { get; set; }
    public string? Severity { get; set; }
    public DateParts IdentifiedOn { get; set; } = new();
    public string? Notes { get; set; }
    public string? Reason { get; set; }

    public BarrierInput ToInput(FieldErrors errors) => new()
    {
        Barrier = Barrier,
        Severity = Severity,
        IdentifiedOn = (IdentifiedOn ?? new DateParts()).Read("identifiedOn", "date identified", errors),
        Notes = Notes,
        Reason = Reason,
    };
}

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class AddBarrierModel(BarrierHandler handler, ParticipantAccess access) : PageModel
{
    [BindProperty]
    public BarrierForm Form { get; set; } = new();

    public PlanParticipant Participant { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? barrier, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }

        Participant = PlanParticipant.From(participant);
        Form = new BarrierForm { Barrier = barrier, IdentifiedOn = DateParts.From(access.Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }

        Participant = PlanParticipant.From(participant);
        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        var result = await handler.AddAsync(id, input, errors.Any ? SaveMode.CheckOnly : SaveMode.Save, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        var added = result.Value!;
        TempData["Success"] = added.Reopened
            ? $"{added.Barrier.DisplayName} recorded again: it was resolved before"
            : $"{added.Barrier.DisplayName} added";
        return Redirect($"/participants/{id}/barriers");
    }
}
