using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>/retention: the retention rule, the daily check's latest runs, and the commissioner's confirmation that erases.</summary>
public sealed class RetentionModel(RetentionHandler handler) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public RetentionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await handler.GetAsync(cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        var review = await handler.RunAsync(cancellationToken);
        TempData["Success"] = review.ParticipantsListed == 0
            ? "Retention check run: no records are past retention"
            : $"Retention check run: {Formatting.Number(review.ParticipantsListed)} records past retention are listed for you to confirm";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var result = await handler.ConfirmAsync(reviewId, Reason, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Ok:
                var done = result.Value!;
                TempData["Success"] = $"{Formatting.Number(done.Erased.Count)} records erased"
                    + (done.NotErased.Count == 0 ? "" : $"; {Formatting.Number(done.NotErased.Count)} could not be: {string.Join(", ", done.NotErased)}");
                return RedirectToPage();
            default:
                ModelState.AddModelError(result.Status == ResultStatus.Invalid ? "reason" : "", result.Detail ?? result.Errors?.FirstOrDefault().Value ?? "The check could not be confirmed");
                View = (await handler.GetAsync(cancellationToken))!;
                return Page();
        }
    }
}
