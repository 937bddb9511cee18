using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectingCommunities.Web.Features.Reconciliation;

/// <summary>
/// /reconciliation: a lot's management information against its claim lines for a month, with
/// downloads; a commissioner can query a line that disagrees (see QueryModel).
/// </summary>
public sealed class IndexModel(Reconciler reconciler, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lotCode")]
    public string? LotCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public IReadOnlyList<Choice> PeriodChoices { get; private set; } = [];

    public ReconciliationView? View { get; private set; }

    public bool IsCommissioner => user.IsCommissioner;

    public int ToleranceDays => reconciler.ToleranceDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ChoicesAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(LotCode) && string.IsNullOrWhiteSpace(Period))
        {
            return Format is null ? Page() : NotFound();
        }

        var result = await reconciler.ReconcileAsync(LotCode, Period, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors!);
            return Format is null ? Page() : BadRequest();
        }

        View = result.Value!;
        if (Format is null)
        {
            return Page();
        }

        if (!TableExport.IsFormat(Format))
        {
            return NotFound();
        }

        var file = TableExport.File(ReconciliationExport.Table(View), Format, ReconciliationExport.FileName(View));
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>This page for the chosen lot and month, optionally as a download.</summary>
    public string Link(string? format)
    {
        var query = new Dictionary<string, string?> { ["lotCode"] = View?.LotCode ?? LotCode, ["period"] = View?.Period ?? Period, ["format"] = format };
        return QueryHelpers.AddQueryString("/reconciliation", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    private async Task ChoicesAsync(CancellationToken cancellationToken)
    {
        LotChoices = [.. (await reconciler.LotsAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})"))];
        PeriodChoices = [.. (await reconciler.PeriodsAsync(clock, cancellationToken)).Select(p => new Choice(p.ToString(), Reconciler.ClaimPeriodName(p)))];
        if (LotChoices.Count == 1 && string.IsNullOrWhiteSpace(LotCode) && !string.IsNullOrWhiteSpace(Period))
        {
            LotCode = LotChoices[0].Value;
        }
    }
}
