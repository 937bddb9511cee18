using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Features.Brokerage.Employers;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Vacancies;

/// <summary>
/// Vacancies: visible programme-wide (so an advisor in one lot can refer to another lot's employer), changed only
/// by the advisors and managers of the lot that found them. A wage below the National Living Wage in force on the
/// start date (or the closing date when the start is not known) is allowed with a warning: the employer may be
/// paying a younger worker's rate, which the programme does not hold.
/// </summary>
public sealed class VacancyHandler(CcDbContext db, CurrentUser user, BrokerageLots lots, TimeProvider clock)
{
    public const int MaxPositions = 1000;
    public const int MaxSkills = 30;
    public const int MaxSkillLength = 100;
    public const int MaxDescriptionLength = 4000;

    public static IReadOnlyList<string> Days { get; } = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public DateOnly Today => Formatting.TodayInLondon(clock);

    /// <summary>Vacancies, soonest closing first, filtered by status, the lot that found them, SOC code (or its first digits), closing dates, employer or title.</summary>
    public async Task<Result<PagedList<VacancySummary>>> ListAsync(
        string? status, string? lotCode, string? soc, DateOnly? closingFrom, DateOnly? closingTo, Guid? employerId, string? search,
        int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var statusValue = PlanChecks.Enum<VacancyStatus>(status, "status", "vacancy status", errors, required: false);
        if (!string.IsNullOrWhiteSpace(soc) && !soc.Trim().All(char.IsAsciiDigit))
        {
            errors.Add("soc", "Enter a SOC 2020 code or its first digits, like 9252 or 92");
        }

        var allLots = await lots.AllAsync(cancellationToken);
        LotChoice? lot = null;
        if (!string.IsNullOrWhiteSpace(lotCode))
        {
            lot = allLots.FirstOrDefault(l => string.Equals(l.Code, lotCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (lot is null)
            {
                errors.Add("lot", $"'{BrokerageChecks.Shorten(lotCode)}' is not a lot. Allowed values: {string.Join(", ", allLots.Select(l => l.Code))}");
            }
        }

        if (errors.Any)
        {
            return Result<PagedList<VacancySummary>>.Invalid(errors);
        }

        var (number, size) = Paging.Normalise(page, pageSize);
        var query = db.Vacancies.AsNoTracking();
        if (statusValue is { } s)
        {
            query = query.Where(v => v.Status == s);
        }

        if (lot is not null)
        {
            query = query.Where(v => v.FoundByLotId == lot.Id);
        }

        if (!string.IsNullOrWhiteSpace(soc))
        {
            var prefix = soc.Trim();
            query = query.Where(v => v.SocCode.StartsWith(prefix));
        }

        if (closingFrom is { } from)
        {
            query = query.Where(v => v.ClosingOn >= from);
        }

        if (closingTo is { } to)
        {
            query = query.Where(v => v.ClosingOn <= to);
        }

        if (employerId is { } employer)
        {
            query = query.Where(v => v.EmployerId == employer);
        }

        if (BrokerageChecks.Clean(search) is { } text)
        {
            var lower = text.ToLowerInvariant();
            // Translated to SQL lower(): both databases fold ASCII case the same way, which is what job titles need.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(v => v.Title.ToLower().Contains(lower) || v.Employer!.NormalisedName.Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await query.CountAsync(cancellationToken);
        var codeOf = allLots.ToDictionary(l => l.Id, l => l.Code);
        var rows = await query.OrderBy(v => v.ClosingOn).ThenBy(v => v.Title).Skip((number - 1) * size).Take(size)
            .Select(v => new
            {
                v.Id,
                v.Title,
                v.EmployerId,
                EmployerName = v.Employer!.Name,
                v.SocCode,
                v.Postcode,
                v.WeeklyHours,
                v.HourlyWage,
                v.ClosingOn,
                v.Status,
                v.FoundByLotId,
                v.Positions,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(v => new VacancySummary(
            v.Id, v.Title, v.EmployerId, v.EmployerName, v.SocCode, v.Postcode, v.WeeklyHours, v.HourlyWage, v.ClosingOn, v.Status,
            codeOf.GetValueOrDefault(v.FoundByLotId) ?? "", v.Positions)).ToList();
        return Result<PagedList<VacancySummary>>.Ok(new PagedList<VacancySummary>(items, total, number, size));
    }

    public async Task<VacancyView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var vacancy = await db.Vacancies.AsNoTracking().Include(v => v.Employer).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return vacancy is null ? null : await ToViewAsync(vacancy, cancellationToken);
    }

    /// <summary>Whether the user may change the vacancy: an advisor or manager of the lot that found it.</summary>
    public async Task<bool> MayChangeAsync(Vacancy vacancy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return user.IsLotScoped && (await user.LotIdsAsync(cancellationToken)).Contains(vacancy.FoundByLotId);
    }

    /// <summary>Whether the vacancy exists but the user may not change it (the API answers 403; reading stays open to all).</summary>
    public async Task<bool> IsReadOnlyForUserAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Vacancies.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) is { } vacancy
        && !await MayChangeAsync(vacancy, cancellationToken);

    public async Task<Result<VacancyView>> CreateAsync(VacancyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var lot = await lots.ChooseAsync(input.Lot, errors, cancellationToken);
        var checkedInput = await CheckAsync(input, null, errors, cancellationToken);
        if (errors.Any)
        {
            return Result<VacancyView>.Invalid(errors);
        }

        var vacancy = new Vacancy
        {
            EmployerId = checkedInput!.EmployerId,
            FoundByLotId = lot!.Id,
            Title = checkedInput.Title,
            SocCode = checkedInput.SocCode,
            Postcode = checkedInput.Postcode,
            ShiftPattern = checkedInput.ShiftPattern,
            PostedOn = Today,
            CreatedById = user.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
        checkedInput.ApplyTo(vacancy);
        db.Vacancies.Add(vacancy);
        await db.SaveChangesAsync(cancellationToken);
        return Result<VacancyView>.Ok((await FindAsync(vacancy.Id, cancellationToken))!);
    }

    /// <summary>Changes every field of the vacancy (the API's PUT and the edit page).</summary>
    public async Task<Result<VacancyView>> UpdateAsync(Guid id, VacancyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var vacancy = await db.Vacancies.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (vacancy is null)
        {
            return Result<VacancyView>.NotFound();
        }

        var errors = new FieldErrors();
        if (!await MayChangeAsync(vacancy, cancellationToken))
        {
            return Result<VacancyView>.Invalid("title", "Only the lot that found this vacancy can change it");
        }

        if (input.Version is { } version && version != vacancy.Version)
        {
            return Result<VacancyView>.Conflict("Someone else changed this vacancy after you opened it. Reload it and make your change again.");
        }

        var checkedInput = await CheckAsync(input, vacancy, errors, cancellationToken);
        Validation.OptionalText(input.Reason, "reason", "reason", BrokerageChecks.MaxReasonLength, errors);
        if (errors.Any)
        {
            return Result<VacancyView>.Invalid(errors);
        }

        vacancy.EmployerId = checkedInput!.EmployerId;
        vacancy.Title = checkedInput.Title;
        vacancy.SocCode = checkedInput.SocCode;
        vacancy.Postcode = checkedInput.Postcode;
        vacancy.ShiftPattern = checkedInput.ShiftPattern;
        checkedInput.ApplyTo(vacancy);
        user.Reason = BrokerageChecks.Clean(input.Reason);
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<VacancyView>.Conflict("Someone else changed this vacancy at the same moment. Reload it and make your change again.");
        }

        return Result<VacancyView>.Ok((await FindAsync(id, cancellationToken))!);
    }

    /// <summary>Closes, fills or reopens the vacancy. Reopening needs a closing date of today or later.</summary>
    public async Task<Result<VacancyView>> ChangeStatusAsync(Guid id, VacancyStatusInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var vacancy = await db.Vacancies.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (vacancy is null)
        {
            return Result<VacancyView>.NotFound();
        }

        if (!await MayChangeAsync(vacancy, cancellationToken))
        {
            return Result<VacancyView>.Invalid("status", "Only the lot that found this vacancy can change it");
        }

        if (input.Version is { } version && version != vacancy.Version)
        {
            return Result<VacancyView>.Conflict("Someone else changed this vacancy after you opened it. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        var status = PlanChecks.Enum<VacancyStatus>(input.Status, "status", "vacancy status", errors, required: true);
        Validation.OptionalText(input.Reason, "reason", "reason", BrokerageChecks.MaxReasonLength, errors);
        if (status == VacancyStatus.Open && vacancy.ClosingOn < Today)
        {
            errors.Add("status", $"The closing date, {Formatting.Date(vacancy.ClosingOn)}, has passed: change the closing date to reopen the vacancy");
        }

        if (errors.Any)
        {
            return Result<VacancyView>.Invalid(errors);
        }

        vacancy.Status = status!.Value;
        user.Reason = BrokerageChecks.Clean(input.Reason);
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<VacancyView>.Conflict("Someone else changed this vacancy at the same moment. Reload it and try again.");
        }

        return Result<VacancyView>.Ok((await FindAsync(id, cancellationToken))!);
    }

    /// <summary>
    /// The National Living Wage warning for a wage on a day, or null when the wage meets the rate in force then.
    /// The rate is for the oldest workers; an employer may lawfully pay a younger worker less.
    /// </summary>
    public static string? WageWarning(decimal hourlyWage, DateOnly day)
    {
        if (NationalLivingWage.Published.RateInForceOn(day) is not { } rate || hourlyWage >= rate.HourlyRate)
        {
            return null;
        }

        return $"{Formatting.Money(hourlyWage)} an hour is below the National Living Wage of {Formatting.Money(rate.HourlyRate)} "
            + $"in force on {Formatting.Date(day)} (for workers aged {rate.MinimumAge} and over)";
    }

    private async Task<CheckedVacancy?> CheckAsync(VacancyInput input, Vacancy? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (input.EmployerId is not { } employerId)
        {
            errors.Add("employerId", "Select the employer");
        }
        else if (!await db.Employers.AnyAsync(e => e.Id == employerId, cancellationToken))
        {
            errors.Add("employerId", "There is no such employer: add the employer first");
        }

        Validation.RequiredText(input.Title, "title", "job title", BrokerageChecks.MaxNameLength, errors);
        var soc = BrokerageChecks.Clean(input.SocCode);
        if (soc is null)
        {
            errors.Add("socCode", "Enter the SOC 2020 code, like 9252");
        }
        else if (!Soc2020.IsUnitGroup(soc))
        {
            errors.Add("socCode", Soc2020.NotAUnitGroup(soc));
        }

        var postcode = BrokerageChecks.Postcode(input.Postcode, "postcode", errors, required: true);
        JobStartHandler.CheckHours(input.WeeklyHours, errors);
        var shift = string.IsNullOrWhiteSpace(input.ShiftPattern)
            ? ShiftPatterns.Daytime
            : PlanChecks.Catalogue(input.ShiftPattern, ShiftPatterns.All, "shiftPattern", "shift pattern", errors);
        var days = new List<string>();
        foreach (var day in input.WorkingDays ?? [])
        {
            var found = Days.FirstOrDefault(d => string.Equals(d, day?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                errors.Add("workingDays", $"'{BrokerageChecks.Shorten(day ?? "")}' is not a day. Allowed values: {string.Join(", ", Days)}");
            }
            else if (!days.Contains(found))
            {
                days.Add(found);
            }
        }

        var startsAt = Time(input.StartsAt, "startsAt", "start time", errors);
        var endsAt = Time(input.EndsAt, "endsAt", "finish time", errors);
        JobStartHandler.CheckWage(input.HourlyWage, errors);
        if (input.HourlyWage is { } wage && !FormParsing.HasAtMostPence(wage) && !errors.Has("hourlyWage"))
        {
            errors.Add("hourlyWage", "The hourly wage must be in pounds and pence, like 11.44");
        }

        var contractType = PlanChecks.Enum<JobContractType>(input.ContractType, "contractType", "contract type", errors, required: true);
        if (input.Positions is < 1 or > MaxPositions)
        {
            errors.Add("positions", $"The number of positions must be from 1 to {MaxPositions:N0}");
        }

        var required = SkillList(input.RequiredSkills, "requiredSkills", errors);
        var desirable = SkillList(input.DesirableSkills, "desirableSkills", errors);
        var qualification = string.IsNullOrWhiteSpace(input.MinimumQualification)
            ? null
            : PlanChecks.Catalogue(input.MinimumQualification, QualificationLevels.All, "minimumQualification", "qualification level", errors);
        if (input.ClosingOn is not { } closingOn)
        {
            errors.Add("closingOn", "Enter the closing date");
        }
        else if (closingOn < Today && (existing is null || existing.ClosingOn != closingOn))
        {
            errors.Add("closingOn", "The closing date must be today or in the future");
        }

        if (input.StartsOn is { } startsOn && startsOn < Today && (existing is null || existing.StartsOn != startsOn))
        {
            errors.Add("startsOn", "The start date must be today or in the future");
        }

        Validation.OptionalText(input.Description, "description", "description", MaxDescriptionLength, errors);
        if (errors.Any)
        {
            return null;
        }

        return new CheckedVacancy(
            input.EmployerId!.Value, input.Title!.Trim(), soc!, postcode!, input.WeeklyHours!.Value, shift!.Code, days, startsAt, endsAt,
            input.HourlyWage!.Value, contractType!.Value, input.Positions ?? 1, required, desirable, qualification?.Code,
            input.DrivingLicenceRequired ?? false, input.ClosingOn!.Value, input.StartsOn, BrokerageChecks.Clean(input.Description));
    }

    private static TimeOnly? Time(string? text, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, $"Enter the {label} as hours and minutes on the 24-hour clock, like 09:30");
        return null;
    }

    private static List<string> SkillList(IReadOnlyList<string>? skills, string field, FieldErrors errors)
    {
        var list = Skills.Normalise(skills ?? []);
        if (list.Count > MaxSkills)
        {
            errors.Add(field, $"List at most {MaxSkills} skills");
        }
        else if (list.Any(s => s.Length > MaxSkillLength))
        {
            errors.Add(field, $"Each skill must be {MaxSkillLength} characters or fewer");
        }

        return list;
    }

    private async Task<VacancyView> ToViewAsync(Vacancy v, CancellationToken cancellationToken)
    {
        var codeOf = (await lots.AllAsync(cancellationToken)).ToDictionary(l => l.Id, l => l.Code);
        var started = await db.Referrals.CountAsync(r => r.VacancyId == v.Id && r.Status == ReferralStatus.Started, cancellationToken);
        var warnings = new List<string>();
        if (WageWarning(v.HourlyWage, v.StartsOn ?? v.ClosingOn) is { } warning)
        {
            warnings.Add(warning);
        }

        return new VacancyView(
            v.Id, v.EmployerId, v.Employer?.Name ?? "", codeOf.GetValueOrDefault(v.FoundByLotId) ?? "", v.Title, v.SocCode, Soc2020.Find(v.SocCode)?.Title,
            v.Postcode, v.WeeklyHours, v.ShiftPattern, v.WorkingDays, v.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
            v.EndsAt?.ToString("HH:mm", CultureInfo.InvariantCulture), v.HourlyWage, v.ContractType, v.Positions, v.RequiredSkills, v.DesirableSkills,
            v.MinimumQualification, v.DrivingLicenceRequired, v.PostedOn, v.ClosingOn, v.StartsOn, v.Status, v.Description, started,
            await MayChangeAsync(v, cancellationToken), v.Version, warnings);
    }

    private sealed record CheckedVacancy(
        Guid EmployerId, string Title, string SocCode, string Postcode, decimal WeeklyHours, string ShiftPattern, List<string> WorkingDays,
        TimeOnly? StartsAt, TimeOnly? EndsAt, decimal HourlyWage, JobContractType ContractType, int Positions, List<string> RequiredSkills,
        List<string> DesirableSkills, string? MinimumQualification, bool DrivingLicenceRequired, DateOnly ClosingOn, DateOnly? StartsOn, string? Description)
    {
        public void ApplyTo(Vacancy vacancy)
        {
            vacancy.WeeklyHours = WeeklyHours;
            vacancy.WorkingDays = WorkingDays;
            vacancy.StartsAt = StartsAt;
            vacancy.EndsAt = EndsAt;
            vacancy.HourlyWage = HourlyWage;
            vacancy.ContractType = ContractType;
            vacancy.Positions = Positions;
            vacancy.RequiredSkills = RequiredSkills;
            vacancy.DesirableSkills = DesirableSkills;
            vacancy.MinimumQualification = MinimumQualification;
            vacancy.DrivingLicenceRequired = DrivingLicenceRequired;
            vacancy.ClosingOn = ClosingOn;
            vacancy.StartsOn = StartsOn;
            vacancy.Description = Description;
        }
    }
}
