using ConnectingCommunities.TestSupport;

namespace ConnectingCommunities.Web.Tests.Infrastructure;

/// <summary>
/// One running app over a fresh, seeded database per test class. Tests in a class share it, so a
/// test that changes data works on records of its own (a new lot, a new provider) rather than on
/// the nine lots of Table 1-1 that other tests read back.
/// </summary>
public abstract class AppFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TestApp? app;

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

        app = await TestApp.StartAsync(kind);
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

public sealed class SqliteApp() : AppFixture(DatabaseKind.Sqlite);

public sealed class PostgresApp() : AppFixture(DatabaseKind.Postgres);
