using ConnectingCommunities.TestSupport;

namespace ConnectingCommunities.Web.Tests.HelpRequests;

/// <summary>
/// The app for help request tests: like the shared fixture, but with the public form's rate limit
/// raised and its minimum fill time off, since tests send the form many times and at once. The
/// tests of those two protections start apps of their own with them on.
/// </summary>
public abstract class HelpRequestsApp(DatabaseKind kind) : IAsyncLifetime
{
    private TestApp? app;

    public static IDictionary<string, string?> Settings(int perMinute = 100_000, int minimumSeconds = 0) => new Dictionary<string, string?>
    {
        ["Security:HelpRequestsPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:HelpRequestMinimumSeconds"] = minimumSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public DatabaseKind Kind => kind;

    public TestApp App
    {
        get
        {
            if (kind == DatabaseKind.Postgres)
            {
                TestEnvironment.RequirePostgres();
            }

            return app ?? throw new InvalidOperationException("The app did not start.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (kind == DatabaseKind.Postgres && TestEnvironment.PostgresServer is null)
        {
            if (TestEnvironment.RequireAll)
            {
                throw new InvalidOperationException("CC_REQUIRE_ALL=1 but CC_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            }

            return;
        }

        app = await TestApp.StartAsync(kind, settings: Settings());
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class HelpRequestsSqliteApp() : HelpRequestsApp(DatabaseKind.Sqlite);

public sealed class HelpRequestsPostgresApp() : HelpRequestsApp(DatabaseKind.Postgres);
