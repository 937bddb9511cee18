using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants;

/// <summary>One thing that happened to a participant.</summary>
/// <param name="Date">The day it happened.</param>
/// <param name="Kind">Registered, Contact, Milestone, JobStart, JobEnd, SustainmentCheck, Progression, Barrier, Goal, Action, Transfer, Change.</param>
/// <param name="Title">What happened, in words.</param>
/// <param name="Detail">More about it, or null.</param>
/// <param name="By">Who recorded it, or null.</param>
/// <param name="RecordedAt">When it was recorded, to order events on the same day.</param>
public sealed record TimelineEntry(DateOnly Date, string Kind, string Title, string? Detail, string? By, DateTimeOffset? RecordedAt);

/// <summary>Everything that happened to a participant, from the records themselves and the audit trail.</summary>
public sealed class TimelineQuery(CcDbContext db, ParticipantAccess access)
{
    private const int MaxChanges = 200;

    public async Task<IReadOnlyList<TimelineEntry>?> ForAsync(Guid participantId, CancellationToken cancellationToken = default)
    {
        var participant = await (await access.VisibleAsync(cancellationToken)).AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        var entries = new List<TimelineEntry>();
        var changes = await db.AuditEvents.AsNoTracking()
            .Where(a => a.ParticipantId == participantId && a.Action != "viewed")
            .OrderByDescending(a => a.OccurredAt).Take(MaxChanges).ToListAsync(cancellationToken);
        var registeredBy = changes.LastOrDefault(a => a.EntityType == nameof(Participant) && a.Action == "created")?.UserName;
        entries.Add(new(participant.RegisteredOn, "Registered", $"Registered in cohort {participant.Cohort.DisplayName()}",
            RegistrationDetail(participant), registeredBy, participant.CreatedAt));

        var interventions = await db.Interventions.AsNoTracking().Where(i => i.ParticipantId == participantId).ToListAsync(cancellationToken);
        entries.AddRange(interventions.Select(i => new TimelineEntry(
            i.Date, "Contact", $"{i.ActivityType.DisplayName()}: {i.Mode.DisplayName().ToLowerInvariant()}, {i.DurationMinutes} minutes{(i.IsMeaningful ? " (meaningful)" : "")}",
            i.Notes, i.AdvisorName, i.RecordedAt)));

        var milestones = await db.ParticipantMilestones.AsNoTracking().Where(m => m.ParticipantId == participantId).ToListAsync(cancellationToken);
        entries.AddRange(milestones.Select(m => new TimelineEntry(m.AchievedOn, "Milestone", $"Milestone reached: {m.Milestone.DisplayName()}", null, null, null)));

        var jobStarts = await db.JobStarts.AsNoTracking().Include(j => j.Employer).Include(j => j.Evidence)
            .Where(j => j.ParticipantId == participantId).ToListAsync(cancellationToken);
        entries.AddRange(jobStarts.Select(j => new TimelineEntry(
            j.StartDate, "JobStart", $"Started work: {j.JobTitle} at {j.Employer?.Name}",
            $"{j.WeeklyHours.ToString("0.##", Formatting.EnGb)} hours a week at {Formatting.Money(j.HourlyWage)} an hour, {Outcomes.OutcomeNames.DisplayName(j.ContractType).ToLowerInvariant()}"
                + (j.Evidence.Count == 0 ? "" : $"; {j.Evidence.Count} evidence file{(j.Evidence.Count == 1 ? "" : "s")}"),
            null, j.RecordedAt)));

        entries.AddRange(jobStarts.Where(j => j.EndDate is not null).Select(j => new TimelineEntry(
            j.EndDate!.Value, "JobEnd", $"Left work: {j.JobTitle} at {j.Employer?.Name}", j.EndReason, null, null)));

        var checks = await db.SustainmentChecks.AsNoTracking().Where(c => c.ParticipantId == participantId).ToListAsync(cancellationToken);
        entries.AddRange(checks.Select(c => new TimelineEntry(
            c.CheckedOn, "SustainmentCheck",
            $"{Outcomes.SustainmentNames.CheckName(c.Milestone)} (due {Formatting.Date(c.DueOn)}): {(c.Result == SustainmentCheckResult.InWork ? "in work" : "not in work")}",
            c.Notes, null, c.RecordedAt)));

        var changesInWork = await db.ProgressionRecords.AsNoTracking().Where(p => p.ParticipantId == participantId).ToListAsync(cancellationToken);
        entries.AddRange(changesInWork.Select(p => new TimelineEntry(
            p.ChangedOn, "Progression",
            $"Change in work: {p.WeeklyHours.ToString("0.##", Formatting.EnGb)} hours a week at {Formatting.Money(p.HourlyWage)} an hour"
                + (p.MeetsStrict ? " (progression under the strict definition)" : p.MeetsWider ? " (progression under the wider definition only)" : ""),
            p.Promotion ? "Promotion" : p.LateralMoveReason, null, p.RecordedAt)));

        var barriers = await db.ParticipantBarriers.AsNoTracking().Where(b => b.ParticipantId == participantId).ToListAsync(cancellationToken);
        var reviews = await db.BarrierReviews.AsNoTracking().Where(r => r.ParticipantId == participantId).ToListAsync(cancellationToken);
        foreach (var barrier in barriers)
        {
            var name = Barriers.Find(barrier.Barrier)?.DisplayName ?? barrier.Barrier;
            entries.Add(new(barrier.IdentifiedOn, "Barrier", $"Barrier identified: {name}", barrier.Notes, null, null));
            // The first review row records the barrier as identified: the entry above already says so.
            var history = reviews.Where(r => r.ParticipantBarrierId == barrier.Id).OrderBy(r => r.ReviewedOn).ThenBy(r => r.Id).ToList();
            if (history.Count > 0 && history[0].ReviewedOn == barrier.IdentifiedOn && !history[0].Resolved)
            {
                history.RemoveAt(0);
            }

            entries.AddRange(history.Select(r => new TimelineEntry(
                r.ReviewedOn, "Barrier", r.Resolved ? $"Barrier resolved: {name}" : $"Barrier reviewed: {name}, severity {r.Severity.DisplayName().ToLowerInvariant()}",
                r.Notes, null, null)));
        }

        var goals = await db.Goals.AsNoTracking().Where(g => g.ParticipantId == participantId).ToListAsync(cancellationToken);
        foreach (var goal in goals)
        {
            entries.Add(new(goal.AgreedOn, "Goal", $"Goal agreed: {goal.Description}", null, null, null));
            if (goal.AchievedOn is { } achieved)
            {
                entries.Add(new(achieved, "Goal", $"Goal achieved: {goal.Description}", null, null, null));
            }
        }

        var actions = await db.PlanActions.AsNoTracking().Where(a => a.ParticipantId == participantId).ToListAsync(cancellationToken);
        foreach (var action in actions)
        {
            var name = ActionCatalogue.Find(action.Action)?.DisplayName ?? action.Action;
            entries.Add(new(action.IdentifiedOn, "Action", $"Action identified: {name}", action.Details, null, null));
            if (action.AgreedOn is { } agreed)
            {
                entries.Add(new(agreed, "Action", $"Action agreed: {name}", null, null, null));
            }

            if (action.CompletedOn is { } completed)
            {
                entries.Add(new(completed, "Action", action.Status == ActionStatus.NotDone ? $"Action not done: {name}" : $"Action completed: {name}",
                    action.NotDoneReason, null, null));
            }
        }

        var transfers = await db.ParticipantTransfers.AsNoTracking().Where(t => t.ParticipantId == participantId).ToListAsync(cancellationToken);
        entries.AddRange(transfers.Select(t => new TimelineEntry(
            t.TransferredOn, "Transfer", t.FromContractId != t.ToContractId ? "Moved to a new provider" : "Reassigned to another advisor", t.Reason, null, null)));

        foreach (var e in changes.Where(a => a.EntityType == nameof(Participant) && a.Action is "left" or "rejoined"))
        {
            entries.Add(new(StatusChangeDate(e), e.Action == "left" ? "Left" : "Rejoined", e.Summary ?? e.Action, e.Reason, e.UserName, e.OccurredAt));
        }

        // Edits of the record itself (corrections, leaving, re-joining), with the reason given.
        entries.AddRange(changes.Where(a => a.EntityType == nameof(Participant) && a.Action == "updated")
            .Select(a => new TimelineEntry(Formatting.DateInLondon(a.OccurredAt), "Change", "Record changed: " + ChangedFields(a.Changes), a.Reason, a.UserName, a.OccurredAt)));

        return entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.RecordedAt ?? DateTimeOffset.MinValue).ToList();
    }

    /// <summary>The day they left or re-joined, as recorded with the event; the day it was recorded if missing.</summary>
    private static DateOnly StatusChangeDate(AuditEvent change)
    {
        using var json = JsonDocument.Parse(change.Changes ?? "{}");
        var key = change.Action == "left" ? "LeftOn" : "RejoinedOn";
        return json.RootElement.TryGetProperty(key, out var day) && day.ValueKind == JsonValueKind.String
            && DateOnly.TryParse(day.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var on)
            ? on
            : Formatting.DateInLondon(change.OccurredAt);
    }

    private static string RegistrationDetail(Participant participant)
    {
        var channel = RecruitmentChannels.Find(participant.RecruitmentChannel)?.DisplayName;
        return string.Join(". ", new[]
        {
            channel is null ? null : $"Came through: {channel}",
            participant.Referrer is { } referrer ? $"Referred by {referrer}" : null,
            participant.EligibilityOverrideReason is { } o ? $"Eligibility override: {o}" : null,
            participant.DuplicateCheckReason is { } d ? $"Possible duplicate checked: {d}" : null,
        }.Where(s => s is not null));
    }

    private static string ChangedFields(string? changes)
    {
        if (string.IsNullOrEmpty(changes))
        {
            return "details";
        }

        using var json = JsonDocument.Parse(changes);
        var names = json.RootElement.EnumerateObject().Select(p => FieldName(p.Name)).Where(n => n is not null).Distinct().ToList();
        return names.Count == 0 ? "details" : string.Join(", ", names);
    }

    /// <summary>Words for a changed column, or null for bookkeeping columns people need not see.</summary>
    private static string? FieldName(string property) => property switch
    {
        nameof(Participant.SearchFirstName) or nameof(Participant.SearchLastName) or nameof(Participant.MeaningfulInterventions)
            or nameof(Participant.LastContactOn) or nameof(Participant.EngagedOn) => null,
        nameof(Participant.Nino) => "National Insurance number",
        nameof(Participant.AdvisorId) => "advisor",
        nameof(Participant.ContractId) => "provider contract",
        _ => string.Concat(property.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : (i == 0 ? char.ToLowerInvariant(c) : c).ToString())),
    };
}
