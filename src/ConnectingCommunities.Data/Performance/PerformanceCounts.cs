using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Data.Performance;

/// <summary>The outcome of a rebuild: rows before (deltas included) and after, and how long it took.</summary>
public sealed record PerformanceCountsRebuild(long RowsBefore, long RowsAfter, TimeSpan Elapsed);

/// <summary>
/// Recomputes <see cref="Entities.PerformanceCount"/> from the participants and milestones
/// themselves, in one transaction: after a bulk load that bypassed the change tracker, and
/// nightly to fold the day's +1/-1 rows into one row per key.
/// </summary>
public static class PerformanceCounts
{
    public static async Task<PerformanceCountsRebuild> RebuildAsync(CcDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stopwatch = Stopwatch.StartNew();
        var postgres = !db.IsSqlite;
        var registeredMonth = postgres ? "date_trunc('month', p.registered_on)::date" : "substr(p.registered_on, 1, 7) || '-01'";
        var achievedMonth = postgres ? "date_trunc('month', m.achieved_on)::date" : "substr(m.achieved_on, 1, 7) || '-01'";

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (postgres)
        {
            // Saves that add counts wait until the rebuild commits, and the rebuild waits for saves already
            // under way, so every milestone is counted once: in the rebuild or in a later +1 row.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE performance_counts IN EXCLUSIVE MODE", cancellationToken);
        }

        var before = await db.PerformanceCounts.LongCountAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM performance_counts", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(RegistrationsSql(registeredMonth), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(MilestonesSql(registeredMonth, achievedMonth), cancellationToken);
        var after = await db.PerformanceCounts.LongCountAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PerformanceCountsRebuild(before, after, stopwatch.Elapsed);
    }

    // The month expressions are the two dialects' own fixed text, never user input.
    private static string RegistrationsSql(string registeredMonth) =>
        $"""
        INSERT INTO performance_counts (lot_id, provider_id, cohort, milestone, registered_month, achieved_month, count)
        SELECT p.lot_id, c.provider_id, p.cohort, NULL, {registeredMonth}, NULL, COUNT(*)
        FROM participants p LEFT JOIN contracts c ON c.id = p.contract_id
        GROUP BY p.lot_id, c.provider_id, p.cohort, {registeredMonth}
        """;

    private static string MilestonesSql(string registeredMonth, string achievedMonth) =>
        $"""
        INSERT INTO performance_counts (lot_id, provider_id, cohort, milestone, registered_month, achieved_month, count)
        SELECT p.lot_id, c.provider_id, p.cohort, m.milestone, {registeredMonth}, {achievedMonth}, COUNT(*)
        FROM participant_milestones m
        JOIN participants p ON p.id = m.participant_id
        LEFT JOIN contracts c ON c.id = p.contract_id
        GROUP BY p.lot_id, c.provider_id, p.cohort, m.milestone, {registeredMonth}, {achievedMonth}
        """;
}
