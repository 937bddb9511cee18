using System.CommandLine;
using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Cli.Database;

/// <summary>
/// <c>cc demo-data</c>: fills a migrated database that has no participants with a synthetic
/// caseload of any size (the web app creates about 4,000 at its first start), for demonstrations
/// and scale tests. PostgreSQL is loaded with binary COPY, SQLite with batched INSERTs, in one
/// transaction. Prints the rows loaded and the rate.
/// </summary>
internal static class DemoDataCommand
{
    public static Command Create()
    {
        var database = new DatabaseArguments();
        var participants = new Option<int?>("--participants")
        {
            Description = "How many participants to create across the nine lots (required), e.g. 200000.",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Another seed gives another caseload of the same shape; the same seed, the same caseload.",
            DefaultValueFactory = _ => DemoCaseloadGenerator.DefaultSeed,
        };
        var evidence = new Option<string?>("--evidence-folder")
        {
            Description = "The web app's evidence folder (Evidence:Folder, data/evidence by default): a small PDF is written there for each demo evidence record, so downloads work. Without it the records are loaded without their files.",
        };
        var command = new Command(
            "demo-data",
            "Create a synthetic caseload (participants with barriers, plans, interventions, job outcomes, sustainment, progression, evidence, milestones, claims and payments) in a database without participants.");
        command.Options.Add(participants);
        command.Options.Add(seed);
        command.Options.Add(evidence);
        database.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return CliErrors.RunAsync("demo-data", configuration.Error, async () =>
            {
                var count = parseResult.GetValue(participants)
                    ?? throw new CliInputException("--participants is required: say how many participants to create, e.g. --participants 4000.");
                if (count < 1)
                {
                    throw new CliInputException($"--participants must be 1 or more, not {count}.");
                }

                var options = database.Resolve(parseResult);
                await RunAsync(options, count, parseResult.GetValue(seed), configuration.Output, cancellationToken, parseResult.GetValue(evidence));
            });
        });
        return command;
    }

    public static async Task RunAsync(
        DatabaseOptions options, int participants, int seed, TextWriter output, CancellationToken cancellationToken, string? evidenceFolder = null)
    {
        await using var services = DatabaseArguments.Services(options, "cc demo-data");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            throw new CliInputException($"Cannot open the {CliErrors.Describe(options)}: check --connection, then run 'cc migrate'.");
        }

        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new CliInputException($"The {CliErrors.Describe(options)} is not up to date: run 'cc migrate' with the same --provider and --connection first.");
        }

        var result = await DemoData.CreateAsync(db, new DemoDataRequest(participants, seed, "cc demo-data", EvidenceFolder: evidenceFolder), cancellationToken);
        var culture = CultureInfo.GetCultureInfo("en-GB");
        await output.WriteLineAsync(string.Create(
            culture,
            $"Created {result.Participants:N0} demo participants with {result.Rows - result.Participants:N0} records ({result.Rows:N0} rows in all) in the {CliErrors.Describe(options)} in {result.Elapsed.TotalSeconds:N2} s: {result.ParticipantsPerSecond:N0} participants a second, {result.RowsPerSecond:N0} rows a second."));
        await output.WriteLineAsync(string.Create(
            culture,
            $"Generating and writing the rows took {(result.Elapsed - result.Finishing).TotalSeconds:N2} s; rebuilding keys and indexes and gathering statistics after them, {result.Finishing.TotalSeconds:N2} s."));
        foreach (var (table, rows) in result.RowsByTable)
        {
            await output.WriteLineAsync(string.Create(culture, $"  {table,-24} {rows,12:N0}"));
        }

        if (evidenceFolder is not null)
        {
            await output.WriteLineAsync(string.Create(culture, $"Evidence files written to {Path.GetFullPath(evidenceFolder)}: {result.RowsByTable.GetValueOrDefault("evidence_files"):N0}."));
        }
    }
}
