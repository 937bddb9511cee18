using System.Linq.Expressions;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>
/// Evidence files of any outcome (a job start, a sustainment check, a progression): one set of
/// checks (type by content, size, name), one store outside the web root, one rule that a refused
/// or failed save leaves no file behind, and one logged way to download them.
/// </summary>
public sealed class OutcomeEvidence(CcDbContext db, EvidenceStore store, ParticipantAccess access, CurrentUser user, TimeProvider clock)
{
    /// <summary>The file's type and kind when it may be kept; otherwise errors under "file" or "kind".</summary>
    public static (EvidenceFileType? Type, EvidenceKind Kind) Check(EvidenceUpload evidence, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(errors);
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

    /// <summary>The error for an upload with no file in it.</summary>
    public static FieldErrors NoFile() =>
        new FieldErrors().Add("file", $"Choose a file: a {EvidenceFileChecks.Allowed} sent as the multipart form field \"file\"");

    /// <summary>Writes the file to the store and makes its record; the caller links it to its outcome and saves.</summary>
    public async Task<(EvidenceFile File, StoredEvidence Stored)> StoreAsync(
        Guid participantId, EvidenceUpload evidence, EvidenceFileType type, EvidenceKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(type);
        StoredEvidence stored;
        await using (var content = evidence.Open())
        {
            stored = await store.SaveAsync(content, type.Extension, cancellationToken);
        }

        var file = new EvidenceFile
        {
            ParticipantId = participantId,
            Kind = kind,
            OriginalFileName = Path.GetFileName(evidence.FileName ?? "") is { Length: > 0 } name ? name : "evidence" + type.Extension,
            StoredFileName = stored.StoredFileName,
            ContentType = type.ContentType,
            SizeBytes = stored.SizeBytes,
            Sha256 = stored.Sha256,
            UploadedById = user.UserId,
            UploadedAt = clock.GetUtcNow(),
        };
        return (file, stored);
    }

    /// <summary>
    /// Adds a checked file to an outcome already saved: <paramref name="link"/> sets which outcome
    /// it proves. Refused input writes nothing.
    /// </summary>
    public async Task<Result<EvidenceView>> AddAsync(
        Guid participantId, EvidenceUpload? evidence, Action<EvidenceFile> link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (evidence is null)
        {
            return Result<EvidenceView>.Invalid(NoFile());
        }

        var errors = new FieldErrors();
        var (type, kind) = Check(evidence, errors);
        if (errors.Any)
        {
            return Result<EvidenceView>.Invalid(errors);
        }

        var (file, stored) = await StoreAsync(participantId, evidence, type!, kind, cancellationToken);
        link(file);
        db.EvidenceFiles.Add(file);
        return await SaveAsync(stored, () => ToView(file), "Someone else changed this record at the same moment. Try again.", cancellationToken);
    }

    /// <summary>Saves; when the save fails the stored file is removed, so no file is left without its record.</summary>
    public async Task<Result<T>> SaveAsync<T>(StoredEvidence? stored, Func<T> view, string conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
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
            return Result<T>.Conflict(conflict);
        }

        return Result<T>.Ok(view());
    }

    /// <summary>An evidence file with its content, for a user who may see the participant; null otherwise. Every download is logged.</summary>
    public async Task<(EvidenceView File, Stream Content)?> OpenAsync(
        Guid participantId, Guid evidenceId, Expression<Func<EvidenceFile, bool>> belongs, CancellationToken cancellationToken)
    {
        var participant = await access.FindAsync(participantId, cancellationToken);
        var file = participant is null
            ? null
            : await db.EvidenceFiles.AsNoTracking().Where(belongs)
                .FirstOrDefaultAsync(f => f.Id == evidenceId && f.ParticipantId == participantId, cancellationToken);
        if (participant is null || file is null || store.OpenRead(file.StoredFileName) is not { } content)
        {
            return null;
        }

        await access.LogViewAsync(participant, $"evidence file {file.Id}", cancellationToken);
        return (ToView(file), content);
    }

    public static EvidenceView ToView(EvidenceFile f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Id, f.Kind, f.OriginalFileName, f.ContentType, f.SizeBytes, f.Sha256, f.UploadedAt);
    }

    public static IReadOnlyList<EvidenceView> ToViews(IEnumerable<EvidenceFile> files) =>
        files.OrderBy(f => f.UploadedAt).ThenBy(f => f.Id).Select(ToView).ToList();

    private void RemoveOrphan(StoredEvidence? stored)
    {
        if (stored is not null)
        {
            store.Delete(stored.StoredFileName);
        }
    }
}
