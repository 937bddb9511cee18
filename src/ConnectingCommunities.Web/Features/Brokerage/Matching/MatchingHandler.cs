using System.Text.Json.Serialization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Brokerage.Matching;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>A vacancy matched to a participant: its score and why, or why it is excluded.</summary>
public sealed record VacancyMatch(
    Guid VacancyId,
    int Score,
    IReadOnlyList<string> Reasons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Excluded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    string Title,
    string EmployerName,
    string SocCode,
    string Postcode,
    decimal WeeklyHours,
    decimal HourlyWage,
    DateOnly ClosingOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReferralStatus? ReferralStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? ReferralId);

/// <summary>The vacancies for a participant, best first, one page of them.</summary>
public sealed record VacancyMatchList(
    IReadOnlyList<VacancyMatch> Items, int Total, int Eligible, int ExcludedCount, int Page, int PageSize, bool HasJobGoals);

/// <summary>A participant matched to a vacancy.</summary>
public sealed record CandidateMatch(
    Guid ParticipantId,
    int Score,
    IReadOnlyList<string> Reasons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Excluded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    string Reference,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReferralStatus? ReferralStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? ReferralId);

/// <summary>The vacancy a candidate list is for.</summary>
public sealed record VacancySummary(
    Guid Id, string Title, string EmployerName, string SocCode, string Postcode, decimal WeeklyHours, decimal HourlyWage, DateOnly ClosingOn,
    VacancyStatus Status, int Positions);

/// <summary>The lot's participants for a vacancy, best first.</summary>
public sealed record CandidateList(
    VacancySummary Vacancy, IReadOnlyList<CandidateMatch> Items, int Total, int Eligible, int ExcludedCount, int Page, int PageSize);

/// <summary>What reviewing a match list with a participant recorded.</summary>
public sealed record MatchReviewView(Guid Id, DateOnly ReviewedOn, int VacanciesShown, Guid PlanActionId, bool ActionCreated);

/// <summary>Reviewing a match list: how many vacancies were gone through with the participant.</summary>
public sealed record MatchReviewInput
{
    /// <summary>How many vacancies were shown; the number of eligible matches when left out.</summary>
    public int? VacanciesShown { get; init; }
}

/// <summary>
/// Vacancies ranked for a participant and participants ranked for a vacancy (only those of the user's lots), by
/// the rules of Domain.Brokerage.Matching; and the review of a match list with a participant, which completes
/// their "identify jobs that match skills" action.
/// </summary>
public sealed class MatchingHandler(
    CcDbContext db, ParticipantAccess access, CurrentUser user, OpenVacancyCache vacancies, SeekerCache seekerCache, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;
    public const string IdentifyMatchingJobs = "identifyMatchingJobs";

    public static string? OccupationTitle(string code) => Soc2020.Find(code)?.Title;

    /// <summary>The participant's vacancies, best first; null when the participant is not visible.</summary>
    public async Task<(PlanParticipant Participant, VacancyMatchList Matches)?> VacancyMatchesAsync(
        Guid participantId, bool includeExcluded, int? page, int? pageSize, bool logView, CancellationToken cancellationToken = default)
    {
        if (await RankVacanciesAsync(participantId, logView, cancellationToken) is not { } ranked)
        {
            return null;
        }

        var all = includeExcluded ? [.. ranked.Eligible, .. ranked.Excluded] : ranked.Eligible;
        var (p, size) = PageOf(page, pageSize);
        var items = await ExplainAsync(ranked, all.Skip((p - 1) * size).Take(size).ToList(), cancellationToken);
        return (PlanParticipant.From(ranked.Participant),
            new VacancyMatchList(items, all.Count, ranked.Eligible.Count, ranked.Excluded.Count, p, size, ranked.HasGoals));
    }

    /// <summary>
    /// For the matches page: one page of the eligible vacancies, and the best <paramref name="excludedToShow"/> of those
    /// ruled out, each with why; null when the participant is not visible.
    /// </summary>
    public async Task<(PlanParticipant Participant, VacancyMatchList Matches, IReadOnlyList<VacancyMatch> Excluded)?> MatchPageAsync(
        Guid participantId, int page, int pageSize, int excludedToShow, bool logView, CancellationToken cancellationToken = default)
    {
        if (await RankVacanciesAsync(participantId, logView, cancellationToken) is not { } ranked)
        {
            return null;
        }

        var (p, size) = PageOf(page, pageSize);
        var items = await ExplainAsync(ranked, ranked.Eligible.Skip((p - 1) * size).Take(size).ToList(), cancellationToken);
        var excluded = await ExplainAsync(ranked, ranked.Excluded.Take(excludedToShow).ToList(), cancellationToken);
        return (PlanParticipant.From(ranked.Participant),
            new VacancyMatchList(items, ranked.Eligible.Count, ranked.Eligible.Count, ranked.Excluded.Count, p, size, ranked.HasGoals), excluded);
    }

    private async Task<RankedVacancies?> RankVacanciesAsync(Guid participantId, bool logView, CancellationToken cancellationToken)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        var today = access.Today;
        var (seeker, hasGoals) = await MatchingData.SeekerAsync(db, participant, today, cancellationToken);
        var open = await vacancies.OpenVacanciesAsync(db, today, cancellationToken);

        // Every view of a personal record is logged. The insert is sent first and awaited after the scoring, so its round
        // trip overlaps the work in memory (nothing else uses the context meanwhile); if it fails, nothing is shown.
        var logging = logView ? access.LogViewAsync(participant, "vacancy matches", cancellationToken) : Task.CompletedTask;
        RankedList<VacancyProfile> ranked;
        try
        {
            ranked = RankedList<VacancyProfile>.Rank(open, v => JobMatcher.Score(seeker, v, today), v => v.ClosingOn.DayNumber, v => v.Id);
        }
        finally
        {
            await logging;
        }

        return new RankedVacancies(participant, seeker, today, hasGoals, ranked.Eligible, ranked.Excluded);
    }

    private async Task<List<VacancyMatch>> ExplainAsync(RankedVacancies ranked, List<VacancyProfile> shown, CancellationToken cancellationToken)
    {
        var ids = shown.Select(v => v.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var employers = await db.Vacancies.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, Employer = v.Employer!.Name }).ToDictionaryAsync(v => v.Id, v => v.Employer, cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ParticipantId == ranked.Participant.Id && ids.Contains(r.VacancyId))
            .Select(r => new { r.VacancyId, r.Id, r.Status }).ToDictionaryAsync(r => r.VacancyId, cancellationToken);
        return shown.ConvertAll(v =>
        {
            var explained = JobMatcher.Explain(ranked.Seeker, v, ranked.Today, OccupationTitle);
            var referral = referrals.GetValueOrDefault(v.Id);
            return new VacancyMatch(
                v.Id, explained.Score, explained.Reasons, explained.IsExcluded ? true : null, explained.ExcludedBecause,
                v.Title, employers.GetValueOrDefault(v.Id) ?? "", v.SocCode, v.Postcode, v.WeeklyHours, v.HourlyWage, v.ClosingOn,
                referral?.Status, referral?.Id);
        });
    }

    private sealed record RankedVacancies(
        Participant Participant, SeekerProfile Seeker, DateOnly Today, bool HasGoals, IReadOnlyList<VacancyProfile> Eligible,
        IReadOnlyList<VacancyProfile> Excluded);

    /// <summary>The user's lots' participants for the vacancy, best first; null when there is no such vacancy.</summary>
    public async Task<CandidateList?> CandidatesAsync(Guid vacancyId, bool includeExcluded, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        if (await MatchingData.VacancyWithEmployerAsync(db, vacancyId, cancellationToken) is not var (v, employerName, vacancy))
        {
            return null;
        }

        var summary = new VacancySummary(v.Id, v.Title, employerName, v.SocCode, v.Postcode, v.WeeklyHours, v.HourlyWage, v.ClosingOn, v.Status, v.Positions);
        var today = access.Today;
        var lots = user.IsLotScoped ? await user.LotIdsAsync(cancellationToken) : null;
        var seekers = await seekerCache.SeekersAsync(db, lots, today, cancellationToken);

        // Ties go to the participant registered first (UUIDv7 keys are in time order), so the order is stable.
        var ranked = RankedList<SeekerProfile>.Rank(seekers, s => JobMatcher.Score(s, vacancy, today), _ => 0, s => s.Id);
        List<SeekerProfile> all = includeExcluded ? [.. ranked.Eligible, .. ranked.Excluded] : ranked.Eligible;
        var (p, size) = PageOf(page, pageSize);

        // Lot scoping never rests on the cached list alone: the page is read through the caller's visible participants
        // (still active), and anyone not found there (moved to another lot or left, by another server within the cache's
        // maximum age) is passed over for the next in line.
        var visible = await access.VisibleAsync(cancellationToken);
        var shown = new List<(SeekerProfile Seeker, string Reference, string Name)>(size);
        for (var next = (p - 1) * size; shown.Count < size && next < all.Count;)
        {
            var batch = all.Skip(next).Take(size - shown.Count).ToList();
            next += batch.Count;
            var ids = batch.ConvertAll(s => s.Id);
            var people = await visible.AsNoTracking().Where(x => ids.Contains(x.Id) && x.Status == ParticipantStatus.Active)
                .Select(x => new { x.Id, x.Reference, Name = x.FirstName + " " + x.LastName }).ToDictionaryAsync(x => x.Id, cancellationToken);
            shown.AddRange(batch.Where(s => people.ContainsKey(s.Id)).Select(s => (s, people[s.Id].Reference, people[s.Id].Name)));
        }

        var shownIds = shown.ConvertAll(s => s.Seeker.Id);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.VacancyId == vacancyId && shownIds.Contains(r.ParticipantId))
            .Select(r => new { r.ParticipantId, r.Id, r.Status }).ToDictionaryAsync(r => r.ParticipantId, cancellationToken);
        var items = shown.ConvertAll(s =>
        {
            var explained = JobMatcher.Explain(s.Seeker, vacancy, today, OccupationTitle);
            var referral = referrals.GetValueOrDefault(s.Seeker.Id);
            return new CandidateMatch(
                s.Seeker.Id, explained.Score, explained.Reasons, explained.IsExcluded ? true : null, explained.ExcludedBecause,
                s.Reference, s.Name, referral?.Status, referral?.Id);
        });
        return new CandidateList(summary, items, all.Count, ranked.Eligible.Count, ranked.Excluded.Count, p, size);
    }

    /// <summary>The score of one participant for one vacancy, as the lists would show it (for a referral to keep).</summary>
    public async Task<MatchExplanation> ExplainAsync(Participant participant, Guid vacancyId, CancellationToken cancellationToken = default)
    {
        var today = access.Today;
        var (seeker, _) = await MatchingData.SeekerAsync(db, participant, today, cancellationToken);
        var vacancy = await MatchingData.VacancyAsync(db, vacancyId, cancellationToken)
            ?? throw new InvalidOperationException($"Vacancy {vacancyId} does not exist.");
        return JobMatcher.Explain(seeker, vacancy, today, OccupationTitle);
    }

    /// <summary>
    /// Records that the match list was reviewed with the participant today, and completes their "identify jobs that
    /// match skills" action: the oldest open one, or one completed today already, or else a new one added completed.
    /// </summary>
    public async Task<Result<MatchReviewView>> ReviewAsync(Guid participantId, MatchReviewInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<MatchReviewView>.NotFound();
        }

        var errors = new FieldErrors();
        PlanChecks.RefuseIfLeft(PlanParticipant.From(participant), "vacanciesShown", "a match review", errors);
        if (input.VacanciesShown is < 0 or > 100_000)
        {
            errors.Add("vacanciesShown", "The number of vacancies shown must be a whole number from 0 to 100000");
        }

        if (errors.Any)
        {
            return Result<MatchReviewView>.Invalid(errors);
        }

        var today = access.Today;
        var shown = input.VacanciesShown;
        if (shown is null)
        {
            var matches = await VacancyMatchesAsync(participantId, includeExcluded: false, 1, 1, logView: false, cancellationToken);
            shown = matches?.Matches.Eligible ?? 0;
        }

        var actions = await db.PlanActions.Where(a => a.ParticipantId == participantId && a.Action == IdentifyMatchingJobs).ToListAsync(cancellationToken);
        var action = actions.Where(a => a.Status.IsOpen()).OrderBy(a => a.IdentifiedOn).ThenBy(a => a.Id).FirstOrDefault()
            ?? actions.FirstOrDefault(a => a.Status == ActionStatus.Completed && a.CompletedOn == today);
        var created = action is null;
        if (action is null)
        {
            var template = ActionCatalogue.Find(IdentifyMatchingJobs)!;
            action = new PlanAction
            {
                ParticipantId = participantId,
                Action = template.Code,
                ActivityType = template.ActivityType,
                Details = "Match list reviewed with the participant",
                IdentifiedOn = today,
                AgreedOn = today,
            };
            db.PlanActions.Add(action);
        }

        if (action.Status != ActionStatus.Completed)
        {
            action.Status = ActionStatus.Completed;

            // Done today, so it cannot be dated before it was identified or agreed (a date in the future is not today's).
            action.CompletedOn = today < action.IdentifiedOn ? action.IdentifiedOn : today;
            if (action.AgreedOn is { } agreed && agreed > action.CompletedOn)
            {
                action.CompletedOn = agreed;
            }
        }

        var review = new MatchReview
        {
            ParticipantId = participantId,
            ReviewedOn = today,
            VacanciesShown = shown.Value,
            PlanActionId = action.Id,
            ReviewedById = user.UserId,
            ReviewedAt = clock.GetUtcNow(),
        };
        db.MatchReviews.Add(review);
        return await db.SavedWithoutConflictAsync(cancellationToken)
            ? Result<MatchReviewView>.Ok(new MatchReviewView(review.Id, review.ReviewedOn, review.VacanciesShown, action.Id, created))
            : Result<MatchReviewView>.Conflict("Someone else changed this participant's action plan at the same moment. Try again.");
    }

    private static (int Page, int PageSize) PageOf(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
