using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

public sealed class DetailsModel(EmployerHandler handler, BrokerageLots lots, CurrentUser user) : PageModel
{
    public EmployerView Employer { get; private set; } = null!;

    /// <summary>The caller's own lots that do not work with this employer yet.</summary>
    public IReadOnlyList<LotChoice> LotsNotWorkingWithIt { get; private set; } = [];

    public bool CanWrite => user.IsLotScoped;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } employer)
        {
            return NotFound();
        }

        Employer = employer;
        LotsNotWorkingWithIt = [.. (await lots.WritableAsync(cancellationToken)).Where(l => !employer.Lots.Contains(l.Code))];
        return Page();
    }
}
