namespace ConnectingCommunities.Domain.People;

/// <summary>What a participant said about work at registration, as the API names it.</summary>
public enum EmploymentStatus
{
    /// <summary>Out of work, last in work on a known date.</summary>
    OutOfWork = 1,

    /// <summary>Has never had paid work: the longest time out of work there is.</summary>
    NeverWorked = 2,

    /// <summary>In paid work and seeking to progress.</summary>
    Employed = 3,
}

/// <summary>Whether a participant is on the programme.</summary>
public enum ParticipantStatus
{
    Active = 1,

    /// <summary>Left the programme on a date with a reason; they can re-join.</summary>
    Left = 2,
}

/// <summary>How much a barrier stands in the way of work, as the advisor and participant judge it.</summary>
public enum BarrierSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public static class ParticipantStatusNames
{
    public static string DisplayName(this EmploymentStatus status) => status switch
    {
        EmploymentStatus.OutOfWork => "Out of work",
        EmploymentStatus.NeverWorked => "Never worked",
        EmploymentStatus.Employed => "In work",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static string DisplayName(this ParticipantStatus status) => status switch
    {
        ParticipantStatus.Active => "Active",
        ParticipantStatus.Left => "Left the programme",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static string DisplayName(this BarrierSeverity severity) => severity switch
    {
        BarrierSeverity.Low => "Low",
        BarrierSeverity.Medium => "Medium",
        BarrierSeverity.High => "High",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };
}

/// <summary>Why a participant left the programme.</summary>
public sealed record LeavingReason(string Code, string DisplayName) : Reference.IReferenceItem
{
    public override string ToString() => DisplayName;
}

public static class LeavingReasons
{
    public static IReadOnlyList<LeavingReason> All { get; } =
    [
        new("movedOutOfArea", "Moved out of the area"),
        new("noLongerWantsSupport", "No longer wants support"),
        new("lostContact", "Lost contact"),
        new("healthReasons", "Health reasons"),
        new("referredElsewhere", "Referred to another programme"),
        new("supportCompleted", "Support completed"),
        new("died", "Died"),
        new("other", "Other"),
    ];

    public static LeavingReason? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : All.FirstOrDefault(r => string.Equals(r.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
