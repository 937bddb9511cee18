using System.Text.Json.Serialization;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>A payment run to make: every approved, unpaid line on claims up to the end of the period, and every recovery requested.</summary>
public sealed record PaymentRunInput
{
    /// <summary>The period to pay up to, "yyyy-MM" (e.g. "2021-04").</summary>
    public string? Period { get; init; }
}

/// <summary>One provider's payment run: what was (or would be) paid and recovered, in pounds.</summary>
/// <param name="Id">The run's id; null in a preview, where nothing is saved.</param>
/// <param name="Reference">A human reference such as "PAY-2021-04-0003"; null in a preview.</param>
/// <param name="GrossPayments">The sum of the approved lines paid.</param>
/// <param name="Recoveries">The sum of the lines recovered, as a positive amount.</param>
/// <param name="BroughtForward">What the provider still owed from its previous run (zero or negative).</param>
/// <param name="Total">What is paid to the provider: payments less recoveries less what it owed, never below zero.</param>
/// <param name="CarriedForward">What the provider still owes after this run (zero or negative), taken from its next run.</param>
/// <param name="LineCount">The lines of the run the user may see.</param>
public sealed record PaymentRunSummary(
    Guid? Id,
    string? Reference,
    Guid ProviderId,
    string Provider,
    string Period,
    DateTimeOffset? CreatedAt,
    decimal GrossPayments,
    decimal Recoveries,
    decimal BroughtForward,
    decimal Total,
    decimal CarriedForward,
    int LineCount);

/// <summary>The runs made by one request: one per provider with something to pay or recover.</summary>
public sealed record PaymentRunsCreated(string Period, IReadOnlyList<PaymentRunSummary> Runs);

/// <summary>What a payment run for the period would pay now, provider by provider; nothing is saved.</summary>
public sealed record PaymentRunPreview(string Period, IReadOnlyList<PaymentRunPreviewRun> Runs);

/// <summary>One provider's run as it would be made now, with its lines.</summary>
public sealed record PaymentRunPreviewRun(PaymentRunSummary Summary, IReadOnlyList<PaymentRunLineView> Lines);

/// <summary>A payment run with its lines: the remittance advice.</summary>
/// <param name="CreatedBy">Who made the run.</param>
/// <param name="Lines">Payments and recoveries; a provider manager sees only the lines of their own lots.</param>
public sealed record PaymentRunView(
    Guid Id,
    string Reference,
    Guid ProviderId,
    string Provider,
    string Period,
    DateOnly PeriodEnd,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    decimal GrossPayments,
    decimal Recoveries,
    decimal BroughtForward,
    decimal Total,
    decimal CarriedForward,
    IReadOnlyList<PaymentRunLineView> Lines)
{
    [JsonIgnore]
    public IEnumerable<PaymentRunLineView> Payments => Lines.Where(l => l.Kind == PaymentLineKind.Payment);

    [JsonIgnore]
    public IEnumerable<PaymentRunLineView> RecoveryLines => Lines.Where(l => l.Kind == PaymentLineKind.Recovery);
}

/// <summary>One claim line paid or recovered in a run.</summary>
/// <param name="Kind">Payment (a positive amount) or Recovery (a negative amount: the earlier payment taken back).</param>
/// <param name="Amount">Pounds: positive for a payment, negative for a recovery.</param>
/// <param name="Status">The claim line's status now: Paid, or Recovered once a later run took the payment back.</param>
/// <param name="RecoveryRequestedAt">When a commissioner asked for the payment back; the next run recovers it.</param>
public sealed record PaymentRunLineView(
    Guid ClaimLineId,
    Guid ClaimId,
    string ClaimReference,
    string LotCode,
    string ParticipantReference,
    Milestone Milestone,
    DateOnly MilestoneDate,
    Cohort Cohort,
    PaymentLineKind Kind,
    decimal Amount,
    ClaimLineStatus Status,
    DateTimeOffset? RecoveryRequestedAt);

/// <summary>Why a paid line is being taken back.</summary>
public sealed record RecoveryInput
{
    /// <summary>Required: why the paid line was found invalid. Kept with the line and in the audit trail.</summary>
    public string? Reason { get; init; }
}

/// <summary>A paid claim line and where it stands on recovery.</summary>
/// <param name="PaidInRunId">The run that paid the line, if it was paid by a run.</param>
/// <param name="RecoveredInRunId">The run that took the payment back, once made.</param>
public sealed record RecoveryView(
    Guid ClaimId,
    string ClaimReference,
    Guid LineId,
    string LotCode,
    string Provider,
    string ParticipantReference,
    Milestone Milestone,
    DateOnly MilestoneDate,
    Cohort Cohort,
    decimal Amount,
    ClaimLineStatus Status,
    Guid? PaidInRunId,
    string? PaidInRunReference,
    DateTimeOffset? RecoveryRequestedAt,
    string? RecoveryRequestedBy,
    string? RecoveryReason,
    Guid? RecoveredInRunId,
    string? RecoveredInRunReference);

/// <summary>Spend against every lot the user may see, and the sum of them.</summary>
public sealed record SpendView(IReadOnlyList<LotSpend> Lots, SpendTotals Totals);

/// <summary>
/// A lot's value and spend, in pounds. Spent is paid less recovered; remaining is the value less
/// spend; approved lines not yet paid are committed, so remainingAfterApproved is what is left for new lines.
/// </summary>
public sealed record LotSpend(
    string LotCode,
    string LotName,
    decimal Value,
    decimal Paid,
    decimal Recovered,
    decimal Spent,
    decimal ApprovedUnpaid,
    decimal Remaining,
    decimal RemainingAfterApproved,
    IReadOnlyList<ContractSpend> Contracts);

/// <summary>What was paid and recovered under one contract of a lot.</summary>
public sealed record ContractSpend(string Reference, string Provider, DateOnly StartDate, DateOnly? EndDate, decimal Paid, decimal Recovered, decimal Spent);

/// <summary>The lots' figures added up.</summary>
public sealed record SpendTotals(
    decimal Value,
    decimal Paid,
    decimal Recovered,
    decimal Spent,
    decimal ApprovedUnpaid,
    decimal Remaining,
    decimal RemainingAfterApproved);
