using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>The remittance advice on screen: who is paid, for what, and the totals; downloads as CSV and XLSX.</summary>
public sealed class DetailsModel(PaymentRunHandler handler, CurrentUser user) : PageModel
{
    public PaymentRunView Run { get; private set; } = null!;

    /// <summary>Commissioners may ask for a paid line's payment back.</summary>
    public bool CanRecover => user.IsCommissioner;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } run)
        {
            return NotFound();
        }

        Run = run;
        return Page();
    }
}
