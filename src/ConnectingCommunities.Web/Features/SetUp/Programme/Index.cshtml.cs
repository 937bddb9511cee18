using System.Globalization;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Programme;

public sealed class ProgrammeForm
{
    public string? Name { get; set; }
    public string? Commissioner { get; set; }
    public string? Funder { get; set; }
    public DateParts StartDate { get; set; } = new();
    public DateParts EndDate { get; set; } = new();
    public string? EngagementThreshold { get; set; }

    public string? MeaningfulInterventionMinutes { get; set; }
    public string? ProgressionDefinition { get; set; }
    public string? SustainmentGapDays { get; set; }
    public string? RagGreenFromPercent { get; set; }
    public string? RagAmberFromPercent { get; set; }
    public string? RetentionYearsAfterEnd { get; set; }
    public int? Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class IndexModel(ProgrammeHandler handler) : PageModel
{
    [BindProperty]
    public ProgrammeForm Form { get; set; } = new();

    public ProgrammeView? Current { get; private set; }

    public IReadOnlyList<Choice> Definitions { get; } =
    [
        new("strict", "Strict: weekly earnings up by at least 10%", "The programme's own definition"),
        new("wider", "Wider: also promotion, more hours, a better contract or a lateral move that improves prospects", "The evaluation's recommendation"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await handler.GetAsync(cancellationToken);
        if (Current is null)
        {
            return NotFound();
        }

        Form = new ProgrammeForm
        {
            Name = Current.Name,
            Commissioner = Current.Commissioner,
            Funder = Current.Funder,
            StartDate = DateParts.From(Current.StartDate),
            EndDate = DateParts.From(Current.EndDate),
            EngagementThreshold = Current.EngagementThreshold.ToString(Formatting.EnGb),
            MeaningfulInterventionMinutes = Current.MeaningfulInterventionMinutes.ToString(Formatting.EnGb),
            ProgressionDefinition = Current.ProgressionDefinition == ProgressionDefinition.Wider ? "wider" : "strict",
            SustainmentGapDays = Current.SustainmentGapDays.ToString(Formatting.EnGb),
            RagGreenFromPercent = Current.RagGreenFromPercent.ToString("0.##", CultureInfo.InvariantCulture),
            RagAmberFromPercent = Current.RagAmberFromPercent.ToString("0.##", CultureInfo.InvariantCulture),
            RetentionYearsAfterEnd = Current.RetentionYearsAfterEnd.ToString(Formatting.EnGb),
            Version = Current.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var input = new ProgrammeInput
        {
            Name = Form.Name,
            Commissioner = Form.Commissioner,
            Funder = Form.Funder,
            StartDate = Form.StartDate.Read("startDate", "start date", errors),
            EndDate = Form.EndDate.Read("endDate", "end date", errors),
            EngagementThreshold = FormParsing.WholeNumber(Form.EngagementThreshold, "engagementThreshold", "number of interventions", errors),
            MeaningfulInterventionMinutes = FormParsing.WholeNumber(Form.MeaningfulInterventionMinutes, "meaningfulInterventionMinutes", "number of minutes", errors),
            ProgressionDefinition = Form.ProgressionDefinition switch
            {
                "strict" => ProgressionDefinition.Strict,
                "wider" => ProgressionDefinition.Wider,
                _ => null,
            },
            SustainmentGapDays = FormParsing.WholeNumber(Form.SustainmentGapDays, "sustainmentGapDays", "number of days", errors),
            RagGreenFromPercent = Percentage(Form.RagGreenFromPercent, "ragGreenFromPercent", "Green from", errors),
            RagAmberFromPercent = Percentage(Form.RagAmberFromPercent, "ragAmberFromPercent", "Amber from", errors),
            RetentionYearsAfterEnd = FormParsing.WholeNumber(Form.RetentionYearsAfterEnd, "retentionYearsAfterEnd", "number of years", errors, required: false),
            Version = Form.Version,
            Reason = Form.Reason,
        };
        var result = await handler.UpdateAsync(input, cancellationToken);
        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            Current = await handler.GetAsync(cancellationToken);
            return Page();
        }

        TempData["Success"] = "Programme saved";
        return RedirectToPage();
    }

    /// <summary>A percentage as typed ("95", "92.5", "95%"); an error names the field when it is missing or not a number.</summary>
    private static decimal? Percentage(string? text, string field, string label, FieldErrors errors)
    {
        var trimmed = text?.Trim().TrimEnd('%').Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, $"Enter the {label.ToLowerInvariant()} percentage");
            return null;
        }

        if (decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"{label} must be a number, like 95");
        return null;
    }
}
