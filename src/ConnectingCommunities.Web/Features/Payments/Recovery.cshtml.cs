using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>A commissioner asks for a paid line's payment back, saying why; the provider's next run recovers it.</summary>
[Authorize(Policy = Policies.ClaimValidation)]
public sealed class RecoveryModel(RecoveryHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ClaimId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? LineId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public RecoveryView Line { get; private set; } = null!;

    /// <summary>Why this line cannot be recovered now (not paid, or already asked for); null when it can.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ClaimId is not { } claimId || LineId is not { } lineId)
        {
            return NotFound();
        }

        var result = await handler.RequestAsync(claimId, lineId, new RecoveryInput { Reason = Reason }, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var line = result.Value!;
        TempData["Success"] = $"Recovery of {Formatting.Money(line.Amount)} for {line.ParticipantReference} ({line.Milestone.DisplayName()}) requested: "
            + $"it will be taken from {line.Provider}'s next payment run";
        return Redirect(line.PaidInRunId is { } run ? $"/payments/{run}" : "/payments");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (ClaimId is not { } claimId || LineId is not { } lineId
            || await handler.FindAsync(claimId, lineId, cancellationToken) is not { } line)
        {
            return false;
        }

        Line = line;
        Refusal = await handler.RefusalAsync(claimId, lineId, cancellationToken);
        return true;
    }
}
