using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Web.Infrastructure.Govuk;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>
/// How the four scales meet the web: their field names (the same in the API's JSON, the page's form and the
/// field errors), where each is stored on an assessment, and the choices of the item radios.
/// </summary>
public static class IndicatorScales
{
    /// <summary>The JSON / form field of a scale's answers: "selfEsteem", "locusOfControl", ...</summary>
    public static string Field(IndicatorScale scale) => scale switch
    {
        IndicatorScale.SelfEsteem => "selfEsteem",
        IndicatorScale.LocusOfControl => "locusOfControl",
        IndicatorScale.AttitudeToWork => "attitudeToWork",
        IndicatorScale.LabourMarketAwareness => "labourMarketAwareness",
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown indicator scale."),
    };

    /// <summary>The form field, and error key, of one item: "selfEsteem-4" is item 4 of the self-esteem scale.</summary>
    public static string ItemField(IndicatorScale scale, int itemNumber) => $"{Field(scale)}-{itemNumber}";

    /// <summary>The form field of the "not asked this time" box of a scale.</summary>
    public static string SkipField(IndicatorScale scale) => $"{Field(scale)}-skip";

    public static List<int> Answers(IndicatorAssessment assessment, IndicatorScale scale)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return scale switch
        {
            IndicatorScale.SelfEsteem => assessment.SelfEsteemItems,
            IndicatorScale.LocusOfControl => assessment.LocusOfControlItems,
            IndicatorScale.AttitudeToWork => assessment.AttitudeToWorkItems,
            IndicatorScale.LabourMarketAwareness => assessment.LabourMarketAwarenessItems,
            _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown indicator scale."),
        };
    }

    public static int? Total(IndicatorAssessment assessment, IndicatorScale scale)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return scale switch
        {
            IndicatorScale.SelfEsteem => assessment.SelfEsteem,
            IndicatorScale.LocusOfControl => assessment.LocusOfControl,
            IndicatorScale.AttitudeToWork => assessment.AttitudeToWork,
            IndicatorScale.LabourMarketAwareness => assessment.LabourMarketAwareness,
            _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown indicator scale."),
        };
    }

    /// <summary>Stores a scale's answers and its total (null and an empty list when it was not asked).</summary>
    public static void Set(IndicatorAssessment assessment, IndicatorScale scale, IReadOnlyList<int> answers)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var list = answers.ToList();
        var total = Scales.For(scale).Total(list);
        switch (scale)
        {
            case IndicatorScale.SelfEsteem:
                assessment.SelfEsteemItems = list;
                assessment.SelfEsteem = total;
                break;
            case IndicatorScale.LocusOfControl:
                assessment.LocusOfControlItems = list;
                assessment.LocusOfControl = total;
                break;
            case IndicatorScale.AttitudeToWork:
                assessment.AttitudeToWorkItems = list;
                assessment.AttitudeToWork = total;
                break;
            case IndicatorScale.LabourMarketAwareness:
                assessment.LabourMarketAwarenessItems = list;
                assessment.LabourMarketAwareness = total;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown indicator scale.");
        }
    }

    /// <summary>The answers of a scale as radios, e.g. "Strongly disagree" with value 0 on the self-esteem scale.</summary>
    public static IReadOnlyList<Choice> Choices(ScaleDefinition scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return [.. scale.Options.Select(o => new Choice(o.Value.ToString(Infrastructure.Formatting.EnGb), o.Label))];
    }

    /// <summary>"baseline" or "follow-up" in addresses.</summary>
    public static string Slug(AssessmentPoint point) => point == AssessmentPoint.Baseline ? "baseline" : "follow-up";

    public static AssessmentPoint? FromSlug(string? slug) => slug?.ToLowerInvariant() switch
    {
        "baseline" => AssessmentPoint.Baseline,
        "follow-up" => AssessmentPoint.FollowUp,
        _ => null,
    };

    public static string Name(AssessmentPoint point) => point == AssessmentPoint.Baseline ? "Baseline" : "Follow-up";
}
