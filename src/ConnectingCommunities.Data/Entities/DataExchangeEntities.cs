namespace ConnectingCommunities.Data.Entities;

/// <summary>What a provider's management-information file holds. The names are the API's <c>type</c> codes in PascalCase.</summary>
public enum ImportType
{
    Participants = 1,
    Interventions = 2,
    JobStarts = 3,
    SustainmentChecks = 4,
}

public enum ImportStatus
{
    Validating = 1,
    Validated = 2,
    Applied = 3,
    Failed = 4,
}

/// <summary>
/// One uploaded management-information file for a lot: validated in full before anything changes, then
/// applied in one transaction. The file itself is kept outside the web root under <see cref="StoredFileName"/>.
/// </summary>
public sealed class DataImport : VersionedEntity
{
    public Guid LotId { get; set; }
    public ImportType Type { get; set; }
    public required string FileName { get; set; }
    public required string StoredFileName { get; set; }
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Validating;
    public int RowsTotal { get; set; }

    /// <summary>Rows read so far: what the progress bar shows while validating or applying.</summary>
    public int RowsProcessed { get; set; }
    public int RowsNew { get; set; }
    public int RowsUpdated { get; set; }
    public int RowsUnchanged { get; set; }
    public int RowsInError { get; set; }

    /// <summary>Warnings about the file as a whole, one per line (e.g. unknown columns ignored).</summary>
    public string? Warnings { get; set; }

    /// <summary>Why the import failed as a whole (unreadable file, missing columns, an error while applying).</summary>
    public string? FailureMessage { get; set; }

    /// <summary>True when the valid rows were applied and the rows in error left for a corrected file.</summary>
    public bool AppliedValidRowsOnly { get; set; }
    public Guid? UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset? ValidatedAt { get; set; }
    public Guid? AppliedById { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
    public List<ImportRowError> Errors { get; } = [];
}

/// <summary>One problem with one cell (or row) of an import: row, column, the value found and what is allowed.</summary>
public sealed class ImportRowError : Entity
{
    public Guid ImportId { get; set; }

    /// <summary>The row number as a spreadsheet shows it: the header is row 1.</summary>
    public int Row { get; set; }
    public required string Column { get; set; }
    public string? Value { get; set; }
    public required string Message { get; set; }
}

/// <summary>
/// A provider's own identifier for a record it sent: a re-upload with the same <see cref="ExternalId"/>
/// updates the record instead of duplicating it, and an unchanged row is recognised by <see cref="ContentHash"/>.
/// </summary>
public sealed class ExternalRecord : Entity
{
    public Guid LotId { get; set; }
    public ImportType Type { get; set; }
    public required string ExternalId { get; set; }
    public Guid EntityId { get; set; }

    /// <summary>SHA-256 of the row's normalised values when last applied.</summary>
    public required string ContentHash { get; set; }
    public Guid? LastImportId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum ErasureKind
{
    /// <summary>The retention period has passed and a commissioner confirmed the erasure.</summary>
    RetentionExpired = 1,

    /// <summary>The person asked for their data to be erased (UK GDPR Article 17).</summary>
    PersonRequested = 2,
}

/// <summary>
/// That a participant's personal data was erased, by whom and why, and what was kept and why. It never
/// holds the erased values themselves.
/// </summary>
public sealed class ErasureRecord : Entity
{
    public Guid ParticipantId { get; set; }

    /// <summary>The participant's reference, kept so that claims and payments still point at someone.</summary>
    public required string Reference { get; set; }
    public ErasureKind Kind { get; set; }
    public required string Reason { get; set; }

    /// <summary>Names of the fields and record kinds erased, comma separated.</summary>
    public required string Erased { get; set; }

    /// <summary>JSON: what was kept and the duty that requires it.</summary>
    public required string Kept { get; set; }
    public int EvidenceFilesRemoved { get; set; }
    public Guid? ErasedById { get; set; }
    public DateTimeOffset ErasedAt { get; set; }
}

/// <summary>A run of the daily retention check: the records past retention, listed for a commissioner to confirm.</summary>
public sealed class RetentionReview : Entity
{
    public DateTimeOffset RunAt { get; set; }

    /// <summary>Records whose retention ended before this date were listed.</summary>
    public DateOnly RetainUntil { get; set; }
    public int ParticipantsListed { get; set; }
    public Guid? ConfirmedById { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public int ParticipantsErased { get; set; }
}

/// <summary>A secret the platform generates and keeps itself, e.g. the key of the evaluation extract's pseudonyms.</summary>
public sealed class PlatformSecret
{
    public required string Name { get; set; }

    /// <summary>Base64; protected with ASP.NET Core data protection before it is stored.</summary>
    public required string Value { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum AssessmentPoint
{
    Baseline = 1,
    FollowUp = 2,
}

/// <summary>
/// The Theory of Change indicators for one participant at baseline or follow-up: self-esteem, locus of
/// control, attitude to work and awareness of labour-market opportunities, each as the item answers of a
/// short scale and its total. The scales' definitions live in the domain.
/// </summary>
public sealed class IndicatorAssessment : VersionedEntity, IParticipantOwned
{
    public Guid ParticipantId { get; set; }
    public AssessmentPoint Point { get; set; }
    public DateOnly AssessedOn { get; set; }
    public List<int> SelfEsteemItems { get; set; } = [];
    public int? SelfEsteem { get; set; }
    public List<int> LocusOfControlItems { get; set; } = [];
    public int? LocusOfControl { get; set; }
    public List<int> AttitudeToWorkItems { get; set; } = [];
    public int? AttitudeToWork { get; set; }
    public List<int> LabourMarketAwarenessItems { get; set; } = [];
    public int? LabourMarketAwareness { get; set; }
    public Guid? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
