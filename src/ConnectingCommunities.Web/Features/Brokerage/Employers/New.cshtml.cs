using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

public sealed class NewEmployerForm
{
    public string? Name { get; set; }
    public string? CompaniesHouseNumber { get; set; }
    public string? Sector { get; set; }
    public string? SizeBand { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? EngagementMethod { get; set; }
    public DateParts BeganOn { get; set; } = new();
    public string? Notes { get; set; }
    public string? Lot { get; set; }

    /// <summary>"yes" once the user has seen the possible duplicates and still wants a new employer.</summary>
    public string? ConfirmNew { get; set; }
}

/// <summary>
/// Adds an employer. Before anything is saved, employers with a similar name or the same postcode are offered,
/// so a lot adds itself to the existing record instead of making a second one.
/// </summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class NewModel(EmployerHandler handler, BrokerageLots lots) : PageModel
{
    [BindProperty]
    public NewEmployerForm Form { get; set; } = new();

    public IReadOnlyList<PossibleDuplicate> Duplicates { get; private set; } = [];

    public IReadOnlyList<Choice> Lots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var parsing = new FieldErrors();
        var beganOn = Form.BeganOn.Read("beganOn", "date the relationship began", parsing, required: false);
        if (Form.ConfirmNew != "yes" && !parsing.Any)
        {
            Duplicates = await handler.PossibleDuplicatesAsync(Form.Name, Form.Postcode, cancellationToken);
            if (Duplicates.Count > 0)
            {
                return Page();
            }
        }

        var result = await handler.CreateAsync(
            new EmployerInput
            {
                Name = Form.Name,
                CompaniesHouseNumber = Form.CompaniesHouseNumber,
                Sector = Form.Sector,
                SizeBand = Form.SizeBand,
                AddressLine1 = Form.AddressLine1,
                AddressLine2 = Form.AddressLine2,
                Town = Form.Town,
                Postcode = Form.Postcode,
                EngagementMethod = Form.EngagementMethod,
                BeganOn = beganOn,
                Notes = Form.Notes,
                Lot = Form.Lot,
            },
            cancellationToken);
        if (result.Status == ResultStatus.Conflict && result.Value is { } existing)
        {
            TempData["Success"] = result.Detail;
            return Redirect($"/employers/{existing.Id}");
        }

        if (!result.Succeeded || parsing.Any)
        {
            ModelState.AddResult(parsing, result);
            return Page();
        }

        TempData["Success"] = result.Value!.Existing
            ? $"{Form.Name?.Trim()} was already on the employer list: your lot has been added to it"
            : $"{Form.Name?.Trim()} added";
        return Redirect($"/employers/{result.Value.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Lots = EmployerChoices.Lots(await lots.WritableAsync(cancellationToken));
}
