using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Performance;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>
/// The figures of every performance view, page, export and API answer. Counts come from the
/// pre-aggregated <see cref="PerformanceCount"/> rows (registrations and milestones by lot, provider,
/// cohort, registration month and achievement month), so a view sums thousands of rows however many
/// participants there are; a period that starts or ends mid-month is made exact by subtracting the
/// few raw rows of its first and last months that fall outside it. Only the small tables (lots,
/// targets, contracts) are read whole. Every query starts from the lots the user may see: a provider
/// manager asking for another lot, group or provider is answered not found.
/// </summary>
public sealed class PerformanceQueries(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    public const string DateFormat = "yyyy-MM-dd";

    // Naming every milestone lets a date-range filter use the (milestone, achieved_on) index.
    private static readonly Milestone[] AllMilestones = Enum.GetValues<Milestone>();

    /// <summary>Reads from and to as yyyy-MM-dd; errors are keyed "from" and "to", the names of the query parameters and form fields.</summary>
    public static Result<(DateOnly? From, DateOnly? To)> ParsePeriod(string? from, string? to)
    {
        var errors = new FieldErrors();
        var fromDate = ParseDate(from, "from", "From", errors);
        var toDate = ParseDate(to, "to", "To", errors);
        if (!errors.Any && fromDate is { } f && toDate is { } t && f > t)
        {
            errors.Add("from", "The from date must be the same as or before the to date");
        }

        return errors.Any ? Result<(DateOnly?, DateOnly?)>.Invalid(errors) : Result<(DateOnly?, DateOnly?)>.Ok((fromDate, toDate));
    }

    /// <summary>
    /// The filter from query or form values as typed; errors keyed by the parameter's name (from, to,
    /// cohort, groupId, providerId). A lot code is not checked here: one the user may not see is not found.
    /// </summary>
    public static Result<PerformanceFilter> ParseFilter(
        string? from, string? to, string? lotCode = null, string? groupId = null, string? providerId = null, string? cohort = null)
    {
        var errors = new FieldErrors();
        var period = ParsePeriod(from, to);
        foreach (var error in period.Errors ?? new FieldErrors())
        {
            errors.Add(error.Key, error.Value);
        }

        var parsedCohort = ParseCohort(cohort);
        foreach (var error in parsedCohort.Errors ?? new FieldErrors())
        {
            errors.Add(error.Key, error.Value);
        }

        var group = ParseId(groupId, "groupId", "Group", errors);
        var provider = ParseId(providerId, "providerId", "Provider", errors);
        return errors.Any
            ? Result<PerformanceFilter>.Invalid(errors)
            : Result<PerformanceFilter>.Ok(new PerformanceFilter(
                period.Value.From, period.Value.To, string.IsNullOrWhiteSpace(lotCode) ? null : lotCode.Trim(), group, provider, parsedCohort.Value));
    }

    private static Guid? ParseId(string? text, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }

        errors.Add(field, $"{label} must be the identifier of one of the choices");
        return null;
    }

    /// <summary>Reads a cohort name (HardestToHelp, ...); error keyed "cohort".</summary>
    public static Result<Cohort?> ParseCohort(string? cohort)
    {
        if (string.IsNullOrWhiteSpace(cohort))
        {
            return Result<Cohort?>.Ok(null);
        }

        return Enum.TryParse<Cohort>(cohort.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(cohort, out _)
            ? Result<Cohort?>.Ok(parsed)
            : Result<Cohort?>.Invalid("cohort", "Cohort must be HardestToHelp, HarderToReach, RapidProgression or Employed");
    }

    private static DateOnly? ParseDate(string? text, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"{label} must be a real date written as yyyy-MM-dd, for example 2020-04-01");
        return null;
    }

    /// <summary>Today in the programme's time zone: the default end of the period.</summary>
    public DateOnly Today => Formatting.TodayInLondon(clock);

    /// <summary>The programme's RAG thresholds as set up.</summary>
    public async Task<RagThresholds> ThresholdsAsync(CancellationToken cancellationToken = default)
    {
        var programme = await db.Programmes.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { p.RagGreenFromPercent, p.RagAmberFromPercent })
            .FirstOrDefaultAsync(cancellationToken);
        return programme is null ? RagThresholds.Default : new RagThresholds(programme.RagGreenFromPercent, programme.RagAmberFromPercent);
    }

    /// <summary>The lots, groups and providers this user may filter by.</summary>
    public async Task<(IReadOnlyList<PerformanceOption> Lots, IReadOnlyList<PerformanceOption> Groups, IReadOnlyList<PerformanceOption> Providers)> OptionsAsync(
        CancellationToken cancellationToken = default)
    {
        var lots = await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking()
            .OrderBy(l => l.Code).Select(l => new { l.Id, l.Code, l.Name, l.GroupId }).ToListAsync(cancellationToken);
        var lotIds = lots.Select(l => l.Id).ToList();
        var groupIds = lots.Select(l => l.GroupId).Distinct().ToList();
        var groups = await db.LotGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).OrderBy(g => g.Name)
            .Select(g => new PerformanceOption(g.Id.ToString(), g.Name)).ToListAsync(cancellationToken);
        var providers = await db.Contracts.AsNoTracking().Where(c => lotIds.Contains(c.LotId))
            .Select(c => new { c.ProviderId, c.Provider!.Name }).Distinct().ToListAsync(cancellationToken);
        return (
            [.. lots.Select(l => new PerformanceOption(l.Code, $"{l.Name} ({l.Code})"))],
            groups,
            [.. providers.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new PerformanceOption(p.ProviderId.ToString(), p.Name))]);
    }

    /// <summary>The figures for the filter, or not found when it names a lot, group or provider the user may not see.</summary>
    public async Task<Result<PerformanceReport>> GetAsync(PerformanceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scope = await ScopeAsync(filter, cancellationToken);
        if (scope is null)
        {
            return Result<PerformanceReport>.NotFound();
        }

        var programmeStart = await db.Programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => (DateOnly?)p.StartDate).FirstOrDefaultAsync(cancellationToken);
        var to = filter.To ?? Today;
        var from = filter.From ?? programmeStart ?? new DateOnly(2000, 1, 1);
        var thresholds = await ThresholdsAsync(cancellationToken);
        var lotIds = scope.Lots.Select(l => l.Id).ToList();
        var people = People(lotIds, filter);

        var period = new MonthEdges(from, to);
        var counts = Counts(lotIds, filter);

        // Milestones achieved in the period, by lot and milestone.
        var achieved = Subtract(
            await counts.Where(c => c.Milestone != null && c.AchievedMonth >= period.FirstMonth && c.AchievedMonth <= period.LastMonth)
                .GroupBy(c => new { c.LotId, c.Milestone })
                .Select(g => new CountRow(g.Key.LotId, null, null, g.Key.Milestone, g.Sum(c => c.Count)))
                .ToListAsync(cancellationToken),
            await db.ParticipantMilestones
                .Where(m => AllMilestones.Contains(m.Milestone)
                    && ((m.AchievedOn >= period.FirstMonth && m.AchievedOn < from) || (m.AchievedOn > to && m.AchievedOn <= period.LastDay)))
                .Join(people, m => m.ParticipantId, p => p.Id, (m, p) => new { p.LotId, m.Milestone })
                .GroupBy(x => new { x.LotId, x.Milestone })
                .Select(g => new CountRow(g.Key.LotId, null, null, g.Key.Milestone, g.Count()))
                .ToListAsync(cancellationToken));

        // Rates follow the participants registered in the period: how many of them reached each milestone by its end.
        var registeredInPeriod = people.Where(p => p.RegisteredOn >= from && p.RegisteredOn <= to);
        var registeredOutsideInEdgeMonths = people.Where(p =>
            (p.RegisteredOn >= period.FirstMonth && p.RegisteredOn < from) || (p.RegisteredOn > to && p.RegisteredOn <= period.LastDay));
        var registered = Subtract(
            await counts.Where(c => c.Milestone == null && c.RegisteredMonth >= period.FirstMonth && c.RegisteredMonth <= period.LastMonth)
                .GroupBy(c => new { c.LotId, c.Cohort, c.ProviderId })
                .Select(g => new CountRow(g.Key.LotId, g.Key.Cohort, g.Key.ProviderId, null, g.Sum(c => c.Count)))
                .ToListAsync(cancellationToken),
            await registeredOutsideInEdgeMonths
                .GroupBy(p => new { p.LotId, p.Cohort, ProviderId = (Guid?)p.Contract!.ProviderId })
                .Select(g => new CountRow(g.Key.LotId, g.Key.Cohort, g.Key.ProviderId, null, g.Count()))
                .ToListAsync(cancellationToken));
        var reachedOutsidePeriod = await db.ParticipantMilestones
            .Where(m => m.AchievedOn <= period.LastDay)
            .Join(registeredOutsideInEdgeMonths, m => m.ParticipantId, p => p.Id,
                (m, p) => new { p.LotId, p.Cohort, ProviderId = (Guid?)p.Contract!.ProviderId, m.Milestone })
            .GroupBy(x => new { x.LotId, x.Cohort, x.ProviderId, x.Milestone })
            .Select(g => new CountRow(g.Key.LotId, g.Key.Cohort, g.Key.ProviderId, g.Key.Milestone, g.Count()))
            .ToListAsync(cancellationToken);
        var reachedAfterPeriod = await db.ParticipantMilestones
            .Where(m => AllMilestones.Contains(m.Milestone) && m.AchievedOn > to && m.AchievedOn <= period.LastDay)
            .Join(registeredInPeriod, m => m.ParticipantId, p => p.Id,
                (m, p) => new { p.LotId, p.Cohort, ProviderId = (Guid?)p.Contract!.ProviderId, m.Milestone })
            .GroupBy(x => new { x.LotId, x.Cohort, x.ProviderId, x.Milestone })
            .Select(g => new CountRow(g.Key.LotId, g.Key.Cohort, g.Key.ProviderId, g.Key.Milestone, g.Count()))
            .ToListAsync(cancellationToken);
        var reached = Subtract(
            await counts.Where(c => c.Milestone != null && c.RegisteredMonth >= period.FirstMonth && c.RegisteredMonth <= period.LastMonth
                    && c.AchievedMonth <= period.LastMonth)
                .GroupBy(c => new { c.LotId, c.Cohort, c.ProviderId, c.Milestone })
                .Select(g => new CountRow(g.Key.LotId, g.Key.Cohort, g.Key.ProviderId, g.Key.Milestone, g.Sum(c => c.Count)))
                .ToListAsync(cancellationToken),
            [.. reachedOutsidePeriod, .. reachedAfterPeriod]);

        // Reach counts everyone registered by the end of the period, whenever they started.
        var reachCounts = Subtract(
            await counts.Where(c => c.Milestone == null && c.RegisteredMonth <= period.LastMonth)
                .GroupBy(c => c.LotId).Select(g => new CountRow(g.Key, null, null, null, g.Sum(c => c.Count)))
                .ToListAsync(cancellationToken),
            await people.Where(p => p.RegisteredOn > to && p.RegisteredOn <= period.LastDay)
                .GroupBy(p => p.LotId).Select(g => new CountRow(g.Key, null, null, null, g.Count()))
                .ToListAsync(cancellationToken));

        var targets = await TargetsAsync(lotIds, cancellationToken);
        var providerQuarters = filter.ProviderId is { } providerId ? await ProviderQuartersAsync(providerId, lotIds, cancellationToken) : null;

        int? TargetFor(IEnumerable<Guid> lots, Milestone milestone)
        {
            if (filter.Cohort is not null)
            {
                // Targets are set per lot, not per cohort: a cohort's figures have no target to compare with.
                return null;
            }

            var rows = targets.Where(t => lots.Contains(t.LotId) && t.Milestone == milestone).ToList();
            if (rows.Count == 0)
            {
                return null;
            }

            var total = 0m;
            foreach (var lot in rows.GroupBy(r => r.LotId))
            {
                var versions = lot.Where(r => providerQuarters is null || providerQuarters.Contains((lot.Key, r.Quarter)))
                    .Select(r => new TargetVersion(r.Quarter, r.Count, r.EffectiveFrom, r.Reason));
                var profile = new TargetProfile(versions);
                // Without a from date the target is the whole profile to date, including any quarter begun before the programme's start.
                total += profile.ExactToDate(to) - (filter.From is { } start ? profile.ExactToDate(start.AddDays(-1)) : 0m);
            }

            return (int)Math.Round(total, MidpointRounding.AwayFromZero);
        }

        IReadOnlyList<MilestoneFigure> Figures(IReadOnlyCollection<Guid> lots) => [.. AllMilestones.Select(m =>
        {
            var actual = achieved.Where(a => lots.Contains(a.LotId) && a.Milestone == m).Sum(a => a.Count);
            var target = TargetFor(lots, m);
            var percent = target is { } t ? Rates.PercentOfTarget(actual, t) : null;
            return new MilestoneFigure(m, actual, target, percent, thresholds.Of(percent));
        })];

        static bool OutOfWork(Cohort cohort) => cohort != Cohort.Employed;

        RateFigure JobRate(string key, string label, Func<Guid, Cohort, Guid?, bool> include)
        {
            var of = registered.Where(r => OutOfWork(r.Cohort!.Value) && include(r.LotId, r.Cohort.Value, r.ProviderId)).Sum(r => r.Count);
            var count = reached.Where(r => r.Milestone == Milestone.JobOutcome && OutOfWork(r.Cohort!.Value) && include(r.LotId, r.Cohort.Value, r.ProviderId))
                .Sum(r => r.Count);
            return new RateFigure(key, label, count, of, Rates.Fraction(count, of));
        }

        var registeredTotal = registered.Sum(r => r.Count);
        var engagedTotal = reached.Where(r => r.Milestone == Milestone.Engaged).Sum(r => r.Count);
        var jobsTotal = reached.Where(r => r.Milestone == Milestone.JobOutcome).Sum(r => r.Count);
        var sustainment = new[] { Milestone.Sustained13Weeks, Milestone.Sustained26Weeks, Milestone.Sustained52Weeks }
            .Select(m =>
            {
                var count = reached.Where(r => r.Milestone == m).Sum(r => r.Count);
                return new RateFigure(m.ToString(), m.DisplayName(), count, jobsTotal, Rates.Fraction(count, jobsTotal));
            })
            .ToList();

        var cohorts = filter.Cohort is { } only ? [only] : new[] { Cohort.RapidProgression, Cohort.HarderToReach, Cohort.HardestToHelp };
        var byCohort = cohorts.Where(OutOfWork).Select(c => JobRate(c.ToString(), c.DisplayName(), (_, cohort, _) => cohort == c)).ToList();
        var byLot = scope.Lots.Select(l => JobRate(l.Code, l.Name, (lot, _, _) => lot == l.Id)).ToList();
        var providerNames = await ProviderNamesAsync(registered.Select(r => r.ProviderId).OfType<Guid>().Distinct().ToList(), cancellationToken);
        var byProvider = providerNames
            .Select(p => JobRate(p.Key.ToString(), p.Value, (_, _, provider) => provider == p.Key))
            .OrderBy(r => r.Label, StringComparer.Ordinal)
            .ToList();

        var lotFigures = scope.Lots.Select(l => new LotPerformance(
            l.Code, l.Name, registered.Where(r => r.LotId == l.Id).Sum(r => r.Count), Figures([l.Id]))).ToList();
        var money = await MoneyAsync(scope.Lots, to, cancellationToken);
        var reach = scope.Lots.Select(l =>
        {
            var count = reachCounts.Where(r => r.LotId == l.Id).Sum(r => r.Count);
            return new LotReach(l.Code, l.Name, l.Districts, count, l.WorkingAgePopulation, l.PopulationIsDemo, Rates.PerThousand(count, l.WorkingAgePopulation));
        }).ToList();

        return Result<PerformanceReport>.Ok(new PerformanceReport(
            scope.Title, filter, from, to, thresholds, registeredTotal, Figures(lotIds),
            new RateFigure("Engaged", "Engagement rate", engagedTotal, registeredTotal, Rates.Fraction(engagedTotal, registeredTotal)),
            JobRate("Overall", "All out-of-work participants", (_, _, _) => true),
            byCohort, byLot, byProvider, sustainment, lotFigures, money, reach));
    }

    /// <summary>A lot's profile for a milestone by quarter, with the original and varied targets and the actuals; null when the user may not see the lot.</summary>
    public async Task<LotProfile?> ProfileAsync(string lotCode, Milestone milestone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lotCode);
        var code = lotCode.Trim().ToUpperInvariant();
        var lot = await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking()
            .Where(l => l.Code == code).Select(l => new { l.Id, l.Code, l.Name }).FirstOrDefaultAsync(cancellationToken);
        if (lot is null)
        {
            return null;
        }

        var rows = await TargetsAsync([lot.Id], cancellationToken);
        var profile = new TargetProfile(rows.Where(r => r.Milestone == milestone)
            .Select(r => new TargetVersion(r.Quarter, r.Count, r.EffectiveFrom, r.Reason)));
        var byQuarter = await db.PerformanceCounts
            .Where(c => c.LotId == lot.Id && c.Milestone == milestone)
            .GroupBy(c => c.AchievedMonth)
            .Select(g => new { Month = g.Key!.Value, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        var cumulative = 0;
        var quarters = profile.Quarters.Select(q =>
        {
            var actual = byQuarter.Where(b => Quarter.Containing(b.Month) == q.Quarter).Sum(b => b.Count);
            // Milestones before the first quarter with a target count in it, so the cumulative actual is complete.
            if (q == profile.Quarters[0])
            {
                actual += byQuarter.Where(b => b.Month < q.Quarter.Start).Sum(b => b.Count);
            }

            cumulative += actual;
            return new ProfileRow(q.Quarter, q.Original, q.Count, q.IsVaried, q.Reason, q.EffectiveFrom, q.Cumulative, actual, cumulative);
        }).ToList();
        return new LotProfile(lot.Code, lot.Name, milestone, quarters);
    }

    /// <summary>A count by some of lot, cohort, provider and milestone (the others null).</summary>
    private sealed record CountRow(Guid LotId, Cohort? Cohort, Guid? ProviderId, Milestone? Milestone, int Count);

    /// <summary>The whole months a period touches, whose counts are summed before its edges are made exact.</summary>
    private readonly record struct MonthEdges(DateOnly From, DateOnly To)
    {
        public DateOnly FirstMonth => new(From.Year, From.Month, 1);

        public DateOnly LastMonth => new(To.Year, To.Month, 1);

        public DateOnly LastDay => LastMonth.AddMonths(1).AddDays(-1);
    }

    /// <summary>The month-level counts less the raw rows of the edge months that fall outside the period.</summary>
    private static List<CountRow> Subtract(List<CountRow> months, List<CountRow> outside)
    {
        var result = months.ToDictionary(r => (r.LotId, r.Cohort, r.ProviderId, r.Milestone), r => r.Count);
        foreach (var row in outside)
        {
            var key = (row.LotId, row.Cohort, row.ProviderId, row.Milestone);
            result[key] = result.GetValueOrDefault(key) - row.Count;
        }

        return [.. result.Where(r => r.Value != 0).Select(r => new CountRow(r.Key.LotId, r.Key.Cohort, r.Key.ProviderId, r.Key.Milestone, r.Value))];
    }

    private IQueryable<PerformanceCount> Counts(List<Guid> lotIds, PerformanceFilter filter)
    {
        var counts = db.PerformanceCounts.Where(c => lotIds.Contains(c.LotId));
        if (filter.Cohort is { } cohort)
        {
            counts = counts.Where(c => c.Cohort == cohort);
        }

        if (filter.ProviderId is { } providerId)
        {
            counts = counts.Where(c => c.ProviderId == providerId);
        }

        return counts;
    }

    private sealed record ScopeLot(Guid Id, string Code, string Name, int? WorkingAgePopulation, bool PopulationIsDemo, decimal Value, IReadOnlyList<string> Districts);

    private sealed record Scope(string Title, IReadOnlyList<ScopeLot> Lots);

    private sealed record TargetRow(Guid LotId, Milestone Milestone, Quarter Quarter, int Count, DateOnly EffectiveFrom, string? Reason);

    /// <summary>The lots the filter covers among those the user may see; null when it names one the user may not see (or none).</summary>
    private async Task<Scope?> ScopeAsync(PerformanceFilter filter, CancellationToken cancellationToken)
    {
        var visible = await user.VisibleLotsAsync(cancellationToken);
        var title = user.IsLotScoped ? "Your lots" : "Programme";
        if (!string.IsNullOrWhiteSpace(filter.LotCode))
        {
            var code = filter.LotCode.Trim().ToUpperInvariant();
            visible = visible.Where(l => l.Code == code);
        }

        if (filter.GroupId is { } groupId)
        {
            visible = visible.Where(l => l.GroupId == groupId);
        }

        if (filter.ProviderId is { } providerId)
        {
            visible = visible.Where(l => db.Contracts.Any(c => c.LotId == l.Id && c.ProviderId == providerId));
        }

        var lots = await visible.AsNoTracking().OrderBy(l => l.Code)
            .Select(l => new { l.Id, l.Code, l.Name, l.WorkingAgePopulation, l.WorkingAgePopulationIsDemo, l.Value, Group = l.Group!.Name })
            .ToListAsync(cancellationToken);
        if (lots.Count == 0)
        {
            return null;
        }

        var ids = lots.Select(l => l.Id).ToList();
        var districts = await db.LotPostcodes.AsNoTracking().Where(p => ids.Contains(p.LotId))
            .Select(p => new { p.LotId, p.District }).Distinct().ToListAsync(cancellationToken);

        if (!string.IsNullOrWhiteSpace(filter.LotCode))
        {
            title = $"{lots[0].Name} ({lots[0].Code})";
        }
        else if (filter.GroupId is not null)
        {
            title = lots[0].Group;
        }

        if (filter.ProviderId is { } provider)
        {
            var name = await db.Providers.AsNoTracking().Where(p => p.Id == provider).Select(p => p.Name).FirstAsync(cancellationToken);
            title = filter.LotCode is null && filter.GroupId is null ? name : $"{title}: {name}";
        }

        return new Scope(title, [.. lots.Select(l => new ScopeLot(
            l.Id, l.Code, l.Name, l.WorkingAgePopulation, l.WorkingAgePopulationIsDemo, l.Value,
            [.. districts.Where(d => d.LotId == l.Id).Select(d => d.District).Order(StringComparer.Ordinal)]))]);
    }

    private IQueryable<Participant> People(List<Guid> lotIds, PerformanceFilter filter)
    {
        var people = db.Participants.Where(p => lotIds.Contains(p.LotId));
        if (filter.Cohort is { } cohort)
        {
            people = people.Where(p => p.Cohort == cohort);
        }

        if (filter.ProviderId is { } providerId)
        {
            people = people.Where(p => p.Contract!.ProviderId == providerId);
        }

        return people;
    }

    private async Task<List<TargetRow>> TargetsAsync(List<Guid> lotIds, CancellationToken cancellationToken)
    {
        var rows = await db.Targets.AsNoTracking().Where(t => lotIds.Contains(t.LotId))
            .Select(t => new { t.LotId, t.Milestone, t.QuarterStart, t.Count, t.EffectiveFrom, t.Reason })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new TargetRow(r.LotId, r.Milestone, Quarter.Containing(r.QuarterStart), r.Count, r.EffectiveFrom, r.Reason))];
    }

    /// <summary>
    /// The lot quarters whose targets are a provider's: those whose last day falls within one of the
    /// provider's contracts for the lot (a lot changing provider mid-quarter gives that quarter to the new one).
    /// </summary>
    private async Task<HashSet<(Guid LotId, Quarter Quarter)>> ProviderQuartersAsync(Guid providerId, List<Guid> lotIds, CancellationToken cancellationToken)
    {
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.ProviderId == providerId && lotIds.Contains(c.LotId))
            .Select(c => new { c.LotId, c.StartDate, c.EndDate }).ToListAsync(cancellationToken);
        var quarters = new HashSet<(Guid, Quarter)>();
        foreach (var contract in contracts)
        {
            // An open-ended contract holds every quarter with a target; none is set this far ahead.
            var last = contract.EndDate ?? new DateOnly(2100, 12, 31);
            foreach (var quarter in Quarter.Between(contract.StartDate, last))
            {
                if (quarter.End >= contract.StartDate && quarter.End <= last)
                {
                    quarters.Add((contract.LotId, quarter));
                }
            }
        }

        return quarters;
    }

    private async Task<Dictionary<Guid, string>> ProviderNamesAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

    private async Task<List<LotMoney>> MoneyAsync(IReadOnlyList<ScopeLot> lots, DateOnly to, CancellationToken cancellationToken)
    {
        var lotIds = lots.Select(l => l.Id).ToList();
        var runs = await db.PaymentRunLines.Where(l => lotIds.Contains(l.LotId))
            .GroupBy(l => new { l.LotId, l.Kind })
            .Select(g => new { g.Key.LotId, g.Key.Kind, Amount = g.Sum(l => l.Amount) })
            .ToListAsync(cancellationToken);
        var waiting = await db.ClaimLines
            .Where(l => l.Status == ClaimLineStatus.Approved || l.Status == ClaimLineStatus.Submitted)
            .Join(db.Claims.Where(c => lotIds.Contains(c.LotId)), l => l.ClaimId, c => c.Id, (l, c) => new { c.LotId, l.Status, l.Amount })
            .GroupBy(x => new { x.LotId, x.Status })
            .Select(g => new { g.Key.LotId, g.Key.Status, Amount = g.Sum(x => x.Amount) })
            .ToListAsync(cancellationToken);
        Milestone[] costed = [Milestone.Engaged, Milestone.JobOutcome, Milestone.Sustained13Weeks];
        var costedCounts = costed.Select(m => (Milestone?)m).ToList();
        var lastMonth = new MonthEdges(to, to);
        var milestones = Subtract(
            await db.PerformanceCounts.Where(c => lotIds.Contains(c.LotId) && costedCounts.Contains(c.Milestone) && c.AchievedMonth <= lastMonth.LastMonth)
                .GroupBy(c => new { c.LotId, c.Milestone })
                .Select(g => new CountRow(g.Key.LotId, null, null, g.Key.Milestone, g.Sum(c => c.Count)))
                .ToListAsync(cancellationToken),
            await db.ParticipantMilestones
                .Where(m => m.AchievedOn > to && m.AchievedOn <= lastMonth.LastDay && costed.Contains(m.Milestone))
                .Join(db.Participants.Where(p => lotIds.Contains(p.LotId)), m => m.ParticipantId, p => p.Id, (m, p) => new { p.LotId, m.Milestone })
                .GroupBy(x => new { x.LotId, x.Milestone })
                .Select(g => new CountRow(g.Key.LotId, null, null, g.Key.Milestone, g.Count()))
                .ToListAsync(cancellationToken));

        return [.. lots.Select(l =>
        {
            var budget = LotBudget.FromPaymentLines(
                l.Value,
                runs.Where(r => r.LotId == l.Id).Select(r => new PaymentLine(Guid.Empty, r.Kind, r.Amount)),
                waiting.Where(w => w.LotId == l.Id && w.Status == ClaimLineStatus.Approved).Sum(w => w.Amount));
            var pending = waiting.Where(w => w.LotId == l.Id && w.Status == ClaimLineStatus.Submitted).Sum(w => w.Amount);
            int Count(Milestone m) => milestones.Where(x => x.LotId == l.Id && x.Milestone == m).Sum(x => x.Count);
            var engaged = Count(Milestone.Engaged);
            var jobs = Count(Milestone.JobOutcome);
            var sustained = Count(Milestone.Sustained13Weeks);
            return new LotMoney(
                l.Code, l.Name, budget.Value, budget.Paid, budget.Recovered, budget.Spent, budget.ApprovedUnpaid, pending, budget.Remaining,
                engaged, jobs, sustained, Rates.CostPer(budget.Spent, engaged), Rates.CostPer(budget.Spent, jobs), Rates.CostPer(budget.Spent, sustained));
        })];
    }
}
