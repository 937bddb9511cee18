using ConnectingCommunities.Domain.Performance;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>
/// What a performance view covers. From/To: milestones achieved in the period (both days included);
/// null takes the programme's start and today. LotCode, GroupId and ProviderId narrow the lots (a
/// provider: participants on that provider's contracts); Cohort narrows the participants.
/// </summary>
public sealed record PerformanceFilter(
    DateOnly? From = null, DateOnly? To = null, string? LotCode = null, Guid? GroupId = null, Guid? ProviderId = null, Cohort? Cohort = null);

/// <summary>One milestone against its target for the period: Target and PercentOfTarget are null when there is no target (a cohort has none).</summary>
public sealed record MilestoneFigure(Milestone Milestone, int Actual, int? Target, decimal? PercentOfTarget, Rag Rag);

/// <summary>A rate: Count out of Of as a fraction (null when Of is 0), for a key (a cohort, lot code or provider name).</summary>
public sealed record RateFigure(string Key, string Label, int Count, int Of, decimal? Rate);

/// <summary>A lot's milestones against its own targets.</summary>
public sealed record LotPerformance(string LotCode, string LotName, int Registered, IReadOnlyList<MilestoneFigure> Milestones);

/// <summary>
/// A lot's money, to date (not limited by the period or cohort): paid and recovered by payment
/// runs, approved lines waiting for a run, submitted lines waiting for a decision (pending), and what
/// is left of the value; costs are net spend divided by the lot's milestones achieved to date.
/// </summary>
public sealed record LotMoney(
    string LotCode, string LotName, decimal Value, decimal Paid, decimal Recovered, decimal Spent, decimal Approved, decimal Pending,
    decimal Remaining, int Engaged, int JobOutcomes, int SustainedJobs, decimal? CostPerEngaged, decimal? CostPerJobOutcome,
    decimal? CostPerSustainedJob);

/// <summary>A lot's reach: participants registered by the end of the period per 1,000 working-age residents of its area.</summary>
public sealed record LotReach(
    string LotCode, string LotName, IReadOnlyList<string> Districts, int Participants, int? WorkingAgePopulation, bool PopulationIsDemo,
    decimal? PerThousand);

/// <summary>A lot, group or provider the user may choose in the filters.</summary>
public sealed record PerformanceOption(string Value, string Label);

/// <summary>Every figure of a performance view.</summary>
public sealed record PerformanceReport(
    string Scope,
    PerformanceFilter Filter,
    DateOnly From,
    DateOnly To,
    RagThresholds Thresholds,
    int Registered,
    IReadOnlyList<MilestoneFigure> Milestones,
    RateFigure EngagementRate,
    RateFigure JobOutcomeRate,
    IReadOnlyList<RateFigure> JobOutcomeRateByCohort,
    IReadOnlyList<RateFigure> JobOutcomeRateByLot,
    IReadOnlyList<RateFigure> JobOutcomeRateByProvider,
    IReadOnlyList<RateFigure> SustainmentRates,
    IReadOnlyList<LotPerformance> Lots,
    IReadOnlyList<LotMoney> Money,
    IReadOnlyList<LotReach> Reach)
{
    public MilestoneFigure For(Milestone milestone) => Milestones.First(m => m.Milestone == milestone);
}

/// <summary>A lot's profile for one milestone by quarter: the original and in-force targets, and the actuals.</summary>
public sealed record ProfileRow(
    Quarter Quarter, int Original, int Target, bool Varied, string? Reason, DateOnly EffectiveFrom, int CumulativeTarget, int Actual,
    int CumulativeActual);

public sealed record LotProfile(string LotCode, string LotName, Milestone Milestone, IReadOnlyList<ProfileRow> Quarters);
