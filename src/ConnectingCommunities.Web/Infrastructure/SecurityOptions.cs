namespace ConnectingCommunities.Web.Infrastructure;

/// <summary>The "Security" configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public bool RequireTwoFactorForCommissioners { get; set; }

    /// <summary>Sign-in and token requests allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 60;

    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>Requests sent from the public "Get help finding work" form per client address per minute.</summary>
    public int HelpRequestsPerMinute { get; set; } = 5;

    /// <summary>A help request sent sooner than this after the form was shown is taken as automated and not saved.</summary>
    public int HelpRequestMinimumSeconds { get; set; } = 3;
}

/// <summary>The "Demo" configuration section.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Null means: on for the SQLite default, off for PostgreSQL.</summary>
    public bool? Enabled { get; set; }

    public string? Password { get; set; }
}
