using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

public sealed class EmployerDetailsForm
{
    public string? Name { get; set; }
    public string? CompaniesHouseNumber { get; set; }
    public string? Sector { get; set; }
    public string? SizeBand { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Changes the organisation's shared details: every lot sees them.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class EditModel(EmployerHandler handler) : PageModel
{
    [BindProperty]
    public EmployerDetailsForm Form { get; set; } = new();

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        if (await handler.FindAsync(id, cancellationToken) is not { } e)
        {
            return NotFound();
        }

        Form = new EmployerDetailsForm
        {
            Name = e.Name,
            CompaniesHouseNumber = e.CompaniesHouseNumber,
            Sector = e.Sector,
            SizeBand = e.SizeBand,
            AddressLine1 = e.AddressLine1,
            AddressLine2 = e.AddressLine2,
            Town = e.Town,
            Postcode = e.Postcode,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await handler.UpdateAsync(
            id,
            new EmployerDetailsInput
            {
                Name = Form.Name,
                CompaniesHouseNumber = Form.CompaniesHouseNumber,
                Sector = Form.Sector,
                SizeBand = Form.SizeBand,
                AddressLine1 = Form.AddressLine1,
                AddressLine2 = Form.AddressLine2,
                Town = Form.Town,
                Postcode = Form.Postcode,
                Reason = Form.Reason,
            },
            cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return Page();
        }

        TempData["Success"] = $"{result.Value!.Name} saved";
        return Redirect($"/employers/{id}");
    }
}
