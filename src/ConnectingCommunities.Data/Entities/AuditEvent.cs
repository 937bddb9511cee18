namespace ConnectingCommunities.Data.Entities;

/// <summary>
/// One change or one view of a personal record. Append-only: the app never updates or deletes
/// these rows, and database triggers refuse it if anything tries.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>created, updated, deleted, viewed, signed-in ...</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public Guid? LotId { get; set; }

    /// <summary>The participant whose record this is about, for their timeline and subject access requests.</summary>
    public Guid? ParticipantId { get; set; }
    public string? Summary { get; set; }

    /// <summary>JSON object of property -> {"from","to"}.</summary>
    public string? Changes { get; set; }
    public string? Reason { get; set; }
}
