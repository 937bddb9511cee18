using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Brokerage.Matching;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>
/// Loads what matching reads, and only that: open vacancies (closing today or later) and participants' job goals,
/// each with its postcode's coordinates joined in the same query.
/// </summary>
public static class MatchingData
{
    /// <summary>Open vacancies closing on or after <paramref name="today"/>, with workplace coordinates where known.</summary>
    public static Task<List<VacancyProfile>> OpenVacanciesAsync(CcDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return OpenVacanciesAsync(db, db.Vacancies, today, cancellationToken);
    }

    /// <summary>Those of the vacancies <paramref name="ids"/> that are open and closing on or after <paramref name="today"/>.</summary>
    public static Task<List<VacancyProfile>> OpenVacanciesAsync(CcDbContext db, DateOnly today, IReadOnlySet<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = ids.ToArray();
        return OpenVacanciesAsync(db, db.Vacancies.Where(v => keys.Contains(v.Id)), today, cancellationToken);
    }

    private static async Task<List<VacancyProfile>> OpenVacanciesAsync(CcDbContext db, IQueryable<Vacancy> vacancies, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await (
            from v in vacancies.AsNoTracking()
            where v.Status == VacancyStatus.Open && v.ClosingOn >= today
            join l in db.PostcodeLocations on v.Postcode equals l.Postcode into located
            from l in located.DefaultIfEmpty()
            select new
            {
                v.Id,
                v.Title,
                v.SocCode,
                v.Postcode,
                v.WeeklyHours,
                v.ShiftPattern,
                v.WorkingDays,
                v.StartsAt,
                v.EndsAt,
                v.HourlyWage,
                v.RequiredSkills,
                v.DesirableSkills,
                v.MinimumQualification,
                v.DrivingLicenceRequired,
                v.ClosingOn,
                Latitude = (double?)l.Latitude,
                Longitude = (double?)l.Longitude,
            }).ToListAsync(cancellationToken);
        return rows.ConvertAll(v => new VacancyProfile
        {
            Id = v.Id,
            Title = v.Title,
            SocCode = v.SocCode,
            Postcode = v.Postcode,
            Location = v.Latitude is { } lat && v.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
            WeeklyHours = v.WeeklyHours,
            ShiftPattern = v.ShiftPattern,
            WorkingDays = v.WorkingDays,
            StartsAt = v.StartsAt,
            EndsAt = v.EndsAt,
            HourlyWage = v.HourlyWage,
            RequiredSkills = v.RequiredSkills,
            DesirableSkills = v.DesirableSkills,
            MinimumQualification = v.MinimumQualification,
            DrivingLicenceRequired = v.DrivingLicenceRequired,
            ClosingOn = v.ClosingOn,
            IsOpen = true,
        });
    }

    /// <summary>One vacancy as matching sees it, whatever its status; null when there is none.</summary>
    public static async Task<VacancyProfile?> VacancyAsync(CcDbContext db, Guid vacancyId, CancellationToken cancellationToken) =>
        (await VacancyWithEmployerAsync(db, vacancyId, cancellationToken))?.Profile;

    /// <summary>One vacancy as matching sees it, with its entity and employer's name (one query); null when there is none.</summary>
    public static async Task<(Vacancy Vacancy, string EmployerName, VacancyProfile Profile)?> VacancyWithEmployerAsync(
        CcDbContext db, Guid vacancyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var v = await (
            from x in db.Vacancies.AsNoTracking()
            where x.Id == vacancyId
            join l in db.PostcodeLocations on x.Postcode equals l.Postcode into located
            from l in located.DefaultIfEmpty()
            select new { Vacancy = x, Employer = x.Employer!.Name, Latitude = (double?)l.Latitude, Longitude = (double?)l.Longitude })
            .FirstOrDefaultAsync(cancellationToken);
        return v is null ? null : (v.Vacancy, v.Employer, ToProfile(v.Vacancy, v.Latitude, v.Longitude));
    }

    public static VacancyProfile ToProfile(Vacancy v, double? latitude, double? longitude)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new VacancyProfile
        {
            Id = v.Id,
            Title = v.Title,
            SocCode = v.SocCode,
            Postcode = v.Postcode,
            Location = latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null,
            WeeklyHours = v.WeeklyHours,
            ShiftPattern = v.ShiftPattern,
            WorkingDays = v.WorkingDays,
            StartsAt = v.StartsAt,
            EndsAt = v.EndsAt,
            HourlyWage = v.HourlyWage,
            RequiredSkills = v.RequiredSkills,
            DesirableSkills = v.DesirableSkills,
            MinimumQualification = v.MinimumQualification,
            DrivingLicenceRequired = v.DrivingLicenceRequired,
            ClosingOn = v.ClosingOn,
            IsOpen = v.Status == VacancyStatus.Open,
        };
    }

    /// <summary>
    /// Active participants of <paramref name="participants"/> who have job goals, as matching sees them, with home
    /// coordinates where known. Someone with no job goals recorded is not looking for work through brokerage yet.
    /// </summary>
    public static async Task<List<SeekerProfile>> SeekersAsync(
        CcDbContext db, IQueryable<Participant> participants, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from p in participants.AsNoTracking()
            where p.Status == ParticipantStatus.Active
            join g in db.JobGoals.AsNoTracking() on p.Id equals g.ParticipantId
            join l in db.PostcodeLocations on p.Postcode equals l.Postcode into located
            from l in located.DefaultIfEmpty()
            select new SeekerRow(
                p.Id, p.Postcode, p.HighestQualification, p.EmploymentStatus, p.HourlyWage,
                g.Occupations, g.Skills, g.MinWeeklyHours, g.MaxWeeklyHours, g.AvailableDays, g.CanWorkNights, g.CanWorkWeekends,
                g.MaxTravelMinutes, g.MaxTravelMiles, g.HasDrivingLicence, g.HasOwnTransport, g.AvailableFrom, g.AvailableUntil,
                (double?)l.Latitude, (double?)l.Longitude)).ToListAsync(cancellationToken);
        var nlw = NationalLivingWageOn(today);
        return rows.ConvertAll(r => ToSeeker(r, nlw));
    }

    /// <summary>
    /// One participant as matching sees them (empty goals when none are recorded), and whether they have job goals:
    /// their goals and home coordinates in one query.
    /// </summary>
    public static async Task<(SeekerProfile Seeker, bool HasGoals)> SeekerAsync(
        CcDbContext db, Participant participant, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(participant);
        var found = await (
            from p in db.Participants.AsNoTracking()
            where p.Id == participant.Id
            join g in db.JobGoals.AsNoTracking() on p.Id equals g.ParticipantId into withGoals
            from g in withGoals.DefaultIfEmpty()
            join l in db.PostcodeLocations.AsNoTracking() on p.Postcode equals l.Postcode into located
            from l in located.DefaultIfEmpty()
            select new { Goals = g, Latitude = (double?)l.Latitude, Longitude = (double?)l.Longitude }).FirstOrDefaultAsync(cancellationToken);
        var goals = found?.Goals;
        var row = new SeekerRow(
            participant.Id, participant.Postcode, participant.HighestQualification, participant.EmploymentStatus, participant.HourlyWage,
            goals?.Occupations ?? [], goals?.Skills ?? [], goals?.MinWeeklyHours, goals?.MaxWeeklyHours, goals?.AvailableDays ?? [],
            goals?.CanWorkNights ?? false, goals?.CanWorkWeekends ?? false, goals?.MaxTravelMinutes, goals?.MaxTravelMiles,
            goals?.HasDrivingLicence ?? false, goals?.HasOwnTransport ?? false, goals?.AvailableFrom, goals?.AvailableUntil,
            found?.Latitude, found?.Longitude);
        return (ToSeeker(row, NationalLivingWageOn(today)), goals is not null);
    }

    /// <summary>The National Living Wage in force today: the baseline for anyone not in work.</summary>
    public static decimal NationalLivingWageOn(DateOnly today) =>
        NationalLivingWage.Published.RateInForceOn(today)?.HourlyRate ?? NationalLivingWage.PublishedRates[0].HourlyRate;

    private static SeekerProfile ToSeeker(SeekerRow r, decimal nationalLivingWage)
    {
        var inWork = r.EmploymentStatus == EmploymentStatus.Employed && r.HourlyWage is > 0;
        return new SeekerProfile
        {
            Id = r.Id,
            Occupations = r.Occupations,
            Skills = r.Skills,
            MinWeeklyHours = r.MinWeeklyHours,
            MaxWeeklyHours = r.MaxWeeklyHours,
            AvailableDays = r.AvailableDays,
            CanWorkNights = r.CanWorkNights,
            CanWorkWeekends = r.CanWorkWeekends,
            MaxTravelMinutes = r.MaxTravelMinutes,
            MaxTravelMiles = r.MaxTravelMiles,
            HasDrivingLicence = r.HasDrivingLicence,
            HasOwnTransport = r.HasOwnTransport,
            AvailableFrom = r.AvailableFrom,
            AvailableUntil = r.AvailableUntil,
            Qualification = r.HighestQualification,
            Postcode = r.Postcode,
            Location = r.Latitude is { } lat && r.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
            BaselineWage = inWork ? r.HourlyWage!.Value : nationalLivingWage,
            BaselineIsCurrentWage = inWork,
        };
    }

    private sealed record SeekerRow(
        Guid Id, string Postcode, string? HighestQualification, EmploymentStatus EmploymentStatus, decimal? HourlyWage,
        List<string> Occupations, List<string> Skills, decimal? MinWeeklyHours, decimal? MaxWeeklyHours, List<string> AvailableDays,
        bool CanWorkNights, bool CanWorkWeekends, int? MaxTravelMinutes, decimal? MaxTravelMiles, bool HasDrivingLicence, bool HasOwnTransport,
        TimeOnly? AvailableFrom, TimeOnly? AvailableUntil, double? Latitude, double? Longitude);
}
