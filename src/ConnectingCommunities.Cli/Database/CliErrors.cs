using System.Data.Common;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Demo;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConnectingCommunities.Cli.Database;

/// <summary>Turns the problems a database command can meet into one line on stderr and exit code 2.</summary>
internal static class CliErrors
{
    public static async Task<int> RunAsync(string command, TextWriter error, Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (Exception e) when (e is CliInputException or DemoDataException or DbException or ArgumentException
            or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            await error.WriteLineAsync($"cc {command}: {Message(e)}");
            return CcApp.InputErrorExitCode;
        }
    }

    /// <summary>The database in words, without the connection string's password.</summary>
    public static string Describe(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString);
            return $"PostgreSQL database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}";
        }

        return $"SQLite database {Path.GetFullPath(new SqliteConnectionStringBuilder(options.EffectiveConnectionString).DataSource)}";
    }

    private static string Message(Exception e) => e switch
    {
        NpgsqlException { InnerException: { } inner } when e is not PostgresException => $"cannot reach PostgreSQL: {inner.Message}",
        PostgresException postgres => $"PostgreSQL refused: {postgres.MessageText}",
        SqliteException sqlite => $"SQLite: {sqlite.Message}",
        _ => e.Message,
    };
}
