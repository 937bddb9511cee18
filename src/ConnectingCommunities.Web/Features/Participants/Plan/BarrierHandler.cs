using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>What a review found, in the order the history is read.</summary>
public enum BarrierReviewKind
{
    /// <summary>The barrier was first recorded.</summary>
    Identified = 1,
    Reviewed = 2,
    Resolved = 3,

    /// <summary>A resolved barrier stood in the way again.</summary>
    Reopened = 4,
}

/// <summary>One entry of a barrier's history: its severity on a day, and whether it was resolved.</summary>
public sealed record BarrierReviewView(
    Guid Id, DateOnly ReviewedOn, BarrierSeverity Severity, bool Resolved, BarrierReviewKind Kind, string? Notes, string? ReviewedBy);

/// <summary>A participant's barrier as it stands now, with its history (oldest first).</summary>
public sealed record BarrierView(
    Guid Id,
    string Barrier,
    string DisplayName,
    BarrierSeverity Severity,
    DateOnly IdentifiedOn,
    DateOnly? ResolvedOn,
    bool IsResolved,
    string? Notes,
    int Version,
    IReadOnlyList<BarrierReviewView> Reviews);

/// <summary>A participant's barriers: open ones first, most severe first.</summary>
public sealed record BarrierList(PlanParticipant Participant, IReadOnlyList<BarrierView> Barriers);

/// <summary>A barrier added, or a resolved one added again and so reopened.</summary>
public sealed record BarrierAdded(BarrierView Barrier, bool Reopened);

/// <summary>Adding a barrier to a participant.</summary>
public sealed record BarrierInput
{
    /// <summary>Barrier code, e.g. lowConfidence, childcare, transport (see the barriers catalogue).</summary>
    public string? Barrier { get; init; }

    /// <summary>How much it stands in the way of work: Low, Medium or High.</summary>
    public string? Severity { get; init; }

    /// <summary>The day it was identified; today when left out. Not before registration, not in the future.</summary>
    public DateOnly? IdentifiedOn { get; init; }

    /// <summary>What the barrier is and how it affects them; required for the barrier "other".</summary>
    public string? Notes { get; init; }

    /// <summary>Why, when adding a resolved barrier again reopens it: kept in the audit trail.</summary>
    public string? Reason { get; init; }
}

/// <summary>A review of a barrier: its severity now and whether it is resolved.</summary>
public sealed record BarrierReviewInput
{
    /// <summary>The day of the review; today when left out. Not before the barrier's latest review, not in the future.</summary>
    public DateOnly? ReviewedOn { get; init; }

    /// <summary>Low, Medium or High; the current severity when left out.</summary>
    public string? Severity { get; init; }

    /// <summary>True when it no longer stands in the way; false reopens a resolved barrier; unchanged when left out.</summary>
    public bool? Resolved { get; init; }

    /// <summary>What the review found.</summary>
    public string? Notes { get; init; }

    /// <summary>Why the barrier changed: kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The barrier's version as read; a stale one is refused as a conflict.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Barriers to work per participant, one record per barrier, with every review kept as history:
/// the record says how the barrier stands now and its reviews say how it got there.
/// </summary>
public sealed class BarrierHandler(CcDbContext db, ParticipantAccess access, CurrentUser user)
{
    /// <summary>The participant's barriers, or null when the participant does not exist for this user; logs the view.</summary>
    public async Task<BarrierList?> ListAsync(Guid participantId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "barriers", cancellationToken);
        }

        var barriers = await db.ParticipantBarriers.AsNoTracking()
            .Where(b => b.ParticipantId == participantId)
            .Include(b => b.Reviews)
            .ToListAsync(cancellationToken);
        var names = await ReviewerNamesAsync(barriers.SelectMany(b => b.Reviews), cancellationToken);
        var views = barriers
            .Select(b => ToView(b, names))
            .OrderBy(b => b.IsResolved)
            .ThenByDescending(b => b.Severity)
            .ThenBy(b => Barriers.All.ToList().FindIndex(c => c.Code == b.Barrier))
            .ToList();
        return new BarrierList(PlanParticipant.From(participant), views);
    }

    /// <summary>One of the participant's barriers, or null when either does not exist for this user.</summary>
    public async Task<(PlanParticipant Participant, BarrierView Barrier)?> FindAsync(
        Guid participantId, Guid barrierId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        var barrier = await db.ParticipantBarriers.AsNoTracking().Include(b => b.Reviews)
            .FirstOrDefaultAsync(b => b.Id == barrierId && b.ParticipantId == participantId, cancellationToken);
        if (barrier is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "barriers", cancellationToken);
        }

        return (PlanParticipant.From(participant), ToView(barrier, await ReviewerNamesAsync(barrier.Reviews, cancellationToken)));
    }

    public async Task<Result<BarrierAdded>> AddAsync(Guid participantId, BarrierInput input, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<BarrierAdded>.NotFound();
        }

        var who = PlanParticipant.From(participant);
        var errors = new FieldErrors();
        if (PlanChecks.RefuseIfLeft(who, "barrier", "barriers", errors))
        {
            return Result<BarrierAdded>.Invalid(errors);
        }

        var today = access.Today;
        var barrier = PlanChecks.Catalogue(input.Barrier, Barriers.All, "barrier", "barrier", errors);
        var severity = PlanChecks.Enum<BarrierSeverity>(input.Severity, "severity", "severity", errors, required: true);
        var identifiedOn = input.IdentifiedOn ?? today;
        PlanChecks.HappenedOn(identifiedOn, "identifiedOn", "date identified", who, today, errors);
        if (barrier is not null && PlanRules.NeedsDescription(barrier) && string.IsNullOrWhiteSpace(input.Notes))
        {
            errors.Add("notes", "Describe the barrier in the notes");
        }

        Validation.OptionalText(input.Notes, "notes", "notes", PlanChecks.MaxNotesLength, errors);
        Validation.OptionalText(input.Reason, "reason", "reason", PlanChecks.MaxReasonLength, errors);

        ParticipantBarrier? existing = null;
        if (barrier is not null)
        {
            existing = await db.ParticipantBarriers.Include(b => b.Reviews)
                .FirstOrDefaultAsync(b => b.ParticipantId == participantId && b.Barrier == barrier.Code, cancellationToken);
            switch (PlanRules.Adding(existing is not null, existing?.ResolvedOn))
            {
                case BarrierAddition.AlreadyOpen:
                    errors.Add("barrier",
                        $"{barrier.DisplayName} is already recorded, since {Formatting.Date(existing!.IdentifiedOn)}, and is not resolved: review it instead");
                    break;
                case BarrierAddition.Reopen when !PlanRules.IsReviewInOrder(identifiedOn, LatestReviewOn(existing!)):
                    errors.Add("identifiedOn",
                        $"{barrier.DisplayName} was last reviewed on {Formatting.Date(LatestReviewOn(existing!))}: the date identified again must be on or after it");
                    break;
                default:
                    break;
            }
        }

        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            return Result<BarrierAdded>.Invalid(errors);
        }

        var notes = PlanChecks.Clean(input.Notes);
        var reopened = existing is not null;
        var record = existing ?? new ParticipantBarrier { ParticipantId = participantId, Barrier = barrier!.Code, IdentifiedOn = identifiedOn };
        record.Severity = severity!.Value;
        record.ResolvedOn = null;
        if (notes is not null || !reopened)
        {
            record.Notes = notes;
        }

        if (!reopened)
        {
            db.ParticipantBarriers.Add(record);
        }

        db.BarrierReviews.Add(new BarrierReview
        {
            ParticipantBarrierId = record.Id,
            ParticipantId = participantId,
            ReviewedOn = identifiedOn,
            Severity = record.Severity,
            Resolved = false,
            Notes = notes,
            ReviewedById = user.UserId,
        });
        user.Reason = PlanChecks.Clean(input.Reason);
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<BarrierAdded>.Conflict("Someone else recorded this barrier at the same time. Reload the barriers and try again.");
        }

        var saved = await FindAsync(participantId, record.Id, logView: false, cancellationToken);
        return Result<BarrierAdded>.Ok(new BarrierAdded(saved!.Value.Barrier, reopened));
    }

    public async Task<Result<BarrierView>> ReviewAsync(
        Guid participantId, Guid barrierId, BarrierReviewInput input, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        var barrier = participant is null
            ? null
            : await db.ParticipantBarriers.Include(b => b.Reviews)
                .FirstOrDefaultAsync(b => b.Id == barrierId && b.ParticipantId == participantId, cancellationToken);
        if (participant is null || barrier is null)
        {
            return Result<BarrierView>.NotFound();
        }

        if (input.Version is { } version && version != barrier.Version)
        {
            return Result<BarrierView>.Conflict("Someone else changed this barrier after you opened it. Reload it and make your review again.");
        }

        var who = PlanParticipant.From(participant);
        var today = access.Today;
        var errors = new FieldErrors();
        var reviewedOn = input.ReviewedOn ?? today;
        PlanChecks.HappenedOn(reviewedOn, "reviewedOn", "date of the review", who, today, errors);
        var latest = LatestReviewOn(barrier);
        if (!errors.Has("reviewedOn") && !PlanRules.IsReviewInOrder(reviewedOn, latest))
        {
            errors.Add("reviewedOn", $"The barrier was last reviewed on {Formatting.Date(latest)}: the date of the review must be on or after it");
        }

        var severity = PlanChecks.Enum<BarrierSeverity>(input.Severity, "severity", "severity", errors, required: false);
        Validation.OptionalText(input.Notes, "notes", "notes", PlanChecks.MaxNotesLength, errors);
        Validation.OptionalText(input.Reason, "reason", "reason", PlanChecks.MaxReasonLength, errors);
        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            return Result<BarrierView>.Invalid(errors);
        }

        barrier.Severity = severity ?? barrier.Severity;
        if (input.Resolved is true && barrier.ResolvedOn is null)
        {
            barrier.ResolvedOn = reviewedOn;
        }
        else if (input.Resolved is false)
        {
            barrier.ResolvedOn = null;
        }

        db.BarrierReviews.Add(new BarrierReview
        {
            ParticipantBarrierId = barrier.Id,
            ParticipantId = participantId,
            ReviewedOn = reviewedOn,
            Severity = barrier.Severity,
            Resolved = barrier.ResolvedOn is not null,
            Notes = PlanChecks.Clean(input.Notes),
            ReviewedById = user.UserId,
        });
        user.Reason = PlanChecks.Clean(input.Reason);
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<BarrierView>.Conflict("Someone else changed this barrier at the same time. Reload it and make your review again.");
        }

        return Result<BarrierView>.Ok((await FindAsync(participantId, barrierId, logView: false, cancellationToken))!.Value.Barrier);
    }

    /// <summary>The day of the barrier's latest review; the identification counts as its first.</summary>
    private static DateOnly LatestReviewOn(ParticipantBarrier barrier) =>
        barrier.Reviews.Count == 0 ? barrier.IdentifiedOn : barrier.Reviews.Max(r => r.ReviewedOn);

    private async Task<Dictionary<Guid, string>> ReviewerNamesAsync(IEnumerable<BarrierReview> reviews, CancellationToken cancellationToken)
    {
        var ids = reviews.Where(r => r.ReviewedById is not null).Select(r => r.ReviewedById!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? "", cancellationToken);
    }

    private static BarrierView ToView(ParticipantBarrier barrier, Dictionary<Guid, string> reviewers)
    {
        var history = new List<BarrierReviewView>();
        var wasResolved = false;
        // Reviews saved on the same day keep the order they were made in: their keys are time-ordered.
        foreach (var review in barrier.Reviews.OrderBy(r => r.ReviewedOn).ThenBy(r => r.Id))
        {
            // The first entry is the identification when it was recorded with the barrier; records
            // imported without one start their history at their first review.
            var kind = history.Count == 0 && review.ReviewedOn == barrier.IdentifiedOn && !review.Resolved ? BarrierReviewKind.Identified
                : review.Resolved && !wasResolved ? BarrierReviewKind.Resolved
                : !review.Resolved && wasResolved ? BarrierReviewKind.Reopened
                : BarrierReviewKind.Reviewed;
            wasResolved = review.Resolved;
            history.Add(new BarrierReviewView(
                review.Id, review.ReviewedOn, review.Severity, review.Resolved, kind, review.Notes,
                review.ReviewedById is { } by ? reviewers.GetValueOrDefault(by) : null));
        }

        return new BarrierView(
            barrier.Id, barrier.Barrier, Barriers.Find(barrier.Barrier)?.DisplayName ?? barrier.Barrier, barrier.Severity,
            barrier.IdentifiedOn, barrier.ResolvedOn, barrier.ResolvedOn is not null, barrier.Notes, barrier.Version, history);
    }
}
