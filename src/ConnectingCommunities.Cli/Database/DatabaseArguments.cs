using System.CommandLine;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Auditing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Cli.Database;

/// <summary>
/// The options that choose a database, as the web app's settings do: <c>--provider</c> and
/// <c>--connection</c>, falling back to the <c>Database__Provider</c> and
/// <c>Database__ConnectionString</c> environment variables (so a password need not be typed on
/// the command line), then to the SQLite file <c>data/connecting-communities.db</c>.
/// </summary>
internal sealed class DatabaseArguments
{
    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "Sqlite or Postgres (default: the Database__Provider environment variable, else Sqlite).",
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "The connection string (default: the Database__ConnectionString environment variable; for SQLite, Data Source=data/connecting-communities.db).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    /// <exception cref="CliInputException">The provider is unknown, or PostgreSQL has no connection string.</exception>
    public DatabaseOptions Resolve(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var providerText = parseResult.GetValue(Provider) ?? Environment.GetEnvironmentVariable("Database__Provider");
        var provider = providerText?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
            _ => throw new CliInputException($"--provider must be Sqlite or Postgres, not '{providerText}'."),
        };
        var connection = parseResult.GetValue(Connection) ?? Environment.GetEnvironmentVariable("Database__ConnectionString");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connection))
        {
            throw new CliInputException(
                "--connection is required for PostgreSQL, e.g. --connection \"Host=localhost;Database=cc;Username=cc\" (or set Database__ConnectionString).");
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = connection };
    }

    /// <summary>The database services the web app uses, with changes audited as made by <paramref name="actor"/>.</summary>
    public static ServiceProvider Services(DatabaseOptions options, string actor)
    {
        var services = new ServiceCollection();
        services.AddCcDatabase(options);
        services.AddScoped<IAuditActor>(_ => new SystemAuditActor { UserName = actor });
        return services.BuildServiceProvider();
    }
}

/// <summary>A problem with what the caller asked for, reported on stderr with exit code 2.</summary>
public sealed class CliInputException : Exception
{
    public CliInputException()
    {
    }

    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
