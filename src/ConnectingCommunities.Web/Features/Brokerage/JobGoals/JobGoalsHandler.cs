using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.JobGoals;

/// <summary>
/// A participant's job goals as sent: the whole set, so a field left out is cleared (false, empty or no limit).
/// </summary>
public sealed record JobGoalsInput
{
    /// <summary>SOC 2020 unit group codes of the occupations they want, e.g. ["6135", "7111"].</summary>
    public IReadOnlyList<string?>? Occupations { get; init; }

    /// <summary>Skills from the catalogue (GET /api/v1/brokerage/skills) or their own words.</summary>
    public IReadOnlyList<string?>? Skills { get; init; }

    /// <summary>The fewest hours a week they want, more than 0 and at most 100.</summary>
    public decimal? MinWeeklyHours { get; init; }

    /// <summary>The most hours a week they can work, more than 0 and at most 100.</summary>
    public decimal? MaxWeeklyHours { get; init; }

    /// <summary>Days they can work: "Mon" ... "Sun"; none means any day.</summary>
    public IReadOnlyList<string?>? AvailableDays { get; init; }
    public bool? CanWorkNights { get; init; }
    public bool? CanWorkWeekends { get; init; }

    /// <summary>The longest journey to work in minutes, 1 to 240.</summary>
    public int? MaxTravelMinutes { get; init; }

    /// <summary>The farthest they will travel, straight-line miles, more than 0 and at most 200.</summary>
    public decimal? MaxTravelMiles { get; init; }
    public bool? HasDrivingLicence { get; init; }
    public bool? HasOwnTransport { get; init; }

    /// <summary>When childcare limits the working day: the earliest start, "HH:mm", e.g. "09:30".</summary>
    public string? AvailableFrom { get; init; }

    /// <summary>When childcare limits the working day: the latest finish, "HH:mm", e.g. "14:30".</summary>
    public string? AvailableUntil { get; init; }

    /// <summary>Why they changed: kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The version as read; a stale one is refused as a conflict. Left out, the save overwrites.</summary>
    public int? Version { get; init; }
}

/// <summary>An occupation with its SOC 2020 title.</summary>
public sealed record OccupationView(string Code, string Title);

/// <summary>A participant's job goals, with their highest qualification from registration.</summary>
public sealed record JobGoalsView(
    Guid ParticipantId,
    bool Recorded,
    IReadOnlyList<OccupationView> Occupations,
    IReadOnlyList<string> Skills,
    decimal? MinWeeklyHours,
    decimal? MaxWeeklyHours,
    IReadOnlyList<string> AvailableDays,
    bool CanWorkNights,
    bool CanWorkWeekends,
    int? MaxTravelMinutes,
    decimal? MaxTravelMiles,
    bool HasDrivingLicence,
    bool HasOwnTransport,
    string? AvailableFrom,
    string? AvailableUntil,
    string? Qualification,
    string QualificationName,
    int Version,
    DateTimeOffset? UpdatedAt);

/// <summary>Job goals: what work a participant wants and can do, read by the matching.</summary>
public sealed class JobGoalsHandler(CcDbContext db, ParticipantAccess access, CurrentUser user, TimeProvider clock)
{
    public const int MaxOccupations = 10;
    public const int MaxSkills = 40;
    public const int MaxSkillLength = 100;
    public const decimal MaxHours = 100m;
    public const int MaxMinutes = 240;
    public const decimal MaxMiles = 200m;
    public const int MaxReasonLength = 1000;

    /// <summary>The days in order, as stored.</summary>
    public static IReadOnlyList<(string Code, string Name)> Days { get; } =
    [
        ("Mon", "Monday"), ("Tue", "Tuesday"), ("Wed", "Wednesday"), ("Thu", "Thursday"), ("Fri", "Friday"), ("Sat", "Saturday"), ("Sun", "Sunday"),
    ];

    /// <summary>The participant and their goals (empty when none are recorded), or null when the participant is not visible.</summary>
    public async Task<(PlanParticipant Participant, JobGoalsView Goals)?> GetAsync(Guid participantId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "job goals", cancellationToken);
        }

        var goals = await db.JobGoals.AsNoTracking().FirstOrDefaultAsync(g => g.ParticipantId == participantId, cancellationToken);
        return (PlanParticipant.From(participant), ToView(participant, goals));
    }

    /// <summary>Records or replaces the participant's job goals.</summary>
    public async Task<Result<JobGoalsView>> SaveAsync(Guid participantId, JobGoalsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<JobGoalsView>.NotFound();
        }

        var errors = new FieldErrors();
        PlanChecks.RefuseIfLeft(PlanParticipant.From(participant), "occupations", "job goals", errors);
        var occupations = Occupations(input.Occupations, errors);
        var skills = SkillsOf(input.Skills, errors);
        var min = Hours(input.MinWeeklyHours, "minWeeklyHours", "fewest weekly hours", errors);
        var max = Hours(input.MaxWeeklyHours, "maxWeeklyHours", "most weekly hours", errors);
        if (min is { } lo && max is { } hi && lo > hi)
        {
            errors.Add("minWeeklyHours", "The fewest weekly hours must be no more than the most weekly hours");
        }

        var days = DaysOf(input.AvailableDays, errors);
        if (input.MaxTravelMinutes is < 1 or > MaxMinutes)
        {
            errors.Add("maxTravelMinutes", $"The longest journey must be a whole number of minutes from 1 to {MaxMinutes}");
        }

        if (input.MaxTravelMiles is { } miles && (miles <= 0 || miles > MaxMiles || decimal.Round(miles, 1) != miles))
        {
            errors.Add("maxTravelMiles", $"The farthest distance must be more than 0 and no more than {MaxMiles:0} miles, to one decimal place, like 7.5");
        }

        var from = Time(input.AvailableFrom, "availableFrom", "earliest start", errors);
        var until = Time(input.AvailableUntil, "availableUntil", "latest finish", errors);
        if (from is null != until is null && !errors.Has("availableFrom") && !errors.Has("availableUntil"))
        {
            errors.Add(from is null ? "availableFrom" : "availableUntil", "Enter both the earliest start and the latest finish, or neither");
        }
        else if (from is { } f && until is { } u && f >= u)
        {
            errors.Add("availableUntil", "The latest finish must be after the earliest start");
        }

        var reason = PlanChecks.Clean(input.Reason);
        Validation.OptionalText(reason, "reason", "reason", MaxReasonLength, errors);
        if (errors.Any)
        {
            return Result<JobGoalsView>.Invalid(errors);
        }

        var goals = await db.JobGoals.FirstOrDefaultAsync(g => g.ParticipantId == participantId, cancellationToken);
        if (goals is null)
        {
            goals = new Data.Entities.JobGoals { ParticipantId = participantId };
            db.JobGoals.Add(goals);
        }
        else if (input.Version is { } version && version != goals.Version)
        {
            return Result<JobGoalsView>.Conflict("Someone else changed these job goals since you opened them. Check them and try again.");
        }

        goals.Occupations = occupations;
        goals.Skills = skills;
        goals.MinWeeklyHours = min;
        goals.MaxWeeklyHours = max;
        goals.AvailableDays = days;
        goals.CanWorkNights = input.CanWorkNights ?? false;
        goals.CanWorkWeekends = input.CanWorkWeekends ?? false;
        goals.MaxTravelMinutes = input.MaxTravelMinutes;
        goals.MaxTravelMiles = input.MaxTravelMiles;
        goals.HasDrivingLicence = input.HasDrivingLicence ?? false;
        goals.HasOwnTransport = input.HasOwnTransport ?? false;
        goals.AvailableFrom = from;
        goals.AvailableUntil = until;
        goals.UpdatedById = user.UserId;
        goals.UpdatedAt = clock.GetUtcNow();
        user.Reason = reason;
        return await db.SavedWithoutConflictAsync(cancellationToken)
            ? Result<JobGoalsView>.Ok(ToView(participant, goals))
            : Result<JobGoalsView>.Conflict("Someone else changed these job goals at the same moment. Check them and try again.");
    }

    /// <summary>Reads "HH:mm" (or "H:mm"); null when blank.</summary>
    public static TimeOnly? Time(string? text, string field, string label, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, $"The {label} must be a time on the 24-hour clock, like 09:30");
        return null;
    }

    private static List<string> Occupations(IReadOnlyList<string?>? codes, FieldErrors errors)
    {
        var result = new List<string>();
        foreach (var code in codes ?? [])
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }

            if (Soc2020.Find(code) is not { } group)
            {
                errors.Add("occupations", Soc2020.NotAUnitGroup(code));
                return result;
            }

            if (!result.Contains(group.Code))
            {
                result.Add(group.Code);
            }
        }

        if (result.Count > MaxOccupations)
        {
            errors.Add("occupations", $"Choose at most {MaxOccupations} occupations");
        }

        return result;
    }

    private static List<string> SkillsOf(IReadOnlyList<string?>? skills, FieldErrors errors)
    {
        var result = Skills.Normalise(skills);
        if (result.Find(s => s.Length > MaxSkillLength) is { } tooLong)
        {
            errors.Add("skills", $"Each skill must be {MaxSkillLength} characters or fewer ('{tooLong[..20]}...' is longer)");
        }
        else if (result.Count > MaxSkills)
        {
            errors.Add("skills", $"Enter at most {MaxSkills} skills");
        }

        return result;
    }

    private static decimal? Hours(decimal? hours, string field, string label, FieldErrors errors)
    {
        if (hours is { } h && (h <= 0 || h > MaxHours || decimal.Round(h, 2) != h))
        {
            errors.Add(field, $"The {label} must be more than 0 and no more than {MaxHours:0}, like 16 or 37.5");
        }

        return hours;
    }

    private static List<string> DaysOf(IReadOnlyList<string?>? days, FieldErrors errors)
    {
        var result = new List<string>();
        foreach (var day in days ?? [])
        {
            var found = Days.FirstOrDefault(d => string.Equals(d.Code, day?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(d.Name, day?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (found.Code is null)
            {
                errors.Add("availableDays", $"'{day}' is not a day. Allowed values: {string.Join(", ", Days.Select(d => d.Code))}");
                return result;
            }

            if (!result.Contains(found.Code))
            {
                result.Add(found.Code);
            }
        }

        // Stored in week order, whatever order they came in.
        return [.. Days.Select(d => d.Code).Where(result.Contains)];
    }

    private static JobGoalsView ToView(Participant participant, Data.Entities.JobGoals? goals)
    {
        var qualification = QualificationLevels.Find(participant.HighestQualification);
        var name = qualification?.DisplayName ?? "Not recorded";
        if (goals is null)
        {
            return new JobGoalsView(participant.Id, false, [], [], null, null, [], false, false, null, null, false, false, null, null,
                qualification?.Code, name, 0, null);
        }

        return new JobGoalsView(
            participant.Id,
            true,
            goals.Occupations.Select(c => new OccupationView(c, Soc2020.Find(c)?.Title ?? c)).ToList(),
            goals.Skills,
            goals.MinWeeklyHours,
            goals.MaxWeeklyHours,
            goals.AvailableDays,
            goals.CanWorkNights,
            goals.CanWorkWeekends,
            goals.MaxTravelMinutes,
            goals.MaxTravelMiles,
            goals.HasDrivingLicence,
            goals.HasOwnTransport,
            goals.AvailableFrom?.ToString("HH:mm", CultureInfo.InvariantCulture),
            goals.AvailableUntil?.ToString("HH:mm", CultureInfo.InvariantCulture),
            qualification?.Code,
            name,
            goals.Version,
            goals.UpdatedAt);
    }
}
