using ConnectingCommunities.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ConnectingCommunities.TestSupport;

/// <summary>
/// The real application over a database of its own, with the demo programme and users seeded:
/// in memory (TestServer) for feature tests, on a real port (Kestrel) for browser tests.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly string folder;
    private readonly string? postgresDatabase;

    private TestApp(WebApplication app, string folder, string? postgresDatabase, DatabaseKind kind)
    {
        App = app;
        this.folder = folder;
        this.postgresDatabase = postgresDatabase;
        Kind = kind;
    }

    public WebApplication App { get; }

    public DatabaseKind Kind { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The base address when started on a real port.</summary>
    public Uri? Address { get; private set; }

    public static async Task<TestApp> StartAsync(DatabaseKind kind, bool realServer = false, IDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("cc-test-").FullName;
        string? postgresDatabase = null;
        var config = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = TestEnvironment.DemoPassword,

            // Tests make the participants they need; a test that wants the demo caseload sets a number.
            ["Demo:Participants"] = "0",
            ["DataProtection:KeysFolder"] = Path.Combine(folder, "keys"),
            ["Evidence:Folder"] = Path.Combine(folder, "evidence"),
            ["Security:SignInAttemptsPerMinute"] = "100000",
            ["Security:HelpRequestsPerMinute"] = "100000",
            ["Security:HelpRequestMinimumSeconds"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        if (kind == DatabaseKind.Postgres)
        {
            TestEnvironment.RequirePostgres();
            postgresDatabase = "cc_test_" + Guid.NewGuid().ToString("N")[..12];
            await CreatePostgresDatabaseAsync(postgresDatabase);
            config["Database:Provider"] = "Postgres";
            config["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = postgresDatabase }.ConnectionString;
        }
        else
        {
            config["Database:Provider"] = "Sqlite";
            config["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "test.db")}";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var webRoot = FindWebProject();
        var app = WebApp.Build(["--contentRoot", webRoot], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (realServer)
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            }
            else
            {
                builder.WebHost.UseTestServer();
            }
        });
        await app.StartAsync();
        var testApp = new TestApp(app, folder, postgresDatabase, kind);
        if (realServer)
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            testApp.Address = new Uri(address);
        }

        return testApp;
    }

    /// <summary>An HTTP client with its own cookie jar that does not follow redirects.</summary>
    public TestClient CreateClient()
    {
        HttpMessageHandler inner = Address is null
            ? App.GetTestServer().CreateHandler()
            : new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        var http = new HttpClient(new CookieJarHandler(inner)) { BaseAddress = Address ?? new Uri("http://localhost") };
        return new TestClient(http);
    }

    public async Task<TestClient> SignInAsync(string email)
    {
        var client = CreateClient();
        await client.SignInAsync(email);
        return client;
    }

    public async Task<TestClient> ApiClientAsync(string email)
    {
        var client = CreateClient();
        await client.UseBearerTokenAsync(email);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by a pooled connection is removed with the temp folder later.
        }
    }

    private static async Task CreatePostgresDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresServer);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>The web project's folder, so that wwwroot and appsettings.json are those of the app.</summary>
    private static string FindWebProject()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "src", "ConnectingCommunities.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException("Could not find src/ConnectingCommunities.Web above the test binaries.");
    }
}
