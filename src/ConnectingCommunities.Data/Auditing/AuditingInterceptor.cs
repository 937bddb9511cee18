using System.Text.Json;
using ConnectingCommunities.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConnectingCommunities.Data.Auditing;

/// <summary>
/// Writes an <see cref="AuditEvent"/> for every change in the same transaction as the change
/// itself, bumps optimistic-concurrency versions, and refuses edits to the audit trail.
/// </summary>
public sealed class AuditingInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    // Enums as their names, so the trail reads "Severity: High to Medium" rather than numbers.
    private static readonly JsonSerializerOptions ChangesJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static readonly HashSet<string> SecretProperties =
    [
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
    ];

    private static readonly HashSet<Type> UnauditedTypes =
    [
        typeof(IdentityUserToken<Guid>), typeof(IdentityUserLogin<Guid>), typeof(IdentityUserClaim<Guid>),
        typeof(IdentityRoleClaim<Guid>),

        // Reference coordinates imported in bulk (hundreds of thousands of rows); the import itself is audited once.
        typeof(PostcodeLocation),

        // Progress counters and per-cell errors of an import: the import's own audit event says what it did.
        typeof(ImportRowError),

        // Derived counts added with the change they count, which is itself audited.
        typeof(PerformanceCount),

        // Never write a secret into the audit trail.
        typeof(PlatformSecret),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var events = new List<AuditEvent>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEvent)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit trail is append-only.");
                }

                continue;
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || UnauditedTypes.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            if (entry.Entity is VersionedEntity versioned && entry.State == EntityState.Modified)
            {
                versioned.Version++;
            }

            var changes = DescribeChanges(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            events.Add(new AuditEvent
            {
                OccurredAt = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                Action = entry.State switch
                {
                    EntityState.Added => "created",
                    EntityState.Deleted => "deleted",
                    _ => "updated",
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                LotId = LotOf(entry),
                ParticipantId = (entry.Entity as IParticipantOwned)?.ParticipantId,
                Changes = JsonSerializer.Serialize(changes, ChangesJson),
                Reason = actor.Reason,
            });
        }

        context.Set<AuditEvent>().AddRange(events);
    }

    private static Dictionary<string, object?> DescribeChanges(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name == nameof(VersionedEntity.Version))
            {
                continue;
            }

            var secret = SecretProperties.Contains(name);
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = secret ? "(set)" : property.CurrentValue;
                    break;
                case EntityState.Deleted:
                    changes[name] = secret ? "(removed)" : property.OriginalValue;
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = secret
                        ? new { from = "(hidden)", to = "(changed)" }
                        : new { from = property.OriginalValue, to = property.CurrentValue };
                    break;
                default:
                    break;
            }
        }

        return changes;
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join("/", key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
    }

    private static Guid? LotOf(EntityEntry entry) => entry.Entity switch
    {
        Lot lot => lot.Id,
        Contract contract => contract.LotId,
        Target target => target.LotId,
        LotPostcode postcode => postcode.LotId,
        UserLot userLot => userLot.LotId,
        Participant participant => participant.LotId,
        HelpRequest request => request.LotId,
        OutcomeClaim claim => claim.LotId,
        EmployerRelationship relationship => relationship.LotId,
        EmployerContact contact => contact.LotId,
        EmployerActivity activity => activity.LotId,
        Vacancy vacancy => vacancy.FoundByLotId,
        Referral referral => referral.LotId,
        DataImport import => import.LotId,
        ExternalRecord external => external.LotId,
        _ => null,
    };
}
