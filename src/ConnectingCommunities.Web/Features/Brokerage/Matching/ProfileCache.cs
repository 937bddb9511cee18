using System.Collections.Concurrent;
using ConnectingCommunities.Data;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>How a <see cref="ProfileCache{T}"/> reads its rows: all of them, or those with the given ids (for a catch-up).</summary>
internal sealed record ProfileLoader<T>(
    Func<CcDbContext, DateOnly, CancellationToken, Task<List<T>>> All,
    Func<CcDbContext, DateOnly, IReadOnlySet<Guid>, CancellationToken, Task<List<T>>> Some,
    Func<MatchingChangeSet, IReadOnlySet<Guid>> ChangedIds,
    Func<T, Guid> IdOf);

/// <summary>
/// Profiles matching ranks (open vacancies, a lot's seekers) held between requests, one list per key, kept correct by
/// <see cref="MatchingChanges"/>: a request first catches the list up with the changes committed in this process since
/// it was read (re-reading only those rows by key), so a change made here is in the very next ranking. Changes this
/// process cannot see (another server, the command line, bulk SQL) are caught by reading everything again once the list
/// is <see cref="MaxAge"/> old: in the background, while requests go on being answered from the list held. A new day
/// reads everything before answering (closing dates and the National Living Wage depend on it).
/// </summary>
internal sealed class ProfileCache<T>(MatchingChanges changes, IServiceScopeFactory scopes, TimeProvider clock, ILogger logger)
{
    /// <summary>How stale a list may get with changes made outside this process.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>More changed rows than this and reading everything again is simpler than catching up.</summary>
    public const int MaxCatchUp = 2_000;

    /// <summary>At most this many keys are held (one per lot, a few combinations, and all lots).</summary>
    private const int MaxEntries = 32;

    private readonly ConcurrentDictionary<string, Snapshot> held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> refreshing = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<T>> GetAsync(string key, CcDbContext db, DateOnly today, ProfileLoader<T> loader, CancellationToken cancellationToken)
    {
        // Read before the database: whatever is published after this was committed after it, and is caught up next time.
        var generation = changes.Generation;
        if (!held.TryGetValue(key, out var snapshot) || snapshot.Today != today)
        {
            return Store(key, new Snapshot(today, generation, clock.GetUtcNow(), await loader.All(db, today, cancellationToken))).Items;
        }

        if (snapshot.Generation != generation)
        {
            var since = changes.Since(snapshot.Generation);
            var ids = since is null ? null : loader.ChangedIds(since);
            if (since is null || ids!.Count > MaxCatchUp)
            {
                return Store(key, new Snapshot(today, generation, clock.GetUtcNow(), await loader.All(db, today, cancellationToken))).Items;
            }

            var items = snapshot.Items;
            if (ids.Count > 0)
            {
                var fresh = await loader.Some(db, today, ids, cancellationToken);
                var patched = new List<T>(items.Count + fresh.Count);
                foreach (var item in items)
                {
                    if (!ids.Contains(loader.IdOf(item)))
                    {
                        patched.Add(item);
                    }
                }

                patched.AddRange(fresh);
                items = patched;
            }

            snapshot = Store(key, snapshot with { Generation = since.Generation, Items = items });
        }

        if (clock.GetUtcNow() - snapshot.LoadedAt >= MaxAge)
        {
            RefreshInBackground(key, today, loader);
        }

        return snapshot.Items;
    }

    /// <summary>Forgets every list: the next request for each reads everything.</summary>
    public void Clear() => held.Clear();

    /// <summary>Keeps the list for the latest day read most recently from scratch; of two from the same read, the one caught up further.</summary>
    private Snapshot Store(string key, Snapshot candidate)
    {
        if (held.Count >= MaxEntries && !held.ContainsKey(key))
        {
            held.Clear();
        }

        return held.AddOrUpdate(key, candidate, (_, current) =>
            candidate.Today > current.Today
                || (candidate.Today == current.Today
                    && (candidate.LoadedAt > current.LoadedAt || (candidate.LoadedAt == current.LoadedAt && candidate.Generation >= current.Generation)))
                ? candidate
                : current);
    }

    private void RefreshInBackground(string key, DateOnly today, ProfileLoader<T> loader)
    {
        if (!refreshing.TryAdd(key, true))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
                var generation = changes.Generation;
                var items = await loader.All(db, today, CancellationToken.None);
                Store(key, new Snapshot(today, generation, clock.GetUtcNow(), items));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The list held goes on being used and the next request tries again; the app may be shutting down.
                logger.LogWarning(ex, "Re-reading the matching cache {Key} failed", key);
            }
            finally
            {
                refreshing.TryRemove(key, out _);
            }
        });
    }

    private sealed record Snapshot(DateOnly Today, long Generation, DateTimeOffset LoadedAt, IReadOnlyList<T> Items);
}
