using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>A run of the retention check as pages and the API show it.</summary>
public sealed record RetentionReviewView(
    Guid Id, DateTimeOffset RunAt, DateOnly RetainUntil, int ParticipantsListed, DateTimeOffset? ConfirmedAt, string? ConfirmedBy, int ParticipantsErased);

/// <summary>The retention rule, the latest checks and who is waiting for confirmation now.</summary>
public sealed record RetentionView(
    string Programme, DateOnly ProgrammeEnd, int YearsAfterEnd, DateOnly RetainUntil, IReadOnlyList<RetentionReviewView> Reviews,
    RetentionReviewView? Awaiting, IReadOnlyList<RetentionCandidate> Candidates, int CandidateCount);

/// <summary>What a confirmation erased, and any participant it could not (each is its own transaction).</summary>
public sealed record RetentionConfirmation(RetentionReviewView Review, IReadOnlyList<string> Erased, IReadOnlyList<string> NotErased);

/// <summary>The commissioner's side of retention: see the latest check, run it now, confirm the erasure of those it listed.</summary>
public sealed class RetentionHandler(CcDbContext db, RetentionReviewer reviewer, ErasureHandler erasure, CurrentUser user, TimeProvider clock)
{
    public const int ShownCandidates = 200;

    public async Task<RetentionView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var programme = await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return null;
        }

        var reviews = await db.RetentionReviews.AsNoTracking().OrderByDescending(r => r.RunAt).Take(10).ToListAsync(cancellationToken);
        var names = await NamesAsync(reviews.Select(r => r.ConfirmedById), cancellationToken);
        var views = reviews.Select(r => View(r, names)).ToList();
        var awaiting = views.FirstOrDefault() is { ConfirmedAt: null, ParticipantsListed: > 0 } latest ? latest : null;
        var candidates = awaiting is null ? [] : await reviewer.CandidatesAsync(awaiting.RetainUntil, cancellationToken: cancellationToken);
        return new RetentionView(
            programme.Name, programme.EndDate, programme.RetentionYearsAfterEnd,
            RetentionRules.RetainUntil(programme.EndDate, programme.RetentionYearsAfterEnd),
            views, awaiting, [.. candidates.Take(ShownCandidates)], candidates.Count);
    }

    public async Task<RetentionReviewView> RunAsync(CancellationToken cancellationToken = default)
    {
        user.Reason = "Retention check run by hand";
        return View(await reviewer.RunAsync(cancellationToken), new Dictionary<Guid, string>());
    }

    /// <summary>
    /// Erases everyone the review listed who is still past retention and not yet erased, each in its own
    /// transaction (one failure does not undo the others), then marks the review confirmed.
    /// NotFound for an unknown review; Conflict when it was confirmed already.
    /// </summary>
    public async Task<Result<RetentionConfirmation>> ConfirmAsync(Guid reviewId, string? reason, CancellationToken cancellationToken = default)
    {
        var review = await db.RetentionReviews.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return Result<RetentionConfirmation>.NotFound();
        }

        if (review.ConfirmedAt is not null)
        {
            return Result<RetentionConfirmation>.Conflict("This retention check was confirmed already.");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is { Length: > ErasureHandler.MaxReasonLength })
        {
            return Result<RetentionConfirmation>.Invalid("reason", $"The reason must be {ErasureHandler.MaxReasonLength} characters or fewer");
        }

        var candidates = await reviewer.CandidatesAsync(review.RetainUntil, cancellationToken: cancellationToken);
        var erased = new List<string>();
        var notErased = new List<string>();
        foreach (var candidate in candidates)
        {
            var why = $"Retention period ended on {Formatting.Date(candidate.RetainUntil)}; erasure confirmed from the retention check of {Formatting.Date(review.RetainUntil)}"
                + (text is null ? "" : $": {text}");
            var outcome = await erasure.EraseCoreAsync(candidate.ParticipantId, ErasureKind.RetentionExpired, why, cancellationToken);
            (outcome.Status == ErasureOutcomeStatus.Erased ? erased : notErased).Add(candidate.Reference);
        }

        review.ConfirmedById = user.UserId;
        review.ConfirmedAt = clock.GetUtcNow();
        review.ParticipantsErased = erased.Count;
        user.Reason = text ?? "Erasure of records past retention confirmed";
        await db.SaveChangesAsync(cancellationToken);
        var names = await NamesAsync([review.ConfirmedById], cancellationToken);
        return Result<RetentionConfirmation>.Ok(new RetentionConfirmation(View(review, names), erased, notErased));
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    private static RetentionReviewView View(RetentionReview r, Dictionary<Guid, string> names) => new(
        r.Id, r.RunAt, r.RetainUntil, r.ParticipantsListed, r.ConfirmedAt,
        r.ConfirmedById is { } by ? names.GetValueOrDefault(by) : null, r.ParticipantsErased);
}
