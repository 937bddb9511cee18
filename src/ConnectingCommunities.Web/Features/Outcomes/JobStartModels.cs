using ConnectingCommunities.Data.Entities;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>A job start as recorded by an advisor.</summary>
public sealed record JobStartInput
{
    /// <summary>The employer's name; an employer already on the list is matched by name, whatever its case or spacing.</summary>
    public string? EmployerName { get; init; }

    /// <summary>The job title, e.g. "Warehouse operative".</summary>
    public string? JobTitle { get; init; }

    /// <summary>Optional SOC 2020 unit group: four digits, the first 1 to 9, e.g. "9252".</summary>
    public string? SocCode { get; init; }

    /// <summary>The first day of work: not before registration, not in the future.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Contracted hours a week: more than 0, at most 100.</summary>
    public decimal? WeeklyHours { get; init; }

    /// <summary>Gross pay an hour in pounds: 0 or more.</summary>
    public decimal? HourlyWage { get; init; }

    /// <summary>Permanent, FixedTerm, Temporary, ZeroHours, Apprenticeship or SelfEmployed.</summary>
    public string? ContractType { get; init; }
}

/// <summary>An uploaded evidence file as the handler sees it, whether it came from a page or the API.</summary>
/// <param name="FileName">The uploader's name for it: only its extension is used, and it is shown to people.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Open">Opens its content; may be called more than once.</param>
/// <param name="Kind">Payslip, Contract, EmployerLetter or Other; Other when left out.</param>
public sealed record EvidenceUpload(string? FileName, long Length, Func<Stream> Open, string? Kind)
{
    public static EvidenceUpload? From(IFormFile? file, string? kind) =>
        file is null ? null : new EvidenceUpload(file.FileName, file.Length, file.OpenReadStream, kind);
}

/// <summary>An evidence file of a job start.</summary>
/// <param name="Id">Its identifier, for downloading it.</param>
/// <param name="Kind">Payslip, Contract, EmployerLetter or Other.</param>
/// <param name="FileName">The name it was uploaded with (it is stored under a name of the service's own).</param>
/// <param name="ContentType">application/pdf, image/jpeg or image/png, as its content showed.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Hash">SHA-256 of its content, lower-case hex.</param>
/// <param name="UploadedAt">When it was uploaded.</param>
public sealed record EvidenceView(Guid Id, EvidenceKind Kind, string FileName, string ContentType, long Size, string Hash, DateTimeOffset UploadedAt);

/// <summary>A participant's job start with its evidence.</summary>
/// <param name="Id">Its identifier.</param>
/// <param name="EmployerName">The employer's name as on the employer list.</param>
/// <param name="JobTitle">The job title.</param>
/// <param name="SocCode">SOC 2020 unit group, or null.</param>
/// <param name="StartDate">The first day of work.</param>
/// <param name="WeeklyHours">Contracted hours a week.</param>
/// <param name="HourlyWage">Gross pay an hour, in pounds.</param>
/// <param name="WeeklyEarnings">Hours times hourly wage, in pounds: the baseline for progression.</param>
/// <param name="ContractType">Permanent, FixedTerm, Temporary, ZeroHours, Apprenticeship or SelfEmployed.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Evidence">Its evidence files, oldest first.</param>
/// <param name="EndDate">The last day of work, once the job has ended; null while it continues.</param>
/// <param name="EndReason">Why the job ended.</param>
/// <param name="Notice">
/// Set when recording it affected a milestone in a way worth saying, e.g. that the job outcome
/// stays at its claimed date although this job started earlier.
/// </param>
public sealed record JobStartView(
    Guid Id,
    string EmployerName,
    string JobTitle,
    string? SocCode,
    DateOnly StartDate,
    decimal WeeklyHours,
    decimal HourlyWage,
    decimal WeeklyEarnings,
    JobContractType ContractType,
    DateTimeOffset RecordedAt,
    IReadOnlyList<EvidenceView> Evidence,
    DateOnly? EndDate = null,
    string? EndReason = null,
    string? Notice = null);

/// <summary>That a job ended.</summary>
public sealed record JobEndInput
{
    /// <summary>The last day of work: on or after the start, not in the future.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Why it ended, e.g. "Contract came to an end"; recorded as the reason for the change.</summary>
    public string? Reason { get; init; }
}

/// <summary>Words for the codes, as pages show them.</summary>
public static class OutcomeNames
{
    public static string DisplayName(this JobContractType type) => type switch
    {
        JobContractType.Permanent => "Permanent",
        JobContractType.FixedTerm => "Fixed-term",
        JobContractType.Temporary => "Temporary",
        JobContractType.ZeroHours => "Zero-hours",
        JobContractType.Apprenticeship => "Apprenticeship",
        JobContractType.SelfEmployed => "Self-employed",
        _ => type.ToString(),
    };

    public static string DisplayName(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Payslip => "Payslip",
        EvidenceKind.Contract => "Contract of employment",
        EvidenceKind.EmployerLetter => "Letter from the employer",
        EvidenceKind.Other => "Other evidence",
        _ => kind.ToString(),
    };

    /// <summary>"2.4 MB", "180 KB": sizes as people read them.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024d * 1024):0.#} MB".Replace(".0 ", " ", StringComparison.Ordinal)
        : $"{Math.Max(1, (bytes + 1023) / 1024)} KB";
}

/// <summary>What the participant page's "Jobs" section shows.</summary>
public sealed record JobStartsSection(Guid ParticipantId, IReadOnlyList<JobStartView> JobStarts, bool CanEdit);
