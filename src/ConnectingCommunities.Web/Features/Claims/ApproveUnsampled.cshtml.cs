using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>Approves, after confirmation, every waiting line not picked for audit.</summary>
public sealed class ApproveUnsampledModel(ClaimQueries queries, ClaimHandler handler) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public ClaimView Claim { get; private set; } = null!;

    public int Unsampled { get; private set; }

    public decimal UnsampledAmount { get; private set; }

    public int Sampled { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if ((await queries.FindPageAsync(id, ClaimLineStatus.Submitted, null, int.MaxValue, cancellationToken))?.Claim is not { } claim)
        {
            return NotFound();
        }

        Claim = claim;
        Unsampled = claim.Lines.Count(l => l.AuditSelection is null);
        UnsampledAmount = claim.Lines.Where(l => l.AuditSelection is null).Sum(l => l.Amount);
        Sampled = claim.Lines.Count - Unsampled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.ApproveUnsampledAsync(id, new ApproveUnsampledInput { Reason = Reason }, cancellationToken);
        if (result.Status == ClaimResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors ?? new FieldErrors().Add("", result.Message ?? "The lines could not be approved. Try again."));
            return await OnGetAsync(id, cancellationToken);
        }

        TempData["Success"] = "Every line not picked for audit is approved";
        return Redirect($"/claims/{id}?status={ClaimLineStatus.Submitted}");
    }
}
