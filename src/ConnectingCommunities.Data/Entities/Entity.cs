namespace ConnectingCommunities.Data.Entities;

/// <summary>A record with a time-ordered key (UUIDv7), so that inserts append to indexes.</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
}

/// <summary>
/// A record two people can edit at once. <see cref="Version"/> is checked and bumped on every
/// save, so the second of two conflicting edits is refused instead of silently winning.
/// </summary>
public abstract class VersionedEntity : Entity
{
    public int Version { get; set; }
}
