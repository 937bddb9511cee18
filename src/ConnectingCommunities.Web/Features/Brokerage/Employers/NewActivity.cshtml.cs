using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

public sealed class ActivityForm
{
    public string? Kind { get; set; }
    public DateParts OccurredOn { get; set; } = new();
    public string? ParticipantsInvolved { get; set; }
    public string? Notes { get; set; }
    public string? Lot { get; set; }
}

/// <summary>Records a dated contact or activity with the employer for the user's lot.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class NewActivityModel(EmployerHandler handler, BrokerageLots lots) : PageModel
{
    [BindProperty]
    public ActivityForm Form { get; set; } = new();

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

        var parsing = new FieldErrors();
        var occurredOn = Form.OccurredOn.Read("occurredOn", "Date", parsing);
        var involved = FormParsing.WholeNumber(Form.ParticipantsInvolved, "participantsInvolved", "number of participants", parsing, required: false);
        var result = await handler.AddActivityAsync(
            id,
            new ActivityInput { Kind = Form.Kind, OccurredOn = occurredOn, ParticipantsInvolved = involved, Notes = Form.Notes, Lot = Form.Lot },
            cancellationToken);
        if (!result.Succeeded || parsing.Any)
        {
            ModelState.AddResult(parsing, result);
            return Page();
        }

        TempData["Success"] = $"{result.Value!.KindName} on {Formatting.Date(result.Value.OccurredOn)} recorded";
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
