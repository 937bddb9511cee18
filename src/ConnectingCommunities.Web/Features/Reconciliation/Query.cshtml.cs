using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Features.Claims;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingCommunities.Web.Features.Reconciliation;

/// <summary>
/// A commissioner's query on a claim line that disagrees with the provider's records. It is the claims
/// feature's own "Return" decision (the line goes back to the provider for correction, the question
/// kept as the decision's reason and in the audit trail), so it needs the line to be waiting for a decision.
/// </summary>
public sealed class QueryModel(ClaimQueries queries, ClaimHandler claims) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClaimId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid LineId { get; set; }

    [BindProperty(SupportsGet = true, Name = "lotCode")]
    public string? LotCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public ClaimLineDetail? Line { get; private set; }

    public bool CanQuery => Line?.Line.Status == ClaimLineStatus.Submitted;

    public string BackLink => QueryHelpers.AddQueryString("/reconciliation",
        new Dictionary<string, string?> { ["lotCode"] = LotCode, ["period"] = Period }.Where(q => !string.IsNullOrEmpty(q.Value)));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Line = await queries.LineAsync(ClaimId, LineId, cancellationToken);
        return Line is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Line = await queries.LineAsync(ClaimId, LineId, cancellationToken);
        if (Line is null)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Reason))
        {
            errors.Add("reason", "Enter your query: what the provider must check or correct before they resubmit the line");
        }
        else
        {
            var result = await claims.DecideAsync(ClaimId, LineId, new DecisionInput { Decision = nameof(ClaimDecision.Return), Reason = Reason }, cancellationToken);
            if (result.Status == ClaimResultStatus.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Success"] = $"Claim line for {Line.Line.ParticipantReference} returned to the provider with your query";
                return Redirect(BackLink);
            }

            errors.Add("reason", result.Message ?? "The line could not be queried");
        }

        ModelState.AddErrors(errors);
        return Page();
    }
}
