using ConnectingCommunities.Data.Auditing;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>The "Retention" configuration section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Whether the daily check runs in this process (turn it off where another instance or the CLI runs it).</summary>
    public bool DailyReview { get; set; } = true;

    /// <summary>How long after start-up the first check runs, so it does not compete with start-up itself.</summary>
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Runs the retention check once a day: lists the participants past retention for a commissioner to
/// confirm at /retention. It never erases anything itself.
/// </summary>
public sealed partial class RetentionReviewService(IServiceScopeFactory scopes, RetentionOptions options, TimeProvider clock, ILogger<RetentionReviewService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.DailyReview)
        {
            return;
        }

        try
        {
            await Task.Delay(options.FirstRunDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Checks hourly whether today's review has run, so a restart or a sleeping host never skips a day nor runs twice.</summary>
    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var actor = scope.ServiceProvider.GetRequiredService<IAuditActor>();
            actor.Reason = "Daily retention check";
            var reviewer = scope.ServiceProvider.GetRequiredService<RetentionReviewer>();
            if (await reviewer.RanTodayAsync(cancellationToken))
            {
                return;
            }

            var review = await reviewer.RunAsync(cancellationToken);
            LogReview(review.ParticipantsListed);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailure(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention check: {Count} participants past retention listed for confirmation")]
    private partial void LogReview(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention check failed; it will be tried again within the hour")]
    private partial void LogFailure(Exception exception);
}
