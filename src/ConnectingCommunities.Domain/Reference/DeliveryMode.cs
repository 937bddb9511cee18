namespace ConnectingCommunities.Domain.Reference;

/// <summary>How an intervention was delivered.</summary>
public sealed record DeliveryMode(string Code, string DisplayName) : IReferenceItem
{
    public override string ToString() => DisplayName;
}

/// <summary>
/// Delivery modes of the Connecting Communities programme, which moved to hybrid delivery
/// (phone and online beside face to face) during the Covid-19 restrictions.
/// </summary>
public static class DeliveryModes
{
    public static DeliveryMode FaceToFace { get; } = new("faceToFace", "Face to face");

    public static DeliveryMode Phone { get; } = new("phone", "Phone");

    public static DeliveryMode Online { get; } = new("online", "Online");

    public static IReadOnlyList<DeliveryMode> All { get; } = [FaceToFace, Phone, Online];

    public static DeliveryMode? Find(string? code) => Catalogue.Find(All, code);
}
