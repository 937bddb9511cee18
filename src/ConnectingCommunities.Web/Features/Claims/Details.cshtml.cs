using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Features.SetUp.Tariffs;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>
/// One claim: its summary, totals by line status and its lines a page at a time (a claim can have
/// thousands), with what each role may do next: a manager submits a draft or resubmits a returned
/// line; a commissioner decides lines and approves those not picked for audit.
/// </summary>
public sealed class DetailsModel(ClaimQueries queries, ClaimHandler handler, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? LineStatus { get; set; }

    /// <summary>?page=N, read from the query itself: "page" is also the route value naming the Razor page.</summary>
    public int? PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : null;

    public ClaimView Claim { get; private set; } = null!;

    public int Matching { get; private set; }

    public Pagination Pagination { get; private set; } = null!;

    public bool IsManager => user.IsInRole(Roles.ProviderManager);

    public bool IsCommissioner => user.IsCommissioner;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var status = ProgrammeChoices.ReadFilter<ClaimLineStatus>(LineStatus, "status", errors);
        ModelState.AddErrors(errors);
        if (await queries.FindPageAsync(id, status, PageNumber, ClaimQueries.LinesPerPage, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Claim, Matching) = found;
        Pagination = new Pagination(Math.Max(1, PageNumber ?? 1), ClaimQueries.LinesPerPage, Matching, $"/claims/{id}",
            new Dictionary<string, string?> { ["status"] = LineStatus });
        return Page();
    }

    /// <summary>A manager resubmits a line the commissioner returned for correction.</summary>
    public async Task<IActionResult> OnPostResubmitAsync(Guid id, Guid lineId, CancellationToken cancellationToken)
    {
        if (!IsManager)
        {
            return Forbid();
        }

        var result = await handler.ResubmitAsync(id, lineId, cancellationToken);
        if (result.Status == ClaimResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            TempData["Success"] = null;
            ModelState.AddModelError("", result.Message ?? "The line could not be resubmitted.");
            return await OnGetAsync(id, cancellationToken);
        }

        var line = result.Value!.Lines.First(l => l.Id == lineId);
        TempData["Success"] = line.Status == ClaimLineStatus.Submitted
            ? $"{line.ParticipantReference} {line.Milestone.DisplayName()} resubmitted for a decision"
            : $"{line.ParticipantReference} {line.Milestone.DisplayName()} is held: {string.Join("; ", line.Reasons)}";
        return Redirect($"/claims/{id}");
    }
}
