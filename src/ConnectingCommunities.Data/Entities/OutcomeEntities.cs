using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Data.Entities;

/// <summary>The kind of employment contract of a job start; the names are the API's codes.</summary>
public enum JobContractType
{
    Permanent = 1,
    FixedTerm = 2,
    Temporary = 3,
    ZeroHours = 4,
    Apprenticeship = 5,
    SelfEmployed = 6,
}

/// <summary>What an evidence file shows; the names are the API's codes.</summary>
public enum EvidenceKind
{
    Payslip = 1,
    Contract = 2,
    EmployerLetter = 3,
    Other = 4,
}

/// <summary>
/// An employer participants started work with. Shared by every lot: advisors pick an employer
/// already on the list by typing its name, so one employer is one record however it is typed.
/// </summary>
public sealed class Employer : Entity
{
    public required string Name { get; set; }

    /// <summary>Lower case with spaces collapsed: what "the same employer" compares, unique.</summary>
    public required string NormalisedName { get; set; }

    /// <summary>Normalised, e.g. "B8 1AA", when known.</summary>
    public string? Postcode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Companies House registration number, 8 characters (e.g. 01234567, SC123456), when registered.</summary>
    public string? CompaniesHouseNumber { get; set; }

    /// <summary>SIC 2007 section letter, A to U.</summary>
    public string? SicSection { get; set; }

    /// <summary>Code of the size band (employees), from the brokerage reference data.</summary>
    public string? SizeBand { get; set; }

    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }

    /// <summary>The lot that first entered the organisation; null for employers first named on a job start.</summary>
    public Guid? AddedByLotId { get; set; }
    public Guid? AddedById { get; set; }
}

/// <summary>A participant starting a job: the job outcome the programme pays for, and the start of sustainment.</summary>
public sealed class JobStart : VersionedEntity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }
    public Guid EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public required string JobTitle { get; set; }

    /// <summary>SOC 2020 unit group: four digits, the first 1 to 9.</summary>
    public string? SocCode { get; set; }
    public DateOnly StartDate { get; set; }
    public decimal WeeklyHours { get; set; }
    public decimal HourlyWage { get; set; }
    public JobContractType ContractType { get; set; }
    public Guid? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The last day of work, once the job has ended; null while it continues.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>Why the job ended, in the advisor's words.</summary>
    public string? EndReason { get; set; }
    public List<EvidenceFile> Evidence { get; } = [];
}

/// <summary>
/// A file proving an outcome (payslip, contract, employer letter). The bytes are kept outside the
/// web root under <see cref="StoredFileName"/>, a name the service made; the uploader's own name
/// is kept only to show people.
/// </summary>
public sealed class EvidenceFile : Entity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }

    /// <summary>The job start the file proves, when it is evidence of a job.</summary>
    public Guid? JobStartId { get; set; }

    /// <summary>The sustainment check the file proves, when it is evidence of staying in work.</summary>
    public Guid? SustainmentCheckId { get; set; }

    /// <summary>The progression the file proves, when it is evidence of a change of job.</summary>
    public Guid? ProgressionRecordId { get; set; }
    public EvidenceKind Kind { get; set; }
    public required string OriginalFileName { get; set; }
    public required string StoredFileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex: proves the file is the one uploaded.</summary>
    public required string Sha256 { get; set; }
    public Guid? UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>What a sustainment check found; the names are the API's codes.</summary>
public enum SustainmentCheckResult
{
    /// <summary>Still in work on the due day (in the same job or another within the allowed gap).</summary>
    InWork = 1,

    /// <summary>Not in work on the due day: the job ended before it.</summary>
    NotInWork = 2,
}

/// <summary>
/// A 13, 26 or 52-week check that a participant was still in work on the day it fell due. A check
/// found in work, with evidence, is what achieves the sustainment milestone.
/// </summary>
public sealed class SustainmentCheck : VersionedEntity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }

    /// <summary>Sustained13Weeks, Sustained26Weeks or Sustained52Weeks.</summary>
    public Milestone Milestone { get; set; }

    /// <summary>The start of the run of employment the check counts from.</summary>
    public DateOnly RunStart { get; set; }

    /// <summary>The day the check fell due: the run start plus 13, 26 or 52 weeks.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The job held on the due day; null when not in work.</summary>
    public Guid? JobStartId { get; set; }
    public SustainmentCheckResult Result { get; set; }

    /// <summary>The day the advisor checked (spoke to the participant or employer, saw a payslip).</summary>
    public DateOnly CheckedOn { get; set; }
    public string? Notes { get; set; }
    public Guid? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public List<EvidenceFile> Evidence { get; } = [];
}

/// <summary>
/// A change to the job of a participant in work (a pay rise, more hours, a promotion, a better
/// contract, a move), assessed against both definitions of progression when it was recorded.
/// </summary>
public sealed class ProgressionRecord : VersionedEntity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }

    /// <summary>The job start it changes; null for the job an Employed participant held at registration.</summary>
    public Guid? JobStartId { get; set; }
    public DateOnly ChangedOn { get; set; }
    public string? JobTitle { get; set; }
    public decimal WeeklyHours { get; set; }
    public decimal HourlyWage { get; set; }
    public JobContractType ContractType { get; set; }
    public bool Promotion { get; set; }
    public bool LateralMove { get; set; }
    public string? LateralMoveReason { get; set; }

    /// <summary>The terms compared against: the job at registration (Employed cohort) or at its start.</summary>
    public decimal BaselineWeeklyHours { get; set; }
    public decimal BaselineHourlyWage { get; set; }
    public JobContractType BaselineContractType { get; set; }

    /// <summary>The fractional change in weekly earnings (0.1 is +10%); null when the baseline earned nothing.</summary>
    public decimal? EarningsChange { get; set; }
    public bool MeetsStrict { get; set; }
    public bool MeetsWider { get; set; }

    /// <summary>The wider definition's grounds met, comma-separated ProgressionGround names.</summary>
    public string Grounds { get; set; } = "";
    public Guid? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public List<EvidenceFile> Evidence { get; } = [];
}
