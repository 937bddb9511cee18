using System.Globalization;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>
/// Records (or changes) a participant's baseline or follow-up assessment: one radio group per item of each
/// scale. A scale left wholly unanswered, or ticked "not asked this time", is stored as not asked.
/// </summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class RecordModel(IndicatorAssessmentHandler handler) : PageModel
{
    [BindProperty(Name = "assessedOn")]
    public DateParts AssessedOn { get; set; } = new();

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    [BindProperty(Name = "version")]
    public int? Version { get; set; }

    public PlanParticipant Participant { get; private set; } = null!;

    public AssessmentPoint Point { get; private set; }

    /// <summary>The assessment being changed; null when recording this point for the first time.</summary>
    public IndicatorAssessmentView? Existing { get; private set; }

    /// <summary>The answer shown for each item field ("selfEsteem-4" -> "2"), as stored or as just posted.</summary>
    public Dictionary<string, string?> Answers { get; } = [];

    /// <summary>The scales ticked "not asked this time".</summary>
    public HashSet<IndicatorScale> Skipped { get; } = [];

    public string PointName => IndicatorScales.Name(Point);

    public async Task<IActionResult> OnGetAsync(Guid id, string point, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, point, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is null)
        {
            AssessedOn = DateParts.From(null);
            return Page();
        }

        AssessedOn = DateParts.From(Existing.AssessedOn);
        Version = Existing.Version;
        foreach (var scale in Existing.Scales)
        {
            if (!scale.Asked)
            {
                Skipped.Add(scale.Scale);
            }

            for (var i = 0; i < scale.Answers.Count; i++)
            {
                Answers[IndicatorScales.ItemField(scale.Scale, i + 1)] = scale.Answers[i].ToString(CultureInfo.InvariantCulture);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string point, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, point, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var assessedOn = (AssessedOn ?? new DateParts()).Read("assessedOn", "date of the assessment", errors);
        var answers = Scales.All.ToDictionary(s => s.Scale, s => ReadScale(s, errors));
        var input = new IndicatorAssessmentInput
        {
            Point = Point.ToString(),
            AssessedOn = assessedOn,
            SelfEsteem = answers[IndicatorScale.SelfEsteem],
            LocusOfControl = answers[IndicatorScale.LocusOfControl],
            AttitudeToWork = answers[IndicatorScale.AttitudeToWork],
            LabourMarketAwareness = answers[IndicatorScale.LabourMarketAwareness],
            Reason = Reason,
            Version = Version,
        };
        var result = await handler.RecordAsync(id, input, errors.Any ? SaveMode.CheckOnly : SaveMode.Save, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = result.Value!.Created ? $"{PointName} assessment recorded" : $"{PointName} assessment changed";
        return Redirect($"/participants/{id}/indicators");
    }

    /// <summary>
    /// The answers to one scale from the form: none when it was ticked "not asked" or left wholly blank;
    /// otherwise every item must be answered, and a missing one is named.
    /// </summary>
    private List<int> ReadScale(ScaleDefinition scale, FieldErrors errors)
    {
        var skip = Request.Form[IndicatorScales.SkipField(scale.Scale)].ToString();
        var posted = scale.Items.Select(item =>
        {
            var field = IndicatorScales.ItemField(scale.Scale, item.Number);
            var text = Request.Form[field].ToString();
            Answers[field] = text;
            return (Item: item, Field: field, Text: text);
        }).ToList();
        if (string.Equals(skip, "true", StringComparison.OrdinalIgnoreCase))
        {
            Skipped.Add(scale.Scale);
            return [];
        }

        if (posted.TrueForAll(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            return [];
        }

        var answers = new List<int>();
        foreach (var (item, field, text) in posted)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(field, $"Select an answer to {scale.Name.ToLowerInvariant()} item {item.Number}, or tick \"Not asked this time\" for the whole scale");
            }
            else if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                answers.Add(value);
            }
            else
            {
                errors.Add(field, $"Select one of the answers to {scale.Name.ToLowerInvariant()} item {item.Number}");
            }
        }

        // Only whole, readable scales go to the handler, which checks the answers' range.
        return answers.Count == scale.ItemCount ? answers : [];
    }

    private async Task<bool> LoadAsync(Guid id, string point, CancellationToken cancellationToken)
    {
        if (IndicatorScales.FromSlug(point) is not { } at || await handler.ListAsync(id, logView: false, cancellationToken) is not { } list)
        {
            return false;
        }

        Point = at;
        Participant = list.Participant;
        Existing = list.At(at);
        return true;
    }
}
