using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Outcomes;
using ProgressionDefinition = ConnectingCommunities.Domain.Outcomes.ProgressionDefinition;
using ConnectingCommunities.Web.Features.Participants;

namespace ConnectingCommunities.Web.Features.Outcomes.Progression;

/// <summary>A change to the job of a participant in work.</summary>
public sealed record ProgressionInput
{
    /// <summary>The day the change took effect: on or after registration and the job's start, not in the future, a day they were in work.</summary>
    public DateOnly? ChangedOn { get; init; }

    /// <summary>The job start it changes; left out, the job held that day (or, for the Employed cohort, the job held at registration).</summary>
    public Guid? JobStartId { get; init; }

    /// <summary>The job title after the change, when it changed.</summary>
    public string? JobTitle { get; init; }

    /// <summary>Contracted hours a week after the change: more than 0, at most 100.</summary>
    public decimal? WeeklyHours { get; init; }

    /// <summary>Gross pay an hour in pounds after the change: 0 or more.</summary>
    public decimal? HourlyWage { get; init; }

    /// <summary>Permanent, FixedTerm, Temporary, ZeroHours, Apprenticeship or SelfEmployed, after the change.</summary>
    public string? ContractType { get; init; }

    /// <summary>Whether the change was a promotion.</summary>
    public bool? Promotion { get; init; }

    /// <summary>Whether it was a lateral move that improves their prospects; needs lateralMoveReason.</summary>
    public bool? LateralMove { get; init; }

    /// <summary>Why the lateral move improves their prospects.</summary>
    public string? LateralMoveReason { get; init; }
}

/// <summary>The terms a change is compared with: the job at its start, or the job held at registration.</summary>
/// <param name="WeeklyHours">Hours a week.</param>
/// <param name="HourlyWage">Pounds an hour.</param>
/// <param name="WeeklyEarnings">Hours times wage, in pounds and pence.</param>
/// <param name="ContractType">The contract type.</param>
/// <param name="From">Where the baseline came from, in words: "the job start of 14 June 2021" or "their job at registration".</param>
public sealed record ProgressionBaseline(decimal WeeklyHours, decimal HourlyWage, decimal WeeklyEarnings, JobContractType ContractType, string From);

/// <summary>A recorded change in work, assessed under both definitions.</summary>
/// <param name="Id">Its identifier.</param>
/// <param name="ChangedOn">The day the change took effect.</param>
/// <param name="JobStartId">The job start it changes; null for the job held at registration.</param>
/// <param name="JobTitle">The job title after the change, if given.</param>
/// <param name="WeeklyHours">Hours a week after the change.</param>
/// <param name="HourlyWage">Pounds an hour after the change.</param>
/// <param name="WeeklyEarnings">Hours times wage after the change, in pounds and pence.</param>
/// <param name="ContractType">The contract after the change.</param>
/// <param name="Promotion">Whether it was a promotion.</param>
/// <param name="LateralMove">Whether it was a lateral move.</param>
/// <param name="LateralMoveReason">Why the lateral move improves prospects.</param>
/// <param name="Baseline">What it was compared with.</param>
/// <param name="EarningsChange">The exact fractional change in weekly earnings (0.1 is +10%); null from a baseline of nothing.</param>
/// <param name="MeetsStrict">Weekly earnings up by 10% or more.</param>
/// <param name="MeetsWider">The strict definition, or a promotion, more hours, a more secure contract or a lateral move with a reason.</param>
/// <param name="Grounds">The wider definition's grounds met: EarningsUpTenPercent, Promotion, MoreHours, BetterContract, LateralMoveImprovingProspects.</param>
/// <param name="Strict">The strict assessment in words, e.g. "Weekly earnings up 12.5% (from £200.00 to £225.00): meets the strict definition".</param>
/// <param name="Wider">The wider assessment in words.</param>
/// <param name="PayingDefinition">The definition the programme pays on now: Strict or Wider.</param>
/// <param name="MeetsPayingDefinition">Whether it meets the definition that pays.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Evidence">Its evidence files, oldest first.</param>
/// <param name="MilestoneRecorded">After recording: the Progression milestone as it now stands, if achieved.</param>
/// <param name="Message">After recording: what happened to the Progression milestone, in words.</param>
public sealed record ProgressionView(
    Guid Id,
    DateOnly ChangedOn,
    Guid? JobStartId,
    string? JobTitle,
    decimal WeeklyHours,
    decimal HourlyWage,
    decimal WeeklyEarnings,
    JobContractType ContractType,
    bool Promotion,
    bool LateralMove,
    string? LateralMoveReason,
    ProgressionBaseline Baseline,
    decimal? EarningsChange,
    bool MeetsStrict,
    bool MeetsWider,
    IReadOnlyList<ProgressionGround> Grounds,
    string Strict,
    string Wider,
    ProgressionDefinition PayingDefinition,
    bool MeetsPayingDefinition,
    DateTimeOffset RecordedAt,
    IReadOnlyList<EvidenceView> Evidence,
    MilestoneView? MilestoneRecorded = null,
    string? Message = null);

/// <summary>What the participant page's progression section shows.</summary>
public sealed record ProgressionSection(Guid ParticipantId, IReadOnlyList<ProgressionView> Progressions, bool InWorkToday, bool CanEdit);
