using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Targets;

public sealed class TargetEditForm
{
    public string? Count { get; set; }
    public string? Reason { get; set; }
    public int? Version { get; set; }
}

/// <summary>Changes a target's count and reason in place; the change is audited with the reason given.</summary>
public sealed class EditModel(TargetHandler handler) : PageModel
{
    [BindProperty]
    public TargetEditForm Form { get; set; } = new();

    public TargetDetails Details { get; private set; } = null!;

    public string BackLink => $"/setup/targets?lot={Details.Target.Lot}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.DetailsAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Form = new TargetEditForm
        {
            Count = details.Target.Count.ToString(Formatting.EnGb),
            Reason = details.Target.Reason,
            Version = details.Target.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.DetailsAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        var errors = new FieldErrors();
        var input = new TargetInput
        {
            Count = FormParsing.WholeNumber(Form.Count, "count", "target", errors),
            // The page changes the count and reason only; the date the target was agreed stays as it is.
            EffectiveFrom = details.Target.EffectiveFrom,
            Reason = Form.Reason,
            Version = Form.Version,
        };
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

        TempData["Success"] = "Target saved";
        return Redirect($"/setup/targets?lot={result.Value!.Lot}");
    }
}
