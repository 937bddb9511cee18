using System.CommandLine;
using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Performance;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Cli.Database;

/// <summary>
/// <c>cc performance-counts</c>: rebuilds the performance views' pre-aggregated counts from the
/// participants and milestones, for a database loaded or changed outside the app (the web app
/// also folds them nightly).
/// </summary>
internal static class PerformanceCountsCommand
{
    public static Command Create()
    {
        var database = new DatabaseArguments();
        var command = new Command(
            "performance-counts",
            "Rebuild the performance views' counts from the participants and milestones (after a bulk load or a change made outside the app).");
        database.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return CliErrors.RunAsync("performance-counts", configuration.Error, async () =>
            {
                var options = database.Resolve(parseResult);
                await using var services = DatabaseArguments.Services(options, "cc performance-counts");
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
                var result = await PerformanceCounts.RebuildAsync(db, cancellationToken);
                await configuration.Output.WriteLineAsync(string.Create(
                    CultureInfo.GetCultureInfo("en-GB"),
                    $"Rebuilt the performance counts in the {CliErrors.Describe(options)} in {result.Elapsed.TotalSeconds:N1} s: {result.RowsBefore:N0} rows before, {result.RowsAfter:N0} after."));
            });
        });
        return command;
    }
}
