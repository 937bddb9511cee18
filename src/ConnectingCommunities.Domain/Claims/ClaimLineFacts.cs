using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Claims;

/// <summary>What validation needs to know about one claim line and its participant.</summary>
/// <param name="Milestone">The milestone claimed.</param>
/// <param name="MilestoneDate">The day it was achieved.</param>
/// <param name="Amount">The tariff amount of the line, in pounds.</param>
/// <param name="IsEligible">Whether the participant met the eligibility rules at registration.</param>
/// <param name="ConsentedToPrivacyNotice">Whether the participant was given and accepted the privacy notice.</param>
/// <param name="RegisteredOn">The participant's registration date.</param>
/// <param name="Achieved">The participant's achieved milestones (<see cref="MilestoneRules.Derive"/>), for the prerequisites.</param>
/// <param name="InWorkOnMilestoneDate">Whether the participant was in work on the milestone date (progression needs it).</param>
/// <param name="HasEvidence">Whether evidence for the milestone is held.</param>
/// <param name="OtherLineStatuses">The statuses of every other claim line for the same participant and milestone.</param>
public sealed record ClaimLineFacts(
    Milestone Milestone,
    DateOnly MilestoneDate,
    decimal Amount,
    bool IsEligible,
    bool ConsentedToPrivacyNotice,
    DateOnly RegisteredOn,
    IReadOnlyList<AchievedMilestone> Achieved,
    bool InWorkOnMilestoneDate,
    bool HasEvidence,
    IReadOnlyList<ClaimLineStatus> OtherLineStatuses);

/// <summary>What validation needs to know about the lot and programme, the same for every line of a claim.</summary>
/// <param name="Programme">The programme's dates; milestones outside them are not paid.</param>
/// <param name="LotContracts">The lot's contracts.</param>
/// <param name="Budget">The lot's value and what is already paid and approved.</param>
/// <param name="Today">The day of validation; a milestone cannot be dated after it.</param>
public sealed record ClaimContext(DateRange Programme, IReadOnlyList<ContractTerm> LotContracts, LotBudget Budget, DateOnly Today);
