using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.SetUp.Tariffs;

/// <summary>One payment rate, and whether it is the rate in force today for its milestone and cohort.</summary>
public sealed record TariffView(
    Guid Id,
    Milestone Milestone,
    Cohort Cohort,
    DateOnly EffectiveFrom,
    decimal Amount,
    string? Reason,
    bool IsDemo,
    bool InForceToday,
    int Version);

/// <summary>Which rates to list: those in force on a day (else every rate ever set), optionally for one milestone or cohort.</summary>
public sealed record TariffQuery(DateOnly? On = null, Milestone? Milestone = null, Cohort? Cohort = null);

/// <summary>
/// A rate as a commissioner sets it. Milestone and cohort name the rate when it is added; on a change
/// they may be left out, and if sent must be the rate's own (add a new rate for another pair).
/// </summary>
public sealed record TariffInput
{
    public Milestone? Milestone { get; init; }
    public Cohort? Cohort { get; init; }
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>In pounds, with at most two decimal places.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Why the rate was set or changed: shown with the rate and kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The version read before editing; a stale version is refused as a conflict.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Tariffs: the payment per milestone and cohort, effective-dated. Rates are never deleted: a later
/// rate for the same pair supersedes an earlier one from its date, so past claims keep their price.
/// </summary>
public sealed class TariffHandler(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    public const decimal MaxAmount = 100_000m;
    public const int MaxReasonLength = 500;

    public async Task<IReadOnlyList<TariffView>> ListAsync(TariffQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var programme = await ProgrammeAsync(cancellationToken);
        if (programme is null)
        {
            return [];
        }

        var all = await db.Tariffs.Where(t => t.ProgrammeId == programme.Id).AsNoTracking().ToListAsync(cancellationToken);
        var schedule = Schedule(all);
        IEnumerable<Tariff> rows = all;
        if (query.On is { } on)
        {
            rows = rows.Where(t => IsInForce(schedule, t, on));
        }

        if (query.Milestone is { } milestone)
        {
            rows = rows.Where(t => t.Milestone == milestone);
        }

        if (query.Cohort is { } cohort)
        {
            rows = rows.Where(t => t.Cohort == cohort);
        }

        var today = Formatting.TodayInLondon(clock);
        return rows
            .OrderBy(t => t.Milestone).ThenBy(t => t.Cohort).ThenBy(t => t.EffectiveFrom)
            .Select(t => ToView(t, schedule, today))
            .ToList();
    }

    public async Task<TariffView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var tariff = await db.Tariffs.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tariff is null)
        {
            return null;
        }

        var samePair = await db.Tariffs
            .Where(t => t.ProgrammeId == tariff.ProgrammeId && t.Milestone == tariff.Milestone && t.Cohort == tariff.Cohort)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return ToView(tariff, Schedule(samePair), Formatting.TodayInLondon(clock));
    }

    /// <summary>The first day a rate may take effect: the programme's start.</summary>
    public async Task<DateOnly?> ProgrammeStartAsync(CancellationToken cancellationToken = default) =>
        (await ProgrammeAsync(cancellationToken))?.StartDate;

    public async Task<Result<TariffView>> CreateAsync(TariffInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var programme = await ProgrammeAsync(cancellationToken);
        if (programme is null)
        {
            return Result<TariffView>.Invalid("milestone", "Set up the programme before adding tariffs");
        }

        var errors = new FieldErrors();
        if (input.Milestone is not { } milestone)
        {
            errors.Add("milestone", "Select the milestone the rate pays for");
        }
        else if (!Enum.IsDefined(milestone))
        {
            errors.Add("milestone", "Select a milestone from the list");
        }

        if (input.Cohort is not { } cohort)
        {
            errors.Add("cohort", "Select the cohort the rate applies to");
        }
        else if (!Enum.IsDefined(cohort))
        {
            errors.Add("cohort", "Select a cohort from the list");
        }

        var pairIsValid = !errors.Any;
        await ValidateRateAsync(input, programme, pairIsValid ? (input.Milestone!.Value, input.Cohort!.Value) : null, null, errors, cancellationToken);
        if (errors.Any)
        {
            return Result<TariffView>.Invalid(errors);
        }

        var tariff = new Tariff
        {
            ProgrammeId = programme.Id,
            Milestone = input.Milestone!.Value,
            Cohort = input.Cohort!.Value,
            EffectiveFrom = input.EffectiveFrom!.Value,
            Amount = input.Amount!.Value,
            Reason = CleanReason(input.Reason),
        };
        db.Tariffs.Add(tariff);
        user.Reason = input.Reason;
        await db.SaveChangesAsync(cancellationToken);
        return Result<TariffView>.Ok((await FindAsync(tariff.Id, cancellationToken))!);
    }

    /// <summary>Changes a rate's amount, date or reason. Changing the amount makes it a real figure, no longer a demo value.</summary>
    public async Task<Result<TariffView>> UpdateAsync(Guid id, TariffInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tariff = await db.Tariffs.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        var programme = await ProgrammeAsync(cancellationToken);
        if (tariff is null || programme is null)
        {
            return Result<TariffView>.NotFound();
        }

        if (input.Version is { } version && version != tariff.Version)
        {
            return Result<TariffView>.Conflict("Someone else changed this tariff after you opened it. Reload it and make your change again.");
        }

        var errors = new FieldErrors();
        if (input.Milestone is { } milestone && milestone != tariff.Milestone)
        {
            errors.Add("milestone", $"This is the {tariff.Milestone.DisplayName()} rate and its milestone cannot change: add a new rate for another milestone");
        }

        if (input.Cohort is { } cohort && cohort != tariff.Cohort)
        {
            errors.Add("cohort", $"This is the {tariff.Cohort.DisplayName()} rate and its cohort cannot change: add a new rate for another cohort");
        }

        await ValidateRateAsync(input, programme, (tariff.Milestone, tariff.Cohort), tariff.Id, errors, cancellationToken);
        if (errors.Any)
        {
            return Result<TariffView>.Invalid(errors);
        }

        if (tariff.Amount != input.Amount!.Value)
        {
            tariff.Amount = input.Amount.Value;
            tariff.IsDemo = false;
        }

        tariff.EffectiveFrom = input.EffectiveFrom!.Value;
        tariff.Reason = CleanReason(input.Reason);
        user.Reason = input.Reason;
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<TariffView>.Conflict("Someone else changed this tariff at the same time. Reload it and make your change again.");
        }

        return Result<TariffView>.Ok((await FindAsync(tariff.Id, cancellationToken))!);
    }

    /// <summary>The domain's schedule over these rows: the rate for a day is the latest one to have started.</summary>
    public static TariffSchedule Schedule(IEnumerable<Tariff> tariffs) =>
        new(tariffs.Select(t => new TariffRate(t.Milestone, t.Cohort, t.EffectiveFrom, t.Amount)));

    private static bool IsInForce(TariffSchedule schedule, Tariff tariff, DateOnly day) =>
        schedule.RateOn(tariff.Milestone, tariff.Cohort, day)?.EffectiveFrom == tariff.EffectiveFrom;

    private static TariffView ToView(Tariff t, TariffSchedule schedule, DateOnly today) =>
        new(t.Id, t.Milestone, t.Cohort, t.EffectiveFrom, t.Amount, t.Reason, t.IsDemo, IsInForce(schedule, t, today), t.Version);

    private static string? CleanReason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private async Task<ProgrammeRecord?> ProgrammeAsync(CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate).FirstOrDefaultAsync(cancellationToken);

    private async Task ValidateRateAsync(
        TariffInput input, ProgrammeRecord programme, (Milestone Milestone, Cohort Cohort)? pair, Guid? tariffId,
        FieldErrors errors, CancellationToken cancellationToken)
    {
        if (input.Amount is not { } amount)
        {
            errors.Add("amount", "Enter the amount in pounds");
        }
        else if (amount < 0)
        {
            errors.Add("amount", "The amount must be £0 or more");
        }
        else if (amount > MaxAmount)
        {
            errors.Add("amount", $"The amount must be {Formatting.Money(MaxAmount)} or less");
        }
        else if (!FormParsing.HasAtMostPence(amount))
        {
            errors.Add("amount", "The amount must be in pounds and pence, with no more than 2 decimal places");
        }

        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);

        if (input.EffectiveFrom is not { } from)
        {
            errors.Add("effectiveFrom", "Enter the date the rate takes effect");
            return;
        }

        if (from < programme.StartDate)
        {
            errors.Add("effectiveFrom", $"The rate must take effect on or after the programme's start, {Formatting.Date(programme.StartDate)}");
            return;
        }

        if (pair is { } p && await db.Tariffs.AnyAsync(
                t => t.ProgrammeId == programme.Id && t.Milestone == p.Milestone && t.Cohort == p.Cohort
                    && t.EffectiveFrom == from && t.Id != tariffId,
                cancellationToken))
        {
            errors.Add("effectiveFrom",
                $"There is already a rate for {p.Milestone.DisplayName()}, {p.Cohort.DisplayName()}, from {Formatting.Date(from)}: change that rate or choose another date");
        }
    }
}
