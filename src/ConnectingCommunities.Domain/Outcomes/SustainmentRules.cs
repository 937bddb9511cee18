using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Outcomes;

/// <summary>A sustainment milestone reached and the day it was reached.</summary>
public readonly record struct SustainmentReached(Milestone Milestone, DateOnly On);

/// <summary>
/// Which sustainment milestones a participant has reached. A milestone is reached on its due day
/// (<see cref="SustainmentSchedule.DueOn"/>) when the participant has been in continuous
/// employment (<see cref="EmploymentContinuity"/>) from the start of the run up to and including
/// that day. A due day that falls inside an allowed gap between two jobs counts once the next job
/// has started, because the run is continuous across the gap.
/// </summary>
/// <remarks>
/// If a run breaks (a gap longer than allowed) the clock restarts at the next job, so a
/// participant who lost a job in the first weeks can still sustain a later one. Each milestone
/// counts once, on the earliest day any run reached it; that is always in order (13 weeks before
/// 26 before 52) because each run reaches them in order.
/// </remarks>
public static class SustainmentRules
{
    /// <summary>The sustainment milestones reached on or before <paramref name="asOf"/>, earliest first.</summary>
    /// <param name="spells">The participant's job spells since the job outcome.</param>
    /// <param name="allowedGapDays">The programme's allowed gap between jobs (default <see cref="EmploymentContinuity.DefaultGapDays"/>).</param>
    /// <param name="asOf">The day to judge on; spells starting after it are not yet known to have happened.</param>
    public static IReadOnlyList<SustainmentReached> Reached(IEnumerable<JobSpell> spells, int allowedGapDays, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(spells);
        var known = spells.Where(s => s.Start <= asOf);
        var reached = new Dictionary<Milestone, DateOnly>();
        foreach (var run in EmploymentContinuity.Runs(known, allowedGapDays))
        {
            foreach (var check in SustainmentSchedule.ChecksFor(run.Start))
            {
                if (check.DueOn <= asOf && run.Covers(check.DueOn)
                    && (!reached.TryGetValue(check.Milestone, out var earlier) || check.DueOn < earlier))
                {
                    reached[check.Milestone] = check.DueOn;
                }
            }
        }

        return [.. reached.Select(r => new SustainmentReached(r.Key, r.Value)).OrderBy(r => r.On).ThenBy(r => r.Milestone)];
    }

    /// <summary>
    /// The checks of the participant's current run of employment that are not yet reached, for
    /// the "checks due" worklist: empty when the participant is not in work on <paramref name="asOf"/>.
    /// </summary>
    public static IReadOnlyList<SustainmentCheckDue> ChecksOutstanding(IEnumerable<JobSpell> spells, int allowedGapDays, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(spells);
        var list = spells.ToList();
        var current = EmploymentContinuity.Runs(list.Where(s => s.Start <= asOf), allowedGapDays)
            .Where(r => r.Covers(asOf))
            .Select(r => (EmploymentRun?)r)
            .LastOrDefault();
        if (current is null)
        {
            return [];
        }

        var reached = Reached(list, allowedGapDays, asOf).Select(r => r.Milestone).ToHashSet();
        return [.. SustainmentSchedule.ChecksFor(current.Value.Start).Where(c => !reached.Contains(c.Milestone))];
    }
}
