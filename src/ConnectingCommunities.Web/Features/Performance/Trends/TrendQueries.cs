using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Performance;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Performance.Trends;

/// <summary>A calendar month, the unit of every trend.</summary>
public readonly record struct Month(int Year, int Number)
{
    public DateOnly Start => new(Year, Number, 1);

    public DateOnly End => Start.AddMonths(1).AddDays(-1);

    public static Month Of(DateOnly day) => new(day.Year, day.Month);

    public Month Next() => Of(Start.AddMonths(1));

    /// <summary>"Jun 2018" for an axis; "June 2018" for a table.</summary>
    public string ShortName => Start.ToString("MMM yyyy", Formatting.EnGb);

    public string LongName => Start.ToString("MMMM yyyy", Formatting.EnGb);

    public static IReadOnlyList<Month> Between(DateOnly from, DateOnly to)
    {
        var months = new List<Month>();
        for (var m = Of(from); m.Start <= to; m = m.Next())
        {
            months.Add(m);
        }

        return months;
    }
}

/// <summary>One count for a month and a key (a cohort, channel or mode name).</summary>
public sealed record MonthCount(Month Month, string Key, int Count);

/// <summary>The cumulative actual against the cumulative profile at each month's end, from the start of the period.</summary>
/// <param name="Profile">Null when there is no target to compare with (a cohort is chosen: targets are set per lot).</param>
/// <param name="OriginalProfile">The profile before any contract variation; null when no variation changed it.</param>
public sealed record CumulativeTrend(
    Milestone Milestone, IReadOnlyList<Month> Months, IReadOnlyList<int> Actual, IReadOnlyList<int> CumulativeActual,
    IReadOnlyList<double>? Profile, IReadOnlyList<double>? OriginalProfile);

/// <summary>What the trends cover: the lots (one, or all the user may see), the cohort, and the months of the period.</summary>
public sealed record TrendScope(string Title, IReadOnlyList<Guid> LotIds, Cohort? Cohort, DateOnly From, DateOnly To)
{
    public IReadOnlyList<Month> Months => Month.Between(From, To);
}

/// <summary>
/// The figures of the trends page, counted in the database by month (GROUP BY year and month), never
/// by loading participants or interventions. Every query starts from the lots the user may see.
/// </summary>
public sealed class TrendQueries(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>The label for participants whose recruitment channel was not recorded.</summary>
    public const string NotRecorded = "Not recorded";

    /// <summary>
    /// The scope for a filter: null when it names a lot the user may not see. The period defaults to
    /// the programme's start to the end of delivery or today, whichever is earlier.
    /// </summary>
    public async Task<TrendScope?> ScopeAsync(PerformanceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var visible = await user.VisibleLotsAsync(cancellationToken);
        var title = user.IsLotScoped ? "Your lots" : "Whole programme";
        if (!string.IsNullOrWhiteSpace(filter.LotCode))
        {
            var code = filter.LotCode.Trim().ToUpperInvariant();
            visible = visible.Where(l => l.Code == code);
        }

        var lots = await visible.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(cancellationToken);
        if (lots.Count == 0)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(filter.LotCode))
        {
            title = $"{lots[0].Name} ({lots[0].Code})";
        }

        var programme = await db.Programmes.AsNoTracking().Select(p => new { p.StartDate, p.EndDate }).FirstOrDefaultAsync(cancellationToken);
        var today = Formatting.TodayInLondon(clock);
        var from = filter.From ?? programme?.StartDate ?? today.AddYears(-1);
        var end = programme is null || programme.EndDate > today ? today : programme.EndDate;
        var to = filter.To ?? (end < from ? from : end);
        return new TrendScope(title, [.. lots.Select(l => l.Id)], filter.Cohort, from, to);
    }

    private IQueryable<Participant> People(TrendScope scope)
    {
        var ids = scope.LotIds.ToList();
        var people = db.Participants.Where(p => ids.Contains(p.LotId));
        return scope.Cohort is { } cohort ? people.Where(p => p.Cohort == cohort) : people;
    }

    /// <summary>
    /// The milestone achieved each month of the period, cumulative from its start, against the target
    /// profile over the same months: each lot's target to date at each month's end less that at the
    /// day before the period (the quarter's target pro rata by days, as on the dashboard), added up.
    /// </summary>
    public async Task<CumulativeTrend> CumulativeAsync(TrendScope scope, Milestone milestone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (from, to) = (scope.From, scope.To);
        var counts = await db.ParticipantMilestones
            .Where(m => m.Milestone == milestone && m.AchievedOn >= from && m.AchievedOn <= to)
            .Join(People(scope), m => m.ParticipantId, p => p.Id, (m, p) => m.AchievedOn)
            .GroupBy(d => new { d.Year, d.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var months = scope.Months;
        var actual = months.Select(m => counts.Where(c => c.Year == m.Year && c.Month == m.Number).Sum(c => c.Count)).ToList();
        var cumulative = new List<int>();
        var running = 0;
        foreach (var count in actual)
        {
            running += count;
            cumulative.Add(running);
        }

        if (scope.Cohort is not null)
        {
            return new CumulativeTrend(milestone, months, actual, cumulative, null, null);
        }

        var lotIds = scope.LotIds.ToList();
        var rows = await db.Targets.AsNoTracking().Where(t => lotIds.Contains(t.LotId) && t.Milestone == milestone)
            .Select(t => new { t.LotId, t.QuarterStart, t.Count, t.EffectiveFrom, t.Reason })
            .ToListAsync(cancellationToken);
        var inForce = new List<TargetProfile>();
        var original = new List<TargetProfile>();
        foreach (var lot in rows.GroupBy(r => r.LotId))
        {
            var versions = lot.Select(r => new TargetVersion(Quarter.Containing(r.QuarterStart), r.Count, r.EffectiveFrom, r.Reason)).ToList();
            inForce.Add(new TargetProfile(versions));
            // The original profile: each quarter's earliest version only, as agreed before any variation.
            original.Add(new TargetProfile(versions.GroupBy(v => v.Quarter).Select(g => g.OrderBy(v => v.EffectiveFrom).First())));
        }

        IReadOnlyList<double> Spread(List<TargetProfile> profiles) => [.. months.Select(m =>
        {
            var end = m.End < to ? m.End : to;
            return (double)profiles.Sum(p => p.ExactToDate(end) - p.ExactToDate(from.AddDays(-1)));
        })];

        if (rows.Count == 0)
        {
            return new CumulativeTrend(milestone, months, actual, cumulative, null, null);
        }

        var profile = Spread(inForce);
        var before = Spread(original);
        var varied = profile.Zip(before).Any(p => Math.Abs(p.First - p.Second) > 1e-9);
        return new CumulativeTrend(milestone, months, actual, cumulative, profile, varied ? before : null);
    }

    /// <summary>Participants registered each month of the period by cohort (keys: Cohort names).</summary>
    public async Task<IReadOnlyList<MonthCount>> RegistrationsByCohortAsync(TrendScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (from, to) = (scope.From, scope.To);
        var rows = await People(scope).Where(p => p.RegisteredOn >= from && p.RegisteredOn <= to)
            .GroupBy(p => new { p.RegisteredOn.Year, p.RegisteredOn.Month, p.Cohort })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Cohort, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MonthCount(new Month(r.Year, r.Month), r.Cohort.ToString(), r.Count))];
    }

    /// <summary>Participants registered each month of the period by recruitment channel code (<see cref="NotRecorded"/> when none).</summary>
    public async Task<IReadOnlyList<MonthCount>> RegistrationsByChannelAsync(TrendScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (from, to) = (scope.From, scope.To);
        var rows = await People(scope).Where(p => p.RegisteredOn >= from && p.RegisteredOn <= to)
            .GroupBy(p => new { p.RegisteredOn.Year, p.RegisteredOn.Month, p.RecruitmentChannel })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.RecruitmentChannel, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MonthCount(
            new Month(r.Year, r.Month), RecruitmentChannels.Find(r.RecruitmentChannel)?.Code ?? NotRecorded, r.Count))];
    }

    /// <summary>Contacts each month of the period by delivery mode (keys: InterventionMode names).</summary>
    public async Task<IReadOnlyList<MonthCount>> InterventionsByModeAsync(TrendScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (from, to) = (scope.From, scope.To);
        var rows = await db.Interventions.Where(i => i.Date >= from && i.Date <= to)
            .Join(People(scope), i => i.ParticipantId, p => p.Id, (i, p) => new { i.Date, i.Mode })
            .GroupBy(x => new { x.Date.Year, x.Date.Month, x.Mode })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Mode, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MonthCount(new Month(r.Year, r.Month), r.Mode.ToString(), r.Count))];
    }

    /// <summary>The modes in the order the chart stacks them: face to face first, so its fall from March 2020 shows at the foot of each bar.</summary>
    public static IReadOnlyList<InterventionMode> Modes { get; } = InterventionModes.All;
}
