using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Claims;

/// <summary>One named validation step: the check returns null when the line passes, or the reason code.</summary>
/// <param name="Name">A stable name for logs and the validation report.</param>
/// <param name="Check">The check.</param>
public sealed record ClaimValidationStep(string Name, Func<ClaimLineFacts, ClaimContext, ClaimReasonCode?> Check);

/// <summary>Which milestones need evidence before they are paid.</summary>
public static class EvidenceRules
{
    /// <summary>
    /// A job outcome, each sustainment point and a progression need evidence (payslip, contract,
    /// employer letter or earnings record) because they are claims about a job the provider does
    /// not see. Engagement does not: the contacts that make it are the provider's own records.
    /// </summary>
    public static bool IsRequired(Milestone milestone) => milestone != Milestone.Engaged;
}

/// <summary>
/// The checks a claim line must pass before it is paid, each on its own so a failing line says
/// exactly what is wrong. They are the checks commissioners apply to payment-by-results claims:
/// eligibility, the contract, duplicates, sequence, evidence, dates and the money available.
/// </summary>
public static class ClaimValidationSteps
{
    /// <summary>The participant must be eligible and have accepted the privacy notice, or nothing about them may be claimed.</summary>
    public static ClaimReasonCode? ParticipantEligible(ClaimLineFacts line, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.IsEligible && line.ConsentedToPrivacyNotice ? null : ClaimReasonCode.ParticipantNotEligible;
    }

    /// <summary>A contract for the lot must be active on the milestone date: it is that contract that pays.</summary>
    public static ClaimReasonCode? ContractActive(ClaimLineFacts line, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        return ContractRules.ActiveOn(line.MilestoneDate, context.LotContracts) is null ? ClaimReasonCode.ContractNotActive : null;
    }

    /// <summary>
    /// The milestone must not be paid already, nor be on another line that is still open or
    /// approved; a paid line reports <see cref="ClaimReasonCode.AlreadyPaid"/> as the stronger reason.
    /// </summary>
    public static ClaimReasonCode? NotAlreadyClaimed(ClaimLineFacts line, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.OtherLineStatuses.Contains(ClaimLineStatus.Paid))
        {
            return ClaimReasonCode.AlreadyPaid;
        }

        return line.OtherLineStatuses.Any(s => s.BlocksAnotherClaim()) ? ClaimReasonCode.AlreadyClaimed : null;
    }

    /// <summary>The milestone's prerequisites (<see cref="MilestoneRules.PrerequisitesMet"/>) must be met on its date.</summary>
    public static ClaimReasonCode? PrerequisitesMet(ClaimLineFacts line, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        return MilestoneRules.PrerequisitesMet(line.Milestone, line.MilestoneDate, line.Achieved, line.InWorkOnMilestoneDate)
            ? null
            : ClaimReasonCode.PrerequisiteMissing;
    }

    /// <summary>Evidence must be held for the milestones that need it (<see cref="EvidenceRules"/>).</summary>
    public static ClaimReasonCode? EvidencePresent(ClaimLineFacts line, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        return EvidenceRules.IsRequired(line.Milestone) && !line.HasEvidence ? ClaimReasonCode.EvidenceMissing : null;
    }

    /// <summary>The milestone date must be on or after registration, within the programme's dates and not in the future.</summary>
    public static ClaimReasonCode? DatesConsistent(ClaimLineFacts line, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        var date = line.MilestoneDate;
        return date >= line.RegisteredOn && context.Programme.Contains(date) && date <= context.Today
            ? null
            : ClaimReasonCode.DatesInconsistent;
    }

    /// <summary>Paid plus approved plus this line must not exceed the lot's value; reaching it exactly is allowed.</summary>
    public static ClaimReasonCode? WithinLotValue(ClaimLineFacts line, ClaimContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        return context.Budget.WouldExceed(line.Amount) ? ClaimReasonCode.LotValueExceeded : null;
    }

    /// <summary>Every step, in the order they run and report.</summary>
    public static IReadOnlyList<ClaimValidationStep> All { get; } =
    [
        new(nameof(ParticipantEligible), ParticipantEligible),
        new(nameof(ContractActive), ContractActive),
        new(nameof(NotAlreadyClaimed), NotAlreadyClaimed),
        new(nameof(PrerequisitesMet), PrerequisitesMet),
        new(nameof(EvidencePresent), EvidencePresent),
        new(nameof(DatesConsistent), DatesConsistent),
        new(nameof(WithinLotValue), WithinLotValue),
    ];
}
