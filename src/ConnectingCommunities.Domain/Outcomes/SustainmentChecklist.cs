using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Outcomes;

/// <summary>Where a sustainment check stands; the names are the API's codes.</summary>
public enum SustainmentCheckState
{
    /// <summary>The due day is still to come.</summary>
    Upcoming = 1,

    /// <summary>The due day is today: the check can be recorded from today.</summary>
    Due = 2,

    /// <summary>The due day has passed and no result is recorded yet.</summary>
    Overdue = 3,

    /// <summary>Recorded: still in work on the due day.</summary>
    InWork = 4,

    /// <summary>Recorded: not in work on the due day.</summary>
    NotInWork = 5,

    /// <summary>
    /// Nothing recorded, and as recorded the run of employment ended before the due day (the last
    /// job ended and no other started within the allowed gap), so there is nothing to check. If
    /// another job did start within the gap, recording that job start brings the check back.
    /// </summary>
    EmploymentEnded = 6,

    /// <summary>
    /// Nothing recorded, and the milestone was already achieved from an earlier run of employment:
    /// each sustainment milestone is achieved once, so this check is not needed.
    /// </summary>
    AlreadyAchieved = 7,
}

/// <summary>A check recorded for a run of employment.</summary>
/// <param name="Milestone">The sustainment milestone checked.</param>
/// <param name="RunStart">The first day of the run it counts from.</param>
/// <param name="InWork">Whether the participant was found in work on the due day.</param>
public readonly record struct RecordedSustainmentCheck(Milestone Milestone, DateOnly RunStart, bool InWork);

/// <summary>One check of one run of employment and where it stands.</summary>
/// <param name="Milestone">Sustained13Weeks, Sustained26Weeks or Sustained52Weeks.</param>
/// <param name="Run">The run of employment the check counts from.</param>
/// <param name="DueOn">The day it falls due.</param>
/// <param name="State">Where it stands on the day it was judged.</param>
public readonly record struct SustainmentCheckItem(Milestone Milestone, EmploymentRun Run, DateOnly DueOn, SustainmentCheckState State)
{
    /// <summary>Whether the check still needs someone to record it: due, overdue or upcoming.</summary>
    public bool IsOutstanding => State is SustainmentCheckState.Upcoming or SustainmentCheckState.Due or SustainmentCheckState.Overdue;

    /// <summary>Whole days since the due day while the check is overdue; 0 otherwise.</summary>
    public int DaysOverdue(DateOnly today) => State == SustainmentCheckState.Overdue ? today.DayNumber - DueOn.DayNumber : 0;
}

/// <summary>
/// Every sustainment check of a participant's runs of employment since the job outcome, with
/// where each stands: what the participant page lists and what the "checks due" worklist is made
/// of. A check is tied to its run (<see cref="EmploymentContinuity"/>): a change of job within the
/// allowed gap keeps the run and its due days; a longer gap starts a new run with checks of its own.
/// </summary>
public static class SustainmentChecklist
{
    /// <summary>The checks of every run, earliest due first.</summary>
    /// <param name="spells">Job spells since registration (the ones that count for sustainment).</param>
    /// <param name="allowedGapDays">The programme's allowed gap between jobs.</param>
    /// <param name="recorded">Checks already recorded.</param>
    /// <param name="achieved">Sustainment milestones already achieved, with their dates.</param>
    /// <param name="today">The day to judge on; jobs starting after it are not counted.</param>
    public static IReadOnlyList<SustainmentCheckItem> For(
        IEnumerable<JobSpell> spells, int allowedGapDays, IEnumerable<RecordedSustainmentCheck> recorded,
        IEnumerable<AchievedMilestone> achieved, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(spells);
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(achieved);
        var results = recorded.GroupBy(r => (r.Milestone, r.RunStart)).ToDictionary(g => g.Key, g => g.First().InWork);
        var achievedOn = achieved.GroupBy(a => a.Milestone).ToDictionary(g => g.Key, g => g.Min(a => a.On));
        var items = new List<SustainmentCheckItem>();
        foreach (var run in EmploymentContinuity.Runs(spells.Where(s => s.Start <= today), allowedGapDays))
        {
            foreach (var check in SustainmentSchedule.ChecksFor(run.Start))
            {
                items.Add(new(check.Milestone, run, check.DueOn, State(check, run, results, achievedOn, today)));
            }
        }

        return [.. items.OrderBy(i => i.DueOn).ThenBy(i => i.Milestone)];
    }

    /// <summary>
    /// The check a new result is for: the latest check of the milestone due on or before
    /// <paramref name="checkedOn"/> (recorded or not, so that recording one twice is noticed),
    /// optionally only in the run that <paramref name="inRun"/> falls in; null when none is due yet.
    /// </summary>
    public static SustainmentCheckItem? CheckToRecord(
        IReadOnlyList<SustainmentCheckItem> checks, Milestone milestone, DateOnly checkedOn, DateOnly? inRun = null)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return checks
            .Where(c => c.Milestone == milestone && c.DueOn <= checkedOn && (inRun is not { } day || c.Run.Covers(day)))
            .OrderByDescending(c => c.DueOn)
            .Select(c => (SustainmentCheckItem?)c)
            .FirstOrDefault();
    }

    private static SustainmentCheckState State(
        SustainmentCheckDue check, EmploymentRun run, Dictionary<(Milestone, DateOnly), bool> results,
        Dictionary<Milestone, DateOnly> achievedOn, DateOnly today)
    {
        if (results.TryGetValue((check.Milestone, run.Start), out var inWork))
        {
            return inWork ? SustainmentCheckState.InWork : SustainmentCheckState.NotInWork;
        }

        if (achievedOn.TryGetValue(check.Milestone, out var on) && on < check.DueOn)
        {
            return SustainmentCheckState.AlreadyAchieved;
        }

        if (run.End is { } end && end < check.DueOn)
        {
            return SustainmentCheckState.EmploymentEnded;
        }

        return check.DueOn > today ? SustainmentCheckState.Upcoming
            : check.DueOn == today ? SustainmentCheckState.Due
            : SustainmentCheckState.Overdue;
    }
}
