using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConnectingCommunities.Bench;

/// <summary>
/// The real app for a benchmark: Kestrel on a free local port over a new database (SQLite: a file
/// in a temporary folder; PostgreSQL: a new database on the server, dropped afterwards), with the
/// demo users' password known so the benchmark can sign in as any of them.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string Password = "BenchPassword123";
    public const string DefaultServer = "Host=127.0.0.1;Port=55433;Username=postgres";

    private readonly string folder;
    private readonly Func<Task>? dropDatabase;

    private BenchHost(WebApplication app, Uri address, string folder, Func<Task>? dropDatabase)
    {
        App = app;
        Address = address;
        this.folder = folder;
        this.dropDatabase = dropDatabase;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Starts the app on a new database named after <paramref name="databaseName"/> (PostgreSQL only).</summary>
    public static async Task<BenchHost> StartAsync(
        DatabaseProvider provider, string? server, string databaseName, int demoParticipants, IDictionary<string, string?>? extraSettings = null)
    {
        var folder = Directory.CreateTempSubdirectory("cc-bench-").FullName;
        var (connection, drop) = await PrepareDatabaseAsync(provider, server ?? DefaultServer, databaseName, folder);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connection,
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = Password,
            ["Demo:Participants"] = demoParticipants.ToString(CultureInfo.InvariantCulture),
            ["DataProtection:KeysFolder"] = Path.Combine(folder, "keys"),
            ["Evidence:Folder"] = Path.Combine(folder, "evidence"),
            ["Security:SignInAttemptsPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:ConnectingCommunities.Web.Infrastructure.DatabaseInitialiser"] = "Information",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = WebApp.Build(["--contentRoot", FindWebProject()], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new BenchHost(app, address, folder, drop);
    }

    /// <summary>A bearer token for a demo user.</summary>
    public static async Task<string> TokenAsync(HttpClient http, string email)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        return token.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Drops a PostgreSQL database if it exists; the name must be lower case letters, digits and _.</summary>
    public static async Task DropDatabaseAsync(string server, string name)
    {
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException("A database name here is lower case letters, digits and _.", nameof(name));
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (dropDatabase is not null)
        {
            await dropDatabase();
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(string Connection, Func<Task>? Drop)> PrepareDatabaseAsync(DatabaseProvider provider, string server, string name, string folder)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return ($"Data Source={Path.Combine(folder, "bench.db")}", null);
        }

        await DropDatabaseAsync(server, name);
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return (connection, () => DropDatabaseAsync(server, name));
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindWebProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "ConnectingCommunities.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Could not find src/ConnectingCommunities.Web above the benchmark's binaries.");
    }
}
