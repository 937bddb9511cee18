using ConnectingCommunities.Web.Features.Brokerage.Employers;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Vacancies;

/// <summary>Adds a vacancy found by the user's lot.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class NewModel(VacancyHandler handler, EmployerHandler employers, BrokerageLots lots) : PageModel
{
    [BindProperty]
    public VacancyForm Form { get; set; } = new();

    public VacancyFieldsModel Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? employerId, CancellationToken cancellationToken)
    {
        Form.EmployerId = employerId?.ToString();
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var parsing = new FieldErrors();
        var result = await handler.CreateAsync(Form.ToInput(parsing), cancellationToken);
        if (!result.Succeeded || parsing.Any)
        {
            ModelState.AddResult(parsing, result);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var vacancy = result.Value!;
        TempData["Success"] = vacancy.Warnings.Count == 0 ? $"{vacancy.Title} added" : $"{vacancy.Title} added. {string.Join(". ", vacancy.Warnings)}";
        return Redirect($"/vacancies/{vacancy.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        string? employerName = null;
        IReadOnlyList<Choice> choices = [];
        if (Guid.TryParse(Form.EmployerId, out var employerId) && await employers.FindAsync(employerId, cancellationToken) is { } employer)
        {
            employerName = employer.Name;
        }
        else if (Form.EmployerId is not null && Request.Method == HttpMethods.Get)
        {
            return false;
        }
        else
        {
            choices = [.. (await employers.NamesAsync(cancellationToken)).Select(e => new Choice(e.Id.ToString(), e.Name))];
        }

        Fields = new VacancyFieldsModel(Form, employerName, choices, EmployerChoices.Lots(await lots.WritableAsync(cancellationToken)));
        return true;
    }
}
