using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Outcomes;
using ProgressionDefinition = ConnectingCommunities.Domain.Outcomes.ProgressionDefinition;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>The programme settings outcomes depend on.</summary>
/// <param name="SustainmentGapDays">The longest gap between jobs that keeps employment continuous.</param>
/// <param name="ProgressionDefinition">The definition of progression that pays.</param>
public sealed record OutcomeSettings(int SustainmentGapDays, ProgressionDefinition ProgressionDefinition);

/// <summary>
/// What the outcome handlers read about a participant's work: job spells, the programme's
/// settings, and whether a milestone's date is frozen by a claim.
/// </summary>
public sealed class OutcomeFacts(CcDbContext db)
{
    /// <summary>
    /// Claim line statuses that hold a milestone's date: once a milestone is on a draft, submitted,
    /// returned, approved or paid line, what was claimed must stay what is recorded. Held, rejected and
    /// recovered lines pay nothing and do not hold it.
    /// </summary>
    public static readonly IReadOnlyList<ClaimLineStatus> LiveClaimStatuses =
        [ClaimLineStatus.Draft, ClaimLineStatus.Submitted, ClaimLineStatus.Returned, ClaimLineStatus.Approved, ClaimLineStatus.Paid];

    public async Task<OutcomeSettings> SettingsAsync(CancellationToken cancellationToken = default)
    {
        var programme = await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate)
            .Select(p => new { p.SustainmentGapDays, p.ProgressionDefinition }).FirstOrDefaultAsync(cancellationToken);
        // The programme record keeps its own copy of the definitions; the domain's rules take the domain's.
        var paying = programme?.ProgressionDefinition ?? ProgressionDefinition.Strict;
        return new OutcomeSettings(programme?.SustainmentGapDays ?? EmploymentContinuity.DefaultGapDays, paying);
    }

    /// <summary>Whether the participant's milestone is on a live claim line, so its date must not move.</summary>
    public async Task<bool> IsClaimedAsync(Guid participantId, Milestone milestone, CancellationToken cancellationToken = default)
    {
        var live = LiveClaimStatuses.ToList();
        return await db.ClaimLines.AnyAsync(l => l.ParticipantId == participantId && l.Milestone == milestone && live.Contains(l.Status), cancellationToken);
    }

    /// <summary>The participant's job starts, earliest first.</summary>
    public async Task<List<JobStart>> JobStartsAsync(Guid participantId, CancellationToken cancellationToken = default) =>
        (await db.JobStarts.AsNoTracking().Include(j => j.Employer).Where(j => j.ParticipantId == participantId).ToListAsync(cancellationToken))
            .OrderBy(j => j.StartDate).ThenBy(j => j.RecordedAt).ToList();

    public async Task<List<AchievedMilestone>> MilestonesAsync(Guid participantId, CancellationToken cancellationToken = default) =>
        (await db.ParticipantMilestones.AsNoTracking().Where(m => m.ParticipantId == participantId)
            .Select(m => new { m.Milestone, m.AchievedOn }).ToListAsync(cancellationToken))
            .Select(m => new AchievedMilestone(m.Milestone, m.AchievedOn)).ToList();

    /// <summary>
    /// The spells that count for sustainment: jobs started on or after registration, and none for
    /// the Employed cohort, who were in work already and so have no job outcome to sustain.
    /// </summary>
    public static List<JobSpell> SustainmentSpells(Participant participant, IEnumerable<JobStart> jobs)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant.Cohort == Cohort.Employed
            ? []
            : jobs.Where(j => j.StartDate >= participant.RegisteredOn).Select(Spell).ToList();
    }

    /// <summary>
    /// Every spell of work, for "in work on a day": the job starts and, for the Employed cohort, the
    /// job held at registration, which has no recorded end and so counts as continuing.
    /// </summary>
    public static List<JobSpell> WorkSpells(Participant participant, IEnumerable<JobStart> jobs)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var spells = jobs.Select(Spell).ToList();
        if (participant.Cohort == Cohort.Employed)
        {
            spells.Add(new JobSpell(participant.RegisteredOn, null));
        }

        return spells;
    }

    public static JobSpell Spell(JobStart job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobSpell(job.StartDate, job.EndDate);
    }

    /// <summary>The domain's contract type for a job start's.</summary>
    public static ContractType Contract(JobContractType type) =>
        ContractTypes.Find(type.ToString()) ?? throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown contract type.");

    /// <summary>"the job at Acme Ltd (Warehouse operative)", for messages.</summary>
    public static string Describe(JobStart job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"{job.JobTitle} at {job.Employer?.Name ?? "the employer"}, started {Formatting.Date(job.StartDate)}";
    }
}

/// <summary>Plain words for sustainment states and milestones.</summary>
public static class SustainmentNames
{
    public static string DisplayName(this SustainmentCheckState state) => state switch
    {
        SustainmentCheckState.Upcoming => "Upcoming",
        SustainmentCheckState.Due => "Due today",
        SustainmentCheckState.Overdue => "Overdue",
        SustainmentCheckState.InWork => "In work",
        SustainmentCheckState.NotInWork => "Not in work",
        SustainmentCheckState.EmploymentEnded => "Job ended before it fell due",
        SustainmentCheckState.AlreadyAchieved => "Achieved from an earlier job",
        _ => state.ToString(),
    };

    /// <summary>The GOV.UK tag colour for a state.</summary>
    public static string TagClass(this SustainmentCheckState state) => state switch
    {
        SustainmentCheckState.Upcoming => "govuk-tag--grey",
        SustainmentCheckState.Due => "govuk-tag--yellow",
        SustainmentCheckState.Overdue => "govuk-tag--red",
        SustainmentCheckState.InWork => "govuk-tag--green",
        SustainmentCheckState.NotInWork => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };

    /// <summary>"13-week check".</summary>
    public static string CheckName(Milestone milestone) => $"{SustainmentSchedule.Weeks(milestone)}-week check";
}
