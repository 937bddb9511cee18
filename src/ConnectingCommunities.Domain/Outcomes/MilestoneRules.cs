using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Outcomes;

/// <summary>A milestone a participant achieved, and the day.</summary>
public readonly record struct AchievedMilestone(Milestone Milestone, DateOnly On);

/// <summary>A recorded job change, already assessed under the definition that pays (<see cref="ProgressionRules"/>).</summary>
/// <param name="On">The day the change took effect.</param>
/// <param name="Qualifies">Whether it meets the programme's paying definition.</param>
public readonly record struct ProgressionEvent(DateOnly On, bool Qualifies);

/// <summary>What the milestone rules need to know about one participant.</summary>
/// <param name="RegisteredOn">The day the participant registered.</param>
/// <param name="Cohort">The cohort at registration; the Employed cohort was already in work, so has no job outcome.</param>
/// <param name="EngagedOn">The day the participant became engaged (<see cref="EngagementRule"/>), if they have.</param>
/// <param name="JobSpells">
/// Every job spell. For the Employed cohort this includes the job held at registration (starting
/// before it), which makes them in work for progression without being a job outcome.
/// </param>
/// <param name="ProgressionEvents">Recorded job changes.</param>
/// <param name="SustainmentGapDays">The allowed gap between jobs (ProgrammeRecord.SustainmentGapDays).</param>
public sealed record ParticipantFacts(
    DateOnly RegisteredOn,
    Cohort Cohort,
    DateOnly? EngagedOn,
    IReadOnlyList<JobSpell> JobSpells,
    IReadOnlyList<ProgressionEvent> ProgressionEvents,
    int SustainmentGapDays = EmploymentContinuity.DefaultGapDays)
{
    /// <summary>Whether any job spell covers the day.</summary>
    public bool InWorkOn(DateOnly day) => JobSpells.Any(s => s.Covers(day));
}

/// <summary>
/// Derives a participant's milestones from their facts. Each milestone is achieved at most once,
/// on one date, so it can be claimed at most once. The prerequisites are what the programme paid
/// in sequence: a job outcome before any sustainment, and each sustainment point after the one
/// before it; progression is for people in work.
/// </summary>
public static class MilestoneRules
{
    /// <summary>The milestone that must be achieved, on or before the same day, before this one; null when none is.</summary>
    public static Milestone? Prerequisite(Milestone milestone) => milestone switch
    {
        Milestone.Sustained13Weeks => Milestone.JobOutcome,
        Milestone.Sustained26Weeks => Milestone.Sustained13Weeks,
        Milestone.Sustained52Weeks => Milestone.Sustained26Weeks,
        _ => null,
    };

    /// <summary>
    /// Whether a milestone dated <paramref name="on"/> has its prerequisites: the milestone before
    /// it achieved on or before that day and, for progression, being in work that day.
    /// </summary>
    public static bool PrerequisitesMet(Milestone milestone, DateOnly on, IEnumerable<AchievedMilestone> achieved, bool inWorkOn)
    {
        ArgumentNullException.ThrowIfNull(achieved);
        if (milestone == Milestone.Progression && !inWorkOn)
        {
            return false;
        }

        return Prerequisite(milestone) is not { } required || achieved.Any(a => a.Milestone == required && a.On <= on);
    }

    /// <summary>The milestones achieved on or before <paramref name="asOf"/>, in date order, each at most once.</summary>
    public static IReadOnlyList<AchievedMilestone> Derive(ParticipantFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var achieved = new List<AchievedMilestone>();

        if (facts.EngagedOn is { } engaged && engaged <= asOf)
        {
            achieved.Add(new(Milestone.Engaged, engaged));
        }

        // A job outcome is the first job started on or after registration by someone out of work.
        var sinceRegistration = facts.JobSpells.Where(s => s.Start >= facts.RegisteredOn && s.Start <= asOf).ToList();
        if (facts.Cohort != Cohort.Employed && sinceRegistration.Count > 0)
        {
            achieved.Add(new(Milestone.JobOutcome, sinceRegistration.Min(s => s.Start)));
            achieved.AddRange(SustainmentRules.Reached(sinceRegistration, facts.SustainmentGapDays, asOf)
                .Select(r => new AchievedMilestone(r.Milestone, r.On)));
        }

        var progression = facts.ProgressionEvents
            .Where(e => e.Qualifies && e.On >= facts.RegisteredOn && e.On <= asOf && facts.InWorkOn(e.On))
            .OrderBy(e => e.On)
            .Select(e => (DateOnly?)e.On)
            .FirstOrDefault();
        if (progression is { } progressedOn)
        {
            achieved.Add(new(Milestone.Progression, progressedOn));
        }

        return [.. achieved.OrderBy(a => a.On).ThenBy(a => a.Milestone)];
    }
}
