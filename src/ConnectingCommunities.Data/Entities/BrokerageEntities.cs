namespace ConnectingCommunities.Data.Entities;

/// <summary>
/// One lot's working relationship with an employer: how it began and the lot's own notes. The employer
/// record is shared by the programme; this row, its contacts and its activities belong to the lot.
/// </summary>
public sealed class EmployerRelationship : VersionedEntity
{
    public Guid EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public Guid LotId { get; set; }

    /// <summary>Code from Domain.Reference.EmployerEngagementMethods, e.g. "reverseMarketing".</summary>
    public required string EngagementMethod { get; set; }
    public DateOnly BeganOn { get; set; }
    public string? Notes { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A person at an employer. Personal data: only the lot that added them sees them.</summary>
public sealed class EmployerContact : VersionedEntity
{
    public Guid EmployerId { get; set; }
    public Guid LotId { get; set; }
    public required string Name { get; set; }
    public string? JobTitle { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A dated contact or activity with an employer: a meeting, a taster day, work experience, a recruitment event.</summary>
public sealed class EmployerActivity : Entity
{
    public Guid EmployerId { get; set; }
    public Guid LotId { get; set; }
    public DateOnly OccurredOn { get; set; }

    /// <summary>Code of the activity kind from the brokerage reference data, e.g. "tasterDay".</summary>
    public required string Kind { get; set; }

    /// <summary>How many of the lot's participants took part, when it involved participants.</summary>
    public int? ParticipantsInvolved { get; set; }
    public string? Notes { get; set; }
    public Guid? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>What work a participant wants and can do: the matching reads this against vacancies.</summary>
public sealed class JobGoals : VersionedEntity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }

    /// <summary>Preferred occupations as SOC 2020 unit group codes, e.g. "6135".</summary>
    public List<string> Occupations { get; set; } = [];

    /// <summary>Skills from the catalogue and the participant's own additions, as typed.</summary>
    public List<string> Skills { get; set; } = [];
    public decimal? MinWeeklyHours { get; set; }
    public decimal? MaxWeeklyHours { get; set; }

    /// <summary>Days the participant can work, as three-letter codes: "Mon" ... "Sun". Empty means any day.</summary>
    public List<string> AvailableDays { get; set; } = [];
    public bool CanWorkNights { get; set; }
    public bool CanWorkWeekends { get; set; }
    public int? MaxTravelMinutes { get; set; }
    public decimal? MaxTravelMiles { get; set; }
    public bool HasDrivingLicence { get; set; }
    public bool HasOwnTransport { get; set; }

    /// <summary>Childcare limits the working day to these hours (e.g. 09:30 to 14:30); null when it does not.</summary>
    public TimeOnly? AvailableFrom { get; set; }
    public TimeOnly? AvailableUntil { get; set; }
    public Guid? UpdatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum VacancyStatus
{
    Open = 1,
    Closed = 2,
    Filled = 3,
}

/// <summary>A job an employer is recruiting for. Visible programme-wide, so any lot can refer to it.</summary>
public sealed class Vacancy : VersionedEntity
{
    public Guid EmployerId { get; set; }
    public Employer? Employer { get; set; }

    /// <summary>The lot whose staff found the vacancy.</summary>
    public Guid FoundByLotId { get; set; }
    public required string Title { get; set; }
    public required string SocCode { get; set; }

    /// <summary>Workplace postcode, normalised.</summary>
    public required string Postcode { get; set; }
    public decimal WeeklyHours { get; set; }

    /// <summary>Code of the shift pattern from the brokerage reference data, e.g. "daytime", "nights".</summary>
    public required string ShiftPattern { get; set; }

    /// <summary>Days worked, three-letter codes; empty when not stated.</summary>
    public List<string> WorkingDays { get; set; } = [];
    public TimeOnly? StartsAt { get; set; }
    public TimeOnly? EndsAt { get; set; }
    public decimal HourlyWage { get; set; }
    public JobContractType ContractType { get; set; }
    public int Positions { get; set; } = 1;
    public List<string> RequiredSkills { get; set; } = [];
    public List<string> DesirableSkills { get; set; } = [];

    /// <summary>Code from Domain.Reference.QualificationLevels; null for no minimum.</summary>
    public string? MinimumQualification { get; set; }
    public bool DrivingLicenceRequired { get; set; }
    public DateOnly PostedOn { get; set; }
    public DateOnly ClosingOn { get; set; }

    /// <summary>When the job starts, if known: the National Living Wage is checked on this date (else the closing date).</summary>
    public DateOnly? StartsOn { get; set; }
    public VacancyStatus Status { get; set; } = VacancyStatus.Open;
    public string? Description { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum ReferralStatus
{
    Referred = 1,
    Interview = 2,
    Offered = 3,
    Started = 4,
    Unsuccessful = 5,
    Withdrawn = 6,
}

/// <summary>A participant put forward for a vacancy, followed to interview, offer and start.</summary>
public sealed class Referral : VersionedEntity, IParticipantOwned
{
    public Guid VacancyId { get; set; }
    public Vacancy? Vacancy { get; set; }
    public Guid ParticipantId { get; set; }

    /// <summary>The participant's lot when referred: who may see and move the referral.</summary>
    public Guid LotId { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Referred;
    public DateOnly ReferredOn { get; set; }
    public DateOnly? InterviewOn { get; set; }
    public DateOnly? OfferedOn { get; set; }
    public DateOnly? StartedOn { get; set; }

    /// <summary>When it ended Unsuccessful or Withdrawn.</summary>
    public DateOnly? ClosedOn { get; set; }
    public string? Reason { get; set; }

    /// <summary>The match score when referred, kept so the insight can compare scores with results.</summary>
    public int? MatchScore { get; set; }
    public Guid? JobStartId { get; set; }

    /// <summary>The job brokerage contact recorded when the referral was made.</summary>
    public Guid? InterventionId { get; set; }
    public Guid? ReferredById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ReferralEvent> Events { get; } = [];
}

/// <summary>One step of a referral's history.</summary>
public sealed class ReferralEvent : Entity
{
    public Guid ReferralId { get; set; }
    public ReferralStatus Status { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string? Reason { get; set; }
    public Guid? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A list of matching vacancies reviewed with a participant: completes their "identify jobs that match
/// skills" action, which the evaluation counts.
/// </summary>
public sealed class MatchReview : Entity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public int VacanciesShown { get; set; }
    public Guid? PlanActionId { get; set; }
    public Guid? ReviewedById { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
}

/// <summary>A postcode's centre, for straight-line travel distances. Imported in set-up; the demo seeds its own.</summary>
public sealed class PostcodeLocation
{
    /// <summary>Normalised, e.g. "B8 1AA".</summary>
    public required string Postcode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public bool IsDemo { get; set; }
}
