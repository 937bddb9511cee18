using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Vacancies;

public sealed class StatusForm
{
    public string? Status { get; set; }
    public int? Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class DetailsModel(VacancyHandler handler, CurrentUser user) : PageModel
{
    [BindProperty]
    public StatusForm Form { get; set; } = new();

    public VacancyView Vacancy { get; private set; } = null!;

    public bool CanSeeCandidates => user.IsInRole(Roles.Advisor) || user.IsInRole(Roles.ProviderManager) || user.IsCommissioner;

    public IReadOnlyList<Choice> StatusChoices { get; } =
    [
        new(nameof(VacancyStatus.Open), "Open", "Taking applications and referrals"),
        new(nameof(VacancyStatus.Closed), "Closed", "No longer recruiting"),
        new(nameof(VacancyStatus.Filled), "Filled", "Every position has been filled"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } vacancy)
        {
            return NotFound();
        }

        Vacancy = vacancy;
        Form = new StatusForm { Status = vacancy.Status.ToString(), Version = vacancy.Version };
        return Page();
    }

    // Only the finding lot's advisors and managers may change the status: the handler checks, as the API's does.
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.ChangeStatusAsync(id, new VacancyStatusInput { Status = Form.Status, Version = Form.Version, Reason = Form.Reason }, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Vacancy = (await handler.FindAsync(id, cancellationToken))!;
            ModelState.AddResult(new FieldErrors(), result);
            return Page();
        }

        TempData["Success"] = $"{result.Value!.Title} is now {result.Value.Status.ToString().ToLowerInvariant()}";
        return Redirect($"/vacancies/{id}");
    }
}
