using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Outcomes;
using ProgressionDefinition = ConnectingCommunities.Domain.Outcomes.ProgressionDefinition;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Outcomes.Progression;

/// <summary>
/// In-work progression: a change to the job of someone in work, compared with their baseline (the job
/// start's terms, or for the Employed cohort the job they held at registration) under both definitions
/// (ProgressionRules.EvaluateAll). The first change that meets the definition the programme pays on
/// achieves the Progression milestone, dated the change, in the same save.
/// </summary>
public sealed class ProgressionHandler(
    CcDbContext db, ParticipantAccess access, CurrentUser user, OutcomeEvidence evidenceFiles, OutcomeFacts facts, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    /// <summary>The participant's changes in work, latest first; null when the participant does not exist for this user.</summary>
    public async Task<IReadOnlyList<ProgressionView>?> ListAsync(Guid participantId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "progressions", cancellationToken);
        }

        var paying = (await facts.SettingsAsync(cancellationToken)).ProgressionDefinition;
        var rows = await db.ProgressionRecords.AsNoTracking().Include(p => p.Evidence).Where(p => p.ParticipantId == participantId).ToListAsync(cancellationToken);
        var jobs = await facts.JobStartsAsync(participantId, cancellationToken);
        return rows.OrderByDescending(p => p.ChangedOn).ThenByDescending(p => p.RecordedAt).Select(p => View(p, jobs, paying)).ToList();
    }

    /// <summary>Whether the participant is in work today, as recorded: whether a change in work can be recorded for them.</summary>
    public async Task<bool> InWorkTodayAsync(Guid participantId, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        return participant is not null
            && OutcomeFacts.WorkSpells(participant, await facts.JobStartsAsync(participantId, cancellationToken)).Any(s => s.Covers(access.Today));
    }

    public async Task<ProgressionView?> FindAsync(Guid participantId, Guid progressionId, CancellationToken cancellationToken = default) =>
        await ListAsync(participantId, logView: false, cancellationToken) is { } list ? list.FirstOrDefault(p => p.Id == progressionId) : null;

    /// <summary>The participant's job starts, latest first, for the form's choice of job.</summary>
    public Task<List<JobStart>> JobStartsAsync(Guid participantId, CancellationToken cancellationToken = default) => facts.JobStartsAsync(participantId, cancellationToken);

    public async Task<Result<ProgressionView>> RecordAsync(
        Guid participantId, ProgressionInput input, EvidenceUpload? evidence, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<ProgressionView>.NotFound();
        }

        var errors = new FieldErrors();
        var jobs = await facts.JobStartsAsync(participantId, cancellationToken);
        if (input.ChangedOn is not { } changedOn)
        {
            errors.Add("changedOn", "Enter the date of the change");
            changedOn = default;
        }
        else
        {
            PlanChecks.HappenedOn(changedOn, "changedOn", "date of the change", PlanParticipant.From(participant), access.Today, errors);
        }

        JobStart? chosen = null;
        if (input.JobStartId is { } jobStartId && (chosen = jobs.FirstOrDefault(j => j.Id == jobStartId)) is null)
        {
            errors.Add("jobStartId", "There is no such job start for this participant");
        }

        var jobTitle = PlanChecks.Clean(input.JobTitle);
        Validation.OptionalText(jobTitle, "jobTitle", "job title", JobStartHandler.MaxNameLength, errors);
        JobStartHandler.CheckHours(input.WeeklyHours, errors);
        JobStartHandler.CheckWage(input.HourlyWage, errors);
        var contractType = PlanChecks.Enum<JobContractType>(input.ContractType, "contractType", "contract type", errors, required: true);
        var lateralMove = input.LateralMove ?? false;
        var reason = PlanChecks.Clean(input.LateralMoveReason);
        if (lateralMove && reason is null)
        {
            errors.Add("lateralMoveReason", "Enter why the lateral move improves their prospects");
        }

        Validation.OptionalText(reason, "lateralMoveReason", "reason for the lateral move", MaxReasonLength, errors);
        var (fileType, kind) = evidence is null ? (null, EvidenceKind.Other) : OutcomeEvidence.Check(evidence, errors);
        var baseline = errors.Has("changedOn") || errors.Has("jobStartId") ? null : Baseline(participant, jobs, chosen, changedOn, errors);
        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            return Result<ProgressionView>.Invalid(errors);
        }

        var after = new JobTerms(input.WeeklyHours!.Value, input.HourlyWage!.Value, OutcomeFacts.Contract(contractType!.Value));
        var change = new ProgressionChange(after, input.Promotion ?? false, lateralMove, lateralMove ? reason : null);
        var baseTerms = new JobTerms(baseline!.Value.Hours, baseline.Value.Wage, OutcomeFacts.Contract(baseline.Value.Contract));
        var assessments = ProgressionRules.EvaluateAll(baseTerms, change);
        var (strict, wider) = (assessments[0], assessments[1]);
        var record = new ProgressionRecord
        {
            ParticipantId = participant.Id,
            JobStartId = baseline.Value.Job?.Id,
            ChangedOn = changedOn,
            JobTitle = jobTitle,
            WeeklyHours = after.WeeklyHours,
            HourlyWage = after.HourlyWage,
            ContractType = contractType.Value,
            Promotion = change.Promotion,
            LateralMove = lateralMove,
            LateralMoveReason = lateralMove ? reason : null,
            BaselineWeeklyHours = baseTerms.WeeklyHours,
            BaselineHourlyWage = baseTerms.HourlyWage,
            BaselineContractType = baseline.Value.Contract,
            EarningsChange = strict.EarningsChange is { } fraction ? decimal.Round(fraction, 6, MidpointRounding.ToZero) : null,
            MeetsStrict = strict.IsMet,
            MeetsWider = wider.IsMet,
            Grounds = string.Join(',', wider.Grounds),
            RecordedById = user.UserId,
            RecordedAt = clock.GetUtcNow(),
        };
        db.ProgressionRecords.Add(record);
        var paying = (await facts.SettingsAsync(cancellationToken)).ProgressionDefinition;
        var meetsPaying = paying == ProgressionDefinition.Wider ? wider.IsMet : strict.IsMet;
        var (milestone, message) = await RecordMilestoneAsync(participant, changedOn, meetsPaying, paying, cancellationToken);

        StoredEvidence? stored = null;
        if (evidence is not null)
        {
            (var file, stored) = await evidenceFiles.StoreAsync(participant.Id, evidence, fileType!, kind, cancellationToken);
            file.ProgressionRecordId = record.Id;
            record.Evidence.Add(file);
        }

        return await evidenceFiles.SaveAsync(
            stored, () => View(record, jobs, paying) with { MilestoneRecorded = milestone, Message = message },
            "Someone else recorded a progression for this participant at the same moment. Look at their record before trying again.", cancellationToken);
    }

    public async Task<Result<EvidenceView>> AddEvidenceAsync(Guid participantId, Guid progressionId, EvidenceUpload? evidence, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null || !await db.ProgressionRecords.AnyAsync(p => p.Id == progressionId && p.ParticipantId == participantId, cancellationToken))
        {
            return Result<EvidenceView>.NotFound();
        }

        return await evidenceFiles.AddAsync(participantId, evidence, f => f.ProgressionRecordId = progressionId, cancellationToken);
    }

    public Task<(EvidenceView File, Stream Content)?> OpenEvidenceAsync(Guid participantId, Guid progressionId, Guid evidenceId, CancellationToken cancellationToken = default) =>
        evidenceFiles.OpenAsync(participantId, evidenceId, f => f.ProgressionRecordId == progressionId, cancellationToken);

    /// <summary>
    /// The terms the change is compared with, and the job it changes: the chosen job start; else the
    /// latest job held that day; else, for the Employed cohort, the job held at registration. Null with a
    /// field error when they were not in work that day as recorded.
    /// </summary>
    private static (decimal Hours, decimal Wage, JobContractType Contract, JobStart? Job)? Baseline(
        Participant participant, List<JobStart> jobs, JobStart? chosen, DateOnly changedOn, FieldErrors errors)
    {
        if (chosen is not null)
        {
            if (changedOn < chosen.StartDate)
            {
                errors.Add("changedOn", $"The date of the change must be on or after the job started, {Formatting.Date(chosen.StartDate)}");
                return null;
            }

            if (chosen.EndDate is { } end && changedOn > end)
            {
                errors.Add("changedOn", $"That job ended on {Formatting.Date(end)}: the date of the change must be while they were in it");
                return null;
            }

            return (chosen.WeeklyHours, chosen.HourlyWage, chosen.ContractType, chosen);
        }

        var held = jobs.Where(j => OutcomeFacts.Spell(j).Covers(changedOn)).OrderByDescending(j => j.StartDate).FirstOrDefault();
        if (held is not null)
        {
            return (held.WeeklyHours, held.HourlyWage, held.ContractType, held);
        }

        if (participant.Cohort == Cohort.Employed)
        {
            var contract = Enum.TryParse<JobContractType>(participant.EmploymentContractType, ignoreCase: true, out var parsed) ? parsed : (JobContractType?)null;
            if (participant.WeeklyHours is { } hours && participant.HourlyWage is { } wage && contract is { } type)
            {
                return (hours, wage, type, null);
            }

            errors.Add("changedOn", "Their hours, pay and contract when they registered were not recorded, so there is nothing to compare with: "
                + "record them in their details first");
            return null;
        }

        errors.Add("changedOn", $"As recorded they were not in work on {Formatting.Date(changedOn)}: record their job start first, "
            + "or check the date of the change");
        return null;
    }

    private async Task<(MilestoneView? Milestone, string Message)> RecordMilestoneAsync(
        Participant participant, DateOnly changedOn, bool meetsPaying, ProgressionDefinition paying, CancellationToken cancellationToken)
    {
        var existing = await db.ParticipantMilestones.FirstOrDefaultAsync(m => m.ParticipantId == participant.Id && m.Milestone == Milestone.Progression, cancellationToken);
        var current = existing is null ? null : new MilestoneView(Milestone.Progression, existing.AchievedOn);
        var definition = paying == ProgressionDefinition.Wider ? "wider" : "strict";
        if (!meetsPaying)
        {
            return (current, $"This change does not meet the {definition} definition, which the programme pays on, so it does not achieve the Progression milestone"
                + (existing is null ? "" : $" (already achieved on {Formatting.Date(existing.AchievedOn)})"));
        }

        if (existing is null)
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.Progression, AchievedOn = changedOn });
            return (new MilestoneView(Milestone.Progression, changedOn), $"Progression milestone achieved on {Formatting.Date(changedOn)} (the {definition} definition)");
        }

        if (existing.AchievedOn <= changedOn)
        {
            return (current, $"The Progression milestone was already achieved on {Formatting.Date(existing.AchievedOn)} and stays so");
        }

        if (await facts.IsClaimedAsync(participant.Id, Milestone.Progression, cancellationToken))
        {
            return (current, $"The Progression milestone stays dated {Formatting.Date(existing.AchievedOn)}, as it is already claimed: a claimed milestone's date does not change");
        }

        // The milestone is the first qualifying change: one recorded late but earlier moves it.
        existing.AchievedOn = changedOn;
        return (new MilestoneView(Milestone.Progression, changedOn), $"The Progression milestone is now dated {Formatting.Date(changedOn)}, the earliest qualifying change");
    }

    private static ProgressionView View(ProgressionRecord p, List<JobStart> jobs, ProgressionDefinition paying)
    {
        var baseTerms = new JobTerms(p.BaselineWeeklyHours, p.BaselineHourlyWage, OutcomeFacts.Contract(p.BaselineContractType));
        var after = new JobTerms(p.WeeklyHours, p.HourlyWage, OutcomeFacts.Contract(p.ContractType));
        var assessments = ProgressionRules.EvaluateAll(baseTerms, new ProgressionChange(after, p.Promotion, p.LateralMove, p.LateralMoveReason));
        var job = p.JobStartId is { } id ? jobs.FirstOrDefault(j => j.Id == id) : null;
        var from = job is null ? "their job at registration" : $"the job start of {Formatting.Date(job.StartDate)} ({job.JobTitle} at {job.Employer?.Name})";
        var grounds = p.Grounds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ProgressionGround>).ToList();
        return new ProgressionView(
            p.Id, p.ChangedOn, p.JobStartId, p.JobTitle, p.WeeklyHours, p.HourlyWage, Pence(after.WeeklyEarnings), p.ContractType,
            p.Promotion, p.LateralMove, p.LateralMoveReason,
            new ProgressionBaseline(p.BaselineWeeklyHours, p.BaselineHourlyWage, Pence(baseTerms.WeeklyEarnings), p.BaselineContractType, from),
            p.EarningsChange, p.MeetsStrict, p.MeetsWider, grounds,
            ProgressionWording.Strict(baseTerms, after, assessments[0]), ProgressionWording.Wider(assessments[1]),
            paying, paying == ProgressionDefinition.Wider ? p.MeetsWider : p.MeetsStrict, p.RecordedAt, OutcomeEvidence.ToViews(p.Evidence));
    }

    private static decimal Pence(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
