using ConnectingCommunities.Data.Entities;

namespace ConnectingCommunities.Web.Features.Brokerage.Vacancies;

/// <summary>A vacancy as an advisor or manager enters it; on change, the version read and an optional reason.</summary>
public sealed record VacancyInput
{
    public Guid? EmployerId { get; init; }
    public string? Title { get; init; }

    /// <summary>SOC 2020 unit group, e.g. "9252".</summary>
    public string? SocCode { get; init; }

    /// <summary>The workplace postcode.</summary>
    public string? Postcode { get; init; }

    /// <summary>More than 0, at most 100.</summary>
    public decimal? WeeklyHours { get; init; }

    /// <summary>daytime, evenings, nights, weekends, rotating or flexible; daytime when left out.</summary>
    public string? ShiftPattern { get; init; }

    /// <summary>Days worked: "Mon" ... "Sun"; empty when not stated.</summary>
    public IReadOnlyList<string>? WorkingDays { get; init; }

    /// <summary>When the working day starts and ends, "09:00" and "17:30"; optional.</summary>
    public string? StartsAt { get; init; }
    public string? EndsAt { get; init; }

    /// <summary>Gross pay an hour in pounds: 0 or more. Below the National Living Wage is allowed, with a warning.</summary>
    public decimal? HourlyWage { get; init; }

    /// <summary>Permanent, FixedTerm, Temporary, ZeroHours, Apprenticeship or SelfEmployed.</summary>
    public string? ContractType { get; init; }

    /// <summary>How many people the employer is taking on; 1 when left out.</summary>
    public int? Positions { get; init; }
    public IReadOnlyList<string>? RequiredSkills { get; init; }
    public IReadOnlyList<string>? DesirableSkills { get; init; }

    /// <summary>Qualification level code (Domain.Reference.QualificationLevels), e.g. "level2"; none when left out.</summary>
    public string? MinimumQualification { get; init; }
    public bool? DrivingLicenceRequired { get; init; }

    /// <summary>The last day to apply: today or later when the vacancy is added or the date changed.</summary>
    public DateOnly? ClosingOn { get; init; }

    /// <summary>When the job starts, if known.</summary>
    public DateOnly? StartsOn { get; init; }
    public string? Description { get; init; }

    /// <summary>The lot that found the vacancy, needed only by someone who works for more than one lot.</summary>
    public string? Lot { get; init; }
    public int? Version { get; init; }
    public string? Reason { get; init; }
}

/// <summary>Closing, filling or reopening a vacancy.</summary>
public sealed record VacancyStatusInput
{
    /// <summary>Open, Closed or Filled.</summary>
    public string? Status { get; init; }
    public int? Version { get; init; }
    public string? Reason { get; init; }
}

public sealed record VacancySummary(
    Guid Id,
    string Title,
    Guid EmployerId,
    string EmployerName,
    string SocCode,
    string Postcode,
    decimal WeeklyHours,
    decimal HourlyWage,
    DateOnly ClosingOn,
    VacancyStatus Status,
    string FoundByLot,
    int Positions);

/// <summary>A vacancy with its warnings (a wage below the National Living Wage) and whether the caller may change it.</summary>
public sealed record VacancyView(
    Guid Id,
    Guid EmployerId,
    string EmployerName,
    string FoundByLot,
    string Title,
    string SocCode,
    string? SocTitle,
    string Postcode,
    decimal WeeklyHours,
    string ShiftPattern,
    IReadOnlyList<string> WorkingDays,
    string? StartsAt,
    string? EndsAt,
    decimal HourlyWage,
    JobContractType ContractType,
    int Positions,
    IReadOnlyList<string> RequiredSkills,
    IReadOnlyList<string> DesirableSkills,
    string? MinimumQualification,
    bool DrivingLicenceRequired,
    DateOnly PostedOn,
    DateOnly ClosingOn,
    DateOnly? StartsOn,
    VacancyStatus Status,
    string? Description,
    int Started,
    bool CanChange,
    int Version,
    IReadOnlyList<string> Warnings);
