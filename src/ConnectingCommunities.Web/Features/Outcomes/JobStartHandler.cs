using System.Text.RegularExpressions;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
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
public sealed partial class JobStartHandler(CcDbContext db, ParticipantAccess access, CurrentUser user, EvidenceStore store, TimeProvider clock)
{
    public const int MaxNameLength = 200;
    public const decimal MaxWeeklyHours = 100m;
    public const decimal MaxHourlyWage = 1000m;

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
        var (fileType, kind) = evidence is null ? (null, EvidenceKind.Other) : CheckEvidence(evidence, errors);
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
        await RecordJobOutcomeAsync(participantId, startDate, cancellationToken);

        StoredEvidence? stored = null;
        if (evidence is not null)
        {
            stored = await StoreAsync(evidence, fileType!, cancellationToken);
            jobStart.Evidence.Add(ToEntity(participantId, jobStart.Id, evidence, fileType!, kind, stored, now));
        }

        return await SaveAsync(stored, () => ToView(jobStart), cancellationToken);
    }

    public async Task<Result<EvidenceView>> AddEvidenceAsync(
        Guid participantId, Guid jobStartId, EvidenceUpload? evidence, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        var jobStart = participant is null
            ? null
            : await db.JobStarts.FirstOrDefaultAsync(j => j.Id == jobStartId && j.ParticipantId == participantId, cancellationToken);
        if (participant is null || jobStart is null)
        {
            return Result<EvidenceView>.NotFound();
        }

        var errors = new FieldErrors();
        if (evidence is null)
        {
            errors.Add("file", $"Choose a file: a {EvidenceFileChecks.Allowed} sent as the multipart form field \"file\"");
            return Result<EvidenceView>.Invalid(errors);
        }

        var (fileType, kind) = CheckEvidence(evidence, errors);
        if (errors.Any)
        {
            return Result<EvidenceView>.Invalid(errors);
        }

        var stored = await StoreAsync(evidence, fileType!, cancellationToken);
        var file = ToEntity(participantId, jobStartId, evidence, fileType!, kind, stored, clock.GetUtcNow());
        db.EvidenceFiles.Add(file);
        return await SaveAsync(stored, () => ToView(file), cancellationToken);
    }

    /// <summary>An evidence file with its content, for a user who may see the participant; null otherwise.</summary>
    public async Task<(EvidenceView File, Stream Content)?> OpenEvidenceAsync(
        Guid participantId, Guid jobStartId, Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        var file = participant is null
            ? null
            : await db.EvidenceFiles.AsNoTracking()
                .FirstOrDefaultAsync(f => f.Id == evidenceId && f.JobStartId == jobStartId && f.ParticipantId == participantId, cancellationToken);
        if (participant is null || file is null || store.OpenRead(file.StoredFileName) is not { } content)
        {
            return null;
        }

        await access.LogViewAsync(participant, $"evidence file {file.Id}", cancellationToken);
        return (ToView(file), content);
    }

    /// <summary>A file name safe to offer in a download: the uploaded name's letters and digits with the type's extension.</summary>
    public static string DownloadName(EvidenceView file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var type = EvidenceFileChecks.Types.First(t => t.ContentType == file.ContentType);
        var stem = new string(Path.GetFileNameWithoutExtension(file.FileName)
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return (stem.Length == 0 ? "evidence" : stem[..Math.Min(stem.Length, 100)]) + type.Extension;
    }

    private static (EvidenceFileType? Type, EvidenceKind Kind) CheckEvidence(EvidenceUpload evidence, FieldErrors errors)
    {
        var kind = PlanChecks.Enum<EvidenceKind>(evidence.Kind, "kind", "kind of evidence", errors, required: false) ?? EvidenceKind.Other;
        var header = new byte[EvidenceFileChecks.HeaderLength];
        var read = 0;
        if (evidence.Length > 0)
        {
            using var stream = evidence.Open();
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        var type = EvidenceFileChecks.Check(evidence.FileName, evidence.Length, header.AsSpan(0, read), errors);
        Validation.OptionalText(Path.GetFileName(evidence.FileName), "file", "file name", 255, errors);
        return (type, kind);
    }

    private async Task<StoredEvidence> StoreAsync(EvidenceUpload evidence, EvidenceFileType type, CancellationToken cancellationToken)
    {
        await using var content = evidence.Open();
        return await store.SaveAsync(content, type.Extension, cancellationToken);
    }

    private EvidenceFile ToEntity(
        Guid participantId, Guid jobStartId, EvidenceUpload evidence, EvidenceFileType type, EvidenceKind kind, StoredEvidence stored, DateTimeOffset now) => new()
        {
            ParticipantId = participantId,
            JobStartId = jobStartId,
            Kind = kind,
            OriginalFileName = Path.GetFileName(evidence.FileName ?? "") is { Length: > 0 } name ? name : "evidence" + type.Extension,
            StoredFileName = stored.StoredFileName,
            ContentType = type.ContentType,
            SizeBytes = stored.SizeBytes,
            Sha256 = stored.Sha256,
            UploadedById = user.UserId,
            UploadedAt = now,
        };

    /// <summary>Saves; when the save fails the stored file is removed, so no file is left without its record.</summary>
    private async Task<Result<T>> SaveAsync<T>(StoredEvidence? stored, Func<T> view, CancellationToken cancellationToken)
    {
        bool saved;
        try
        {
            saved = await db.SavedWithoutConflictAsync(cancellationToken);
        }
        catch
        {
            RemoveOrphan(stored);
            throw;
        }

        if (!saved)
        {
            RemoveOrphan(stored);
            return Result<T>.Conflict("Someone else recorded a job start for this participant, or added the same employer, at the same moment. Try again.");
        }

        return Result<T>.Ok(view());
    }

    private void RemoveOrphan(StoredEvidence? stored)
    {
        if (stored is not null)
        {
            store.Delete(stored.StoredFileName);
        }
    }

    /// <summary>The Job outcome milestone is dated the earliest job start: added with the first, moved earlier by an earlier one.</summary>
    private async Task RecordJobOutcomeAsync(Guid participantId, DateOnly startDate, CancellationToken cancellationToken)
    {
        var milestone = await db.ParticipantMilestones
            .FirstOrDefaultAsync(m => m.ParticipantId == participantId && m.Milestone == Milestone.JobOutcome, cancellationToken);
        if (milestone is null)
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participantId, Milestone = Milestone.JobOutcome, AchievedOn = startDate });
        }
        else if (startDate < milestone.AchievedOn)
        {
            milestone.AchievedOn = startDate;
        }
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

    private static void CheckHours(decimal? hours, FieldErrors errors)
    {
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

    private static void CheckWage(decimal? wage, FieldErrors errors)
    {
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

    /// <summary>Trimmed with inner runs of spaces made one, so "Acme  Ltd" and "Acme Ltd" are one employer.</summary>
    private static string? CleanName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static JobStartView ToView(JobStart j) => new(
        j.Id, j.Employer?.Name ?? "", j.JobTitle, j.SocCode, j.StartDate, j.WeeklyHours, j.HourlyWage,
        decimal.Round(j.WeeklyHours * j.HourlyWage, 2, MidpointRounding.AwayFromZero), j.ContractType, j.RecordedAt,
        j.Evidence.OrderBy(f => f.UploadedAt).ThenBy(f => f.Id).Select(ToView).ToList());

    private static EvidenceView ToView(EvidenceFile f) => new(f.Id, f.Kind, f.OriginalFileName, f.ContentType, f.SizeBytes, f.Sha256, f.UploadedAt);

    [GeneratedRegex("^[1-9][0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex SocCodePattern();
}
