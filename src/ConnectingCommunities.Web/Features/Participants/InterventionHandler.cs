using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants;

public sealed record InterventionInput
{
    /// <summary>The day of the contact: not before registration, not in the future.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>FaceToFace, Telephone, Video, OnlineMessage or GroupSession.</summary>
    public string? Mode { get; init; }

    /// <summary>InformationAdviceGuidance, SkillsDevelopment, PartnershipReferral, NetworksAndSocialCapital, EmployerActivity or JobBrokerage.</summary>
    public string? ActivityType { get; init; }

    /// <summary>How long the contact lasted, in minutes.</summary>
    public int? DurationMinutes { get; init; }
    public string? Notes { get; init; }
}

public sealed record InterventionView(
    Guid Id, DateOnly Date, InterventionMode Mode, ActivityType ActivityType, int DurationMinutes, string? Notes, bool IsMeaningful,
    PersonRef? Advisor, DateTimeOffset RecordedAt);

public sealed record MilestoneView(Milestone Milestone, DateOnly AchievedOn);

/// <summary>What recording a contact did: the contact, and whether it made the participant engaged.</summary>
public sealed record InterventionRecorded(InterventionView Intervention, int MeaningfulInterventions, DateOnly? EngagedOn, bool BecameEngaged);

/// <summary>Contacts with participants, and the Engaged milestone they lead to.</summary>
public sealed class InterventionHandler(CcDbContext db, CurrentUser user, ParticipantAccess access, TimeProvider clock)
{
    public const int MaxDurationMinutes = 24 * 60;
    public const int MaxNotesLength = 4000;

    public async Task<IReadOnlyList<InterventionView>?> ListAsync(Guid participantId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanSeeAsync(participantId, cancellationToken))
        {
            return null;
        }

        var rows = await db.Interventions.AsNoTracking().Where(i => i.ParticipantId == participantId)
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.RecordedAt).ToListAsync(cancellationToken);
        return rows.Select(ToView).ToList();
    }

    public async Task<IReadOnlyList<MilestoneView>?> MilestonesAsync(Guid participantId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanSeeAsync(participantId, cancellationToken))
        {
            return null;
        }

        var rows = await db.ParticipantMilestones.AsNoTracking().Where(m => m.ParticipantId == participantId)
            .Select(m => new MilestoneView(m.Milestone, m.AchievedOn)).ToListAsync(cancellationToken);
        return rows.OrderBy(m => m.AchievedOn).ThenBy(m => m.Milestone).ToList();
    }

    /// <summary>The rule in force: set-up can change the shortest meaningful contact.</summary>
    public async Task<(MeaningfulInterventionRule Rule, int Threshold)> RuleAsync(CancellationToken cancellationToken = default)
    {
        var programme = await db.Programmes.AsNoTracking().OrderBy(p => p.StartDate)
            .Select(p => new { p.MeaningfulInterventionMinutes, p.EngagementThreshold }).FirstOrDefaultAsync(cancellationToken);
        return (new MeaningfulInterventionRule(programme?.MeaningfulInterventionMinutes ?? MeaningfulInterventionRule.DefaultMinimumMinutes),
            programme?.EngagementThreshold ?? 3);
    }

    public async Task<Result<InterventionRecorded>> RecordAsync(Guid participantId, InterventionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<InterventionRecorded>.NotFound();
        }

        var errors = new FieldErrors();
        var today = access.Today;
        switch (input.Date)
        {
            case null:
                errors.Add("date", "Enter the date of the contact, for example 2021-03-08");
                break;
            case { } date when date < participant.RegisteredOn:
                errors.Add("date", $"The date of the contact must be on or after the registration date, {Formatting.Date(participant.RegisteredOn)}");
                break;
            case { } date when date > today:
                errors.Add("date", $"The date of the contact cannot be in the future (today is {Formatting.Date(today)})");
                break;
            case { } date when participant.Status == ParticipantStatus.Left && participant.LeftOn is { } left && date > left:
                errors.Add("date", $"{participant.FirstName} left the programme on {Formatting.Date(left)}: re-join them before recording later contacts");
                break;
            default:
                break;
        }

        var mode = Codes.Enum<InterventionMode>(input.Mode, "mode", "mode", errors, required: true);
        var activity = Codes.Enum<ActivityType>(input.ActivityType, "activityType", "activity type", errors, required: true);
        switch (input.DurationMinutes)
        {
            case null:
                errors.Add("durationMinutes", "Enter how long the contact lasted, in minutes");
                break;
            case < 1 or > MaxDurationMinutes:
                errors.Add("durationMinutes", $"The duration must be a whole number of minutes from 1 to {MaxDurationMinutes}");
                break;
            default:
                break;
        }

        Validation.OptionalText(input.Notes, "notes", "notes", MaxNotesLength, errors);
        if (errors.Any)
        {
            return Result<InterventionRecorded>.Invalid(errors);
        }

        var (rule, threshold) = await RuleAsync(cancellationToken);
        var advisorName = user.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var intervention = new Intervention
        {
            ParticipantId = participant.Id,
            Date = input.Date!.Value,
            AdvisorId = user.UserId,
            AdvisorName = advisorName ?? user.UserName,
            Mode = mode!.Value,
            ActivityType = activity!.Value,
            DurationMinutes = input.DurationMinutes!.Value,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            IsMeaningful = rule.IsMeaningful(input.DurationMinutes!.Value),
            RecordedAt = clock.GetUtcNow(),
        };
        db.Interventions.Add(intervention);

        var contacts = await db.Interventions.Where(i => i.ParticipantId == participant.Id)
            .Select(i => new { i.Date, i.IsMeaningful }).ToListAsync(cancellationToken);
        contacts.Add(new { intervention.Date, intervention.IsMeaningful });
        var wasEngaged = participant.EngagedOn is not null;

        // Whether a contact counted is fixed when it is recorded, so a later change of the rule does not rewrite history.
        var meaningfulDates = contacts.Where(c => c.IsMeaningful).Select(c => new Contact(c.Date, int.MaxValue));
        var engagedOn = EngagementRule.EngagedOn(meaningfulDates, rule, threshold);
        participant.MeaningfulInterventions = contacts.Count(c => c.IsMeaningful);
        participant.LastContactOn = contacts.Max(c => c.Date);
        participant.EngagedOn = engagedOn;
        if (engagedOn is { } day)
        {
            await SetEngagedMilestoneAsync(participant.Id, day, cancellationToken);
        }

        if (!await db.SavedWithoutConflictAsync(cancellationToken))
        {
            return Result<InterventionRecorded>.Conflict("Someone else recorded a contact for this participant at the same moment. Check the list and record it again if it is missing.");
        }

        return Result<InterventionRecorded>.Ok(new InterventionRecorded(
            ToView(intervention), participant.MeaningfulInterventions, participant.EngagedOn, !wasEngaged && engagedOn is not null));
    }

    private async Task SetEngagedMilestoneAsync(Guid participantId, DateOnly day, CancellationToken cancellationToken)
    {
        var milestone = await db.ParticipantMilestones
            .FirstOrDefaultAsync(m => m.ParticipantId == participantId && m.Milestone == Milestone.Engaged, cancellationToken);
        if (milestone is null)
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participantId, Milestone = Milestone.Engaged, AchievedOn = day });
        }
        else if (milestone.AchievedOn != day)
        {
            // A contact recorded late, dated before the third one, brings the day forward.
            milestone.AchievedOn = day;
        }
    }

    private static InterventionView ToView(Intervention i) => new(
        i.Id, i.Date, i.Mode, i.ActivityType, i.DurationMinutes, i.Notes, i.IsMeaningful,
        i.AdvisorId is { } id ? new PersonRef(id, i.AdvisorName) : null, i.RecordedAt);
}
