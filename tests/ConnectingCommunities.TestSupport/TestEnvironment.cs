namespace ConnectingCommunities.TestSupport;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// What the machine offers the tests. PostgreSQL and Chromium tests skip with a clear message when
/// these are absent, unless CC_REQUIRE_ALL=1 (as CI sets), when their absence fails the run.
/// </summary>
public static class TestEnvironment
{
    public const string DemoPassword = "DemoPassword123";

    public static bool RequireAll => Environment.GetEnvironmentVariable("CC_REQUIRE_ALL") == "1";

    /// <summary>A server connection string without a database, e.g. "Host=127.0.0.1;Port=55432;Username=postgres".</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("CC_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Skips (or, when everything is required, fails) a test that needs what is missing.</summary>
    public static void Require(bool available, string what, string howToProvide)
    {
        if (available)
        {
            return;
        }

        var message = $"{what} is not available: {howToProvide}";
        if (RequireAll)
        {
            throw new InvalidOperationException(message + " (CC_REQUIRE_ALL=1, so this is a failure, not a skip)");
        }

        Assert.Skip(message);
    }

    public static void RequirePostgres() => TestEnvironment.Require(
        PostgresServer is not null, "PostgreSQL", "set CC_TEST_POSTGRES to a server connection string (.ci/run does this)");
}
