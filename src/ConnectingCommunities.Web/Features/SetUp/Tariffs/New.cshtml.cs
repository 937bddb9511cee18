using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Tariffs;

public sealed class NewModel(TariffHandler handler) : PageModel
{
    [BindProperty]
    public TariffForm Form { get; set; } = new();

    public IReadOnlyList<Choice> Milestones => ProgrammeChoices.Milestones;

    public IReadOnlyList<Choice> Cohorts => ProgrammeChoices.Cohorts;

    public DateOnly? ProgrammeStart { get; private set; }

    /// <summary>?milestone=&amp;cohort= preselect the pair, as the links from the tariffs table do.</summary>
    public async Task OnGetAsync(string? milestone, string? cohort, CancellationToken cancellationToken)
    {
        ProgrammeStart = await handler.ProgrammeStartAsync(cancellationToken);
        Form = new TariffForm { Milestone = milestone, Cohort = cohort };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var result = await handler.CreateAsync(Form.ToInput(errors), cancellationToken);
        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            ProgrammeStart = await handler.ProgrammeStartAsync(cancellationToken);
            return Page();
        }

        TempData["Success"] = "Tariff saved";
        return Redirect("/setup/tariffs");
    }
}
