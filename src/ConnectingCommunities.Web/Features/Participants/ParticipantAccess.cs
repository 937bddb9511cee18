using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants;

/// <summary>
/// The one way participant features reach participants: only those in lots the user may see.
/// A participant of another lot is simply not found, so pages and the API answer 404 and never
/// reveal that the record exists.
/// </summary>
public sealed class ParticipantAccess(CcDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>Participants the current user may see.</summary>
    public async Task<IQueryable<Participant>> VisibleAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsLotScoped)
        {
            return db.Participants;
        }

        var lots = await user.LotIdsAsync(cancellationToken);
        return db.Participants.Where(p => lots.Contains(p.LotId));
    }

    /// <summary>The participant, tracked for changes, or null when it does not exist for this user.</summary>
    public async Task<Participant?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await (await VisibleAsync(cancellationToken)).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Whether the participant exists for this user, without loading them.</summary>
    public async Task<bool> CanSeeAsync(Guid id, CancellationToken cancellationToken = default) =>
        await (await VisibleAsync(cancellationToken)).AnyAsync(p => p.Id == id, cancellationToken);

    /// <summary>
    /// Logs that the user looked at a participant's personal record (UK GDPR access logging).
    /// Saved at once and on its own, so a view is recorded even when nothing else is.
    /// </summary>
    public async Task LogViewAsync(Participant participant, string what, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName,
            Action = "viewed",
            EntityType = nameof(Participant),
            EntityId = participant.Id.ToString(),
            LotId = participant.LotId,
            ParticipantId = participant.Id,
            Summary = what,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Logs a view of a participant the user has just been shown.</summary>
    public async Task LogViewAsync(Guid participantId, string what, CancellationToken cancellationToken = default)
    {
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (participant is not null)
        {
            await LogViewAsync(participant, what, cancellationToken);
        }
    }

    /// <summary>Today in the programme's time zone, for dates people type.</summary>
    public DateOnly Today => Formatting.TodayInLondon(clock);
}
