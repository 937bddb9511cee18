namespace ConnectingCommunities.Domain.Support;

/// <summary>
/// Where an action in a participant's plan stands. The evaluation counted actions "identified but
/// not implemented", so an action that was never agreed or done keeps its identified status or is
/// closed as not done with a reason, rather than being deleted.
/// </summary>
public enum ActionStatus
{
    Identified = 1,
    Agreed = 2,
    Completed = 3,
    NotDone = 4,
}

public static class ActionStatuses
{
    public static IReadOnlyList<ActionStatus> All { get; } = Enum.GetValues<ActionStatus>();

    public static string DisplayName(this ActionStatus status) => status switch
    {
        ActionStatus.Identified => "Identified",
        ActionStatus.Agreed => "Agreed",
        ActionStatus.Completed => "Completed",
        ActionStatus.NotDone => "Not done",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>Still to do: counts towards overdue when its due date has passed.</summary>
    public static bool IsOpen(this ActionStatus status) => status is ActionStatus.Identified or ActionStatus.Agreed;

    /// <summary>Identified but never implemented: not agreed and done.</summary>
    public static bool IsNotImplemented(this ActionStatus status) => status is ActionStatus.Identified or ActionStatus.NotDone;

    /// <summary>An action overdue on <paramref name="today"/>: still open and due before today.</summary>
    public static bool IsOverdue(ActionStatus status, DateOnly? dueOn, DateOnly today) =>
        status.IsOpen() && dueOn is { } due && due < today;

    /// <summary>The moves the plan allows: any open action can be agreed, completed or closed as not done.</summary>
    public static bool CanMove(ActionStatus from, ActionStatus to) => (from, to) switch
    {
        (ActionStatus.Identified, ActionStatus.Agreed or ActionStatus.Completed or ActionStatus.NotDone) => true,
        (ActionStatus.Agreed, ActionStatus.Completed or ActionStatus.NotDone) => true,
        _ => from == to,
    };
}
