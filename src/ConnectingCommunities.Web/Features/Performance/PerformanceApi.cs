using ConnectingCommunities.Domain.Performance;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>One milestone in the API: the actual in the period, the target for it, actual / target as a fraction, and the RAG status.</summary>
public sealed record MilestoneJson(Milestone Milestone, int Actual, int? Target, decimal? PercentOfTarget, Rag Rag);

/// <summary>Job outcome rates among out-of-work participants, as fractions (0.413 is 41.3%); null where there is nobody to count.</summary>
public sealed record JobOutcomeRateJson(
    decimal? Overall, IReadOnlyDictionary<string, decimal?> ByCohort, IReadOnlyDictionary<string, decimal?> ByLot,
    IReadOnlyDictionary<string, decimal?> ByProvider);

public sealed record LotMilestonesJson(string LotCode, string LotName, int Registered, IReadOnlyList<MilestoneJson> Milestones);

public sealed record ThresholdsJson(decimal GreenFromPercent, decimal AmberFromPercent);

/// <summary>The answer of GET /api/v1/performance.</summary>
public sealed record PerformanceJson(
    string Scope,
    DateOnly From,
    DateOnly To,
    string? LotCode,
    Cohort? Cohort,
    ThresholdsJson Rag,
    int Registered,
    IReadOnlyList<MilestoneJson> Milestones,
    JobOutcomeRateJson JobOutcomeRate,
    decimal? EngagementRate,
    IReadOnlyDictionary<string, decimal?> SustainmentRates,
    IReadOnlyList<RateFigure> JobOutcomeRates,
    IReadOnlyList<LotMilestonesJson> Lots,
    IReadOnlyList<LotMoney> Money,
    IReadOnlyList<LotReach> Reach)
{
    public static PerformanceJson Of(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static IReadOnlyList<MilestoneJson> Milestones(IEnumerable<MilestoneFigure> figures) =>
            [.. figures.Select(f => new MilestoneJson(f.Milestone, f.Actual, f.Target, f.PercentOfTarget, f.Rag))];
        static IReadOnlyDictionary<string, decimal?> Rates(IEnumerable<RateFigure> rates) => rates.ToDictionary(r => r.Key, r => r.Rate);
        return new PerformanceJson(
            report.Scope, report.From, report.To, report.Filter.LotCode?.ToUpperInvariant(), report.Filter.Cohort,
            new ThresholdsJson(report.Thresholds.GreenFromPercent, report.Thresholds.AmberFromPercent),
            report.Registered,
            Milestones(report.Milestones),
            new JobOutcomeRateJson(
                report.JobOutcomeRate.Rate, Rates(report.JobOutcomeRateByCohort), Rates(report.JobOutcomeRateByLot),
                report.JobOutcomeRateByProvider.ToDictionary(r => r.Label, r => r.Rate)),
            report.EngagementRate.Rate,
            Rates(report.SustainmentRates),
            [report.JobOutcomeRate, .. report.JobOutcomeRateByCohort, .. report.JobOutcomeRateByLot, .. report.JobOutcomeRateByProvider],
            [.. report.Lots.Select(l => new LotMilestonesJson(l.LotCode, l.LotName, l.Registered, Milestones(l.Milestones)))],
            report.Money,
            report.Reach);
    }
}

public static class PerformanceApi
{
    public static void MapPerformanceApi(this RouteGroupBuilder api)
    {
        var performance = api.MapGroup("/performance").WithTags("Performance").RequireAuthorization(Policies.Performance);

        performance.MapGet("/", async (
                string? lotCode, string? from, string? to, string? cohort, string? groupId, string? providerId,
                PerformanceQueries queries, CancellationToken ct) =>
            {
                var filter = PerformanceQueries.ParseFilter(from, to, lotCode, groupId, providerId, cohort);
                if (!filter.Succeeded)
                {
                    return ApiResults.Invalid(filter.Errors!);
                }

                return (await queries.GetAsync(filter.Value!, ct)).ToApi(r => TypedResults.Ok(PerformanceJson.Of(r)));
            })
            .WithSummary("Milestones against target to date, job outcome, engagement and sustainment rates, money and reach")
            .WithDescription("No lotCode: the whole programme (commissioners) or the user's own lots (provider managers). "
                + "from and to are yyyy-MM-dd; rates and percentOfTarget are fractions (0.413 is 41.3%).");

        performance.MapGet("/lots/{lotCode}/profile", async (string lotCode, string? milestone, PerformanceQueries queries, CancellationToken ct) =>
            {
                if (!Enum.TryParse<Milestone>(milestone ?? nameof(Milestone.JobOutcome), ignoreCase: true, out var parsed)
                    || !Enum.IsDefined(parsed) || int.TryParse(milestone, out _))
                {
                    return ApiResults.Invalid(new FieldErrors().Add("milestone", "Milestone must be one of " + string.Join(", ", Enum.GetNames<Milestone>())));
                }

                return await queries.ProfileAsync(lotCode, parsed, ct) is { } profile ? Results.Ok(profile) : ApiResults.NotFound();
            })
            .WithSummary("A lot's target profile for a milestone by quarter: original and varied targets, cumulative, and actuals");
    }
}
