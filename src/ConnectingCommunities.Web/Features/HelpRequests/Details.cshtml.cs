using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>One request for help, with what can be done next. Every view is logged.</summary>
public sealed class DetailsModel(HelpRequestHandler handler) : PageModel
{
    public HelpRequestView Record { get; private set; } = null!;

    public bool CanChange => handler.CanChange;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Record = request;
        return Page();
    }
}
