using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Support;

/// <summary>How a date someone says a thing happened on stands against the participant's time on the programme.</summary>
public enum HappenedOnCheck
{
    Ok = 0,

    /// <summary>Before the participant registered: nothing in their plan can predate it.</summary>
    BeforeRegistration = 1,

    /// <summary>After today: a thing cannot have happened yet.</summary>
    InFuture = 2,
}

/// <summary>What adding a barrier a participant may already have means.</summary>
public enum BarrierAddition
{
    /// <summary>Not recorded before: a new barrier.</summary>
    New = 1,

    /// <summary>Recorded and since resolved: it stands in the way again, so the record reopens with its history.</summary>
    Reopen = 2,

    /// <summary>Recorded and not resolved: review it instead of adding it twice.</summary>
    AlreadyOpen = 3,
}

/// <summary>Actions of a plan (or of many plans) counted by status, as the evaluation counted them.</summary>
public sealed record ActionCounts(int Identified, int Agreed, int Completed, int NotDone, int Overdue)
{
    public int Total => Identified + Agreed + Completed + NotDone;

    /// <summary>Identified but not implemented: still only identified, or closed as not done.</summary>
    public int NotImplemented => ActionStatuses.All.Where(s => s.IsNotImplemented()).Sum(WithStatus);

    public int WithStatus(ActionStatus status) => status switch
    {
        ActionStatus.Identified => Identified,
        ActionStatus.Agreed => Agreed,
        ActionStatus.Completed => Completed,
        ActionStatus.NotDone => NotDone,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static ActionCounts Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Counts from a count per status (statuses missing count as none) and the number overdue.</summary>
    public static ActionCounts From(IReadOnlyDictionary<ActionStatus, int> byStatus, int overdue)
    {
        ArgumentNullException.ThrowIfNull(byStatus);
        return new(
            byStatus.GetValueOrDefault(ActionStatus.Identified),
            byStatus.GetValueOrDefault(ActionStatus.Agreed),
            byStatus.GetValueOrDefault(ActionStatus.Completed),
            byStatus.GetValueOrDefault(ActionStatus.NotDone),
            overdue);
    }

    /// <summary>Counts a plan's actions on <paramref name="today"/>.</summary>
    public static ActionCounts Count(IEnumerable<(ActionStatus Status, DateOnly? DueOn)> actions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        var byStatus = list.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        return From(byStatus, list.Count(a => ActionStatuses.IsOverdue(a.Status, a.DueOn, today)));
    }

    public static ActionCounts operator +(ActionCounts left, ActionCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(
            left.Identified + right.Identified, left.Agreed + right.Agreed, left.Completed + right.Completed,
            left.NotDone + right.NotDone, left.Overdue + right.Overdue);
    }

    public static ActionCounts Add(ActionCounts left, ActionCounts right) => left + right;
}

/// <summary>
/// Rules of barriers and action plans beyond the status moves of <see cref="ActionStatuses"/>:
/// which dates make sense, when a barrier is added again, and which choices need words.
/// </summary>
public static class PlanRules
{
    /// <summary>The statuses an action may be given from <paramref name="from"/>, its own included, in order.</summary>
    public static IReadOnlyList<ActionStatus> NextStatuses(ActionStatus from) =>
        ActionStatuses.All.Where(to => ActionStatuses.CanMove(from, to)).ToList();

    /// <summary>
    /// A date something happened on (identified, agreed, completed, reviewed, achieved): not before
    /// the participant registered, and not after today.
    /// </summary>
    public static HappenedOnCheck CheckHappenedOn(DateOnly date, DateOnly registeredOn, DateOnly today)
    {
        if (date < registeredOn)
        {
            return HappenedOnCheck.BeforeRegistration;
        }

        return date > today ? HappenedOnCheck.InFuture : HappenedOnCheck.Ok;
    }

    /// <summary>Adding a barrier the participant may already have, given the recorded one's resolution date.</summary>
    public static BarrierAddition Adding(bool alreadyRecorded, DateOnly? resolvedOn) =>
        !alreadyRecorded ? BarrierAddition.New
        : resolvedOn is null ? BarrierAddition.AlreadyOpen
        : BarrierAddition.Reopen;

    /// <summary>
    /// A review must not predate the barrier's latest review (the first is the identification):
    /// the barrier as it stands is what its latest review found, so the history reads in order.
    /// </summary>
    public static bool IsReviewInOrder(DateOnly reviewedOn, DateOnly latestReviewOn) => reviewedOn >= latestReviewOn;

    /// <summary>"Other ..." actions say in words what the action is; catalogue actions may add details.</summary>
    public static bool NeedsDetails(ActionTemplate action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Code.StartsWith("other", StringComparison.Ordinal);
    }

    /// <summary>A barrier of the "other" kind is described in the notes, or nobody knows what it is.</summary>
    public static bool NeedsDescription(Reference.Barrier barrier)
    {
        ArgumentNullException.ThrowIfNull(barrier);
        return barrier.Code == Barriers.Other.Code;
    }
}
