using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConnectingCommunities.Data.Performance;

/// <summary>
/// Keeps <see cref="PerformanceCount"/> in step with participants and milestones: each save that
/// registers a participant, records or removes a milestone, or moves a participant to another lot,
/// cohort, contract or registration month adds the matching +1/-1 rows to the same save, so they
/// commit or roll back together. Rows are only ever added, so concurrent saves never contend.
/// Writes that bypass the change tracker (bulk loads, ExecuteUpdate) must rebuild the counts
/// (<see cref="PerformanceCounts.RebuildAsync"/>).
/// </summary>
public sealed class PerformanceCountsInterceptor : SaveChangesInterceptor
{
    public static readonly PerformanceCountsInterceptor Instance = new();

    private PerformanceCountsInterceptor()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CcDbContext db)
        {
            AddDeltasAsync(db, async: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CcDbContext db)
        {
            await AddDeltasAsync(db, async: true, cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>What a participant's counts are filed under.</summary>
    private readonly record struct Facts(Guid LotId, Guid? ContractId, Cohort Cohort, DateOnly RegisteredMonth);

    private readonly record struct Key(Guid LotId, Guid? ProviderId, Cohort Cohort, Milestone? Milestone, DateOnly RegisteredMonth, DateOnly? AchievedMonth);

    private readonly record struct StoredMilestone(Guid Id, Guid ParticipantId, Milestone Milestone, DateOnly AchievedOn);

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static async ValueTask AddDeltasAsync(CcDbContext db, bool async, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        var people = entries.Where(e => e.Entity is Participant && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var milestones = entries.Where(e => e.Entity is ParticipantMilestone && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (people.Count == 0 && milestones.Count == 0)
        {
            return;
        }

        var current = new Dictionary<Guid, Facts>();
        var original = new Dictionary<Guid, Facts>();
        var moved = new List<Guid>();
        var removed = new List<Guid>();
        foreach (var entry in people)
        {
            var participant = (Participant)entry.Entity;
            if (entry.State != EntityState.Deleted)
            {
                current[participant.Id] = FactsOf(entry.CurrentValues);
            }

            if (entry.State != EntityState.Added)
            {
                original[participant.Id] = FactsOf(entry.OriginalValues);
            }

            if (entry.State == EntityState.Modified && current[participant.Id] != original[participant.Id])
            {
                moved.Add(participant.Id);
            }
            else if (entry.State == EntityState.Deleted)
            {
                removed.Add(participant.Id);
            }
        }

        // Participants whose milestones change without the participant itself being saved.
        var untracked = milestones.Select(e => ParticipantIdOf(e)).Where(id => !current.ContainsKey(id) && !original.ContainsKey(id)).Distinct().ToList();
        if (untracked.Count > 0)
        {
            var query = db.Participants.AsNoTracking().Where(p => untracked.Contains(p.Id))
                .Select(p => new { p.Id, p.LotId, p.ContractId, p.Cohort, p.RegisteredOn });
            foreach (var row in async ? await query.ToListAsync(cancellationToken) : query.ToList())
            {
                current[row.Id] = original[row.Id] = new Facts(row.LotId, row.ContractId, row.Cohort, MonthOf(row.RegisteredOn));
            }
        }

        // Milestones already stored for participants who move or go: they move or go with them,
        // except those this save changes itself (handled entry by entry below).
        var stored = new List<StoredMilestone>();
        var rewritten = moved.Concat(removed).ToList();
        if (rewritten.Count > 0)
        {
            var changing = milestones.Select(e => ((ParticipantMilestone)e.Entity).Id).ToHashSet();
            var query = db.ParticipantMilestones.AsNoTracking().Where(m => rewritten.Contains(m.ParticipantId))
                .Select(m => new StoredMilestone(m.Id, m.ParticipantId, m.Milestone, m.AchievedOn));
            stored.AddRange((async ? await query.ToListAsync(cancellationToken) : query.ToList()).Where(m => !changing.Contains(m.Id)));
        }

        var contracts = current.Values.Concat(original.Values).Select(f => f.ContractId).OfType<Guid>().Distinct().ToList();
        var providers = new Dictionary<Guid, Guid>();
        if (contracts.Count > 0)
        {
            var query = db.Contracts.AsNoTracking().Where(c => contracts.Contains(c.Id)).Select(c => new { c.Id, c.ProviderId });
            foreach (var row in async ? await query.ToListAsync(cancellationToken) : query.ToList())
            {
                providers[row.Id] = row.ProviderId;
            }
        }

        var deltas = new Dictionary<Key, int>();
        void Add(Facts facts, Milestone? milestone, DateOnly? achievedOn, int change)
        {
            var provider = facts.ContractId is { } contract && providers.TryGetValue(contract, out var id) ? id : (Guid?)null;
            var key = new Key(facts.LotId, provider, facts.Cohort, milestone, facts.RegisteredMonth, achievedOn is { } day ? MonthOf(day) : null);
            deltas[key] = deltas.GetValueOrDefault(key) + change;
        }

        foreach (var entry in people)
        {
            var id = ((Participant)entry.Entity).Id;
            if (entry.State == EntityState.Added)
            {
                Add(current[id], null, null, +1);
            }
            else if (entry.State == EntityState.Deleted || moved.Contains(id))
            {
                Add(original[id], null, null, -1);
                if (entry.State != EntityState.Deleted)
                {
                    Add(current[id], null, null, +1);
                }
            }
        }

        foreach (var milestone in stored)
        {
            Add(original[milestone.ParticipantId], milestone.Milestone, milestone.AchievedOn, -1);
            if (current.TryGetValue(milestone.ParticipantId, out var now))
            {
                Add(now, milestone.Milestone, milestone.AchievedOn, +1);
            }
        }

        foreach (var entry in milestones)
        {
            var participantId = ParticipantIdOf(entry);
            if (entry.State != EntityState.Added)
            {
                var values = entry.OriginalValues;
                var was = original.TryGetValue(values.GetValue<Guid>(nameof(ParticipantMilestone.ParticipantId)), out var facts) ? facts : current[participantId];
                Add(was, values.GetValue<Milestone>(nameof(ParticipantMilestone.Milestone)), values.GetValue<DateOnly>(nameof(ParticipantMilestone.AchievedOn)), -1);
            }

            // A milestone deleted together with its participant has no current facts: it only goes.
            if (entry.State != EntityState.Deleted && current.TryGetValue(participantId, out var facts2))
            {
                var milestone = (ParticipantMilestone)entry.Entity;
                Add(facts2, milestone.Milestone, milestone.AchievedOn, +1);
            }
        }

        foreach (var (key, change) in deltas)
        {
            if (change != 0)
            {
                db.PerformanceCounts.Add(new PerformanceCount
                {
                    LotId = key.LotId,
                    ProviderId = key.ProviderId,
                    Cohort = key.Cohort,
                    Milestone = key.Milestone,
                    RegisteredMonth = key.RegisteredMonth,
                    AchievedMonth = key.AchievedMonth,
                    Count = change,
                });
            }
        }
    }

    private static Guid ParticipantIdOf(EntityEntry entry) => ((ParticipantMilestone)entry.Entity).ParticipantId;

    private static Facts FactsOf(PropertyValues values) => new(
        values.GetValue<Guid>(nameof(Participant.LotId)),
        values.GetValue<Guid?>(nameof(Participant.ContractId)),
        values.GetValue<Cohort>(nameof(Participant.Cohort)),
        MonthOf(values.GetValue<DateOnly>(nameof(Participant.RegisteredOn))));
}
