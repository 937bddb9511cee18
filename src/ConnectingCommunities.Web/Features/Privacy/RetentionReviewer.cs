using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>A participant past retention, as the review lists them: no personal data, only what a commissioner needs to decide.</summary>
public sealed record RetentionCandidate(Guid ParticipantId, string Reference, string LotCode, DateOnly RegisteredOn, DateOnly? LeftOn, DateOnly RetainUntil);

/// <summary>
/// The retention check: participants whose programme's retention period has ended and whose personal
/// data has not yet been erased. Run daily (<see cref="RetentionReviewService"/>), from the command line
/// (<c>cc retention-review</c>) or from the /retention page; each run is a <see cref="RetentionReview"/>
/// row, and nothing is erased until a commissioner confirms it. Needs only the database and a clock,
/// so the command line can run it without the web app.
/// </summary>
public sealed class RetentionReviewer(CcDbContext db, TimeProvider clock)
{
    /// <summary>Participants whose retention ended before <paramref name="before"/> (its period ended on an earlier day), not yet erased.</summary>
    public async Task<IReadOnlyList<RetentionCandidate>> CandidatesAsync(DateOnly before, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var programmes = await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.EndDate, p.RetentionYearsAfterEnd }).ToListAsync(cancellationToken);
        var past = programmes
            .Select(p => (p.Id, Until: RetentionRules.RetainUntil(p.EndDate, p.RetentionYearsAfterEnd)))
            .Where(p => p.Until < before)
            .ToDictionary(p => p.Id, p => p.Until);
        if (past.Count == 0)
        {
            return [];
        }

        var ids = past.Keys.ToList();
        var rows = await db.Participants.AsNoTracking()
            .Where(p => p.ErasedAt == null && ids.Contains(p.Lot!.ProgrammeId))
            .OrderBy(p => p.Reference)
            .Take(limit)
            .Select(p => new { p.Id, p.Reference, p.Lot!.Code, p.RegisteredOn, p.LeftOn, p.Lot.ProgrammeId })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RetentionCandidate(r.Id, r.Reference, r.Code, r.RegisteredOn, r.LeftOn, past[r.ProgrammeId]))];
    }

    public async Task<int> CountAsync(DateOnly before, CancellationToken cancellationToken = default) =>
        (await CandidatesAsync(before, cancellationToken: cancellationToken)).Count;

    /// <summary>Runs the check now: a review row listing everyone past retention today.</summary>
    public async Task<RetentionReview> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = Formatting.TodayInLondon(clock);
        var review = new RetentionReview
        {
            RunAt = clock.GetUtcNow(),
            RetainUntil = today,
            ParticipantsListed = await CountAsync(today, cancellationToken),
        };
        db.RetentionReviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return review;
    }

    /// <summary>Whether the check already ran today (the daily job runs it once a day, whenever the app starts).</summary>
    public async Task<bool> RanTodayAsync(CancellationToken cancellationToken = default)
    {
        var today = Formatting.TodayInLondon(clock);
        return await db.RetentionReviews.AnyAsync(r => r.RetainUntil == today, cancellationToken);
    }
}
