using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>A line to validate: an existing line (<see cref="LineId"/> set) or one about to be made.</summary>
public sealed record LineToCheck(Guid? LineId, Guid ParticipantId, Milestone Milestone, DateOnly MilestoneDate, decimal Amount);

/// <summary>The record whose files prove a milestone.</summary>
public enum EvidenceSourceKind
{
    None = 0,
    JobStart = 1,
    SustainmentCheck = 2,
    ProgressionRecord = 3,
}

/// <summary>Where a line's evidence is, and how many files are there.</summary>
public readonly record struct EvidenceSource(EvidenceSourceKind Kind, Guid? Id, int Files);

/// <summary>The facts of each line (same order as asked) and of the lot, ready for <see cref="ClaimValidator.ValidateClaim"/>.</summary>
public sealed record ClaimFactsSet(ClaimContext Context, IReadOnlyList<ClaimLineFacts> Lines, IReadOnlyList<EvidenceSource> Evidence)
{
    public IReadOnlyList<ClaimLineValidation> Validate() => ClaimValidator.ValidateClaim(Lines, Context);
}

/// <summary>
/// Reads everything claim validation needs in bulk: a fixed handful of queries per claim whatever
/// its size (participants, milestones, job spells, sustainment checks, progressions, evidence
/// counts, other claim lines, contracts, payments), never one per line, so a claim of 10,000
/// lines validates in seconds. The rules themselves are the Domain's.
/// </summary>
public sealed class ClaimFactsLoader(CcDbContext db, TimeProvider clock)
{
    /// <summary>Statuses of a line that still claims its milestone (the database allows one such line per participant and milestone).</summary>
    public static readonly IReadOnlyList<ClaimLineStatus> LiveStatuses =
        [ClaimLineStatus.Draft, ClaimLineStatus.Submitted, ClaimLineStatus.Returned, ClaimLineStatus.Approved, ClaimLineStatus.Paid];

    /// <summary>Lines that still claim their milestone, as a query to compose.</summary>
    public IQueryable<ClaimLine> LiveLines => db.ClaimLines.Where(l =>
        l.Status == ClaimLineStatus.Draft || l.Status == ClaimLineStatus.Submitted || l.Status == ClaimLineStatus.Returned
        || l.Status == ClaimLineStatus.Approved || l.Status == ClaimLineStatus.Paid);

    /// <param name="lot">The lot claimed for.</param>
    /// <param name="programme">The lot's programme: its dates, progression definition and sustainment gap.</param>
    /// <param name="participantIds">A query for the participants of the lines (a subquery, so no list of ids is sent).</param>
    /// <param name="lines">The lines.</param>
    public async Task<ClaimFactsSet> LoadAsync(
        Lot lot, ProgrammeRecord programme, IQueryable<Guid> participantIds, IReadOnlyList<LineToCheck> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(lines);

        var people = await db.Participants.AsNoTracking()
            .Where(p => participantIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.RegisteredOn,
                p.Cohort,
                p.PrivacyNoticeAcknowledged,
                Overridden = p.EligibilityOverrideReason != null,
                InArea = db.LotPostcodes.Any(a => a.LotId == p.LotId && a.Postcode == p.Postcode),
            })
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        var achieved = (await db.ParticipantMilestones.AsNoTracking()
                .Where(m => participantIds.Contains(m.ParticipantId))
                .Select(m => new { m.ParticipantId, m.Milestone, m.AchievedOn })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ParticipantId, m => new AchievedMilestone(m.Milestone, m.AchievedOn));

        var jobs = (await db.JobStarts.AsNoTracking()
                .Where(j => participantIds.Contains(j.ParticipantId))
                .Select(j => new { j.Id, j.ParticipantId, j.StartDate, j.EndDate })
                .ToListAsync(cancellationToken))
            .ToLookup(j => j.ParticipantId);

        var checks = (await db.SustainmentChecks.AsNoTracking()
                .Where(c => participantIds.Contains(c.ParticipantId) && c.Result == SustainmentCheckResult.InWork)
                .Select(c => new { c.Id, c.ParticipantId, c.Milestone, c.DueOn })
                .ToListAsync(cancellationToken))
            .ToLookup(c => (c.ParticipantId, c.Milestone));

        var strict = programme.ProgressionDefinition == Domain.Outcomes.ProgressionDefinition.Strict;
        var progressions = (await db.ProgressionRecords.AsNoTracking()
                .Where(r => participantIds.Contains(r.ParticipantId) && (strict ? r.MeetsStrict : r.MeetsWider))
                .Select(r => new { r.Id, r.ParticipantId, r.ChangedOn })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.ParticipantId);

        var files = (await db.EvidenceFiles.AsNoTracking()
                .Where(f => participantIds.Contains(f.ParticipantId))
                .Select(f => new { f.JobStartId, f.SustainmentCheckId, f.ProgressionRecordId })
                .ToListAsync(cancellationToken))
            .Select(f => f.JobStartId ?? f.SustainmentCheckId ?? f.ProgressionRecordId ?? Guid.Empty)
            .CountBy(id => id)
            .ToDictionary();

        // A held line claims nothing (the database does not count it either): it stays on its claim to show
        // what was wrong, and the milestone may go on another claim. Were held lines counted, two drafts
        // each holding the same milestone would keep each other held for ever.
        var others = (await db.ClaimLines.AsNoTracking()
                .Where(l => participantIds.Contains(l.ParticipantId) && l.Status != ClaimLineStatus.Held)
                .Select(l => new { l.Id, l.ParticipantId, l.Milestone, l.Status })
                .ToListAsync(cancellationToken))
            .ToLookup(l => (l.ParticipantId, l.Milestone));

        var contracts = await db.Contracts.AsNoTracking().Where(c => c.LotId == lot.Id)
            .Select(c => new { c.Id, c.Reference, c.StartDate, c.EndDate })
            .ToListAsync(cancellationToken);

        var context = new ClaimContext(
            new DateRange(programme.StartDate, programme.EndDate),
            [.. contracts.Select(c => new ContractTerm(c.Id, c.Reference, new DateRange(c.StartDate, c.EndDate)))],
            await BudgetAsync(lot, cancellationToken),
            Formatting.TodayInLondon(clock));

        var facts = new List<ClaimLineFacts>(lines.Count);
        var evidence = new List<EvidenceSource>(lines.Count);
        foreach (var line in lines)
        {
            var person = people.GetValueOrDefault(line.ParticipantId);
            var spells = jobs[line.ParticipantId].Select(j => new JobSpell(j.StartDate, j.EndDate)).ToList();
            if (person?.Cohort == Cohort.Employed)
            {
                // The Employed cohort were in work at registration: the job they held then is their baseline job.
                spells.Add(new JobSpell(person.RegisteredOn, null));
            }

            var source = line.Milestone switch
            {
                Milestone.JobOutcome => jobs[line.ParticipantId]
                    .Where(j => person is null || j.StartDate >= person.RegisteredOn)
                    .OrderBy(j => j.StartDate != line.MilestoneDate).ThenBy(j => j.StartDate)
                    .Select(j => (EvidenceSource?)new EvidenceSource(EvidenceSourceKind.JobStart, j.Id, 0)).FirstOrDefault(),
                Milestone.Sustained13Weeks or Milestone.Sustained26Weeks or Milestone.Sustained52Weeks => checks[(line.ParticipantId, line.Milestone)]
                    .OrderBy(c => c.DueOn != line.MilestoneDate).ThenBy(c => c.DueOn)
                    .Select(c => (EvidenceSource?)new EvidenceSource(EvidenceSourceKind.SustainmentCheck, c.Id, 0)).FirstOrDefault(),
                Milestone.Progression => progressions[line.ParticipantId]
                    .OrderBy(r => r.ChangedOn != line.MilestoneDate).ThenBy(r => r.ChangedOn)
                    .Select(r => (EvidenceSource?)new EvidenceSource(EvidenceSourceKind.ProgressionRecord, r.Id, 0)).FirstOrDefault(),
                _ => null,
            } ?? new EvidenceSource(EvidenceSourceKind.None, null, 0);
            source = source with { Files = source.Id is { } id ? files.GetValueOrDefault(id) : 0 };
            evidence.Add(source);

            facts.Add(new ClaimLineFacts(
                line.Milestone,
                line.MilestoneDate,
                line.Amount,
                IsEligible: person is not null && (person.InArea || person.Overridden),
                ConsentedToPrivacyNotice: person?.PrivacyNoticeAcknowledged == true,
                RegisteredOn: person?.RegisteredOn ?? DateOnly.MaxValue,
                Achieved: [.. achieved[line.ParticipantId]],
                InWorkOnMilestoneDate: spells.Any(s => s.Covers(line.MilestoneDate)),
                HasEvidence: source.Files > 0,
                OtherLineStatuses: [.. others[(line.ParticipantId, line.Milestone)].Where(o => o.Id != line.LineId).Select(o => o.Status)]));
        }

        return new ClaimFactsSet(context, facts, evidence);
    }

    /// <summary>
    /// The lot's value, what its payment runs have paid and recovered, and its approved lines not yet
    /// paid. Amounts are summed here rather than in SQL because SQLite cannot sum decimals.
    /// </summary>
    public async Task<LotBudget> BudgetAsync(Lot lot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var payments = await db.PaymentRunLines.AsNoTracking().Where(l => l.LotId == lot.Id)
            .Select(l => new { l.ClaimLineId, l.Kind, l.Amount })
            .ToListAsync(cancellationToken);
        var approved = await (from l in db.ClaimLines.AsNoTracking()
                              join c in db.Claims on l.ClaimId equals c.Id
                              where c.LotId == lot.Id && l.Status == ClaimLineStatus.Approved
                              select l.Amount)
            .ToListAsync(cancellationToken);
        return LotBudget.FromPaymentLines(
            lot.Value,
            payments.Select(p => new PaymentLine(p.ClaimLineId, p.Kind, p.Amount)),
            approved.Sum());
    }
}
