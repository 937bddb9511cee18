using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>A manager makes a lot's claim for a month; the draft opens for checking before it is submitted.</summary>
public sealed class NewModel(ClaimHandler handler, ClaimAccess access) : PageModel
{
    [BindProperty]
    public string? LotCode { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public IReadOnlyList<Choice> PeriodChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        LotCode ??= LotChoices.Count == 1 ? LotChoices[0].Value : null;
        Period ??= PeriodChoices.Count > 0 ? PeriodChoices[0].Value : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var result = await handler.CreateAsync(new ClaimInput { LotCode = LotCode, Period = Period }, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors ?? new FieldErrors().Add("", result.Message ?? "The claim could not be made. Try again."));
            return Page();
        }

        var claim = result.Value!;
        var held = claim.Totals.Where(t => t.Status == Domain.Claims.ClaimLineStatus.Held).Sum(t => t.Count);
        TempData["Success"] = result.Status == ClaimResultStatus.Created
            ? $"Claim {claim.Reference} made: {Lines(claim.LineCount)}, {held} held"
            : $"There is already a draft claim for {claim.LotCode} for {ClaimHandler.Month(claim.PeriodEnd)}: {claim.Reference}";
        return Redirect($"/claims/{claim.Id}");
    }

    private static string Lines(int count) => count == 1 ? "1 line" : $"{Formatting.Number(count)} lines";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        LotChoices = [.. (await access.LotsAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})"))];
        PeriodChoices = [.. (await handler.OpenPeriodsAsync(cancellationToken)).Select(p => new Choice(p.ToString(), ClaimHandler.Month(p.Start)))];
    }
}
