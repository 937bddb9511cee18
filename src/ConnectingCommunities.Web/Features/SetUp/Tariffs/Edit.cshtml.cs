using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Tariffs;

public sealed class EditModel(TariffHandler handler) : PageModel
{
    [BindProperty]
    public TariffForm Form { get; set; } = new();

    public TariffView Tariff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } tariff)
        {
            return NotFound();
        }

        Tariff = tariff;
        Form = TariffForm.From(tariff);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } tariff)
        {
            return NotFound();
        }

        Tariff = tariff;
        var errors = new FieldErrors();
        // The page does not offer the milestone or cohort: they name the rate and cannot change.
        var input = Form.ToInput(errors) with { Milestone = null, Cohort = null };
        var result = await handler.UpdateAsync(id, input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = "Tariff saved";
        return Redirect("/setup/tariffs");
    }
}
