namespace ConnectingCommunities.Domain.Support;

/// <summary>
/// How a contact with a participant took place. The programme moved to hybrid delivery (phone,
/// video and online beside face to face) when the Covid-19 restrictions began in March 2020.
/// The names are the API's codes.
/// </summary>
public enum InterventionMode
{
    FaceToFace = 1,
    Telephone = 2,
    Video = 3,
    OnlineMessage = 4,
    GroupSession = 5,
}

public static class InterventionModes
{
    public static IReadOnlyList<InterventionMode> All { get; } = Enum.GetValues<InterventionMode>();

    public static string DisplayName(this InterventionMode mode) => mode switch
    {
        InterventionMode.FaceToFace => "Face to face",
        InterventionMode.Telephone => "Telephone",
        InterventionMode.Video => "Video call",
        InterventionMode.OnlineMessage => "Online message",
        InterventionMode.GroupSession => "Group session",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown mode."),
    };

    /// <summary>Remote delivery, which the evaluation compares with face to face.</summary>
    public static bool IsRemote(this InterventionMode mode) =>
        mode is InterventionMode.Telephone or InterventionMode.Video or InterventionMode.OnlineMessage;
}
