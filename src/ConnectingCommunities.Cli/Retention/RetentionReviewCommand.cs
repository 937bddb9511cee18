using System.CommandLine;
using System.Globalization;
using ConnectingCommunities.Cli.Database;
using ConnectingCommunities.Data;
using ConnectingCommunities.Web.Features.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Cli.Retention;

/// <summary>
/// <c>cc retention-review</c>: runs the retention check the web app runs daily, listing the
/// participants past retention in a new review for a commissioner to confirm at /retention. It never
/// erases anything: erasure needs a commissioner's confirmation.
/// </summary>
internal static class RetentionReviewCommand
{
    public static Command Create()
    {
        var database = new DatabaseArguments();
        var list = new Option<bool>("--list") { Description = "Also print the reference, lot and retention end of each participant listed." };
        var command = new Command("retention-review", "List the participants whose retention period has ended, for a commissioner to confirm their erasure at /retention.");
        database.AddTo(command);
        command.Options.Add(list);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return CliErrors.RunAsync("retention-review", configuration.Error, async () =>
            {
                var options = database.Resolve(parseResult);
                await using var services = DatabaseArguments.Services(options, "cc retention-review");
                await using var scope = services.CreateAsyncScope();
                var reviewer = new RetentionReviewer(scope.ServiceProvider.GetRequiredService<CcDbContext>(), TimeProvider.System);
                var review = await reviewer.RunAsync(cancellationToken);
                var output = configuration.Output;
                await output.WriteLineAsync(review.ParticipantsListed == 0
                    ? "No participants are past retention."
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{review.ParticipantsListed} participant{(review.ParticipantsListed == 1 ? " is" : "s are")} past retention: listed in review {review.Id} for a commissioner to confirm at /retention."));
                if (parseResult.GetValue(list))
                {
                    foreach (var candidate in await reviewer.CandidatesAsync(review.RetainUntil, cancellationToken: cancellationToken))
                    {
                        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{candidate.Reference}\t{candidate.LotCode}\tretained until {candidate.RetainUntil:yyyy-MM-dd}"));
                    }
                }
            });
        });
        return command;
    }
}
