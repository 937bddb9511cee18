using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

/// <summary>An advisor (or nobody) and the participants of the caller's lots they hold.</summary>
public sealed record AdvisorCaseload(
    Guid? AdvisorId, string Name, IReadOnlyList<string> Lots, bool IsActive, bool CanTakeParticipants, int ActiveParticipants, int LeftParticipants)
{
    public int Participants => ActiveParticipants + LeftParticipants;
}

/// <summary>A participant as the reassignment list shows them.</summary>
public sealed record CaseloadRow(
    Guid Id, string Reference, string Name, string LotCode, ParticipantStatus Status, DateOnly RegisteredOn, DateOnly? LastContactOn, Guid? AdvisorId);

public sealed record ReassignInput
{
    /// <summary>The participants to move; each must be one the caller can see, in the new advisor's lot.</summary>
    public IReadOnlyList<Guid>? ParticipantIds { get; init; }

    /// <summary>The advisor who takes them on: an active advisor of the participants' lot.</summary>
    public Guid? AdvisorId { get; init; }

    public string? Reason { get; init; }
}

/// <summary>How many participants moved; those already with the advisor are left as they were.</summary>
public sealed record ReassignResult(int Reassigned, int AlreadyAssigned, Guid AdvisorId, string AdvisorName);

/// <summary>
/// Moving participants between advisors within a lot, for provider managers. Every participant
/// must be one the manager can see and belong to a lot the new advisor works in; otherwise
/// nothing moves. Each move is kept as a <see cref="ParticipantTransfer"/> row.
/// </summary>
public sealed class ReassignHandler(CcDbContext db, ParticipantAccess access, CurrentUser user)
{
    public const int MaxParticipants = 10_000;
    public const int MaxReasonLength = 1000;

    /// <summary>
    /// Every advisor holding participants of the caller's lots (including advisors who have since
    /// left, whose caseload is what most needs moving), every active advisor of those lots, and
    /// the unassigned participants (AdvisorId null), busiest first.
    /// </summary>
    public async Task<IReadOnlyList<AdvisorCaseload>> CaseloadsAsync(CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleAsync(cancellationToken);
        var counts = await visible
            .GroupBy(p => p.AdvisorId)
            .Select(g => new
            {
                AdvisorId = g.Key,
                Active = g.Count(p => p.Status == ParticipantStatus.Active),
                Left = g.Count(p => p.Status == ParticipantStatus.Left),
            })
            .ToListAsync(cancellationToken);
        var byAdvisor = counts.ToDictionary(c => c.AdvisorId ?? Guid.Empty);

        var advisors = await AdvisorsOfVisibleLotsAsync(cancellationToken);
        var holders = counts.Where(c => c.AdvisorId is not null).Select(c => c.AdvisorId!.Value).Except(advisors.Keys).ToList();
        var others = await db.Users.AsNoTracking().Where(u => holders.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive })
            .ToListAsync(cancellationToken);

        var rows = new List<AdvisorCaseload>();
        foreach (var advisor in advisors.Values)
        {
            var count = byAdvisor.GetValueOrDefault(advisor.Id);
            rows.Add(new AdvisorCaseload(advisor.Id, advisor.Name, advisor.Lots, advisor.IsActive, advisor.IsActive, count?.Active ?? 0, count?.Left ?? 0));
        }

        foreach (var other in others)
        {
            // Someone no longer an advisor of these lots (moved on, deactivated or changed role) still holding participants.
            var count = byAdvisor[other.Id];
            rows.Add(new AdvisorCaseload(other.Id, NameOf(other.DisplayName, other.Email), [], other.IsActive, false, count.Active, count.Left));
        }

        var ordered = rows.OrderByDescending(r => r.Participants).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (byAdvisor.TryGetValue(Guid.Empty, out var unassigned))
        {
            ordered.Add(new AdvisorCaseload(null, "Not assigned to an advisor", [], true, false, unassigned.Active, unassigned.Left));
        }

        return ordered;
    }

    /// <summary>One page of the participants an advisor holds (null: those with no advisor), active ones first.</summary>
    public async Task<PagedList<CaseloadRow>> ParticipantsAsync(Guid? advisorId, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var query = await HeldByAsync(advisorId, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(x => x.Status).ThenBy(x => x.LastName).ThenBy(x => x.FirstName).ThenBy(x => x.Reference)
            .Skip((p - 1) * size).Take(size)
            .Select(x => new CaseloadRow(x.Id, x.Reference, x.FirstName + " " + x.LastName, x.Lot!.Code, x.Status, x.RegisteredOn, x.LastContactOn, x.AdvisorId))
            .ToListAsync(cancellationToken);
        return new PagedList<CaseloadRow>(items, total, p, size);
    }

    /// <summary>Every participant an advisor holds (null: those with no advisor), for "reassign them all".</summary>
    public async Task<IReadOnlyList<Guid>> ParticipantIdsAsync(Guid? advisorId, CancellationToken cancellationToken = default) =>
        await (await HeldByAsync(advisorId, cancellationToken)).Select(x => x.Id).ToListAsync(cancellationToken);

    /// <summary>One participant the caller can see, for reassigning a single person from their record.</summary>
    public async Task<CaseloadRow?> FindAsync(Guid participantId, CancellationToken cancellationToken = default) =>
        await (await access.VisibleAsync(cancellationToken)).AsNoTracking()
            .Where(x => x.Id == participantId)
            .Select(x => new CaseloadRow(x.Id, x.Reference, x.FirstName + " " + x.LastName, x.Lot!.Code, x.Status, x.RegisteredOn, x.LastContactOn, x.AdvisorId))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<Result<ReassignResult>> ReassignAsync(ReassignInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var ids = (input.ParticipantIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            errors.Add("participantIds", "Select at least one participant to reassign");
        }
        else if (ids.Count > MaxParticipants)
        {
            errors.Add("participantIds", $"Reassign up to {Formatting.Number(MaxParticipants)} participants at a time");
        }

        var advisors = await AdvisorsOfVisibleLotsAsync(cancellationToken);
        var advisor = input.AdvisorId is { } advisorId && advisors.TryGetValue(advisorId, out var found) && found.IsActive ? found : null;
        if (input.AdvisorId is null)
        {
            errors.Add("advisorId", "Select the advisor who will support the participants");
        }
        else if (advisor is null)
        {
            // The same words whether the advisor does not exist, is inactive or works in a lot the manager cannot see.
            errors.Add("advisorId", "Select an active advisor of the participants' lot");
        }

        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);

        var participants = new List<Participant>();
        if (ids.Count is > 0 and <= MaxParticipants)
        {
            participants = await (await access.VisibleAsync(cancellationToken))
                .Where(p => EF.Parameter(ids).Contains(p.Id))
                .ToListAsync(cancellationToken);
            var missing = ids.Except(participants.Select(p => p.Id)).ToList();
            if (missing.Count > 0)
            {
                // Worded the same for a record that does not exist and one of another lot, so nothing is revealed.
                errors.Add("participantIds", missing.Count == 1
                    ? $"Participant {missing[0]} was not found"
                    : $"{Formatting.Number(missing.Count)} of the participants were not found: {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? " and others" : "")}");
            }
            else if (advisor is not null && participants.FirstOrDefault(p => !advisor.LotIds.Contains(p.LotId)) is { } elsewhere)
            {
                var lot = await db.Lots.Where(l => l.Id == elsewhere.LotId).Select(l => l.Code).FirstAsync(cancellationToken);
                errors.Add("advisorId", $"{advisor.Name} does not work in lot {lot}, where {elsewhere.Reference} is registered: choose an advisor of that lot");
            }
        }

        if (errors.Any)
        {
            return Result<ReassignResult>.Invalid(errors);
        }

        var today = access.Today;
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        var moving = participants.Where(p => p.AdvisorId != advisor!.Id).ToList();
        foreach (var participant in moving)
        {
            db.ParticipantTransfers.Add(new ParticipantTransfer
            {
                ParticipantId = participant.Id,
                TransferredOn = today,
                FromAdvisorId = participant.AdvisorId,
                ToAdvisorId = advisor!.Id,
                Reason = reason,
            });
            participant.AdvisorId = advisor.Id;
        }

        user.Reason = reason;

        // One SaveChanges is one transaction: if any participant changed meanwhile, none moves.
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<ReassignResult>.Conflict(
                "Someone else changed one of these participants while you were reassigning them. Nothing was reassigned: try again.");
        }

        return Result<ReassignResult>.Ok(new ReassignResult(moving.Count, participants.Count - moving.Count, advisor!.Id, advisor.Name));
    }

    private async Task<IQueryable<Participant>> HeldByAsync(Guid? advisorId, CancellationToken cancellationToken)
    {
        var visible = (await access.VisibleAsync(cancellationToken)).AsNoTracking();
        return advisorId is { } id ? visible.Where(p => p.AdvisorId == id) : visible.Where(p => p.AdvisorId == null);
    }

    private sealed record AdvisorOfLots(Guid Id, string Name, bool IsActive, IReadOnlyList<string> Lots, IReadOnlySet<Guid> LotIds);

    /// <summary>Users in the Advisor role assigned to any lot the caller can see, with those lots.</summary>
    private async Task<Dictionary<Guid, AdvisorOfLots>> AdvisorsOfVisibleLotsAsync(CancellationToken cancellationToken)
    {
        var lots = await (await user.VisibleLotsAsync(cancellationToken)).Select(l => new { l.Id, l.Code }).ToListAsync(cancellationToken);
        var lotIds = lots.Select(l => l.Id).ToList();
        var codes = lots.ToDictionary(l => l.Id, l => l.Code);
        var advisorRole = await db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var rows = await (
                from userLot in db.UserLots
                join appUser in db.Users on userLot.UserId equals appUser.Id
                where lotIds.Contains(userLot.LotId) && db.UserRoles.Any(r => r.UserId == appUser.Id && r.RoleId == advisorRole)
                select new { appUser.Id, appUser.DisplayName, appUser.Email, appUser.IsActive, userLot.LotId })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id).ToDictionary(
            g => g.Key,
            g => new AdvisorOfLots(
                g.Key,
                NameOf(g.First().DisplayName, g.First().Email),
                g.First().IsActive,
                g.Select(r => codes[r.LotId]).Order(StringComparer.Ordinal).ToList(),
                g.Select(r => r.LotId).ToHashSet()));
    }

    private static string NameOf(string displayName, string? email) =>
        string.IsNullOrWhiteSpace(displayName) ? email ?? "Unnamed user" : displayName;
}
