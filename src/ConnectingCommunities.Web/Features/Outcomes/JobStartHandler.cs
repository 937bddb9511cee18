using System.Text.RegularExpressions;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>
/// Job starts and their evidence. Recording the first job start also records the Job outcome
/// milestone, dated the earliest start, in the same save. A refused request writes nothing: no
/// row, and no file left on disk.
/// </summary>
public sealed partial class JobStartHandler(
    CcDbContext db, ParticipantAccess access, CurrentUser user, OutcomeEvidence evidenceFiles, OutcomeFacts facts, TimeProvider clock)
{
    public const int MaxNameLength = 200;
    public const decimal MaxWeeklyHours = 100m;
    public const decimal MaxHourlyWage = 1000m;
    public const int MaxEndReasonLength = 1000;

    /// <summary>The participant's job starts, latest first, or null when the participant does not exist for this user.</summary>
    public async Task<IReadOnlyList<JobStartView>?> ListAsync(Guid participantId, bool logView, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        if (logView)
        {
            await access.LogViewAsync(participant, "job starts", cancellationToken);
        }

        var rows = await db.JobStarts.AsNoTracking().Include(j => j.Employer).Include(j => j.Evidence)
            .Where(j => j.ParticipantId == participantId).ToListAsync(cancellationToken);
        return rows.OrderByDescending(j => j.StartDate).ThenByDescending(j => j.RecordedAt).Select(ToView).ToList();
    }

    /// <summary>The names on the employer list, for the form to suggest.</summary>
    public async Task<IReadOnlyList<string>> EmployerNamesAsync(CancellationToken cancellationToken = default) =>
        await db.Employers.AsNoTracking().OrderBy(e => e.NormalisedName).Select(e => e.Name).Take(1000).ToListAsync(cancellationToken);

    public async Task<Result<JobStartView>> RecordAsync(
        Guid participantId, JobStartInput input, EvidenceUpload? evidence, SaveMode mode = SaveMode.Save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null)
        {
            return Result<JobStartView>.NotFound();
        }

        var errors = new FieldErrors();
        var employerName = CleanName(input.EmployerName);
        Validation.RequiredText(employerName, "employerName", "employer's name", MaxNameLength, errors);
        Validation.RequiredText(input.JobTitle, "jobTitle", "job title", MaxNameLength, errors);
        var socCode = PlanChecks.Clean(input.SocCode);
        if (socCode is not null && !SocCodePattern().IsMatch(socCode))
        {
            errors.Add("socCode", "The SOC 2020 code must be 4 digits, the first from 1 to 9, like 9252 (or leave it empty)");
        }

        if (input.StartDate is not { } startDate)
        {
            errors.Add("startDate", "Enter the start date");
            startDate = default;
        }
        else
        {
            PlanChecks.HappenedOn(startDate, "startDate", "start date", PlanParticipant.From(participant), access.Today, errors);
        }

        CheckHours(input.WeeklyHours, errors);
        CheckWage(input.HourlyWage, errors);
        var contractType = PlanChecks.Enum<JobContractType>(input.ContractType, "contractType", "contract type", errors, required: true);
        var (fileType, kind) = evidence is null ? (null, EvidenceKind.Other) : OutcomeEvidence.Check(evidence, errors);
        if (errors.Any || mode == SaveMode.CheckOnly)
        {
            return Result<JobStartView>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var employer = await FindOrAddEmployerAsync(employerName!, now, cancellationToken);
        var jobStart = new JobStart
        {
            ParticipantId = participantId,
            EmployerId = employer.Id,
            Employer = employer,
            JobTitle = input.JobTitle!.Trim(),
            SocCode = socCode,
            StartDate = startDate,
            WeeklyHours = input.WeeklyHours!.Value,
            HourlyWage = input.HourlyWage!.Value,
            ContractType = contractType!.Value,
            RecordedById = user.UserId,
            RecordedAt = now,
        };
        db.JobStarts.Add(jobStart);
        var notice = await RecordJobOutcomeAsync(participant, startDate, cancellationToken);

        StoredEvidence? stored = null;
        if (evidence is not null)
        {
            (var file, stored) = await evidenceFiles.StoreAsync(participantId, evidence, fileType!, kind, cancellationToken);
            file.JobStartId = jobStart.Id;
            jobStart.Evidence.Add(file);
        }

        return await evidenceFiles.SaveAsync(
            stored, () => ToView(jobStart) with { Notice = notice },
            "Someone else recorded a job start for this participant, or added the same employer, at the same moment. Try again.", cancellationToken);
    }

    public async Task<Result<EvidenceView>> AddEvidenceAsync(
        Guid participantId, Guid jobStartId, EvidenceUpload? evidence, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        if (participant is null || !await db.JobStarts.AnyAsync(j => j.Id == jobStartId && j.ParticipantId == participantId, cancellationToken))
        {
            return Result<EvidenceView>.NotFound();
        }

        return await evidenceFiles.AddAsync(participantId, evidence, f => f.JobStartId = jobStartId, cancellationToken);
    }

    /// <summary>An evidence file with its content, for a user who may see the participant; null otherwise.</summary>
    public Task<(EvidenceView File, Stream Content)?> OpenEvidenceAsync(
        Guid participantId, Guid jobStartId, Guid evidenceId, CancellationToken cancellationToken = default) =>
        evidenceFiles.OpenAsync(participantId, evidenceId, f => f.JobStartId == jobStartId, cancellationToken);

    /// <summary>A file name safe to offer in a download: the uploaded name's letters and digits with the type's extension.</summary>
    public static string DownloadName(EvidenceView file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var type = EvidenceFileChecks.Types.First(t => t.ContentType == file.ContentType);
        var stem = new string(Path.GetFileNameWithoutExtension(file.FileName)
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return (stem.Length == 0 ? "evidence" : stem[..Math.Min(stem.Length, 100)]) + type.Extension;
    }

    /// <summary>
    /// Records that a job ended (or corrects when), with why. Refused when the end would leave a
    /// sustainment check recorded "in work", or a change in work, on a day they were no longer in work.
    /// </summary>
    public async Task<Result<JobStartView>> EndAsync(Guid participantId, Guid jobStartId, JobEndInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participant = await access.FindAsync(participantId, cancellationToken);
        var jobStart = participant is null
            ? null
            : await db.JobStarts.Include(j => j.Employer).Include(j => j.Evidence)
                .FirstOrDefaultAsync(j => j.Id == jobStartId && j.ParticipantId == participantId, cancellationToken);
        if (participant is null || jobStart is null)
        {
            return Result<JobStartView>.NotFound();
        }

        var errors = new FieldErrors();
        if (input.EndDate is not { } endDate)
        {
            errors.Add("endDate", "Enter the date the job ended");
            endDate = default;
        }
        else if (endDate < jobStart.StartDate)
        {
            errors.Add("endDate", $"The end date must be on or after the day the job started, {Formatting.Date(jobStart.StartDate)}");
        }
        else if (endDate > access.Today)
        {
            errors.Add("endDate", "The end date must be today or in the past");
        }

        var reason = PlanChecks.Clean(input.Reason);
        Validation.RequiredText(reason, "reason", "reason the job ended", MaxEndReasonLength, errors);
        if (!errors.Any)
        {
            await CheckEndFitsRecordsAsync(participant, jobStart, endDate, errors, cancellationToken);
        }

        if (errors.Any)
        {
            return Result<JobStartView>.Invalid(errors);
        }

        if (jobStart.EndDate == endDate && jobStart.EndReason == reason)
        {
            // Sent twice (a double click, a retry): it is already so, and nothing changes.
            return Result<JobStartView>.Ok(ToView(jobStart));
        }

        jobStart.EndDate = endDate;
        jobStart.EndReason = reason;
        user.Reason = reason;
        return await db.SavedWithoutConflictAsync(cancellationToken)
            ? Result<JobStartView>.Ok(ToView(jobStart))
            : Result<JobStartView>.Conflict("Someone else changed this job start at the same moment. Check it and try again.");
    }

    public static void CheckHours(decimal? hours, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (hours is not { } h)
        {
            errors.Add("weeklyHours", "Enter the weekly hours");
        }
        else if (h <= 0 || h > MaxWeeklyHours)
        {
            errors.Add("weeklyHours", "The weekly hours must be more than 0 and no more than 100");
        }
        else if (decimal.Round(h, 2) != h)
        {
            errors.Add("weeklyHours", "The weekly hours must have at most 2 decimal places, like 37.5");
        }
    }

    public static void CheckWage(decimal? wage, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (wage is not { } w)
        {
            errors.Add("hourlyWage", "Enter the hourly wage");
        }
        else if (w < 0)
        {
            errors.Add("hourlyWage", "The hourly wage must be £0 or more");
        }
        else if (w > MaxHourlyWage)
        {
            errors.Add("hourlyWage", "The hourly wage must be no more than £1,000 an hour");
        }
        else if (!FormParsing.HasAtMostPence(w))
        {
            errors.Add("hourlyWage", "The hourly wage must be in pounds and pence, like 10.42");
        }
    }

    private async Task CheckEndFitsRecordsAsync(Participant participant, JobStart jobStart, DateOnly endDate, FieldErrors errors, CancellationToken cancellationToken)
    {
        var jobs = await facts.JobStartsAsync(participant.Id, cancellationToken);
        foreach (var job in jobs.Where(j => j.Id == jobStart.Id))
        {
            job.EndDate = endDate;
        }

        var settings = await facts.SettingsAsync(cancellationToken);
        var runs = EmploymentContinuity.Runs(OutcomeFacts.SustainmentSpells(participant, jobs), settings.SustainmentGapDays);
        var inWorkChecks = await db.SustainmentChecks.AsNoTracking()
            .Where(c => c.ParticipantId == participant.Id && c.Result == SustainmentCheckResult.InWork && c.DueOn > endDate)
            .Select(c => new { c.Milestone, c.DueOn }).ToListAsync(cancellationToken);
        var contradicted = inWorkChecks.Where(c => !runs.Any(r => r.Covers(c.DueOn))).OrderBy(c => c.DueOn).FirstOrDefault();
        if (contradicted is not null)
        {
            errors.Add("endDate", $"The {SustainmentNames.CheckName(contradicted.Milestone)} recorded them in work on {Formatting.Date(contradicted.DueOn)}, "
                + $"after this end date. Enter an end date on or after {Formatting.Date(contradicted.DueOn)}, or check which job ended");
            return;
        }

        var work = OutcomeFacts.WorkSpells(participant, jobs);
        var changes = await db.ProgressionRecords.AsNoTracking().Where(p => p.ParticipantId == participant.Id && p.ChangedOn > endDate)
            .Select(p => p.ChangedOn).ToListAsync(cancellationToken);
        if (changes.Where(day => !work.Any(s => s.Covers(day))).Order().Select(d => (DateOnly?)d).FirstOrDefault() is { } lost)
        {
            errors.Add("endDate", $"A change in work was recorded on {Formatting.Date(lost)}, after this end date. "
                + $"Enter an end date on or after {Formatting.Date(lost)}, or check which job ended");
        }
    }

    /// <summary>
    /// The Job outcome milestone is dated the earliest job start on or after registration, for someone out of
    /// work at registration (MilestoneRules): added with the first, moved earlier by an earlier one, unless
    /// it is already claimed, when the claimed date stays. Returns what to tell the user, if anything.
    /// </summary>
    private async Task<string?> RecordJobOutcomeAsync(Participant participant, DateOnly startDate, CancellationToken cancellationToken)
    {
        if (participant.Cohort == Cohort.Employed)
        {
            return null;
        }

        var milestone = await db.ParticipantMilestones
            .FirstOrDefaultAsync(m => m.ParticipantId == participant.Id && m.Milestone == Milestone.JobOutcome, cancellationToken);
        if (milestone is null)
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.JobOutcome, AchievedOn = startDate });
            return null;
        }

        if (startDate >= milestone.AchievedOn)
        {
            return null;
        }

        if (await facts.IsClaimedAsync(participant.Id, Milestone.JobOutcome, cancellationToken))
        {
            return $"The job outcome stays dated {Formatting.Date(milestone.AchievedOn)}, as it is already claimed: "
                + "a claimed milestone's date does not change";
        }

        milestone.AchievedOn = startDate;
        return $"The job outcome is now dated {Formatting.Date(startDate)}, the earliest job start";
    }

    private async Task<Employer> FindOrAddEmployerAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalised = name.ToLowerInvariant();
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.NormalisedName == normalised, cancellationToken);
        if (employer is null)
        {
            employer = new Employer { Name = name, NormalisedName = normalised, CreatedAt = now };
            db.Employers.Add(employer);
        }

        return employer;
    }

    /// <summary>Trimmed with inner runs of spaces made one, so "Acme  Ltd" and "Acme Ltd" are one employer.</summary>
    private static string? CleanName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static JobStartView ToView(JobStart j) => new(
        j.Id, j.Employer?.Name ?? "", j.JobTitle, j.SocCode, j.StartDate, j.WeeklyHours, j.HourlyWage,
        decimal.Round(j.WeeklyHours * j.HourlyWage, 2, MidpointRounding.AwayFromZero), j.ContractType, j.RecordedAt,
        OutcomeEvidence.ToViews(j.Evidence), j.EndDate, j.EndReason);

    [GeneratedRegex("^[1-9][0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex SocCodePattern();
}
