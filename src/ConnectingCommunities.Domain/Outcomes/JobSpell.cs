using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Outcomes;

/// <summary>One period in one job.</summary>
/// <param name="Start">The first day of work.</param>
/// <param name="End">The last day of work; null while the job continues.</param>
public readonly record struct JobSpell(DateOnly Start, DateOnly? End)
{
    /// <summary>Whether the participant was in this job on <paramref name="day"/>.</summary>
    public bool Covers(DateOnly day) => new DateRange(Start, End).Contains(day);
}

/// <summary>
/// A run of continuous employment: one or more job spells joined because the gaps between them
/// were within the allowed number of days. The days of an allowed gap count as part of the run,
/// so changing job does not restart the sustainment clock.
/// </summary>
/// <param name="Start">The first day of the first job of the run.</param>
/// <param name="End">The last day of the last job; null while it continues.</param>
public readonly record struct EmploymentRun(DateOnly Start, DateOnly? End)
{
    public bool Covers(DateOnly day) => new DateRange(Start, End).Contains(day);
}

/// <summary>
/// Continuous employment across a change of job. The gap is the number of whole days out of work
/// between the last day of one job and the first day of the next (a job ending on 1 March and the
/// next starting on 2 March is a gap of 0). A gap of exactly the allowed number of days still
/// counts as continuous; one day more breaks the run.
/// </summary>
public static class EmploymentContinuity
{
    /// <summary>
    /// The default allowed gap between jobs (ProgrammeRecord.SustainmentGapDays): 28 days, four
    /// weeks, the usual allowance in UK employment programmes for a change of job between
    /// sustainment checks. Programme set-up may change it.
    /// </summary>
    public const int DefaultGapDays = 28;

    /// <summary>The days out of work between a job that ended on <paramref name="lastDay"/> and one starting on <paramref name="nextStart"/>; negative when they overlap.</summary>
    public static int GapDays(DateOnly lastDay, DateOnly nextStart) => nextStart.DayNumber - lastDay.DayNumber - 1;

    /// <summary>
    /// The spells joined into runs of continuous employment, earliest first. Overlapping spells
    /// (a second job taken before the first ends) simply merge.
    /// </summary>
    /// <param name="spells">Job spells in any order.</param>
    /// <param name="allowedGapDays">The largest gap between jobs that keeps employment continuous.</param>
    public static IReadOnlyList<EmploymentRun> Runs(IEnumerable<JobSpell> spells, int allowedGapDays)
    {
        ArgumentNullException.ThrowIfNull(spells);
        ArgumentOutOfRangeException.ThrowIfNegative(allowedGapDays);
        var runs = new List<EmploymentRun>();
        foreach (var spell in spells.OrderBy(s => s.Start))
        {
            if (spell.End is { } end && end < spell.Start)
            {
                throw new ArgumentException($"A job spell cannot end ({end:yyyy-MM-dd}) before it starts ({spell.Start:yyyy-MM-dd}).", nameof(spells));
            }

            if (runs.Count > 0 && runs[^1] is var last
                && (last.End is null || GapDays(last.End.Value, spell.Start) <= allowedGapDays))
            {
                runs[^1] = last with { End = Later(last.End, spell.End) };
            }
            else
            {
                runs.Add(new EmploymentRun(spell.Start, spell.End));
            }
        }

        return runs;
    }

    // An open end (still in work) is later than any day.
    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null || b is null ? null : (a > b ? a : b);
}
