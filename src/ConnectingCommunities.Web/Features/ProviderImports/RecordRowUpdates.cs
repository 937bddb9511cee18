using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Features.Outcomes.Sustainment;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>
/// A known <c>externalId</c> sent with different values changes, in place, the record it made: the same
/// intervention, job start or check keeps its id (so evidence, checks and claims that point at it still do),
/// and the audit trail shows it updated. The row is first checked by the API's own handler, as a new record
/// with these values would be; then what follows from the record is brought into line (the Engaged milestone
/// and contact counts, the Job outcome's date), except where a live claim holds a milestone's date.
/// </summary>
public sealed partial class RecordRowImporter
{
    private const string Savepoint = "import_row_check";

    private async Task UpdateAsync(ImportRowContext row, KnownRecord known, Guid participantId, object input, CancellationToken cancellationToken)
    {
        var changed = input switch
        {
            InterventionInput contact => await UpdateInterventionAsync(row, known, participantId, contact, cancellationToken),
            JobStartInput job => await UpdateJobStartAsync(row, known, participantId, job, cancellationToken),
            _ => await UpdateCheckAsync(row, known, participantId, (SustainmentCheckInput)input, cancellationToken),
        };
        if (!changed)
        {
            return;
        }

        var record = await db.ExternalRecords.FirstAsync(r => r.Id == known.RecordId, cancellationToken);
        record.ContentHash = row.Hash;
        record.LastImportId = import.Id;
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> UpdateInterventionAsync(ImportRowContext row, KnownRecord known, Guid participantId, InterventionInput input, CancellationToken cancellationToken)
    {
        var existing = await db.Interventions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == known.EntityId, cancellationToken);
        if (!SameParticipant(row, existing?.ParticipantId, participantId))
        {
            return false;
        }

        // The handler has no check-only mode: it records the contact as the row says, and the savepoint undoes it.
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("An import runs in a transaction.");
        await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        var verdict = await interventions.RecordAsync(participantId, input, cancellationToken);
        await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
        db.ChangeTracker.Clear();
        if (!Accepted(row, verdict.Status, verdict.Errors, verdict.Detail))
        {
            return false;
        }

        var participant = (await access.FindAsync(participantId, cancellationToken))!;
        var contact = await db.Interventions.FirstAsync(i => i.Id == known.EntityId, cancellationToken);
        var (rule, threshold) = await interventions.RuleAsync(cancellationToken);
        var ignored = new FieldErrors();
        var dateChanged = contact.Date != input.Date;
        contact.Date = input.Date!.Value;
        contact.Mode = Codes.Enum<InterventionMode>(input.Mode, "mode", "mode", ignored, required: true)!.Value;
        contact.ActivityType = Codes.Enum<ActivityType>(input.ActivityType, "activityType", "activity type", ignored, required: true)!.Value;
        contact.DurationMinutes = input.DurationMinutes!.Value;
        contact.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        contact.IsMeaningful = rule.IsMeaningful(contact.DurationMinutes);

        // As the handler counts: whether each other contact counted was fixed when it was recorded.
        var contacts = (await db.Interventions.AsNoTracking().Where(i => i.ParticipantId == participantId && i.Id != contact.Id)
            .Select(i => new { i.Date, i.IsMeaningful }).ToListAsync(cancellationToken))
            .Select(c => (c.Date, c.IsMeaningful)).Append((contact.Date, contact.IsMeaningful)).ToList();
        var engagedOn = EngagementRule.EngagedOn(contacts.Where(c => c.IsMeaningful).Select(c => new Contact(c.Date, int.MaxValue)), rule, threshold);
        var milestone = await db.ParticipantMilestones
            .FirstOrDefaultAsync(m => m.ParticipantId == participantId && m.Milestone == Milestone.Engaged, cancellationToken);
        if (milestone is not null && milestone.AchievedOn != engagedOn)
        {
            if (await facts.IsClaimedAsync(participantId, Milestone.Engaged, cancellationToken))
            {
                row.Fail(dateChanged ? "date" : "durationMinutes", $"The Engaged milestone is claimed, dated {Formatting.Date(milestone.AchievedOn)}, and this change would "
                    + (engagedOn is null ? "undo it" : "move it") + ": a claimed milestone stays as claimed. Send the row as it was");
                return false;
            }

            if (engagedOn is { } day)
            {
                milestone.AchievedOn = day;
            }
            else
            {
                db.ParticipantMilestones.Remove(milestone);
            }
        }
        else if (milestone is null && engagedOn is { } day)
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participantId, Milestone = Milestone.Engaged, AchievedOn = day });
        }

        participant.MeaningfulInterventions = contacts.Count(c => c.IsMeaningful);
        participant.LastContactOn = contacts.Max(c => c.Date);
        participant.EngagedOn = engagedOn;
        return true;
    }

    private async Task<bool> UpdateJobStartAsync(ImportRowContext row, KnownRecord known, Guid participantId, JobStartInput input, CancellationToken cancellationToken)
    {
        var existing = await db.JobStarts.Include(j => j.Employer).FirstOrDefaultAsync(j => j.Id == known.EntityId, cancellationToken);
        if (!SameParticipant(row, existing?.ParticipantId, participantId))
        {
            return false;
        }

        var verdict = await jobStarts.RecordAsync(participantId, input, null, SaveMode.CheckOnly, cancellationToken);
        if (!Accepted(row, verdict.Status, verdict.Errors, verdict.Detail))
        {
            return false;
        }

        var job = existing!;
        var start = input.StartDate!.Value;
        if (start != job.StartDate && !await StartDateMayMoveAsync(row, job, start, cancellationToken))
        {
            return false;
        }

        var name = string.Join(' ', input.EmployerName!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var normalised = name.ToLowerInvariant();
        if (job.Employer?.NormalisedName != normalised)
        {
            // As recording one does: the employer list has each employer once, whatever the spacing of its name.
            var employer = await db.Employers.FirstOrDefaultAsync(e => e.NormalisedName == normalised, cancellationToken);
            if (employer is null)
            {
                employer = new Employer { Name = name, NormalisedName = normalised, CreatedAt = clock.GetUtcNow() };
                db.Employers.Add(employer);
            }

            job.Employer = employer;
            job.EmployerId = employer.Id;
        }

        job.JobTitle = input.JobTitle!.Trim();
        job.SocCode = PlanChecks.Clean(input.SocCode);
        job.StartDate = start;
        job.WeeklyHours = input.WeeklyHours!.Value;
        job.HourlyWage = input.HourlyWage!.Value;
        job.ContractType = PlanChecks.Enum<JobContractType>(input.ContractType, "contractType", "contract type", new FieldErrors(), required: true)!.Value;
        return true;
    }

    /// <summary>
    /// A job's start date is where the Job outcome and sustainment count from. It may move while nothing counts from it
    /// yet; the Job outcome then follows the earliest job start, unless a live claim holds its date.
    /// </summary>
    private async Task<bool> StartDateMayMoveAsync(ImportRowContext row, JobStart job, DateOnly start, CancellationToken cancellationToken)
    {
        var was = Formatting.Date(job.StartDate);
        if (job.EndDate is { } end && end < start)
        {
            row.Fail("startDate", $"This job ended on {Formatting.Date(end)}: the start date must be on or before it");
            return false;
        }

        if (await db.SustainmentChecks.AnyAsync(c => c.ParticipantId == job.ParticipantId, cancellationToken)
            || await db.ProgressionRecords.AnyAsync(p => p.JobStartId == job.Id, cancellationToken))
        {
            row.Fail("startDate", $"Sustainment checks or changes in work are recorded for this participant, and they count from the job's start: "
                + $"an import cannot move it. Send the row with the start date it had, {was}");
            return false;
        }

        var participant = (await access.FindAsync(job.ParticipantId, cancellationToken))!;
        if (participant.Cohort == Cohort.Employed)
        {
            return true;
        }

        var others = await db.JobStarts.AsNoTracking().Where(j => j.ParticipantId == job.ParticipantId && j.Id != job.Id)
            .Select(j => j.StartDate).ToListAsync(cancellationToken);
        var earliest = others.Append(start).Min();
        var milestone = await db.ParticipantMilestones
            .FirstOrDefaultAsync(m => m.ParticipantId == job.ParticipantId && m.Milestone == Milestone.JobOutcome, cancellationToken);
        if (milestone is null)
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = job.ParticipantId, Milestone = Milestone.JobOutcome, AchievedOn = earliest });
        }
        else if (milestone.AchievedOn != earliest)
        {
            if (await facts.IsClaimedAsync(job.ParticipantId, Milestone.JobOutcome, cancellationToken))
            {
                row.Fail("startDate", $"The job outcome is claimed, dated {Formatting.Date(milestone.AchievedOn)}, and a claimed milestone's date does not change: "
                    + $"send the row with the start date it had, {was}");
                return false;
            }

            milestone.AchievedOn = earliest;
        }

        return true;
    }

    private async Task<bool> UpdateCheckAsync(ImportRowContext row, KnownRecord known, Guid participantId, SustainmentCheckInput input, CancellationToken cancellationToken)
    {
        var existing = await db.SustainmentChecks.FirstOrDefaultAsync(c => c.Id == known.EntityId, cancellationToken);
        if (!SameParticipant(row, existing?.ParticipantId, participantId))
        {
            return false;
        }

        var verdict = await sustainment.RecordAsync(participantId, input, null, SaveMode.CheckOnly, cancellationToken);
        if (!Accepted(row, verdict.Status, verdict.Errors, verdict.Detail))
        {
            return false;
        }

        // Which check it is and its result decide the milestones achieved (and claimed) after it: those stay as recorded.
        var check = existing!;
        var name = SustainmentNames.CheckName(check.Milestone);
        if (SustainmentHandler.ParseMilestone(input.Milestone, new FieldErrors()) != check.Milestone)
        {
            row.Fail("milestone", $"This row was recorded as the {name}: an import cannot make it another check. Send it with milestone {check.Milestone}, "
                + "and a new check with its own externalId");
            return false;
        }

        if (PlanChecks.Enum<SustainmentCheckResult>(input.Result, "result", "result", new FieldErrors(), required: true) != check.Result)
        {
            row.Fail("result", $"The {name} was recorded as {check.Result}, and the milestones that follow from it stay as recorded: "
                + $"an import cannot change the result. Send the row with result {check.Result}");
            return false;
        }

        if (input.CheckedOn!.Value < check.DueOn)
        {
            row.Fail("checkedOn", $"The {name} fell due on {Formatting.Date(check.DueOn)}: it can be recorded from that day, not before");
            return false;
        }

        check.CheckedOn = input.CheckedOn.Value;
        check.Notes = PlanChecks.Clean(input.Notes);
        return true;
    }

    /// <summary>The record belongs to the participant the row names, still of this lot; errors on the row when not.</summary>
    private bool SameParticipant(ImportRowContext row, Guid? owner, Guid participantId)
    {
        if (owner is not { } id || !inLot.Contains(id))
        {
            row.Fail("externalId", $"The record imported with this externalId is no longer in lot {lot.Code}, so this file cannot change it");
            return false;
        }

        if (id != participantId)
        {
            var column = row.Reader.Text(template["participantExternalId"]) is null ? "participantReference" : "participantExternalId";
            row.Fail(column, "This externalId was imported for another participant, and a record does not move between participants: "
                + "send it with the participant it was imported for, and a record for this participant with its own externalId");
            return false;
        }

        return true;
    }

    private bool Accepted(ImportRowContext row, ResultStatus status, FieldErrors? errors, string? detail)
    {
        switch (status)
        {
            case ResultStatus.Ok:
                return true;
            case ResultStatus.Invalid when errors is null || !errors.Any:
                // A check-only call answers Invalid with no errors when the row is valid.
                return true;
            case ResultStatus.Invalid:
                row.Fail(errors);
                return false;
            case ResultStatus.NotFound:
                row.Fail("participantExternalId", $"There is no such participant in lot {lot.Code}");
                return false;
            default:
                row.Fail(import.Type == ImportType.SustainmentChecks ? "milestone" : "externalId", detail ?? "This row conflicts with a record already there");
                return false;
        }
    }
}
