using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.Performance.Trends;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Performance.Caseloads;

/// <summary>One advisor's caseload at each quarter end and their participants' outcomes.</summary>
/// <param name="AdvisorId">Null for participants with no advisor assigned.</param>
/// <param name="ActiveAtQuarterEnds">Participants registered on or before the quarter's last day and not left by it.</param>
public sealed record AdvisorCaseload(
    Guid? AdvisorId, string Name, IReadOnlyList<int> ActiveAtQuarterEnds, int Participants, int Engaged, int OutOfWork, int JobOutcomes)
{
    /// <summary>The mean of the quarter-end caseloads over the quarters in which the advisor had anyone.</summary>
    public double AverageCaseload => ActiveAtQuarterEnds.Where(c => c > 0).Select(c => (double)c).DefaultIfEmpty(0).Average();

    public int PeakCaseload => ActiveAtQuarterEnds.DefaultIfEmpty(0).Max();

    public double? EngagementRate => Participants == 0 ? null : (double)Engaged / Participants;

    public double? JobOutcomeRate => OutOfWork == 0 ? null : (double)JobOutcomes / OutOfWork;
}

/// <summary>Advisors grouped by the size of their average caseload, with their participants' outcomes together.</summary>
public sealed record CaseloadBand(string Name, int Advisors, int Participants, int Engaged, int OutOfWork, int JobOutcomes)
{
    public double? EngagementRate => Participants == 0 ? null : (double)Engaged / Participants;

    public double? JobOutcomeRate => OutOfWork == 0 ? null : (double)JobOutcomes / OutOfWork;
}

public sealed record CaseloadReport(TrendScope Scope, IReadOnlyList<DateOnly> QuarterEnds, IReadOnlyList<AdvisorCaseload> Advisors, IReadOnlyList<CaseloadBand> Bands);

/// <summary>
/// Caseloads by advisor, counted in the database: registrations and leavings per advisor and month
/// (GROUP BY), from which the caseload at any month's end is the running difference; outcomes per
/// advisor and cohort likewise. The advisor is the participant's advisor now: a participant who
/// moved between advisors counts with the current one throughout.
/// </summary>
public sealed class CaseloadQueries(CcDbContext db)
{
    /// <summary>Bands of average caseload: the lower bound of each and its name.</summary>
    public static IReadOnlyList<(int From, string Name)> BandLimits { get; } =
        [(1, "1 to 49"), (50, "50 to 99"), (100, "100 to 199"), (200, "200 to 399"), (400, "400 or more")];

    public const string NoAdvisor = "No advisor assigned";

    public static string BandOf(double averageCaseload) =>
        BandLimits.Where(b => averageCaseload >= b.From).Select(b => b.Name).LastOrDefault() ?? "None";

    /// <summary>The last day of each quarter that ends within the period; the period's last day when none does.</summary>
    public static IReadOnlyList<DateOnly> QuarterEnds(DateOnly from, DateOnly to)
    {
        var ends = Quarter.Between(from, to).Select(q => q.End).Where(e => e >= from && e <= to).ToList();
        return ends.Count == 0 ? [to] : ends;
    }

    public async Task<CaseloadReport> GetAsync(TrendScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var to = scope.To;
        var lotIds = scope.LotIds.ToList();
        var people = db.Participants.Where(p => lotIds.Contains(p.LotId) && p.RegisteredOn <= to);
        if (scope.Cohort is { } cohort)
        {
            people = people.Where(p => p.Cohort == cohort);
        }

        var joined = await people
            .GroupBy(p => new { p.AdvisorId, p.RegisteredOn.Year, p.RegisteredOn.Month })
            .Select(g => new { g.Key.AdvisorId, g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var left = await people.Where(p => p.LeftOn != null && p.LeftOn <= to)
            .GroupBy(p => new { p.AdvisorId, p.LeftOn!.Value.Year, p.LeftOn.Value.Month })
            .Select(g => new { g.Key.AdvisorId, g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var cohorts = await people
            .GroupBy(p => new { p.AdvisorId, p.Cohort })
            .Select(g => new { g.Key.AdvisorId, g.Key.Cohort, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var reached = await db.ParticipantMilestones
            .Where(m => m.AchievedOn <= to && (m.Milestone == Milestone.Engaged || m.Milestone == Milestone.JobOutcome))
            .Join(people, m => m.ParticipantId, p => p.Id, (m, p) => new { p.AdvisorId, p.Cohort, m.Milestone })
            .GroupBy(x => new { x.AdvisorId, x.Cohort, x.Milestone })
            .Select(g => new { g.Key.AdvisorId, g.Key.Cohort, g.Key.Milestone, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var advisorIds = cohorts.Select(c => c.AdvisorId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => advisorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var ends = QuarterEnds(scope.From, to);

        static int Through(int year, int month, DateOnly day) => year < day.Year || (year == day.Year && month <= day.Month) ? 1 : 0;

        var advisors = cohorts.Select(c => c.AdvisorId).Distinct().Select(id =>
        {
            var active = ends.Select(end =>
                joined.Where(j => j.AdvisorId == id && Through(j.Year, j.Month, end) == 1).Sum(j => j.Count)
                - left.Where(l => l.AdvisorId == id && Through(l.Year, l.Month, end) == 1).Sum(l => l.Count)).ToList();
            var name = id is null ? NoAdvisor : names.FirstOrDefault(n => n.Id == id) is { } n ? (string.IsNullOrWhiteSpace(n.DisplayName) ? n.Email ?? "Advisor" : n.DisplayName) : "Former advisor";
            return new AdvisorCaseload(
                id, name, active,
                cohorts.Where(c => c.AdvisorId == id).Sum(c => c.Count),
                reached.Where(r => r.AdvisorId == id && r.Milestone == Milestone.Engaged).Sum(r => r.Count),
                cohorts.Where(c => c.AdvisorId == id && c.Cohort != Cohort.Employed).Sum(c => c.Count),
                reached.Where(r => r.AdvisorId == id && r.Milestone == Milestone.JobOutcome && r.Cohort != Cohort.Employed).Sum(r => r.Count));
        })
        .OrderBy(a => a.AdvisorId is null ? 1 : 0).ThenBy(a => a.Name, StringComparer.Ordinal)
        .ToList();

        // Participants with no advisor are not a caseload, so they stay out of the bands.
        var bands = BandLimits.Select(b =>
        {
            var inBand = advisors.Where(a => a.AdvisorId is not null && BandOf(a.AverageCaseload) == b.Name).ToList();
            return new CaseloadBand(b.Name, inBand.Count, inBand.Sum(a => a.Participants), inBand.Sum(a => a.Engaged), inBand.Sum(a => a.OutOfWork), inBand.Sum(a => a.JobOutcomes));
        }).ToList();
        return new CaseloadReport(scope, ends, advisors, bands);
    }
}
