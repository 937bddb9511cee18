using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Brokerage.Matching;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>
/// The open vacancies as matching reads them, kept between requests: ranking 20,000 vacancies for one participant
/// must take milliseconds, and reading them all each time would be most of that. Kept correct as
/// <see cref="ProfileCache{T}"/> says: a vacancy added, changed, closed or filled in this process is re-read by key before
/// the next ranking; changes elsewhere are picked up within <see cref="ProfileCache{T}.MaxAge"/>.
/// </summary>
public sealed class OpenVacancyCache
{
    private const string Key = "open";

    private static readonly ProfileLoader<VacancyProfile> Loader = new(
        (db, today, ct) => MatchingData.OpenVacanciesAsync(db, today, ct),
        (db, today, ids, ct) => MatchingData.OpenVacanciesAsync(db, today, ids, ct),
        changes => changes.Vacancies,
        v => v.Id);

    private readonly ProfileCache<VacancyProfile> cache;

    public OpenVacancyCache(MatchingChanges changes, IServiceScopeFactory scopes, TimeProvider clock, ILogger<OpenVacancyCache> logger)
    {
        cache = new ProfileCache<VacancyProfile>(changes, scopes, clock, logger);
    }

    /// <summary>Open vacancies closing on or after <paramref name="today"/>, in no particular order.</summary>
    public Task<IReadOnlyList<VacancyProfile>> OpenVacanciesAsync(CcDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return cache.GetAsync(Key, db, today, Loader, cancellationToken);
    }
}
