using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>
/// Making a payment run: the commissioner chooses the period, sees what would be paid and recovered
/// for each provider, and confirms. The runs are made only on the confirming post.
/// </summary>
[Authorize(Policy = Policies.ClaimValidation)]
public sealed class NewModel(PaymentRunHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public PaymentRunPreview? Preview { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The first visit shows the form; a submitted form (even an empty one) is checked.
        if (!Request.Query.ContainsKey("period"))
        {
            return;
        }

        await PreviewAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await handler.CreateAsync(new PaymentRunInput { Period = Period }, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            if (!ModelState.ContainsKey(PaymentPeriods.Field))
            {
                // A conflict: show what is still to pay, if anything, under the message.
                var preview = await handler.PreviewAsync(Period, cancellationToken);
                Preview = preview.Succeeded ? preview.Value : null;
            }

            return Page();
        }

        var runs = result.Value!.Runs;
        var month = PaymentPeriods.MonthName(result.Value.Period);
        if (runs.Count == 1)
        {
            var run = runs[0];
            TempData["Success"] = $"Payment run {run.Reference} made for {month}: {Formatting.Money(run.Total)} to {run.Provider}";
            return Redirect($"/payments/{run.Id}");
        }

        TempData["Success"] = $"{runs.Count} payment runs made for {month}: {Formatting.Money(runs.Sum(r => r.Total))} in all";
        return Redirect($"/payments?period={result.Value.Period}");
    }

    private async Task PreviewAsync(CancellationToken cancellationToken)
    {
        var result = await handler.PreviewAsync(Period, cancellationToken);
        if (result.Succeeded)
        {
            Preview = result.Value;
        }
        else
        {
            ModelState.AddErrors(result.Errors!);
        }
    }
}
