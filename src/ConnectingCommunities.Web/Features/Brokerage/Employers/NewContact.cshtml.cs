using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

public sealed class ContactForm
{
    public string? Name { get; set; }
    public string? JobTitle { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Lot { get; set; }
}

/// <summary>Adds a person at the employer for the user's lot.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class NewContactModel(EmployerHandler handler, BrokerageLots lots) : PageModel
{
    [BindProperty]
    public ContactForm Form { get; set; } = new();

    public EmployerView Employer { get; private set; } = null!;

    public IReadOnlyList<Choice> Lots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await handler.AddContactAsync(
            id, new ContactInput { Name = Form.Name, JobTitle = Form.JobTitle, Email = Form.Email, Phone = Form.Phone, Lot = Form.Lot }, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return Page();
        }

        TempData["Success"] = $"{result.Value!.Name} added as a contact";
        return Redirect($"/employers/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } employer)
        {
            return false;
        }

        Employer = employer;
        Lots = EmployerChoices.Lots([.. (await lots.WritableAsync(cancellationToken)).Where(l => employer.Lots.Contains(l.Code))]);
        return true;
    }
}
