using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>What the review form posts, as typed.</summary>
public sealed class BarrierReviewForm
{
    public DateParts ReviewedOn { get; set; } = new();
    public string? Severity { get; set; }
    public string? Resolved { get; set; }
    public string? Notes { get; set; }
    public string? Reason { get; set; }
    public int? Version { get; set; }

    public BarrierReviewInput ToInput(FieldErrors errors) => new()
    {
        ReviewedOn = (ReviewedOn ?? new DateParts()).Read("reviewedOn", "date of the review", errors),
        // On the page a severity is always chosen, so none is a missing answer rather than "keep it".
        Severity = string.IsNullOrWhiteSpace(Severity) ? Missing(errors, "severity", "Select how much the barrier stands in the way of work now") : Severity,
        Resolved = FormParsing.YesNo(Resolved, "resolved", "the barrier no longer stands in the way of work", errors),
        Notes = Notes,
        Reason = Reason,
        Version = Version,
    };

    private static string? Missing(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class ReviewBarrierModel(BarrierHandler handler, ParticipantAccess access) : PageModel
{
    [BindProperty]
    public BarrierReviewForm Form { get; set; } = new();

    public PlanParticipant Participant { get; private set; } = null!;

    public BarrierView Barrier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid barrierId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, barrierId, logView: true, cancellationToken))
        {
            return NotFound();
        }

        Form = new BarrierReviewForm
        {
            ReviewedOn = DateParts.From(access.Today),
            Severity = Barrier.Severity.ToString(),
            Resolved = Barrier.IsResolved ? "true" : "false",
            Version = Barrier.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid barrierId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, barrierId, logView: false, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        var result = await handler.ReviewAsync(id, barrierId, input, errors.Any ? SaveMode.CheckOnly : SaveMode.Save, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = $"Review of {Barrier.DisplayName.ToLowerInvariant()} saved";
        return Redirect($"/participants/{id}/barriers");
    }

    private async Task<bool> LoadAsync(Guid id, Guid barrierId, bool logView, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, barrierId, logView, cancellationToken) is not { } found)
        {
            return false;
        }

        (Participant, Barrier) = found;
        return true;
    }
}
