using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>The commissioner's decision on one line, beside the facts it was checked on and its evidence.</summary>
public sealed class LineModel(ClaimQueries queries, ClaimHandler handler) : PageModel
{
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public ClaimLineDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid lineId, CancellationToken cancellationToken)
    {
        if (await queries.LineAsync(id, lineId, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid lineId, CancellationToken cancellationToken)
    {
        var result = await handler.DecideAsync(id, lineId, new DecisionInput { Decision = Decision, Reason = Reason }, cancellationToken);
        if (result.Status == ClaimResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors ?? new FieldErrors().Add("", result.Message ?? "The decision could not be saved. Try again."));
            return await OnGetAsync(id, lineId, cancellationToken);
        }

        var line = result.Value!.Lines.First(l => l.Id == lineId);
        TempData["Success"] = $"{line.ParticipantReference} {line.Milestone.DisplayName()}: {ClaimDisplay.Name(line.Status).ToLowerInvariant()}";
        return Redirect($"/claims/{id}?status={ClaimLineStatus.Submitted}");
    }
}
