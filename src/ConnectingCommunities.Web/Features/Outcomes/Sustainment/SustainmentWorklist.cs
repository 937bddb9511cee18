using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Outcomes.Sustainment;

/// <summary>
/// The "checks due" worklist: every sustainment check not yet recorded that is overdue, due today or
/// due within the next days, for the participants the user can see. It reads the lot's job starts,
/// recorded checks and sustainment milestones in three queries and works out the checks in memory
/// with the domain rules, so a lot of thousands of participants is one quick page.
/// </summary>
public sealed class SustainmentWorklist(CcDbContext db, ParticipantAccess access, OutcomeFacts facts)
{
    public const int DefaultWithinDays = 28;
    public const int MaxWithinDays = 366;

    public async Task<Result<PagedList<DueCheckView>>> DueAsync(DueChecksFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new FieldErrors();
        var within = filter.Within ?? DefaultWithinDays;
        if (within is < 0 or > MaxWithinDays)
        {
            errors.Add("within", $"The number of days ahead must be from 0 to {MaxWithinDays}");
        }

        var participants = (await access.VisibleAsync(cancellationToken)).AsNoTracking().Where(p => p.Cohort != Cohort.Employed);
        if (!string.IsNullOrWhiteSpace(filter.LotCode))
        {
            var code = LotCode.Normalise(filter.LotCode);
            var lotId = await db.Lots.Where(l => l.Code == code).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
            if (lotId is null)
            {
                errors.Add("lotCode", $"There is no lot with the code '{filter.LotCode.Trim()}'");
            }

            // A lot the user cannot see is simply empty for them: the visible participants already leave it out.
            participants = participants.Where(p => p.LotId == lotId);
        }

        if (filter.AdvisorId is { } advisorId)
        {
            participants = participants.Where(p => p.AdvisorId == advisorId);
        }

        if (errors.Any)
        {
            return Result<PagedList<DueCheckView>>.Invalid(errors);
        }

        var today = access.Today;
        var jobs = await (from j in db.JobStarts.AsNoTracking()
                          join p in participants on j.ParticipantId equals p.Id
                          where j.StartDate >= p.RegisteredOn && j.StartDate <= today
                          select new { j.ParticipantId, j.StartDate, j.EndDate }).ToListAsync(cancellationToken);
        var withJobs = participants.Where(p => db.JobStarts.Any(j => j.ParticipantId == p.Id));
        var recorded = await db.SustainmentChecks.AsNoTracking().Where(c => withJobs.Any(p => p.Id == c.ParticipantId))
            .Select(c => new { c.ParticipantId, c.Milestone, c.RunStart, c.Result }).ToListAsync(cancellationToken);
        var sustainment = SustainmentSchedule.Milestones.ToList();
        var achieved = await db.ParticipantMilestones.AsNoTracking()
            .Where(m => sustainment.Contains(m.Milestone) && withJobs.Any(p => p.Id == m.ParticipantId))
            .Select(m => new { m.ParticipantId, m.Milestone, m.AchievedOn }).ToListAsync(cancellationToken);
        var gapDays = (await facts.SettingsAsync(cancellationToken)).SustainmentGapDays;

        var recordedBy = recorded.ToLookup(r => r.ParticipantId, r => new RecordedSustainmentCheck(r.Milestone, r.RunStart, r.Result == SustainmentCheckResult.InWork));
        var achievedBy = achieved.ToLookup(a => a.ParticipantId, a => new AchievedMilestone(a.Milestone, a.AchievedOn));
        var horizon = today.AddDays(within);
        var due = jobs.GroupBy(j => j.ParticipantId)
            .SelectMany(g => SustainmentChecklist.For(
                    g.Select(j => new JobSpell(j.StartDate, j.EndDate)), gapDays, recordedBy[g.Key], achievedBy[g.Key], today)
                .Where(c => c.IsOutstanding && c.DueOn <= horizon)
                .Select(c => (ParticipantId: g.Key, Check: c)))
            .ToList();

        // Names and references only for the participants on the list, in one query.
        var ids = due.Select(d => d.ParticipantId).Distinct().ToList();
        var people = new Dictionary<Guid, (string Reference, string Name, string LotCode, string? AdvisorName)>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var rows = await db.Participants.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.Reference, p.FirstName, p.LastName, LotCode = p.Lot!.Code, AdvisorName = p.Advisor!.DisplayName })
                .ToListAsync(cancellationToken);
            foreach (var p in rows)
            {
                people[p.Id] = (p.Reference, $"{p.FirstName} {p.LastName}", p.LotCode, p.AdvisorName);
            }
        }

        var list = due
            .Select(d => (Person: people[d.ParticipantId], d.ParticipantId, d.Check))
            .OrderBy(d => d.Check.DueOn).ThenBy(d => d.Person.Reference, StringComparer.Ordinal).ThenBy(d => d.Check.Milestone)
            .Select(d => new DueCheckView(
                d.ParticipantId, d.Person.Reference, d.Person.Name, d.Person.LotCode, d.Person.AdvisorName,
                d.Check.Milestone, d.Check.Run.Start, d.Check.DueOn, d.Check.State, d.Check.DaysOverdue(today)))
            .ToList();
        return Result<PagedList<DueCheckView>>.Ok(list.ToPage(filter.Page, filter.PageSize));
    }
}
