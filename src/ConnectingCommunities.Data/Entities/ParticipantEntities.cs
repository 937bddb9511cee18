using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;

namespace ConnectingCommunities.Data.Entities;

/// <summary>A record that belongs to one participant, so its audit rows and views can be found from them.</summary>
public interface IParticipantOwned
{
    Guid ParticipantId { get; }
}

/// <summary>
/// A resident registered on the programme in one lot. Characteristics a provider's system did not
/// send are null, which pages and reports show as "not collected".
/// </summary>
public sealed class Participant : VersionedEntity, IParticipantOwned
{
    Guid IParticipantOwned.ParticipantId => Id;

    public Guid LotId { get; set; }
    public Lot? Lot { get; set; }

    /// <summary>The provider contract supporting the participant now; changes when a caseload transfers.</summary>
    public Guid? ContractId { get; set; }
    public Contract? Contract { get; set; }

    /// <summary>Number within the lot: the reference is the lot code and this, e.g. WH-000123.</summary>
    public int Number { get; set; }
    public required string Reference { get; set; }
    public Guid? AdvisorId { get; set; }
    public AppUser? Advisor { get; set; }

    public required string FirstName { get; set; }
    public required string LastName { get; set; }

    /// <summary>Lower case, accents and punctuation removed: what name search and duplicate checks compare.</summary>
    public string SearchFirstName { get; set; } = "";
    public string SearchLastName { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }

    /// <summary>Nine characters, no spaces, upper case; null when missing for <see cref="NinoMissingReason"/>.</summary>
    public string? Nino { get; set; }
    public NinoMissingReason? NinoMissingReason { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }

    /// <summary>Normalised, e.g. "B8 1AA".</summary>
    public required string Postcode { get; set; }

    public string? Sex { get; set; }
    public string? GenderIdentity { get; set; }
    public string? Ethnicity { get; set; }
    public string? LongTermCondition { get; set; }
    public string? ActivityLimitation { get; set; }
    public string? HighestQualification { get; set; }
    public bool? HasChildcareResponsibilities { get; set; }
    public bool? HasCaringResponsibilities { get; set; }
    public bool? HasInternetAccess { get; set; }

    public EmploymentStatus EmploymentStatus { get; set; }
    public DateOnly? LastInWorkOn { get; set; }
    public decimal? WeeklyHours { get; set; }
    public decimal? HourlyWage { get; set; }
    public string? EmploymentContractType { get; set; }

    /// <summary>Fixed at registration: it decides what every milestone pays.</summary>
    public Cohort Cohort { get; set; }
    public AgeBand AgeBand { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public string? RecruitmentChannel { get; set; }

    /// <summary>When the personal data was erased (retention or the person's request); the record stays as a tombstone.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>Who referred them: the organisation or person, when the channel is a referral.</summary>
    public string? Referrer { get; set; }
    public bool PrivacyNoticeAcknowledged { get; set; }
    public bool? EvaluationContactConsent { get; set; }

    /// <summary>Why a manager registered someone whose postcode is outside the lot's area.</summary>
    public string? EligibilityOverrideReason { get; set; }

    /// <summary>Why the advisor judged a potential duplicate to be a different person.</summary>
    public string? DuplicateCheckReason { get; set; }

    public ParticipantStatus Status { get; set; } = ParticipantStatus.Active;
    public DateOnly? LeftOn { get; set; }
    public string? LeavingReason { get; set; }
    public string? LeavingNotes { get; set; }

    /// <summary>Kept with the interventions so caseload filters need not count them.</summary>
    public DateOnly? EngagedOn { get; set; }
    public DateOnly? LastContactOn { get; set; }
    public int MeaningfulInterventions { get; set; }

    public Guid? HelpRequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A barrier to work as it stands now; every review adds a <see cref="BarrierReview"/>.</summary>
public sealed class ParticipantBarrier : VersionedEntity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }
    public required string Barrier { get; set; }
    public BarrierSeverity Severity { get; set; }
    public DateOnly IdentifiedOn { get; set; }

    /// <summary>Set when the barrier no longer stands in the way.</summary>
    public DateOnly? ResolvedOn { get; set; }
    public string? Notes { get; set; }
    public List<BarrierReview> Reviews { get; } = [];
}

/// <summary>The barrier's severity as judged on a day: the history of a barrier.</summary>
public sealed class BarrierReview : Entity, IParticipantOwned
{
    public Guid ParticipantBarrierId { get; set; }
    public Guid ParticipantId { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public BarrierSeverity Severity { get; set; }
    public bool Resolved { get; set; }
    public string? Notes { get; set; }
    public Guid? ReviewedById { get; set; }
}

/// <summary>A goal in the participant's action plan, in their words.</summary>
public sealed class Goal : VersionedEntity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }
    public required string Description { get; set; }
    public DateOnly AgreedOn { get; set; }
    public DateOnly? TargetDate { get; set; }
    public DateOnly? AchievedOn { get; set; }
}

/// <summary>An action in the participant's plan, from <see cref="ActionCatalogue"/>.</summary>
public sealed class PlanAction : VersionedEntity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }
    public Guid? GoalId { get; set; }
    public required string Action { get; set; }
    public ActivityType ActivityType { get; set; }
    public string? Details { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Identified;
    public DateOnly IdentifiedOn { get; set; }
    public DateOnly? AgreedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? NotDoneReason { get; set; }
}

/// <summary>A contact with a participant. Whether it was meaningful is decided when it is recorded.</summary>
public sealed class Intervention : Entity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }
    public DateOnly Date { get; set; }
    public Guid? AdvisorId { get; set; }
    public string AdvisorName { get; set; } = "";
    public InterventionMode Mode { get; set; }
    public ActivityType ActivityType { get; set; }
    public int DurationMinutes { get; set; }
    public string? Notes { get; set; }
    public bool IsMeaningful { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A result the programme pays for, reached on a date, at most once per participant.</summary>
public sealed class ParticipantMilestone : Entity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }
    public Milestone Milestone { get; set; }
    public DateOnly AchievedOn { get; set; }
}

/// <summary>A move of a participant between contracts (providers) or advisors, kept as history.</summary>
public sealed class ParticipantTransfer : Entity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }
    public DateOnly TransferredOn { get; set; }
    public Guid? FromContractId { get; set; }
    public Guid? ToContractId { get; set; }
    public Guid? FromAdvisorId { get; set; }
    public Guid? ToAdvisorId { get; set; }
    public string? Reason { get; set; }
}

public enum HelpRequestStatus
{
    /// <summary>Waiting on the lot's triage list.</summary>
    New = 1,
    Contacted = 2,

    /// <summary>Became a participant.</summary>
    Registered = 3,
    Closed = 4,
}

/// <summary>A resident's request for help from the public "Get help finding work" page.</summary>
public sealed class HelpRequest : VersionedEntity
{
    public Guid LotId { get; set; }
    public required string Reference { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public required string Postcode { get; set; }
    public string? PreferredContact { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public HelpRequestStatus Status { get; set; } = HelpRequestStatus.New;
    public string? Outcome { get; set; }
    public Guid? ParticipantId { get; set; }
}
