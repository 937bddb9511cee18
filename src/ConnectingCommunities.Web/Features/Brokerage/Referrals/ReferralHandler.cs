using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Features.Brokerage.Matching;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Referrals;

/// <summary>Putting a participant forward for a vacancy.</summary>
public sealed record ReferralInput
{
    /// <summary>The participant referred: one of your lots'.</summary>
    public Guid? ParticipantId { get; init; }

    /// <summary>The day of the referral: today when left out; not before registration, not in the future.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>How the job brokerage contact recorded with the referral took place: FaceToFace when left out.</summary>
    public string? Mode { get; init; }

    /// <summary>How long the contact lasted in minutes: 15 when left out.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>Notes for the contact; the vacancy and employer are noted when left out.</summary>
    public string? Notes { get; init; }
}

/// <summary>A step in a referral: Interview (with its date), Offered, Started, or Unsuccessful / Withdrawn with a reason.</summary>
public sealed record ReferralStatusInput
{
    /// <summary>Interview, Offered, Started, Unsuccessful or Withdrawn.</summary>
    public string? Status { get; init; }

    /// <summary>The day: the interview date (may be ahead), or the day of the offer, start or ending (today when left out).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Why it ended (required for Unsuccessful and Withdrawn); kept in the audit trail.</summary>
    public string? Reason { get; init; }

    /// <summary>The referral's version as read; a stale one is refused as a conflict.</summary>
    public int? Version { get; init; }
}

public sealed record ReferralEventView(ReferralStatus Status, DateOnly OccurredOn, string? Reason, DateTimeOffset RecordedAt);

/// <summary>A referral with where it stands, what may come next and its history.</summary>
public sealed record ReferralView(
    Guid Id,
    Guid VacancyId,
    string VacancyTitle,
    string EmployerName,
    Guid ParticipantId,
    string ParticipantReference,
    string ParticipantName,
    ReferralStatus Status,
    DateOnly ReferredOn,
    DateOnly? InterviewOn,
    DateOnly? OfferedOn,
    DateOnly? StartedOn,
    DateOnly? ClosedOn,
    string? Reason,
    int? MatchScore,
    Guid? JobStartId,
    Guid? InterventionId,
    IReadOnlyList<ReferralStatus> NextStatuses,
    IReadOnlyList<ReferralEventView> Events,
    int Version);

/// <summary>What a referral request did: the referral, and whether it was new (a second referral finds the first).</summary>
public sealed record ReferralMade(ReferralView Referral, bool Created);

/// <summary>
/// Referrals of participants to vacancies, followed Referred, Interview, Offered, Started, or ended Unsuccessful or
/// Withdrawn. Referring records a job brokerage contact through the intervention handler (so engagement is counted as
/// for any contact); a start records the job start through the job start handler (so the Job outcome milestone is
/// derived as for a typed one, and evidence is still needed for a claim). A refused request writes nothing.
/// </summary>
public sealed class ReferralHandler(
    CcDbContext db,
    ParticipantAccess access,
    CurrentUser user,
    InterventionHandler interventions,
    JobStartHandler jobStarts,
    MatchingHandler matching,
    TimeProvider clock)
{
    public const int MaxReasonLength = 1000;
    public const int DefaultContactMinutes = 15;

    /// <summary>The steps allowed from each status; Started, Unsuccessful and Withdrawn are final.</summary>
    public static IReadOnlyList<ReferralStatus> NextStatuses(ReferralStatus status) => status switch
    {
        ReferralStatus.Referred => [ReferralStatus.Interview, ReferralStatus.Unsuccessful, ReferralStatus.Withdrawn],
        ReferralStatus.Interview => [ReferralStatus.Offered, ReferralStatus.Unsuccessful, ReferralStatus.Withdrawn],
        ReferralStatus.Offered => [ReferralStatus.Started, ReferralStatus.Unsuccessful, ReferralStatus.Withdrawn],
        _ => [],
    };

    public static string DisplayName(ReferralStatus status) => status switch
    {
        ReferralStatus.Referred => "Referred",
        ReferralStatus.Interview => "Interview",
        ReferralStatus.Offered => "Offered",
        ReferralStatus.Started => "Started",
        ReferralStatus.Unsuccessful => "Unsuccessful",
        ReferralStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public async Task<Result<ReferralMade>> ReferAsync(Guid vacancyId, ReferralInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ParticipantId is not { } participantId)
        {
            return Result<ReferralMade>.Invalid("participantId", "Enter the participant to refer");
        }

        var participant = await access.FindAsync(participantId, cancellationToken);
        var vacancy = participant is null
            ? null
            : await db.Vacancies.Include(v => v.Employer).FirstOrDefaultAsync(v => v.Id == vacancyId, cancellationToken);
        if (participant is null || vacancy is null)
        {
            return Result<ReferralMade>.NotFound();
        }

        var existing = await db.Referrals.AsNoTracking().Where(r => r.VacancyId == vacancyId && r.ParticipantId == participantId)
            .Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing != Guid.Empty)
        {
            return Result<ReferralMade>.Ok(new ReferralMade((await FindAsync(existing, logView: false, cancellationToken))!.Value.Referral, false));
        }

        var errors = new FieldErrors();
        var today = access.Today;
        if (vacancy.Status != VacancyStatus.Open)
        {
            errors.Add("vacancyId", $"The vacancy is {vacancy.Status.ToString().ToLowerInvariant()}: only open vacancies take referrals");
        }
        else if (vacancy.ClosingOn < today)
        {
            errors.Add("vacancyId", $"The vacancy closed on {Formatting.Date(vacancy.ClosingOn)}: only open vacancies take referrals");
        }

        var who = PlanParticipant.From(participant);
        PlanChecks.RefuseIfLeft(who, "participantId", "a referral", errors);
        var date = input.Date ?? today;
        PlanChecks.HappenedOn(date, "date", "referral date", who, today, errors);
        if (errors.Any)
        {
            return Result<ReferralMade>.Invalid(errors);
        }

        var score = await matching.ExplainAsync(participant, vacancyId, cancellationToken);
        var employerName = vacancy.Employer?.Name ?? "";

        // The contact and the referral are written together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contact = await interventions.RecordAsync(participantId, new InterventionInput
        {
            Date = date,
            Mode = input.Mode ?? nameof(InterventionMode.FaceToFace),
            ActivityType = nameof(ActivityType.JobBrokerage),
            DurationMinutes = input.DurationMinutes ?? DefaultContactMinutes,
            Notes = input.Notes ?? $"Referred to {vacancy.Title} at {employerName}",
        }, cancellationToken);
        if (!contact.Succeeded)
        {
            return contact.Status == ResultStatus.Invalid
                ? Result<ReferralMade>.Invalid(contact.Errors!)
                : Result<ReferralMade>.Conflict(contact.Detail ?? "Someone else changed this participant at the same moment. Try again.");
        }

        var now = clock.GetUtcNow();
        var referral = new Referral
        {
            VacancyId = vacancyId,
            ParticipantId = participantId,
            LotId = participant.LotId,
            Status = ReferralStatus.Referred,
            ReferredOn = date,
            MatchScore = score.Score,
            InterventionId = contact.Value!.Intervention.Id,
            ReferredById = user.UserId,
            CreatedAt = now,
        };
        referral.Events.Add(new ReferralEvent { Status = ReferralStatus.Referred, OccurredOn = date, RecordedById = user.UserId, RecordedAt = now });
        db.Referrals.Add(referral);
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<ReferralMade>.Conflict("Someone else referred this participant to this vacancy at the same moment. Check their referrals.");
        }

        await transaction.CommitAsync(cancellationToken);
        return Result<ReferralMade>.Ok(new ReferralMade(ToView(referral, vacancy, participant), true));
    }

    public async Task<Result<ReferralView>> ChangeStatusAsync(Guid referralId, ReferralStatusInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var referral = await db.Referrals.Include(r => r.Events).Include(r => r.Vacancy).ThenInclude(v => v!.Employer)
            .FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        var participant = referral is null ? null : await access.FindAsync(referral.ParticipantId, cancellationToken);
        if (referral is null || participant is null)
        {
            return Result<ReferralView>.NotFound();
        }

        var vacancy = referral.Vacancy!;
        var errors = new FieldErrors();
        var today = access.Today;
        var status = PlanChecks.Enum<ReferralStatus>(input.Status, "status", "status", errors, required: true);
        var allowed = NextStatuses(referral.Status);
        if (status is { } wanted && !allowed.Contains(wanted))
        {
            errors.Add("status", allowed.Count == 0
                ? $"The referral ended {DisplayName(referral.Status)}: its status cannot change"
                : $"A referral at {DisplayName(referral.Status)} can move only to {string.Join(", ", allowed.Select(DisplayName))}");
        }

        var reason = PlanChecks.Clean(input.Reason);
        Validation.OptionalText(reason, "reason", "reason", MaxReasonLength, errors);
        if (status is ReferralStatus.Unsuccessful or ReferralStatus.Withdrawn && reason is null)
        {
            errors.Add("reason", $"Enter why the referral was {DisplayName(status.Value).ToLowerInvariant()}");
        }

        var previous = new[] { referral.ReferredOn, referral.InterviewOn ?? default, referral.OfferedOn ?? default }.Max();
        DateOnly date = default;
        if (status == ReferralStatus.Interview)
        {
            if (input.Date is not { } interviewOn)
            {
                errors.Add("date", "Enter the interview date");
            }
            else if (interviewOn < referral.ReferredOn)
            {
                errors.Add("date", $"The interview date must be on or after the referral, {Formatting.Date(referral.ReferredOn)}");
            }
            else
            {
                date = interviewOn;
            }
        }
        else if (status is not null)
        {
            date = input.Date ?? today;
            if (date > today)
            {
                errors.Add("date", "The date must be today or in the past");
            }
            else if (date < previous)
            {
                errors.Add("date", $"The date must be on or after {Formatting.Date(previous)}, the referral's last step");
            }
        }

        if (input.Version is { } version && version != referral.Version && !errors.Any)
        {
            return Result<ReferralView>.Conflict("Someone else changed this referral since you opened it. Check it and try again.");
        }

        if (errors.Any)
        {
            return Result<ReferralView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (status == ReferralStatus.Started)
        {
            var started = await jobStarts.RecordAsync(participant.Id, new JobStartInput
            {
                EmployerName = vacancy.Employer?.Name,
                JobTitle = vacancy.Title,
                SocCode = vacancy.SocCode,
                StartDate = date,
                WeeklyHours = vacancy.WeeklyHours,
                HourlyWage = vacancy.HourlyWage,
                ContractType = vacancy.ContractType.ToString(),
            }, evidence: null, cancellationToken: cancellationToken);
            if (!started.Succeeded)
            {
                return started.Status == ResultStatus.Invalid
                    ? Result<ReferralView>.Invalid(JobStartErrors(started.Errors!))
                    : Result<ReferralView>.Conflict(started.Detail ?? "Someone else recorded a job start at the same moment. Try again.");
            }

            referral.JobStartId = started.Value!.Id;
            referral.StartedOn = date;
            await FillIfAllStartedAsync(vacancy, referral.Id, cancellationToken);
        }

        switch (status)
        {
            case ReferralStatus.Interview:
                referral.InterviewOn = date;
                break;
            case ReferralStatus.Offered:
                referral.OfferedOn = date;
                break;
            case ReferralStatus.Unsuccessful or ReferralStatus.Withdrawn:
                referral.ClosedOn = date;
                referral.Reason = reason;
                break;
            default:
                break;
        }

        referral.Status = status!.Value;
        // Added through its set: a new row with its key already set, found only in the collection, would be taken for an existing one.
        var step = new ReferralEvent
        {
            ReferralId = referral.Id,
            Status = status.Value,
            OccurredOn = date,
            Reason = reason,
            RecordedById = user.UserId,
            RecordedAt = clock.GetUtcNow(),
        };
        db.ReferralEvents.Add(step);
        referral.Events.Add(step);
        user.Reason = reason;
        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<ReferralView>.Conflict("Someone else changed this referral at the same moment. Check it and try again.");
        }

        await transaction.CommitAsync(cancellationToken);
        return Result<ReferralView>.Ok(ToView(referral, vacancy, participant));
    }

    /// <summary>The referral with its participant, or null when it does not exist or its participant is not visible.</summary>
    public async Task<(PlanParticipant Participant, ReferralView Referral)?> FindAsync(Guid referralId, bool logView, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking().Include(r => r.Events).Include(r => r.Vacancy).ThenInclude(v => v!.Employer)
            .FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        var participant = referral is null ? null : await access.FindAsync(referral.ParticipantId, cancellationToken);
        if (referral is null || participant is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "referral", cancellationToken);
        }

        return (PlanParticipant.From(participant), ToView(referral, referral.Vacancy!, participant));
    }

    /// <summary>The participant's referrals, latest first; null when the participant is not visible.</summary>
    public async Task<(PlanParticipant Participant, IReadOnlyList<ReferralView> Referrals)?> ListAsync(
        Guid participantId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "referrals", cancellationToken);
        }

        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Events).Include(r => r.Vacancy).ThenInclude(v => v!.Employer)
            .Where(r => r.ParticipantId == participantId).ToListAsync(cancellationToken);
        return (PlanParticipant.From(participant),
            referrals.OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.CreatedAt).Select(r => ToView(r, r.Vacancy!, participant)).ToList());
    }

    /// <summary>When starts reach the vacancy's positions, it is filled and takes no more referrals.</summary>
    private async Task FillIfAllStartedAsync(Vacancy vacancy, Guid startingReferralId, CancellationToken cancellationToken)
    {
        var startedBefore = await db.Referrals.CountAsync(
            r => r.VacancyId == vacancy.Id && r.Status == ReferralStatus.Started && r.Id != startingReferralId, cancellationToken);
        if (startedBefore + 1 >= vacancy.Positions && vacancy.Status == VacancyStatus.Open)
        {
            vacancy.Status = VacancyStatus.Filled;
        }
    }

    // The job start's own fields come from the vacancy; only its date was typed here.
    private static FieldErrors JobStartErrors(FieldErrors errors)
    {
        var mapped = new FieldErrors();
        foreach (var (field, message) in errors)
        {
            mapped.Add(field == "startDate" ? "date" : "status", field == "startDate" ? message : $"The job start cannot be recorded from this vacancy: {message}");
        }

        return mapped;
    }

    private static ReferralView ToView(Referral r, Vacancy vacancy, Participant participant) => new(
        r.Id,
        r.VacancyId,
        vacancy.Title,
        vacancy.Employer?.Name ?? "",
        r.ParticipantId,
        participant.Reference,
        $"{participant.FirstName} {participant.LastName}",
        r.Status,
        r.ReferredOn,
        r.InterviewOn,
        r.OfferedOn,
        r.StartedOn,
        r.ClosedOn,
        r.Reason,
        r.MatchScore,
        r.JobStartId,
        r.InterventionId,
        NextStatuses(r.Status),
        r.Events.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).Select(e => new ReferralEventView(e.Status, e.OccurredOn, e.Reason, e.RecordedAt)).ToList(),
        r.Version);
}
