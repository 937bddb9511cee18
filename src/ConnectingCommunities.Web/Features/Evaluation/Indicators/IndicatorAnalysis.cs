using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Statistics.Paired;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>
/// Change in one indicator between baseline and follow-up for one group: the participants with a total at both.
/// When <see cref="Suppressed"/> (fewer pairs than the threshold, for an audience that must not see small groups)
/// every figure but the fact is withheld and <see cref="Pairs"/> is null.
/// </summary>
public sealed record IndicatorChange(
    IndicatorScale Scale,
    string Name,
    int MinTotal,
    int MaxTotal,
    int? Pairs,
    bool Suppressed,
    double? BaselineMean,
    double? FollowUpMean,
    double? MeanChange,
    double? CiLower,
    double? CiUpper,
    double? T,
    int? DegreesOfFreedom,
    double? TTestP,
    double? WilcoxonV,
    double? WilcoxonP,
    bool WilcoxonExact,
    double? CohensDz)
{
    /// <summary>True when there are pairs but too few for a reliable estimate (only shown when not suppressed).</summary>
    public bool SmallGroup { get; init; }
}

/// <summary>The four indicators' changes for everyone ("all") or one cohort.</summary>
public sealed record IndicatorGroup(string Group, string Label, IReadOnlyList<IndicatorChange> Scales);

/// <summary>The Theory of Change analysis: how many were assessed, and the change in each indicator overall and by cohort.</summary>
public sealed record IndicatorAnalysisResult(
    int AssessedAtBaseline,
    int AssessedAtFollowUp,
    int AssessedAtBoth,
    int SuppressBelow,
    bool SmallGroupsSuppressed,
    int ErasedLeftOut,
    IReadOnlyList<IndicatorGroup> Groups)
{
    public IndicatorGroup Overall => Groups[0];

    public IEnumerable<IndicatorGroup> Cohorts => Groups.Skip(1);
}

/// <summary>
/// Pairs each participant's baseline and follow-up totals, scale by scale (a scale counts for a participant only
/// when answered at both), and compares them with <see cref="PairedComparison"/>: paired t-test with the 95% CI
/// of the mean change, Wilcoxon signed-rank test and Cohen's d_z. Participants whose personal data has been
/// erased are left out, as in the rest of the evaluation. Whole programme: evaluators and the commissioner only.
/// </summary>
public sealed class IndicatorAnalysis(CcDbContext db)
{
    /// <summary>Groups with fewer pairs than this are withheld from evaluators (the evaluation's small-cell rule).</summary>
    public const int SuppressBelow = 10;

    /// <summary>One participant's totals at both points, as read from the database.</summary>
    internal sealed record PairRow(Guid ParticipantId, Cohort Cohort, AssessmentPoint Point, int? SelfEsteem, int? LocusOfControl, int? AttitudeToWork, int? LabourMarketAwareness);

    public async Task<IndicatorAnalysisResult> AnalyseAsync(bool suppressSmallGroups, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from a in db.IndicatorAssessments.AsNoTracking()
                join p in db.Participants.AsNoTracking() on a.ParticipantId equals p.Id
                where p.ErasedAt == null
                select new PairRow(a.ParticipantId, p.Cohort, a.Point, a.SelfEsteem, a.LocusOfControl, a.AttitudeToWork, a.LabourMarketAwareness))
            .ToListAsync(cancellationToken);
        var erased = await (
                from a in db.IndicatorAssessments.AsNoTracking()
                join p in db.Participants.AsNoTracking() on a.ParticipantId equals p.Id
                where p.ErasedAt != null
                select a.ParticipantId)
            .Distinct().CountAsync(cancellationToken);
        return Analyse(rows, suppressSmallGroups, erased);
    }

    internal static IndicatorAnalysisResult Analyse(IReadOnlyList<PairRow> rows, bool suppressSmallGroups, int erasedLeftOut)
    {
        var byParticipant = rows.GroupBy(r => r.ParticipantId)
            .Select(g => (
                Cohort: g.First().Cohort,
                Baseline: g.FirstOrDefault(r => r.Point == AssessmentPoint.Baseline),
                FollowUp: g.FirstOrDefault(r => r.Point == AssessmentPoint.FollowUp)))
            .ToList();
        var paired = byParticipant.Where(p => p.Baseline is not null && p.FollowUp is not null)
            .Select(p => (p.Cohort, Baseline: p.Baseline!, FollowUp: p.FollowUp!))
            .ToList();

        IndicatorGroup Group(string code, string label, Func<Cohort, bool> include) => new(
            code,
            label,
            [
                .. Scales.All.Select(scale =>
                {
                    var pairs = paired.Where(p => include(p.Cohort))
                        .Select(p => (Before: TotalOf(p.Baseline, scale.Scale), After: TotalOf(p.FollowUp, scale.Scale)))
                        .Where(p => p.Before is not null && p.After is not null)
                        .ToList();
                    return Change(scale, [.. pairs.Select(p => (double)p.Before!.Value)], [.. pairs.Select(p => (double)p.After!.Value)], suppressSmallGroups);
                }),
            ]);

        var groups = new List<IndicatorGroup> { Group("all", "All participants", _ => true) };
        groups.AddRange(Enum.GetValues<Cohort>().Select(c => Group(c.ToString(), c.DisplayName(), x => x == c)));
        return new IndicatorAnalysisResult(
            byParticipant.Count(p => p.Baseline is not null),
            byParticipant.Count(p => p.FollowUp is not null),
            paired.Count,
            SuppressBelow,
            suppressSmallGroups,
            erasedLeftOut,
            groups);
    }

    private static IndicatorChange Change(ScaleDefinition scale, double[] before, double[] after, bool suppress)
    {
        if (suppress && before.Length < SuppressBelow)
        {
            return new IndicatorChange(
                scale.Scale, scale.Name, scale.MinTotal, scale.MaxTotal, null, true, null, null, null, null, null, null, null, null, null, null, false, null);
        }

        var c = PairedComparison.Of(before, after);
        return new IndicatorChange(
            scale.Scale,
            scale.Name,
            scale.MinTotal,
            scale.MaxTotal,
            c.Pairs,
            false,
            c.BaselineMean,
            c.FollowUpMean,
            c.MeanChange,
            c.TTest.CiLower,
            c.TTest.CiUpper,
            c.TTest.T,
            c.TTest.DegreesOfFreedom,
            c.TTest.P,
            c.Wilcoxon.V,
            c.Wilcoxon.P,
            c.Wilcoxon.Exact,
            c.CohensDz)
        {
            SmallGroup = c.Pairs < SuppressBelow,
        };
    }

    private static int? TotalOf(PairRow row, IndicatorScale scale) => scale switch
    {
        IndicatorScale.SelfEsteem => row.SelfEsteem,
        IndicatorScale.LocusOfControl => row.LocusOfControl,
        IndicatorScale.AttitudeToWork => row.AttitudeToWork,
        IndicatorScale.LabourMarketAwareness => row.LabourMarketAwareness,
        _ => null,
    };
}
