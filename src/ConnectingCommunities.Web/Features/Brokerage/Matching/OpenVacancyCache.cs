using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Brokerage.Matching;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>
/// The open vacancies as matching reads them, kept between requests: ranking 20,000 vacancies for one participant
/// must take milliseconds, and reading them all each time is most of that. Each request first reads a cheap stamp of
/// the vacancy table (how many rows, and the sum of their versions, which every insert or edit changes), so a vacancy
/// added, changed, closed or filled by anyone, on any server, is seen at once. Coordinates imported in set-up are
/// picked up within <see cref="MaxAge"/>, or at once when the import calls <see cref="Invalidate"/>.
/// </summary>
public sealed class OpenVacancyCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly TimeProvider clock;
    private Snapshot? current;

    public OpenVacancyCache(TimeProvider clock)
    {
        this.clock = clock;
    }

    /// <summary>Forget what is held: the next request reads the vacancies again.</summary>
    public void Invalidate() => current = null;

    public async Task<IReadOnlyList<VacancyProfile>> OpenVacanciesAsync(CcDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await db.Vacancies.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new Stamp(g.Count(), g.Sum(v => (long)v.Version)))
            .FirstOrDefaultAsync(cancellationToken) ?? new Stamp(0, 0);
        var now = clock.GetUtcNow();
        var held = current;
        if (held is not null && held.Today == today && held.Stamp == stamp && now - held.LoadedAt < MaxAge)
        {
            return held.Vacancies;
        }

        var loaded = await MatchingData.OpenVacanciesAsync(db, today, cancellationToken);
        current = new Snapshot(today, stamp, now, loaded);
        return loaded;
    }

    private sealed record Stamp(int Count, long Versions);

    private sealed record Snapshot(DateOnly Today, Stamp Stamp, DateTimeOffset LoadedAt, IReadOnlyList<VacancyProfile> Vacancies);
}
