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
    public Guid JobStartId { get; set; }
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
