using System.Globalization;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>The commissioner sets how claim lines are picked for audit at submission.</summary>
public sealed class SamplingModel(SamplingHandler handler) : PageModel
{
    [BindProperty]
    public string? Percentage { get; set; }

    [BindProperty]
    public string? AllAboveAmount { get; set; }

    [BindProperty]
    public string[] FlaggedProviders { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public IReadOnlyList<Choice> ProviderChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(cancellationToken) is not { } sampling)
        {
            return NotFound();
        }

        Percentage = sampling.Percentage.ToString("0.##", CultureInfo.InvariantCulture);
        AllAboveAmount = sampling.AllAboveAmount?.ToString("0.00", CultureInfo.InvariantCulture);
        FlaggedProviders = [.. sampling.Providers.Where(p => p.FlaggedForAudit).Select(p => p.Id.ToString())];
        Version = sampling.Version;
        ProviderChoices = Choices(sampling);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        decimal? percentage = null;
        if (!string.IsNullOrWhiteSpace(Percentage))
        {
            if (decimal.TryParse(Percentage.Trim().TrimEnd('%'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                percentage = value;
            }
            else
            {
                errors.Add("percentage", "The percentage must be a number from 0 to 100, like 10");
            }
        }

        var above = FormParsing.Money(AllAboveAmount, "allAboveAmount", "amount", errors, required: false);
        var result = errors.Any
            ? ClaimResult<SamplingView>.Invalid(errors)
            : await handler.UpdateAsync(new SamplingInput
            {
                Percentage = percentage,
                AllAboveAmount = above,
                FlaggedProviders = FlaggedProviders,
                Reason = Reason,
                Version = Version,
            }, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors ?? new FieldErrors().Add("", result.Message ?? "The settings could not be saved. Try again."));
            ProviderChoices = Choices((await handler.GetAsync(cancellationToken))!);
            return Page();
        }

        TempData["Success"] = "Audit sampling saved: it applies to claims submitted from now on";
        return Redirect("/claims/sampling");
    }

    private static List<Choice> Choices(SamplingView sampling) =>
        [.. sampling.Providers.Select(p => new Choice(p.Id.ToString(), p.Name))];
}
