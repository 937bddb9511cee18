using System.Collections.Concurrent;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Brokerage.Matching;
using ConnectingCommunities.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>
/// The participants a vacancy's candidates are ranked from (active, with job goals), per set of visible lots, kept between
/// requests: a lot of 30,000 must rank in well under 200 ms, and reading 30,000 sets of goals each time is most of that.
/// Each request first reads a stamp of those rows (how many, and the sum of the participants' and goals' versions, which
/// every edit, leaving, re-joining or transfer changes), so a change by anyone, on any server, is seen at once;
/// coordinates imported in set-up are picked up within <see cref="MaxAge"/>.
/// </summary>
public sealed class SeekerCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    /// <summary>At most this many sets of lots are kept (one per lot, a few combinations, and all lots).</summary>
    private const int MaxEntries = 32;

    private readonly ConcurrentDictionary<string, Snapshot> held = new(StringComparer.Ordinal);

    /// <summary>Forget what is held: the next request reads the participants again.</summary>
    public void Invalidate() => held.Clear();

    /// <param name="participants">The participants the user may see (their lots).</param>
    /// <param name="scope">A key for that set of lots, e.g. the sorted lot ids, or "all".</param>
    public async Task<IReadOnlyList<SeekerProfile>> SeekersAsync(
        CcDbContext db, IQueryable<Participant> participants, string scope, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(participants);
        var stamp = await (
                from p in participants.AsNoTracking()
                where p.Status == ParticipantStatus.Active
                join g in db.JobGoals.AsNoTracking() on p.Id equals g.ParticipantId
                select new { Versions = (long)p.Version + g.Version })
            .GroupBy(_ => 1)
            .Select(x => new Stamp(x.Count(), x.Sum(y => y.Versions)))
            .FirstOrDefaultAsync(cancellationToken) ?? new Stamp(0, 0);
        var now = clock.GetUtcNow();
        if (held.TryGetValue(scope, out var snapshot) && snapshot.Today == today && snapshot.Stamp == stamp && now - snapshot.LoadedAt < MaxAge)
        {
            return snapshot.Seekers;
        }

        var loaded = await MatchingData.SeekersAsync(db, participants, today, cancellationToken);
        if (held.Count >= MaxEntries)
        {
            held.Clear();
        }

        held[scope] = new Snapshot(today, stamp, now, loaded);
        return loaded;
    }

    private sealed record Stamp(int Count, long Versions);

    private sealed record Snapshot(DateOnly Today, Stamp Stamp, DateTimeOffset LoadedAt, IReadOnlyList<SeekerProfile> Seekers);
}
