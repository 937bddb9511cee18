using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Outcomes.Sustainment;

/// <summary>
/// Sustainment checks of a participant: every check of their runs of employment (SustainmentChecklist)
/// and recording one. A check recorded "in work" achieves the sustainment milestone, dated the due day,
/// in the same save, when the milestone before it is achieved (MilestoneRules.PrerequisitesMet). A check
/// is recorded once: a second time (a double click, a retry) is a conflict and changes nothing.
/// </summary>
public sealed class SustainmentHandler(
    CcDbContext db, ParticipantAccess access, CurrentUser user, OutcomeEvidence evidenceFiles, OutcomeFacts facts, TimeProvider clock)
{
    public const int MaxNotesLength = 2000;

    /// <summary>Every check of the participant's runs of employment, earliest due first; null when the participant does not exist for this user.</summary>
    public async Task<IReadOnlyList<SustainmentCheckView>?> ListAsync(Guid participantId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "sustainment checks", cancellationToken);
        }

        var state = await LoadAsync(participant, cancellationToken);
        return Views(state);
    }

    public async Task<Result<SustainmentCheckView>> RecordAsync(
        Guid participantId, SustainmentCheckInput input, EvidenceUpload? evidence, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<SustainmentCheckView>.NotFound();
        }

        var errors = new FieldErrors();
        var milestone = ParseMilestone(input.Milestone, errors);
        var result = PlanChecks.Enum<SustainmentCheckResult>(input.Result, "result", "result", errors, required: true);
        if (input.CheckedOn is not { } checkedOn)
        {
            errors.Add("checkedOn", "Enter the date of the check");
            checkedOn = default;
        }
        else
        {
            PlanChecks.HappenedOn(checkedOn, "checkedOn", "date of the check", PlanParticipant.From(participant), access.Today, errors);
        }

        var notes = PlanChecks.Clean(input.Notes);
        Validation.OptionalText(notes, "notes", "notes", MaxNotesLength, errors);
        var state = await LoadAsync(participant, cancellationToken);
        JobStart? chosen = null;
        if (input.JobStartId is { } jobStartId)
        {
            chosen = state.Jobs.FirstOrDefault(j => j.Id == jobStartId);
            if (chosen is null)
            {
                errors.Add("jobStartId", "There is no such job start for this participant");
            }
            else if (chosen.StartDate < participant.RegisteredOn)
            {
                errors.Add("jobStartId", "That job started before they registered, so it does not count for sustainment");
            }
        }

        if (participant.Cohort == Cohort.Employed)
        {
            errors.Add("milestone", $"{Name(participant)} was in work when they registered (the Employed cohort), so they have no job outcome and no sustainment checks");
        }
        else if (state.Spells.Count == 0)
        {
            errors.Add("milestone", "Record their job start first: sustainment counts from a job started on or after they registered");
        }

        var (fileType, kind) = evidence is null ? (null, EvidenceKind.Other) : OutcomeEvidence.Check(evidence, errors);
        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            return Result<SustainmentCheckView>.Invalid(errors);
        }

        var check = SustainmentChecklist.CheckToRecord(state.Checks, milestone!.Value, checkedOn, chosen?.StartDate);
        if (check is not { } item)
        {
            var next = state.Checks.Where(c => c.Milestone == milestone && (chosen is null || c.Run.Covers(chosen.StartDate)))
                .OrderBy(c => c.DueOn).Select(c => (DateOnly?)c.DueOn).FirstOrDefault(d => d > checkedOn);
            return Result<SustainmentCheckView>.Invalid("checkedOn", next is { } due
                ? $"The {SustainmentNames.CheckName(milestone.Value)} falls due on {Formatting.Date(due)}: it can be recorded from that day, not before"
                : $"There is no {SustainmentNames.CheckName(milestone.Value)} due by {Formatting.Date(checkedOn)}");
        }

        if (state.Rows.FirstOrDefault(r => r.Milestone == item.Milestone && r.RunStart == item.Run.Start) is { } already)
        {
            return Result<SustainmentCheckView>.Conflict(AlreadyRecorded(already, item));
        }

        var refusal = CheckResultFitsJobs(item, result!.Value, state);
        if (refusal is not null)
        {
            return Result<SustainmentCheckView>.Invalid("result", refusal);
        }

        var row = new SustainmentCheck
        {
            ParticipantId = participant.Id,
            Milestone = item.Milestone,
            RunStart = item.Run.Start,
            DueOn = item.DueOn,
            JobStartId = result == SustainmentCheckResult.InWork ? JobHeldOn(item, state)?.Id : null,
            Result = result.Value,
            CheckedOn = checkedOn,
            Notes = notes,
            RecordedById = user.UserId,
            RecordedAt = clock.GetUtcNow(),
        };

        var (milestoneView, message, milestoneError) = result == SustainmentCheckResult.InWork
            ? await RecordMilestoneAsync(participant, item, state, cancellationToken)
            : (null, $"Recorded: not in work on {Formatting.Date(item.DueOn)}, the day the {SustainmentNames.CheckName(item.Milestone)} fell due", null);
        if (milestoneError is not null)
        {
            return Result<SustainmentCheckView>.Invalid("milestone", milestoneError);
        }

        db.SustainmentChecks.Add(row);
        StoredEvidence? stored = null;
        if (evidence is not null)
        {
            (var file, stored) = await evidenceFiles.StoreAsync(participant.Id, evidence, fileType!, kind, cancellationToken);
            file.SustainmentCheckId = row.Id;
            row.Evidence.Add(file);
        }

        return await evidenceFiles.SaveAsync(
            stored,
            () => View(item, row, access.Today) with { MilestoneRecorded = milestoneView, Message = message },
            $"The {SustainmentNames.CheckName(item.Milestone)} due on {Formatting.Date(item.DueOn)} was recorded by someone else at the same moment. "
                + "Nothing was changed: look at the participant's record to see it.",
            cancellationToken);
    }

    public async Task<Result<EvidenceView>> AddEvidenceAsync(Guid participantId, Guid checkId, EvidenceUpload? evidence, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null || !await db.SustainmentChecks.AnyAsync(c => c.Id == checkId && c.ParticipantId == participantId, cancellationToken))
        {
            return Result<EvidenceView>.NotFound();
        }

        return await evidenceFiles.AddAsync(participantId, evidence, f => f.SustainmentCheckId = checkId, cancellationToken);
    }

    public Task<(EvidenceView File, Stream Content)?> OpenEvidenceAsync(Guid participantId, Guid checkId, Guid evidenceId, CancellationToken cancellationToken = default) =>
        evidenceFiles.OpenAsync(participantId, evidenceId, f => f.SustainmentCheckId == checkId, cancellationToken);

    /// <summary>A recorded check of the participant, for the add-evidence page; null when there is none for this user.</summary>
    public async Task<SustainmentCheckView?> FindAsync(Guid participantId, Guid checkId, CancellationToken cancellationToken = default) =>
        await ListAsync(participantId, logView: false, cancellationToken) is { } checks ? checks.FirstOrDefault(c => c.Id == checkId) : null;

    /// <summary>The sustainment milestones a check can be for, in order.</summary>
    public static Milestone? ParseMilestone(string? text, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var allowed = string.Join(", ", SustainmentSchedule.Milestones);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("milestone", $"Select which check this is. Allowed values: {allowed}");
            return null;
        }

        var found = SustainmentSchedule.Milestones.Where(m => string.Equals(m.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(m => (Milestone?)m).FirstOrDefault();
        if (found is null)
        {
            errors.Add("milestone", $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a sustainment check. Allowed values: {allowed}");
        }

        return found;
    }

    private async Task<(MilestoneView? View, string Message, string? Error)> RecordMilestoneAsync(
        Participant participant, SustainmentCheckItem item, ParticipantState state, CancellationToken cancellationToken)
    {
        var name = item.Milestone.DisplayName();
        var existing = await db.ParticipantMilestones.FirstOrDefaultAsync(m => m.ParticipantId == participant.Id && m.Milestone == item.Milestone, cancellationToken);
        if (existing is null)
        {
            if (!MilestoneRules.PrerequisitesMet(item.Milestone, item.DueOn, state.Achieved, inWorkOn: true))
            {
                var required = MilestoneRules.Prerequisite(item.Milestone)!.Value;
                var before = state.Checks.FirstOrDefault(c => c.Milestone == required && c.Run.Start == item.Run.Start);
                return (null, "", required == Milestone.JobOutcome
                    ? $"{name} needs a job outcome on or before {Formatting.Date(item.DueOn)}: record the job start first"
                    : $"{name} needs {required.DisplayName()} first: record the {SustainmentNames.CheckName(required)}"
                        + (before.DueOn == default ? "" : $" (due {Formatting.Date(before.DueOn)})") + " as in work before this one");
            }

            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = item.Milestone, AchievedOn = item.DueOn });
            return (new MilestoneView(item.Milestone, item.DueOn), $"{name} achieved on {Formatting.Date(item.DueOn)}", null);
        }

        if (existing.AchievedOn <= item.DueOn)
        {
            return (new MilestoneView(item.Milestone, existing.AchievedOn),
                $"Recorded: in work on {Formatting.Date(item.DueOn)}. {name} was already achieved on {Formatting.Date(existing.AchievedOn)} and stays so", null);
        }

        // Each sustainment point counts on the earliest day any run reached it, unless that date is already claimed.
        if (await facts.IsClaimedAsync(participant.Id, item.Milestone, cancellationToken))
        {
            return (new MilestoneView(item.Milestone, existing.AchievedOn),
                $"Recorded: in work on {Formatting.Date(item.DueOn)}. {name} stays dated {Formatting.Date(existing.AchievedOn)}, as it is already claimed: "
                    + "a claimed milestone's date does not change", null);
        }

        existing.AchievedOn = item.DueOn;
        return (new MilestoneView(item.Milestone, item.DueOn), $"{name} is now dated {Formatting.Date(item.DueOn)}, the earliest day it was reached", null);
    }

    /// <summary>Why the result contradicts the job spells as recorded, or null when it fits them.</summary>
    private static string? CheckResultFitsJobs(SustainmentCheckItem item, SustainmentCheckResult result, ParticipantState state)
    {
        var due = Formatting.Date(item.DueOn);
        var inWork = item.Run.Covers(item.DueOn);
        if (result == SustainmentCheckResult.InWork && !inWork)
        {
            var last = state.Jobs.Where(j => item.Run.Covers(j.StartDate)).OrderByDescending(j => j.EndDate).FirstOrDefault();
            var ended = last is { EndDate: { } end } ? $": {OutcomeFacts.Describe(last)}, ended on {Formatting.Date(end)}" : "";
            return $"As recorded they were not in work on {due}{ended}. If they started another job within {state.GapDays} days of that, "
                + "record that job start first; otherwise record this check as not in work";
        }

        if (result == SustainmentCheckResult.NotInWork && inWork)
        {
            var held = JobHeldOn(item, state);
            var job = held is null ? "" : $" ({OutcomeFacts.Describe(held)}{(held.EndDate is { } end ? $", ended {Formatting.Date(end)}" : ", with no end date")})";
            return $"As recorded they were in work on {due}{job}. Record when the job ended first, then record this check as not in work";
        }

        return null;
    }

    /// <summary>The job held on the due day; in an allowed gap between jobs, the job that continued the run.</summary>
    private static JobStart? JobHeldOn(SustainmentCheckItem item, ParticipantState state)
    {
        var inRun = state.Jobs.Where(j => j.StartDate >= state.RegisteredOn && item.Run.Covers(j.StartDate)).ToList();
        return inRun.Where(j => OutcomeFacts.Spell(j).Covers(item.DueOn)).OrderByDescending(j => j.StartDate).FirstOrDefault()
            ?? inRun.Where(j => j.StartDate > item.DueOn).OrderBy(j => j.StartDate).FirstOrDefault();
    }

    private static string AlreadyRecorded(SustainmentCheck row, SustainmentCheckItem item)
    {
        var result = row.Result == SustainmentCheckResult.InWork ? "in work" : "not in work";
        return $"The {SustainmentNames.CheckName(item.Milestone)} due on {Formatting.Date(item.DueOn)} was already recorded ({result}, checked on "
            + $"{Formatting.Date(row.CheckedOn)}). Nothing was changed.";
    }

    private async Task<ParticipantState> LoadAsync(Participant participant, CancellationToken cancellationToken)
    {
        var jobs = await facts.JobStartsAsync(participant.Id, cancellationToken);
        var settings = await facts.SettingsAsync(cancellationToken);
        var rows = await db.SustainmentChecks.AsNoTracking().Include(c => c.Evidence).Where(c => c.ParticipantId == participant.Id).ToListAsync(cancellationToken);
        var achieved = await facts.MilestonesAsync(participant.Id, cancellationToken);
        var spells = OutcomeFacts.SustainmentSpells(participant, jobs);
        var checks = SustainmentChecklist.For(
            spells, settings.SustainmentGapDays,
            rows.Select(r => new RecordedSustainmentCheck(r.Milestone, r.RunStart, r.Result == SustainmentCheckResult.InWork)),
            achieved.Where(a => SustainmentSchedule.IsSustainment(a.Milestone)), access.Today);
        return new ParticipantState(participant.RegisteredOn, jobs, spells, rows, achieved, checks, settings.SustainmentGapDays);
    }

    private List<SustainmentCheckView> Views(ParticipantState state)
    {
        var today = access.Today;
        var views = state.Checks
            .Select(c => View(c, state.Rows.FirstOrDefault(r => r.Milestone == c.Milestone && r.RunStart == c.Run.Start), today))
            .ToList();

        // A check recorded for a run that has since changed its start (an earlier job start recorded later) is still shown.
        views.AddRange(state.Rows.Where(r => !state.Checks.Any(c => c.Milestone == r.Milestone && c.Run.Start == r.RunStart))
            .Select(r => View(new SustainmentCheckItem(
                r.Milestone, new EmploymentRun(r.RunStart, null), r.DueOn,
                r.Result == SustainmentCheckResult.InWork ? SustainmentCheckState.InWork : SustainmentCheckState.NotInWork), r, today)));
        return [.. views.OrderBy(v => v.DueOn).ThenBy(v => v.Milestone)];
    }

    private static SustainmentCheckView View(SustainmentCheckItem item, SustainmentCheck? row, DateOnly today)
    {
        var status = row is null ? item.State
            : row.Result == SustainmentCheckResult.InWork ? SustainmentCheckState.InWork : SustainmentCheckState.NotInWork;
        return new SustainmentCheckView(
            row?.Id, item.Milestone, item.Run.Start, item.DueOn, status, row is null ? item.DaysOverdue(today) : 0,
            row?.Result, row?.CheckedOn, row?.Notes, row?.JobStartId, row?.RecordedAt,
            row is null ? [] : OutcomeEvidence.ToViews(row.Evidence));
    }

    private static string Name(Participant participant) => $"{participant.FirstName} {participant.LastName}";

    private sealed record ParticipantState(
        DateOnly RegisteredOn,
        List<JobStart> Jobs,
        List<JobSpell> Spells,
        List<SustainmentCheck> Rows,
        List<AchievedMilestone> Achieved,
        IReadOnlyList<SustainmentCheckItem> Checks,
        int GapDays);
}
