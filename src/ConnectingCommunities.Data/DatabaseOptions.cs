namespace ConnectingCommunities.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file under data/ beside the working directory.</summary>
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString => ConnectionString is { Length: > 0 } cs
        ? cs
        : Provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine("data", "connecting-communities.db")}"
            : throw new InvalidOperationException(
                "Database:ConnectionString is required when Database:Provider is Postgres, e.g. \"Host=localhost;Database=cc;Username=cc;Password=...\".");
}
