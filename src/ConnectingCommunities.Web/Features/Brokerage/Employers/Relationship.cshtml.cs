using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

public sealed class RelationshipForm
{
    public string? EngagementMethod { get; set; }
    public DateParts BeganOn { get; set; } = new();
    public string? Notes { get; set; }
    public int? Version { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Adds the employer to one of the user's lots, or changes that lot's relationship with it.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class RelationshipModel(EmployerHandler handler, BrokerageLots lots) : PageModel
{
    [BindProperty]
    public RelationshipForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Lot { get; set; }

    public EmployerView Employer { get; private set; } = null!;

    public bool IsNew { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Employer.Relationships.FirstOrDefault(r => r.Lot == Lot) is { } existing)
        {
            Form = new RelationshipForm
            {
                EngagementMethod = existing.EngagementMethod,
                BeganOn = DateParts.From(existing.BeganOn),
                Notes = existing.Notes,
                Version = existing.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var parsing = new FieldErrors();
        var beganOn = Form.BeganOn.Read("beganOn", "date the relationship began", parsing, required: false);
        var result = await handler.SaveRelationshipAsync(
            id,
            new RelationshipInput { EngagementMethod = Form.EngagementMethod, BeganOn = beganOn, Notes = Form.Notes, Lot = Lot, Version = Form.Version, Reason = Form.Reason },
            cancellationToken);
        if (!result.Succeeded || parsing.Any)
        {
            ModelState.AddResult(parsing, result);
            return Page();
        }

        TempData["Success"] = $"Lot {result.Value!.Lot}'s relationship with {Employer.Name} saved";
        return Redirect($"/employers/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { } employer)
        {
            return false;
        }

        Employer = employer;
        var writable = await lots.WritableAsync(cancellationToken);
        Lot = writable.FirstOrDefault(l => string.Equals(l.Code, Lot, StringComparison.OrdinalIgnoreCase))?.Code ?? (writable.Count == 1 ? writable[0].Code : Lot);
        IsNew = !employer.Relationships.Any(r => r.Lot == Lot);
        return true;
    }
}
