using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>
/// A page that moves a request on (marks it contacted, or closes it): shows the request, asks
/// for what the change needs, and goes back to the triage list with a success banner.
/// </summary>
public abstract class StatusChangeModel(HelpRequestHandler handler) : PageModel
{
    public HelpRequestView Record { get; private set; } = null!;

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    protected abstract HelpRequestStatus Target { get; }

    protected abstract string Done { get; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Record = request;
        Version = request.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.ChangeStatusAsync(id, new HelpRequestStatusInput
        {
            Status = Target,
            Outcome = Outcome,
            Reason = Reason,
            Version = Version,
        }, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            // The page has no status field: a refused change of status is said at the top.
            var errors = new FieldErrors();
            foreach (var (field, message) in result.Errors ?? new FieldErrors())
            {
                errors.Add(field == "status" ? "" : field, message);
            }

            ModelState.AddResult(new FieldErrors(), result with { Errors = errors });
            Record = (await handler.FindAsync(id, cancellationToken))!;
            return Page();
        }

        TempData["Success"] = $"{result.Value!.Reference} ({result.Value.FirstName} {result.Value.LastName}) {Done}";
        return Redirect("/help-requests");
    }
}
