using System.Data.Common;
using ConnectingCommunities.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>What the matching caches have to catch up with since a generation.</summary>
/// <param name="Generation">The generation these changes bring a cache up to.</param>
/// <param name="Vacancies">Vacancies added, changed or removed.</param>
/// <param name="Participants">Participants whose record or job goals were added, changed or removed.</param>
public sealed record MatchingChangeSet(long Generation, IReadOnlySet<Guid> Vacancies, IReadOnlySet<Guid> Participants)
{
    public bool IsEmpty => Vacancies.Count == 0 && Participants.Count == 0;
}

/// <summary>
/// This process's feed of the changes matching reads: every save through the app's <c>CcDbContext</c> that adds,
/// changes or removes a vacancy, a participant or job goals publishes their ids here once it is committed (see
/// <see cref="MatchingChangesInterceptor"/>), under a new generation number. The caches (<see cref="OpenVacancyCache"/>,
/// <see cref="SeekerCache"/>) remember the generation they hold and, on the next request, re-read only the rows changed
/// since: a handful of lookups by key instead of reading or scanning a table. New coordinates change every distance, so
/// a save of postcode locations makes them read everything again. What this process cannot see (another server, the
/// command line, bulk SQL) is caught by their maximum age.
/// </summary>
public sealed class MatchingChanges
{
    /// <summary>At most this many changed ids are held; a cache further behind than that reads everything again.</summary>
    public const int MaxHeld = 20_000;

    private readonly Lock gate = new();
    private readonly List<(long Generation, bool IsVacancy, Guid Id)> held = [];
    private long generation;

    /// <summary>A cache at a generation before this one cannot catch up change by change: it reads everything.</summary>
    private long oldestComplete;

    /// <summary>The latest generation. Read it before reading the database, so nothing committed after is missed.</summary>
    public long Generation
    {
        get
        {
            lock (gate)
            {
                return generation;
            }
        }
    }

    /// <summary>Records committed changes; <paramref name="everything"/> when no cache can be patched (new coordinates).</summary>
    public void Publish(IReadOnlyCollection<Guid> vacancies, IReadOnlyCollection<Guid> participants, bool everything)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        ArgumentNullException.ThrowIfNull(participants);
        if (!everything && vacancies.Count == 0 && participants.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            generation++;
            if (everything)
            {
                held.Clear();
                oldestComplete = generation;
                return;
            }

            foreach (var id in vacancies)
            {
                held.Add((generation, true, id));
            }

            foreach (var id in participants)
            {
                held.Add((generation, false, id));
            }

            if (held.Count > MaxHeld)
            {
                // Forget the older half, whole generations at a time.
                var cut = held[held.Count / 2].Generation;
                held.RemoveAll(c => c.Generation < cut);
                oldestComplete = cut - 1;
            }
        }
    }

    /// <summary>Forgets every change: each cache reads everything on its next use.</summary>
    public void PublishEverything() => Publish([], [], everything: true);

    /// <summary>
    /// The changes committed after <paramref name="since"/>, or null when they are no longer all held (or new coordinates
    /// came in): then the cache must read everything again.
    /// </summary>
    public MatchingChangeSet? Since(long since)
    {
        lock (gate)
        {
            if (since < oldestComplete)
            {
                return null;
            }

            var vacancies = new HashSet<Guid>();
            var participants = new HashSet<Guid>();
            for (var i = held.Count - 1; i >= 0 && held[i].Generation > since; i--)
            {
                (held[i].IsVacancy ? vacancies : participants).Add(held[i].Id);
            }

            return new MatchingChangeSet(generation, vacancies, participants);
        }
    }
}

/// <summary>
/// Publishes to <see cref="MatchingChanges"/> what each save changed, once it is committed: at once for a save in its own
/// transaction, when the transaction commits for a save inside one (nothing when it rolls back), and in any case when
/// the request's scope ends, so a commit this interceptor did not see is still published. Publishing late or twice only
/// costs the caches a re-read; publishing before the commit could let them keep the old rows, so it never does.
/// One per DbContext (scoped).
/// </summary>
public sealed class MatchingChangesInterceptor(MatchingChanges changes) : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly Lock gate = new();
    private readonly HashSet<Guid> vacancies = [];
    private readonly HashSet<Guid> participants = [];
    private bool everything;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        PublishUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        PublishUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);

        // Some rows may have been written in a transaction that is later committed: publish with it, or now.
        PublishUnlessInTransaction(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    /// <summary>The scope ended: whatever is still held was committed by means not seen here, or not at all; either way, publish.</summary>
    public void Dispose() => Publish();

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        lock (gate)
        {
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                {
                    continue;
                }

                switch (entry.Entity)
                {
                    case Vacancy v:
                        vacancies.Add(v.Id);
                        break;
                    case Participant p:
                        participants.Add(p.Id);
                        break;
                    case Data.Entities.JobGoals g:
                        participants.Add(g.ParticipantId);
                        break;
                    case PostcodeLocation:
                        everything = true;
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private void PublishUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Publish();
        }
    }

    private void Publish()
    {
        lock (gate)
        {
            if (everything || vacancies.Count > 0 || participants.Count > 0)
            {
                changes.Publish([.. vacancies], [.. participants], everything);
            }

            Clear();
        }
    }

    private void Forget()
    {
        lock (gate)
        {
            Clear();
        }
    }

    private void Clear()
    {
        vacancies.Clear();
        participants.Clear();
        everything = false;
    }
}
