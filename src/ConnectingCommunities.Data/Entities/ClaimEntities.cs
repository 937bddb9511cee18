using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Entities;

/// <summary>Where a claim is in its life cycle; the names are the API's codes.</summary>
public enum ClaimStatus
{
    /// <summary>Being prepared by the provider; lines can still change.</summary>
    Draft = 1,

    /// <summary>Sent to the commissioner; lines are being decided.</summary>
    Submitted = 2,

    /// <summary>Every line is decided (approved, rejected or paid); nothing is waiting on anyone.</summary>
    Completed = 3,
}

/// <summary>
/// A provider's monthly claim for one lot: every achieved, unclaimed milestone up to the end of
/// <see cref="Period"/>. One draft per lot and period at a time, so creating it twice (a double
/// click, a retry) gives back the same claim.
/// </summary>
public sealed class OutcomeClaim : VersionedEntity
{
    /// <summary>A human reference, e.g. "WH-2021-04-1".</summary>
    public required string Reference { get; set; }
    public Guid LotId { get; set; }
    public Lot? Lot { get; set; }

    /// <summary>The provider claiming: the one holding the lot's contract in the period.</summary>
    public Guid ProviderId { get; set; }
    public Provider? Provider { get; set; }

    /// <summary>"2021-04": milestones up to the last day of this month are claimed.</summary>
    public required string Period { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public ClaimStatus Status { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? SubmittedById { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The seed the audit sample was drawn with at submission, so the draw can be repeated.</summary>
    public string? AuditSeed { get; set; }
    public List<ClaimLine> Lines { get; } = [];
}

/// <summary>
/// One milestone claimed for one participant at its tariff. The database refuses a second live
/// line (draft, submitted, returned, approved or paid) for the same participant and milestone,
/// so nothing is claimed twice even when two claims are made at the same moment.
/// </summary>
public sealed class ClaimLine : VersionedEntity, IParticipantOwned
{
    public Guid ClaimId { get; set; }
    public Guid ParticipantId { get; set; }

    /// <summary>The participant's reference at the time of the claim, e.g. "WH-000123".</summary>
    public required string ParticipantReference { get; set; }
    public Milestone Milestone { get; set; }
    public DateOnly MilestoneDate { get; set; }

    /// <summary>The cohort at registration, which sets the tariff.</summary>
    public Cohort Cohort { get; set; }

    /// <summary>The tariff in force on the milestone date for the milestone and cohort, in pounds.</summary>
    public decimal Amount { get; set; }

    /// <summary>The lot's contract active on the milestone date, if any.</summary>
    public Guid? ContractId { get; set; }
    public Guid ProviderId { get; set; }
    public ClaimLineStatus Status { get; set; }

    /// <summary>The validation steps failed, comma-separated ClaimReasonCode names; empty when it passed.</summary>
    public string ReasonCodes { get; set; } = "";

    /// <summary>How many evidence files prove the milestone when the line was last validated.</summary>
    public int EvidenceCount { get; set; }

    /// <summary>Why the line was picked for audit at submission; null when it was not.</summary>
    public AuditSelectionReason? AuditSelection { get; set; }
    public Guid? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }

    /// <summary>Set when a commissioner finds a paid line invalid: the next payment run recovers it.</summary>
    public DateTimeOffset? RecoveryRequestedAt { get; set; }
    public Guid? RecoveryRequestedById { get; set; }
    public string? RecoveryReason { get; set; }
}

/// <summary>A payment to one provider for one period: approved lines paid, minus recoveries.</summary>
public sealed class PaymentRun : Entity
{
    /// <summary>A human reference for the remittance advice, e.g. "PAY-2021-04-0001".</summary>
    public required string Reference { get; set; }
    public Guid ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public required string Period { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>Sum of the lines paid.</summary>
    public decimal GrossPayments { get; set; }

    /// <summary>Sum of the recoveries, as a positive amount.</summary>
    public decimal Recoveries { get; set; }

    /// <summary>What the provider still owed from earlier runs whose recoveries were more than their payments.</summary>
    public decimal BroughtForward { get; set; }

    /// <summary>What is paid: payments less recoveries less the amount brought forward, never below zero.</summary>
    public decimal Total { get; set; }

    /// <summary>What the provider still owes after this run, taken from the next one.</summary>
    public decimal CarriedForward { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<PaymentRunLine> Lines { get; } = [];
}

/// <summary>
/// One claim line paid or recovered in a run. A claim line is paid at most once and recovered at
/// most once: the database refuses a second line of the same kind for it.
/// </summary>
public sealed class PaymentRunLine : Entity
{
    public Guid PaymentRunId { get; set; }
    public Guid ClaimLineId { get; set; }
    public ClaimLine? ClaimLine { get; set; }
    public Guid LotId { get; set; }
    public Guid? ContractId { get; set; }
    public PaymentLineKind Kind { get; set; }

    /// <summary>Pounds: positive for a payment, negative for a recovery.</summary>
    public decimal Amount { get; set; }
}
