using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Outcomes;

/// <summary>Which definition of in-work progression is being applied.</summary>
public enum ProgressionDefinition
{
    /// <summary>The programme documents' definition: weekly earnings up by at least 10% on the baseline.</summary>
    Strict = 1,

    /// <summary>
    /// The evaluation's recommendation: the strict definition, or a promotion, more hours, a move to
    /// a more secure contract, or a lateral move that improves prospects (with a reason).
    /// </summary>
    Wider = 2,
}

/// <summary>A ground on which a change counts as progression.</summary>
public enum ProgressionGround
{
    /// <summary>Weekly earnings (hours times hourly wage) up by at least 10% on the baseline.</summary>
    EarningsUpTenPercent = 1,

    /// <summary>The participant was promoted.</summary>
    Promotion = 2,

    /// <summary>More weekly hours than the baseline.</summary>
    MoreHours = 3,

    /// <summary>A move to a more secure contract type (<see cref="ContractSecurity"/>).</summary>
    BetterContract = 4,

    /// <summary>A lateral move that improves prospects, with the reason recorded.</summary>
    LateralMoveImprovingProspects = 5,
}

/// <summary>The terms of a job at one point in time.</summary>
/// <param name="WeeklyHours">Hours a week.</param>
/// <param name="HourlyWage">Pounds an hour.</param>
/// <param name="ContractType">The contract type.</param>
public sealed record JobTerms(decimal WeeklyHours, decimal HourlyWage, ContractType ContractType)
{
    /// <summary>Weekly earnings: hours times hourly wage, exact (not rounded), so a comparison is never tipped by rounding.</summary>
    public decimal WeeklyEarnings => WeeklyHours * HourlyWage;
}

/// <summary>A recorded change to a participant's job.</summary>
/// <param name="After">The job's terms after the change.</param>
/// <param name="Promotion">Whether the change was a promotion.</param>
/// <param name="LateralMove">Whether the change was a lateral move the advisor judged to improve prospects.</param>
/// <param name="LateralMoveReason">Why the lateral move improves prospects; a lateral move without one does not count.</param>
public sealed record ProgressionChange(JobTerms After, bool Promotion = false, bool LateralMove = false, string? LateralMoveReason = null);

/// <summary>Whether a change meets a definition of progression, and on what grounds.</summary>
/// <param name="Definition">The definition applied.</param>
/// <param name="Grounds">The grounds the change meets under that definition; empty when it is not progression.</param>
/// <param name="EarningsChange">The exact fractional change in weekly earnings (0.1 is +10%); null when the baseline earned nothing.</param>
/// <param name="Notes">Plain-English reasons a ground was considered and not met, e.g. a lateral move with no reason.</param>
public sealed record ProgressionAssessment(
    ProgressionDefinition Definition,
    IReadOnlyList<ProgressionGround> Grounds,
    decimal? EarningsChange,
    IReadOnlyList<string> Notes)
{
    public bool IsMet => Grounds.Count > 0;
}

/// <summary>
/// In-work progression under both definitions. The programme defined progression as at least a
/// 10% increase in wages, which the platform reads as weekly earnings (hours times hourly wage) so
/// that both a pay rise and more paid hours count; the evaluation recommended a wider definition.
/// Both are always computed and programme set-up decides which one pays.
/// </summary>
public static class ProgressionRules
{
    /// <summary>The required rise in weekly earnings: 10%, and exactly 10% counts.</summary>
    public const decimal EarningsThreshold = 0.10m;

    /// <summary>Assesses a change against one definition.</summary>
    public static ProgressionAssessment Evaluate(JobTerms baseline, ProgressionChange change, ProgressionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(change);
        var grounds = new List<ProgressionGround>();
        var notes = new List<string>();
        var before = baseline.WeeklyEarnings;
        var after = change.After.WeeklyEarnings;

        // Compared by multiplying rather than dividing so that exactly +10% is never lost to a
        // recurring decimal; a baseline of nothing progresses on any paid work.
        if (after > before && after >= before * (1 + EarningsThreshold))
        {
            grounds.Add(ProgressionGround.EarningsUpTenPercent);
        }

        if (definition == ProgressionDefinition.Wider)
        {
            if (change.Promotion)
            {
                grounds.Add(ProgressionGround.Promotion);
            }

            if (change.After.WeeklyHours > baseline.WeeklyHours)
            {
                grounds.Add(ProgressionGround.MoreHours);
            }

            if (ContractSecurity.IsBetter(baseline.ContractType, change.After.ContractType))
            {
                grounds.Add(ProgressionGround.BetterContract);
            }

            if (change.LateralMove)
            {
                if (string.IsNullOrWhiteSpace(change.LateralMoveReason))
                {
                    notes.Add("A lateral move counts only with a reason why it improves prospects");
                }
                else
                {
                    grounds.Add(ProgressionGround.LateralMoveImprovingProspects);
                }
            }
        }

        decimal? earningsChange = before > 0 ? (after - before) / before : null;
        return new ProgressionAssessment(definition, grounds, earningsChange, notes);
    }

    /// <summary>Assesses a change against both definitions, strict first.</summary>
    public static IReadOnlyList<ProgressionAssessment> EvaluateAll(JobTerms baseline, ProgressionChange change) =>
        [Evaluate(baseline, change, ProgressionDefinition.Strict), Evaluate(baseline, change, ProgressionDefinition.Wider)];

    /// <summary>Plain English for a ground, for pages and exports.</summary>
    public static string Describe(this ProgressionGround ground) => ground switch
    {
        ProgressionGround.EarningsUpTenPercent => "Weekly earnings up by 10% or more",
        ProgressionGround.Promotion => "Promotion",
        ProgressionGround.MoreHours => "More hours a week",
        ProgressionGround.BetterContract => "Moved to a more secure contract",
        ProgressionGround.LateralMoveImprovingProspects => "Lateral move that improves prospects",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, "Unknown progression ground."),
    };
}
