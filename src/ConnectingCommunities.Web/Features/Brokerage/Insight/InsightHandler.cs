using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Insight;

/// <summary>Referrals made and job starts from them, for one row of a table.</summary>
public sealed record InsightRow(string Name, int Referrals, int Starts);

/// <summary>Job starts from referrals in one calendar month.</summary>
public sealed record InsightMonth(int Year, int Month, string Label, int Starts);

/// <summary>
/// What brokerage produced for the chosen lots between two dates. Referrals count by the day they were made,
/// starts by the day the participant started; both come from referrals, so a job start recorded without a
/// referral is not here.
/// </summary>
public sealed record BrokerageInsight(
    string Scope,
    string? LotCode,
    DateOnly From,
    DateOnly To,
    int Referrals,
    int Starts,
    IReadOnlyList<InsightRow> ByEmployer,
    IReadOnlyList<InsightRow> ByEngagementMethod,
    IReadOnlyList<InsightRow> BySector,
    IReadOnlyList<InsightMonth> StartsByMonth,
    int MatchListsReviewed,
    int ParticipantsWithMatchingJobsActionCompleted);

/// <summary>
/// The brokerage insight: every figure is counted by the database (GROUP BY), never by loading the referrals.
/// Provider managers see their own lots; commissioners see every lot or one.
/// </summary>
public sealed class InsightHandler(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>How many employers the employer table lists, most starts first.</summary>
    public const int TopEmployers = 20;

    public const string NotRecorded = "Not recorded";

    public const string NoSector = "Sector not recorded";

    /// <summary>The lots whose figures this user may read, as code and name, for the lot filter.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> LotsAsync(CancellationToken cancellationToken = default)
    {
        var lots = await user.VisibleLotsAsync(cancellationToken);
        return (await lots.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Code, l.Name }).ToListAsync(cancellationToken))
            .Select(l => (l.Code, l.Name)).ToList();
    }

    /// <summary>
    /// The insight for a lot (by code) or all the user's lots, from and to (yyyy-MM-dd, inclusive; the last 12 months by default).
    /// A lot the user cannot see is not found; dates that cannot be read are field errors on "from" and "to".
    /// </summary>
    public async Task<Result<BrokerageInsight>> GetAsync(string? lotCode, string? from, string? to, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var today = Formatting.TodayInLondon(clock);
        var toDate = ParseDate(to, "to", today, errors);
        var fromDate = ParseDate(from, "from", new DateOnly(today.Year, today.Month, 1).AddMonths(-11), errors);
        if (!errors.Any && fromDate > toDate)
        {
            errors.Add("from", "The start of the period must be the same as or before its end");
        }

        if (errors.Any)
        {
            return Result<BrokerageInsight>.Invalid(errors);
        }

        var visible = await user.VisibleLotsAsync(cancellationToken);
        var lotIds = await visible.Select(l => l.Id).ToListAsync(cancellationToken);
        string scope = user.IsLotScoped ? "Your lots" : "All lots";
        string? code = null;
        if (!string.IsNullOrWhiteSpace(lotCode))
        {
            code = lotCode.Trim().ToUpperInvariant();
            // Lot codes are stored in upper case.
            var wanted = code;
            var lot = await visible.Where(l => l.Code == wanted).Select(l => new { l.Id, l.Code, l.Name }).FirstOrDefaultAsync(cancellationToken);
            if (lot is null)
            {
                // Another lot's figures are not revealed, not even that the lot exists.
                return Result<BrokerageInsight>.NotFound();
            }

            lotIds = [lot.Id];
            (code, scope) = (lot.Code, $"{lot.Code}: {lot.Name}");
        }

        return Result<BrokerageInsight>.Ok(await CountAsync(scope, code, lotIds, fromDate, toDate, cancellationToken));
    }

    private async Task<BrokerageInsight> CountAsync(string scope, string? code, List<Guid> lotIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Referrals made in the period or started in it: each count below then picks its own date.
        var referrals = db.Referrals.AsNoTracking().Where(r => lotIds.Contains(r.LotId)
            && ((r.ReferredOn >= from && r.ReferredOn <= to) || (r.Status == ReferralStatus.Started && r.StartedOn >= from && r.StartedOn <= to)));

        var totals = await referrals.GroupBy(_ => 1).Select(g => new
        {
            Referrals = g.Count(r => r.ReferredOn >= from && r.ReferredOn <= to),
            Starts = g.Count(r => r.Status == ReferralStatus.Started && r.StartedOn >= from && r.StartedOn <= to),
        }).FirstOrDefaultAsync(ct);

        var byEmployer = await referrals
            .GroupBy(r => new { r.Vacancy!.EmployerId, r.Vacancy.Employer!.Name })
            .Select(g => new
            {
                g.Key.Name,
                Referrals = g.Count(r => r.ReferredOn >= from && r.ReferredOn <= to),
                Starts = g.Count(r => r.Status == ReferralStatus.Started && r.StartedOn >= from && r.StartedOn <= to),
            })
            .OrderByDescending(x => x.Starts).ThenByDescending(x => x.Referrals).ThenBy(x => x.Name)
            .Take(TopEmployers)
            .ToListAsync(ct);

        // The engagement method is the referring lot's relationship with the vacancy's employer (one per employer and lot).
        var byMethod = await (
                from r in referrals
                join er in db.EmployerRelationships on new { r.Vacancy!.EmployerId, r.LotId } equals new { er.EmployerId, er.LotId } into relationships
                from er in relationships.DefaultIfEmpty()
                select new { Method = er == null ? null : er.EngagementMethod, r.ReferredOn, r.StartedOn, r.Status })
            .GroupBy(x => x.Method)
            .Select(g => new
            {
                g.Key,
                Referrals = g.Count(r => r.ReferredOn >= from && r.ReferredOn <= to),
                Starts = g.Count(r => r.Status == ReferralStatus.Started && r.StartedOn >= from && r.StartedOn <= to),
            })
            .ToListAsync(ct);

        var bySector = await referrals
            .GroupBy(r => r.Vacancy!.Employer!.SicSection)
            .Select(g => new
            {
                g.Key,
                Referrals = g.Count(r => r.ReferredOn >= from && r.ReferredOn <= to),
                Starts = g.Count(r => r.Status == ReferralStatus.Started && r.StartedOn >= from && r.StartedOn <= to),
            })
            .ToListAsync(ct);

        var byMonth = await referrals
            .Where(r => r.Status == ReferralStatus.Started && r.StartedOn >= from && r.StartedOn <= to)
            .GroupBy(r => new { r.StartedOn!.Value.Year, r.StartedOn.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Starts = g.Count() })
            .ToListAsync(ct);

        var participants = db.Participants.Where(p => lotIds.Contains(p.LotId)).Select(p => p.Id);
        var reviewed = await db.MatchReviews.AsNoTracking()
            .CountAsync(m => m.ReviewedOn >= from && m.ReviewedOn <= to && participants.Contains(m.ParticipantId), ct);
        var identified = await db.PlanActions.AsNoTracking()
            .Where(a => a.Action == MatchingJobsAction && a.Status == ActionStatus.Completed && a.CompletedOn >= from && a.CompletedOn <= to
                && participants.Contains(a.ParticipantId))
            .Select(a => a.ParticipantId).Distinct().CountAsync(ct);

        var months = byMonth.ToDictionary(m => (m.Year, m.Month), m => m.Starts);
        var monthRows = new List<InsightMonth>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            monthRows.Add(new InsightMonth(month.Year, month.Month, month.ToString("MMMM yyyy", Formatting.EnGb),
                months.GetValueOrDefault((month.Year, month.Month))));
        }

        return new BrokerageInsight(
            scope, code, from, to, totals?.Referrals ?? 0, totals?.Starts ?? 0,
            [.. byEmployer.Select(e => new InsightRow(e.Name, e.Referrals, e.Starts))],
            Ordered(byMethod.Select(m => new InsightRow(EmployerEngagementMethods.Find(m.Key)?.DisplayName ?? (m.Key is null ? NotRecorded : m.Key), m.Referrals, m.Starts))),
            Ordered(bySector.Select(s => new InsightRow(SicSections.Find(s.Key) is { } sic ? $"{sic.Letter}: {sic.Title}" : NoSector, s.Referrals, s.Starts))),
            monthRows,
            reviewed,
            identified);
    }

    /// <summary>The catalogue code of the "Identify jobs that match skills" action.</summary>
    public const string MatchingJobsAction = "identifyMatchingJobs";

    private static List<InsightRow> Ordered(IEnumerable<InsightRow> rows) =>
        [.. rows.OrderByDescending(r => r.Starts).ThenByDescending(r => r.Referrals).ThenBy(r => r.Name, StringComparer.Ordinal)];

    private static DateOnly ParseDate(string? value, string field, DateOnly fallback, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"Enter the date as year-month-day, for example {Formatting.IsoDate(fallback)}");
        return fallback;
    }
}
