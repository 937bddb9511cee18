using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Performance;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>
/// Once a day, folds the performance counts' +1/-1 rows (one set per save) into one row per key,
/// so the views keep summing a few thousand rows however busy the programme is.
/// </summary>
public sealed partial class PerformanceCountsCompaction(IServiceScopeFactory scopes, ILogger<PerformanceCountsCompaction> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
                var result = await PerformanceCounts.RebuildAsync(db, stoppingToken);
                Compacted(logger, result.RowsBefore, result.RowsAfter, result.Elapsed.TotalMilliseconds);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The views stay right without compaction (they sum the deltas); try again tomorrow.
                Failed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Performance counts compacted: {Before} rows to {After} in {Milliseconds:N0} ms")]
    private static partial void Compacted(ILogger logger, long before, long after, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Performance counts compaction failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
