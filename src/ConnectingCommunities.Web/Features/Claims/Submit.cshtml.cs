using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>Asks the manager to confirm before a draft goes to the commissioner, then submits it.</summary>
public sealed class SubmitModel(ClaimQueries queries, ClaimHandler handler) : PageModel
{
    public ClaimView Claim { get; private set; } = null!;

    public ClaimTotal Draft { get; private set; } = new(ClaimLineStatus.Draft, 0, 0m);

    public ClaimTotal Held { get; private set; } = new(ClaimLineStatus.Held, 0, 0m);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if ((await queries.FindPageAsync(id, null, null, 0, cancellationToken))?.Claim is not { } claim)
        {
            return NotFound();
        }

        if (claim.Status != ClaimStatus.Draft)
        {
            return Redirect($"/claims/{id}");
        }

        Claim = claim;
        Draft = claim.Totals.FirstOrDefault(t => t.Status == ClaimLineStatus.Draft) ?? Draft;
        Held = claim.Totals.FirstOrDefault(t => t.Status == ClaimLineStatus.Held) ?? Held;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.SubmitAsync(id, cancellationToken);
        if (result.Status == ClaimResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Message ?? "The claim could not be submitted. Try again.");
            return await OnGetAsync(id, cancellationToken);
        }

        var claim = result.Value!;
        var sent = claim.Totals.FirstOrDefault(t => t.Status == ClaimLineStatus.Submitted)?.Count ?? 0;
        var held = claim.Totals.FirstOrDefault(t => t.Status == ClaimLineStatus.Held)?.Count ?? 0;
        TempData["Success"] = $"Claim {claim.Reference} submitted: {Formatting.Number(sent)} {(sent == 1 ? "line" : "lines")} sent for a decision, {Formatting.Number(held)} held";
        return Redirect($"/claims/{id}");
    }
}
