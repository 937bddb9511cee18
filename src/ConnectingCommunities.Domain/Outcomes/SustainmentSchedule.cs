using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Outcomes;

/// <summary>A sustainment check and the day it falls due.</summary>
/// <param name="Milestone">Sustained13Weeks, Sustained26Weeks or Sustained52Weeks.</param>
/// <param name="DueOn">The day the check falls due: the start plus the whole number of weeks.</param>
public readonly record struct SustainmentCheckDue(Milestone Milestone, DateOnly DueOn);

/// <summary>
/// When the 13, 26 and 52-week sustainment checks fall due. Connecting Communities paid
/// sustainment "at 13, 26 and 52 weeks" from the job start (the evaluation and the programme's
/// payment model); the documents do not count the weeks any other way, so a week is 7 calendar
/// days and the check falls due exactly 91, 182 or 364 days after the start. Counting in days
/// rather than months keeps the due day on the same weekday as the start and is not disturbed
/// by month ends or 29 February (52 weeks is 364 days, one or two days short of a calendar year).
/// </summary>
public static class SustainmentSchedule
{
    /// <summary>The sustainment milestones in the order they are reached.</summary>
    public static IReadOnlyList<Milestone> Milestones { get; } =
        [Milestone.Sustained13Weeks, Milestone.Sustained26Weeks, Milestone.Sustained52Weeks];

    /// <summary>How many weeks of continuous employment a sustainment milestone needs.</summary>
    public static int Weeks(Milestone milestone) => milestone switch
    {
        Milestone.Sustained13Weeks => 13,
        Milestone.Sustained26Weeks => 26,
        Milestone.Sustained52Weeks => 52,
        _ => throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "Not a sustainment milestone."),
    };

    /// <summary>Whether the milestone is one of the three sustainment milestones.</summary>
    public static bool IsSustainment(Milestone milestone) =>
        milestone is Milestone.Sustained13Weeks or Milestone.Sustained26Weeks or Milestone.Sustained52Weeks;

    /// <summary>The day the check falls due: <paramref name="start"/> plus 7 days for each week.</summary>
    public static DateOnly DueOn(DateOnly start, Milestone milestone) => start.AddDays(Weeks(milestone) * 7);

    /// <summary>All three checks for a job (or run of jobs) that started on <paramref name="start"/>.</summary>
    public static IReadOnlyList<SustainmentCheckDue> ChecksFor(DateOnly start) =>
        [.. Milestones.Select(m => new SustainmentCheckDue(m, DueOn(start, m)))];
}
