using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Brokerage.Matching;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>
/// The participants a vacancy's candidates are ranked from (active, with job goals), per set of lots, kept between
/// requests: a lot of 30,000 must rank in well under 200 ms, and reading 30,000 sets of goals each time would be most of
/// that. Kept correct as <see cref="ProfileCache{T}"/> says: a participant or their job goals added, changed, moved to
/// another lot, left or re-joined in this process is re-read by key before the next ranking; changes elsewhere are
/// picked up within <see cref="ProfileCache{T}.MaxAge"/>. Lot scoping never rests on this list alone: the candidates
/// shown are checked against the caller's visible participants when their names are read.
/// </summary>
public sealed class SeekerCache
{
    private readonly ProfileCache<SeekerProfile> cache;

    public SeekerCache(MatchingChanges changes, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SeekerCache> logger)
    {
        cache = new ProfileCache<SeekerProfile>(changes, scopes, clock, logger);
    }

    /// <summary>Active participants with job goals in <paramref name="lots"/> (every lot when null), in no particular order.</summary>
    public Task<IReadOnlyList<SeekerProfile>> SeekersAsync(CcDbContext db, IReadOnlySet<Guid>? lots, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scope = lots is null ? null : lots.Order().ToList();
        var key = scope is null ? "all" : string.Join(',', scope.Select(l => l.ToString("N", CultureInfo.InvariantCulture)));
        var loader = new ProfileLoader<SeekerProfile>(
            (context, day, ct) => MatchingData.SeekersAsync(context, InLots(context, scope), day, ct),
            (context, day, ids, ct) =>
            {
                var keys = ids.ToArray();
                return MatchingData.SeekersAsync(context, InLots(context, scope).Where(p => keys.Contains(p.Id)), day, ct);
            },
            changes => changes.Participants,
            s => s.Id);
        return cache.GetAsync(key, db, today, loader, cancellationToken);
    }

    private static IQueryable<Data.Entities.Participant> InLots(CcDbContext db, List<Guid>? lots) =>
        lots is null ? db.Participants : db.Participants.Where(p => lots.Contains(p.LotId));
}
