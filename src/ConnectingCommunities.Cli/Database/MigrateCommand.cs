using System.CommandLine;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Cli.Database;

/// <summary>
/// <c>cc migrate</c>: applies the migrations (creating a PostgreSQL database that does not exist
/// yet) and creates the programme of the source documents when there is none, as the web app
/// does at start, so that a database can be prepared for scale tests without the web app.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var database = new DatabaseArguments();
        var command = new Command("migrate", "Apply the database migrations and create the programme (lots, contracts, tariffs, targets) if there is none.");
        database.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return CliErrors.RunAsync("migrate", configuration.Error, async () =>
            {
                var options = database.Resolve(parseResult);
                await RunAsync(options, configuration.Output, cancellationToken);
            });
        });
        return command;
    }

    public static async Task RunAsync(DatabaseOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = DatabaseArguments.Services(options, "cc migrate");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        var where = CliErrors.Describe(options);
        await output.WriteLineAsync(pending.Count == 0
            ? $"The {where} was already up to date."
            : $"Applied {pending.Count} migration{(pending.Count == 1 ? "" : "s")} to the {where}: {string.Join(", ", pending.Select(Name))}.");
        var seeded = await ProgrammeSeeder.SeedIfEmptyAsync(db, cancellationToken);
        await output.WriteLineAsync(seeded
            ? "Created the Connecting Communities programme from the seed file (nine lots, their areas, contracts, tariffs and targets)."
            : "The programme already exists; it was left as it is.");
    }

    /// <summary>"20261123092120_Initial" reads as "Initial".</summary>
    private static string Name(string migration) => migration.Split('_', 2) is [_, var name] ? name : migration;
}
