using ConnectingCommunities.Web.Features.Brokerage.Employers;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Vacancies;

/// <summary>Changes a vacancy: only the lot that found it.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class EditModel(VacancyHandler handler, BrokerageLots lots) : PageModel
{
    [BindProperty]
    public VacancyForm Form { get; set; } = new();

    public VacancyFieldsModel Fields { get; private set; } = null!;

    public VacancyView Vacancy { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } vacancy)
        {
            return NotFound();
        }

        if (!vacancy.CanChange)
        {
            return Forbid();
        }

        Vacancy = vacancy;
        Form = VacancyForm.From(vacancy);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } vacancy)
        {
            return NotFound();
        }

        if (!vacancy.CanChange)
        {
            return Forbid();
        }

        Vacancy = vacancy;
        Form.EmployerId = vacancy.EmployerId.ToString();
        var parsing = new FieldErrors();
        var result = await handler.UpdateAsync(id, Form.ToInput(parsing), cancellationToken);
        if (!result.Succeeded || parsing.Any)
        {
            ModelState.AddResult(parsing, result);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Success"] = result.Value!.Warnings.Count == 0
            ? $"{result.Value.Title} saved"
            : $"{result.Value.Title} saved. {string.Join(". ", result.Value.Warnings)}";
        return Redirect($"/vacancies/{id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Fields = new VacancyFieldsModel(Form, Vacancy.EmployerName, [], EmployerChoices.Lots(await lots.WritableAsync(cancellationToken)));
}
