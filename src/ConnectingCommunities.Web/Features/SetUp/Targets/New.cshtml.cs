using ConnectingCommunities.Web.Features.SetUp.Tariffs;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Targets;

public sealed class TargetNewForm
{
    public string? Lot { get; set; }
    public string? Milestone { get; set; }
    public string? Quarter { get; set; }
    public string? Count { get; set; }
    public DateParts EffectiveFrom { get; set; } = new();
    public string? Reason { get; set; }
}

/// <summary>Adds a target, or a new version of one from a later date (a contract variation).</summary>
public sealed class NewModel(TargetHandler handler) : PageModel
{
    [BindProperty]
    public TargetNewForm Form { get; set; } = new();

    public IReadOnlyList<Choice> Lots { get; private set; } = [];

    public IReadOnlyList<Choice> Milestones => ProgrammeChoices.Milestones;

    public IReadOnlyList<Choice> Quarters { get; private set; } = [];

    public string BackLink => string.IsNullOrWhiteSpace(Form.Lot) ? "/setup/targets" : $"/setup/targets?lot={Uri.EscapeDataString(Form.Lot.Trim())}";

    public async Task OnGetAsync(string? lot, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Form = new TargetNewForm { Lot = lot?.Trim().ToUpperInvariant() };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Form.Quarter))
        {
            // The page offers the programme's quarters in a list, so the API's "Enter the quarter" would not fit.
            errors.Add("quarter", "Select the quarter");
        }

        var input = new TargetInput
        {
            Lot = Form.Lot,
            Milestone = ReadMilestone(Form.Milestone, errors),
            Quarter = Form.Quarter,
            Count = FormParsing.WholeNumber(Form.Count, "count", "target", errors),
            EffectiveFrom = (Form.EffectiveFrom ?? new DateParts()).Read("effectiveFrom", "date the target takes effect", errors),
            Reason = Form.Reason,
        };
        var result = await handler.CreateAsync(input, cancellationToken);
        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        TempData["Success"] = "Target saved";
        return Redirect($"/setup/targets?lot={result.Value!.Lot}");
    }

    private static Domain.Programme.Milestone? ReadMilestone(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ProgrammeChoices.TryParse<Domain.Programme.Milestone>(text, out var milestone))
        {
            return milestone;
        }

        errors.Add("milestone", "Select a milestone from the list");
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Lots = (await handler.LotChoicesAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})")).ToList();
        Quarters = (await handler.ProgrammeQuartersAsync(cancellationToken))
            .Select(q => new Choice(q.ToString(), $"{q.DisplayName} ({q})"))
            .ToList();
    }
}
