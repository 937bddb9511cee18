using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

/// <summary>Whether a participant is on the programme, as the leave and re-join endpoints answer.</summary>
public sealed record ParticipantStatusView(
    Guid Id,
    string Reference,
    ParticipantStatus Status,
    DateOnly RegisteredOn,
    DateOnly? LeftOn,
    string? LeavingReason,
    string? LeavingReasonName,
    string? LeavingNotes,
    int Version);

/// <summary>What the leave and re-join pages show about the participant.</summary>
public sealed record LeavingSubject(Guid Id, string Reference, string Name, ParticipantStatusView Status);

public sealed record LeaveInput
{
    /// <summary>Not before registration, not in the future.</summary>
    public DateOnly? LeftOn { get; init; }

    /// <summary>A code from <see cref="LeavingReasons"/>, e.g. movedOutOfArea.</summary>
    public string? Reason { get; init; }

    public string? Notes { get; init; }

    /// <summary>The version read; a stale one is a conflict (409).</summary>
    public int? Version { get; init; }
}

public sealed record RejoinInput
{
    /// <summary>Not before the leaving date, not in the future.</summary>
    public DateOnly? RejoinedOn { get; init; }

    /// <summary>Why they came back (optional), kept in the audit trail.</summary>
    public string? Reason { get; init; }

    public int? Version { get; init; }
}

/// <summary>
/// Leaving the programme and re-joining it. The participant keeps their reference, registration
/// date and cohort when they re-join (what they are paid for does not restart); the leaving
/// details are cleared on re-joining and the audit trail keeps every spell, with an explicit
/// "left" or "rejoined" event carrying the date and reason for the participant's timeline.
/// </summary>
public sealed class LeavingHandler(CcDbContext db, ParticipantAccess access, CurrentUser user, TimeProvider clock)
{
    public const int MaxNotesLength = 1000;
    public const int MaxReasonLength = 1000;

    public async Task<LeavingSubject?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(id, cancellationToken);
        return participant is null ? null : new LeavingSubject(participant.Id, participant.Reference, $"{participant.FirstName} {participant.LastName}", ToView(participant));
    }

    /// <summary>Logs that the user opened a page showing the participant's record.</summary>
    public async Task LogViewAsync(Guid id, string what, CancellationToken cancellationToken = default)
    {
        if (await access.FindAsync(id, cancellationToken) is { } participant)
        {
            await access.LogViewAsync(participant, what, cancellationToken);
        }
    }

    public async Task<Result<ParticipantStatusView>> LeaveAsync(Guid id, LeaveInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(id, cancellationToken);
        if (participant is null)
        {
            return Result<ParticipantStatusView>.NotFound();
        }

        if (input.Version is { } version && version != participant.Version)
        {
            return Conflict();
        }

        var errors = new FieldErrors();
        var today = access.Today;
        if (participant.Status == ParticipantStatus.Left)
        {
            errors.Add("leftOn", $"{participant.Reference} already left the programme on {Formatting.Date(participant.LeftOn, "an unrecorded date")}: re-join them before recording another leaving date");
        }
        else if (input.LeftOn is not { } leftOn)
        {
            errors.Add("leftOn", "Enter the date they left the programme");
        }
        else if (leftOn > today)
        {
            errors.Add("leftOn", "The date they left must be today or in the past");
        }
        else if (leftOn < participant.RegisteredOn)
        {
            errors.Add("leftOn", $"The date they left must be on or after the date they registered, {Formatting.Date(participant.RegisteredOn)}");
        }

        var reason = LeavingReasons.Find(input.Reason);
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add("reason", "Select why they left the programme");
        }
        else if (reason is null)
        {
            errors.Add("reason", $"The reason must be one of: {string.Join(", ", LeavingReasons.All.Select(r => r.Code))}");
        }

        Validation.OptionalText(input.Notes, "notes", "notes", MaxNotesLength, errors);
        if (errors.Any)
        {
            return Result<ParticipantStatusView>.Invalid(errors);
        }

        var on = input.LeftOn!.Value;
        participant.Status = ParticipantStatus.Left;
        participant.LeftOn = on;
        participant.LeavingReason = reason!.Code;
        participant.LeavingNotes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        user.Reason = reason.DisplayName;
        db.AuditEvents.Add(Event(
            participant,
            "left",
            $"Left the programme on {Formatting.Date(on)}: {reason.DisplayName}",
            reason.DisplayName,
            new { LeftOn = on, LeavingReason = reason.Code }));
        return await SaveAsync(participant, cancellationToken);
    }

    public async Task<Result<ParticipantStatusView>> RejoinAsync(Guid id, RejoinInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(id, cancellationToken);
        if (participant is null)
        {
            return Result<ParticipantStatusView>.NotFound();
        }

        if (input.Version is { } version && version != participant.Version)
        {
            return Conflict();
        }

        var errors = new FieldErrors();
        var today = access.Today;
        if (participant.Status != ParticipantStatus.Left)
        {
            errors.Add("rejoinedOn", $"{participant.Reference} has not left the programme: only a participant who has left can re-join");
        }
        else if (input.RejoinedOn is not { } rejoinedOn)
        {
            errors.Add("rejoinedOn", "Enter the date they re-joined the programme");
        }
        else if (rejoinedOn > today)
        {
            errors.Add("rejoinedOn", "The date they re-joined must be today or in the past");
        }
        else if (participant.LeftOn is { } leftOn && rejoinedOn < leftOn)
        {
            errors.Add("rejoinedOn", $"The date they re-joined must be on or after the date they left, {Formatting.Date(leftOn)}");
        }

        Validation.OptionalText(input.Reason, "reason", "reason", MaxReasonLength, errors);
        if (errors.Any)
        {
            return Result<ParticipantStatusView>.Invalid(errors);
        }

        var on = input.RejoinedOn!.Value;
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        var leftOnBefore = participant.LeftOn;
        participant.Status = ParticipantStatus.Active;
        participant.LeftOn = null;
        participant.LeavingReason = null;
        participant.LeavingNotes = null;
        user.Reason = reason;
        db.AuditEvents.Add(Event(
            participant,
            "rejoined",
            $"Re-joined the programme on {Formatting.Date(on)}, having left on {Formatting.Date(leftOnBefore, "an unrecorded date")}",
            reason,
            new { RejoinedOn = on, LeftOn = leftOnBefore }));
        return await SaveAsync(participant, cancellationToken);
    }

    private async Task<Result<ParticipantStatusView>> SaveAsync(Participant participant, CancellationToken cancellationToken) =>
        await db.SavedWithoutConflictAsync(cancellationToken)
            ? Result<ParticipantStatusView>.Ok(ToView(participant))
            : Conflict();

    private static Result<ParticipantStatusView> Conflict() =>
        Result<ParticipantStatusView>.Conflict("Someone else changed this participant after you opened their record. Reload it and try again.");

    /// <summary>
    /// The meaning of the change, for the participant's timeline: the interceptor's "updated" row
    /// records the fields, but a re-joining date is stored nowhere else. The dates are also in
    /// <see cref="AuditEvent.Changes"/> as JSON ({"LeftOn","LeavingReason"} or {"RejoinedOn","LeftOn"}).
    /// </summary>
    private AuditEvent Event(Participant participant, string action, string summary, string? reason, object dates) => new()
    {
        OccurredAt = clock.GetUtcNow(),
        UserId = user.UserId,
        UserName = user.UserName,
        Action = action,
        EntityType = nameof(Participant),
        EntityId = participant.Id.ToString(),
        LotId = participant.LotId,
        ParticipantId = participant.Id,
        Summary = summary,
        Changes = JsonSerializer.Serialize(dates),
        Reason = reason,
    };

    private static ParticipantStatusView ToView(Participant p) => new(
        p.Id, p.Reference, p.Status, p.RegisteredOn, p.LeftOn, p.LeavingReason, LeavingReasons.Find(p.LeavingReason)?.DisplayName, p.LeavingNotes, p.Version);
}
