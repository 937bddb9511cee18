namespace ConnectingCommunities.Domain.Brokerage.Matching;

/// <summary>What matching needs of a participant: their job goals, qualification, home location and wage baseline.</summary>
public sealed record SeekerProfile
{
    public Guid Id { get; init; }

    /// <summary>SOC 2020 unit group codes they want, e.g. "6135".</summary>
    public IReadOnlyList<string> Occupations { get; init; } = [];
    public IReadOnlyList<string> Skills { get; init; } = [];
    public decimal? MinWeeklyHours { get; init; }
    public decimal? MaxWeeklyHours { get; init; }

    /// <summary>"Mon" ... "Sun"; empty means any day.</summary>
    public IReadOnlyList<string> AvailableDays { get; init; } = [];
    public bool CanWorkNights { get; init; }
    public bool CanWorkWeekends { get; init; }
    public int? MaxTravelMinutes { get; init; }
    public decimal? MaxTravelMiles { get; init; }
    public bool HasDrivingLicence { get; init; }
    public bool HasOwnTransport { get; init; }
    public TimeOnly? AvailableFrom { get; init; }
    public TimeOnly? AvailableUntil { get; init; }

    /// <summary>Highest qualification code (Reference.QualificationLevels); null when not recorded.</summary>
    public string? Qualification { get; init; }
    public string Postcode { get; init; } = "";

    /// <summary>The home postcode's centre; null when there are no coordinates for it.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The hourly wage a vacancy is compared with: their current wage if in work, else the National Living Wage.</summary>
    public decimal BaselineWage { get; init; }

    /// <summary>True when <see cref="BaselineWage"/> is their current wage rather than the National Living Wage.</summary>
    public bool BaselineIsCurrentWage { get; init; }
}

/// <summary>What matching needs of a vacancy.</summary>
public sealed record VacancyProfile
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string SocCode { get; init; } = "";
    public string Postcode { get; init; } = "";
    public GeoPoint? Location { get; init; }
    public decimal WeeklyHours { get; init; }

    /// <summary>Shift pattern code: daytime, evenings, nights, weekends, rotating (nights and weekends) or flexible.</summary>
    public string ShiftPattern { get; init; } = "daytime";

    /// <summary>"Mon" ... "Sun"; empty when not stated.</summary>
    public IReadOnlyList<string> WorkingDays { get; init; } = [];
    public TimeOnly? StartsAt { get; init; }
    public TimeOnly? EndsAt { get; init; }
    public decimal HourlyWage { get; init; }
    public IReadOnlyList<string> RequiredSkills { get; init; } = [];
    public IReadOnlyList<string> DesirableSkills { get; init; } = [];

    /// <summary>Minimum qualification code (Reference.QualificationLevels); null for none.</summary>
    public string? MinimumQualification { get; init; }
    public bool DrivingLicenceRequired { get; init; }
    public DateOnly ClosingOn { get; init; }

    /// <summary>False when the vacancy is closed or filled.</summary>
    public bool IsOpen { get; init; } = true;
}

/// <summary>Why a vacancy is not open to a participant: each hard constraint, in the order they are checked.</summary>
public enum Exclusion
{
    None = 0,
    NotOpen,
    ClosingDatePassed,
    Hours,
    Nights,
    Weekends,
    Days,
    Times,
    Licence,
    TooFar,
    Qualification,
}

/// <summary>A score without words: what ranking thousands of vacancies needs.</summary>
public readonly record struct MatchScore(int Score, Exclusion Exclusion)
{
    public bool IsExcluded => Exclusion != Exclusion.None;
}

/// <summary>A score with its parts in words, and why it is excluded when it is.</summary>
public sealed record MatchExplanation(int Score, Exclusion Exclusion, string? ExcludedBecause, IReadOnlyList<string> Reasons)
{
    public bool IsExcluded => Exclusion != Exclusion.None;
}
