namespace ConnectingCommunities.Data.Auditing;

/// <summary>Who is making the changes in this unit of work, and why. Scoped per request.</summary>
public interface IAuditActor
{
    Guid? UserId { get; }
    string UserName { get; }

    /// <summary>The reason the user gave for the change, recorded with every change in the save.</summary>
    string? Reason { get; set; }
}

/// <summary>Changes made by the platform itself (migrations, seeding, scheduled jobs, the CLI).</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public Guid? UserId => null;
    public string UserName { get; init; } = "system";
    public string? Reason { get; set; }
}
