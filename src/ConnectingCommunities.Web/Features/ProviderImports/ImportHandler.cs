using System.Text;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>An uploaded file, as the upload form and the API send it.</summary>
public sealed record ImportUpload(string? FileName, long Length, Func<Stream> Open);

public sealed record ImportErrorView(int Row, string Column, string? Value, string Message);

/// <summary>An import as the page and the API show it. <see cref="Applying"/>: validated and being applied now.</summary>
public sealed record ImportView(
    Guid Id,
    string LotCode,
    string LotName,
    string Type,
    string FileName,
    long SizeBytes,
    ImportStatus Status,
    bool Applying,
    int RowsTotal,
    int RowsProcessed,
    int RowsNew,
    int RowsUpdated,
    int RowsUnchanged,
    int RowsInError,
    IReadOnlyList<string> Warnings,
    string? FailureMessage,
    bool AppliedValidRowsOnly,
    string? UploadedBy,
    DateTimeOffset UploadedAt,
    DateTimeOffset? ValidatedAt,
    DateTimeOffset? AppliedAt,
    int ErrorsTotal,
    IReadOnlyList<ImportErrorView> Errors)
{
    public bool CanApply => Status == ImportStatus.Validated && !Applying && RowsInError == 0 && RowsTotal > 0;

    public bool CanApplyValidRows => Status == ImportStatus.Validated && !Applying && RowsInError > 0 && RowsInError < RowsTotal;

    public bool InProgress => Status == ImportStatus.Validating || Applying;
}

/// <summary>A provider manager's imports: upload, preview, apply, and the file of refused rows.</summary>
public sealed class ImportHandler(
    CcDbContext db, CurrentUser user, IHttpContextAccessor accessor, ImportStore store, ImportOptions options, ImportProcessor processor, ImportJobs queue, ImportProgress progress)
{
    public const int ErrorsPageSize = 50;

    /// <summary>Stores and checks the file, creates the import and validates it: before answering when small (or <paramref name="inline"/>), else in the background.</summary>
    public async Task<Result<ImportView>> UploadAsync(string? lotCode, string? type, ImportUpload? file, bool inline = false, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var importType = ImportTypeCodes.Parse(type);
        if (importType is null)
        {
            errors.Add("type", string.IsNullOrWhiteSpace(type)
                ? $"Choose what the file holds: {ImportTypeCodes.Allowed}"
                : $"'{type.Trim()}' is not an import type. Allowed values: {ImportTypeCodes.Allowed}");
        }

        var lot = await OwnLotAsync(lotCode, errors, cancellationToken);
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            errors.Add("file", "Choose a CSV or XLSX file to upload");
        }
        else if (file.Length == 0)
        {
            errors.Add("file", "The file is empty: use the template and add a row for each record");
        }
        else if (file.Length > options.MaxFileBytes)
        {
            errors.Add("file", $"The file must be smaller than {options.MaxFileBytes / (1024 * 1024)} MB: split it into smaller files");
        }

        if (errors.Any || importType is not { } kind || lot is null || file is null)
        {
            return Result<ImportView>.Invalid(errors);
        }

        await using var content = file.Open();
        var saved = await store.SaveAsync(content, options.MaxFileBytes, cancellationToken);
        if (saved is not { } stored)
        {
            return Result<ImportView>.Invalid("file", $"The file must be smaller than {options.MaxFileBytes / (1024 * 1024)} MB: split it into smaller files");
        }

        var problem = CheckFile(store.PathOf(stored.StoredFileName), kind, out var warning);
        if (problem is not null)
        {
            store.Delete(stored.StoredFileName);
            return Result<ImportView>.Invalid("file", problem);
        }

        var import = new DataImport
        {
            LotId = lot.Id,
            Type = kind,
            FileName = CleanFileName(file.FileName),
            StoredFileName = stored.StoredFileName,
            Sha256 = stored.Sha256,
            SizeBytes = stored.Size,
            Status = ImportStatus.Validating,
            Warnings = warning,
            UploadedById = user.UserId,
            UploadedAt = DateTimeOffset.UtcNow,
        };
        db.Imports.Add(import);
        user.Reason = $"Uploaded {import.FileName}";
        await db.SaveChangesAsync(cancellationToken);
        user.Reason = null;

        if (inline || stored.Size <= options.InlineBytes)
        {
            await processor.ValidateAsync(import.Id, cancellationToken);
        }
        else
        {
            queue.Enqueue(new ImportJob(import.Id, Apply: false, ValidRowsOnly: false, Principal()));
        }

        return Result<ImportView>.Ok((await FindAsync(import.Id, 1, cancellationToken))!);
    }

    /// <summary>
    /// Applies the import. Inline (the API, the command line, small files) it is done when this returns; otherwise queued.
    /// Conflict when it cannot be applied (errors, already applied); Invalid when rows turned bad since the preview.
    /// </summary>
    public async Task<Result<ImportView>> ApplyAsync(Guid id, bool validRowsOnly, bool inline, CancellationToken cancellationToken = default)
    {
        var import = await (await OwnImportsAsync(cancellationToken)).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return Result<ImportView>.NotFound();
        }

        if (ImportProcessor.WhyNotApply(import, validRowsOnly) is { } refusal)
        {
            return Result<ImportView>.Conflict(refusal);
        }

        if (!inline && import.SizeBytes > options.InlineBytes)
        {
            var claimed = await db.Imports.Where(i => i.Id == id && i.Status == ImportStatus.Validated && i.AppliedById == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RowsProcessed, 0), cancellationToken);
            progress.Report(id, ImportPhase.Applying, 0);
            queue.Enqueue(new ImportJob(id, Apply: true, validRowsOnly, Principal()));
            return claimed == 0 ? Result<ImportView>.Conflict("This import is already being applied.") : Result<ImportView>.Ok((await FindAsync(id, 1, cancellationToken))!);
        }

        var (outcome, message) = await processor.ApplyAsync(id, validRowsOnly, cancellationToken);
        return outcome switch
        {
            ApplyOutcome.Applied => Result<ImportView>.Ok((await FindAsync(id, 1, cancellationToken))!),
            ApplyOutcome.ErrorsFound => Result<ImportView>.Invalid("file", message!),
            _ => Result<ImportView>.Conflict(message!),
        };
    }

    public async Task<IReadOnlyList<ImportView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var ids = await (await OwnImportsAsync(cancellationToken)).OrderByDescending(i => i.UploadedAt).Select(i => i.Id).Take(200).ToListAsync(cancellationToken);
        var views = new List<ImportView>();
        foreach (var id in ids)
        {
            views.Add((await FindAsync(id, 0, cancellationToken))!);
        }

        return views;
    }

    /// <summary>The import with a page of its errors (page 0: none), or null when it is not one of the user's lots'.</summary>
    public async Task<ImportView?> FindAsync(Guid id, int errorsPage, CancellationToken cancellationToken = default)
    {
        var found = await (await OwnImportsAsync(cancellationToken)).AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                Import = i,
                Lot = db.Lots.Where(l => l.Id == i.LotId).Select(l => new { l.Code, l.Name }).First(),
                UploadedBy = db.Users.Where(u => u.Id == i.UploadedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var i = found.Import;
        var errorsTotal = await db.ImportRowErrors.CountAsync(e => e.ImportId == id, cancellationToken);
        var errors = errorsPage <= 0 ? [] : await db.ImportRowErrors.AsNoTracking().Where(e => e.ImportId == id)
            .OrderBy(e => e.Row).ThenBy(e => e.Id).Skip((errorsPage - 1) * ErrorsPageSize).Take(ErrorsPageSize)
            .Select(e => new ImportErrorView(e.Row, e.Column, e.Value, e.Message)).ToListAsync(cancellationToken);
        var running = progress.Find(id);
        var applying = i.Status == ImportStatus.Validated && (i.AppliedById is not null || running?.Phase == ImportPhase.Applying);
        var processed = Math.Max(i.RowsProcessed, running?.Rows ?? 0);
        return new ImportView(
            i.Id, found.Lot.Code, found.Lot.Name, ImportTypeCodes.Code(i.Type), i.FileName, i.SizeBytes, i.Status, applying,
            i.RowsTotal, processed, i.RowsNew, i.RowsUpdated, i.RowsUnchanged, i.RowsInError,
            i.Warnings?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [], i.FailureMessage, i.AppliedValidRowsOnly,
            found.UploadedBy, i.UploadedAt, i.ValidatedAt, i.AppliedAt, errorsTotal, errors);
    }

    /// <summary>The refused rows as CSV: the file's own columns and cells, and an "error" column saying what is wrong.</summary>
    public async Task<(byte[] Content, string FileName)?> ErrorFileAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var import = await (await OwnImportsAsync(cancellationToken)).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var path = import is null ? null : store.PathOf(import);
        if (import is null || path is null || !File.Exists(path) || ImportFile.Detect(path) is not { } kind)
        {
            return null;
        }

        var errors = (await db.ImportRowErrors.AsNoTracking().Where(e => e.ImportId == id).OrderBy(e => e.Row).ThenBy(e => e.Id)
            .Select(e => new { e.Row, e.Column, e.Message }).ToListAsync(cancellationToken))
            .GroupBy(e => e.Row).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(e => $"{e.Column}: {e.Message}")));
        var csv = new StringBuilder();
        var width = 0;
        foreach (var row in ImportFile.Rows(path, kind))
        {
            if (row.Number == 1)
            {
                width = row.Cells.Count;
                TableExport.Record(csv, [.. row.Cells.Select(c => SpreadsheetText.Neutralise(c)), "error"]);
            }
            else if (errors.TryGetValue(row.Number, out var message))
            {
                var cells = Enumerable.Range(0, width).Select(i => SpreadsheetText.Neutralise(i < row.Cells.Count ? row.Cells[i] : null));
                TableExport.Record(csv, [.. cells, SpreadsheetText.Neutralise($"Row {row.Number}: {message}")]);
            }
        }

        var name = new string([.. $"{Path.GetFileNameWithoutExtension(import.FileName)}-errors".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return (Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), $"{name}.csv");
    }

    /// <summary>The lots the user may import into: a provider manager's own.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> OwnLotsAsync(CancellationToken cancellationToken = default)
    {
        var lots = await user.VisibleLotsAsync(cancellationToken);
        return (await lots.OrderBy(l => l.Code).Select(l => new { l.Code, l.Name }).ToListAsync(cancellationToken)).Select(l => (l.Code, l.Name)).ToList();
    }

    private async Task<IQueryable<DataImport>> OwnImportsAsync(CancellationToken cancellationToken)
    {
        var ids = user.IsLotScoped ? await user.LotIdsAsync(cancellationToken) : null;
        return ids is null ? db.Imports : db.Imports.Where(i => ids.Contains(i.LotId));
    }

    private async Task<Lot?> OwnLotAsync(string? code, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add("lotCode", "Choose the lot the file is for");
            return null;
        }

        var normalised = LotCode.Normalise(code);
        var lot = await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.Code == normalised, cancellationToken);
        var own = await OwnLotsAsync(cancellationToken);
        if (lot is null || !own.Any(l => l.Code == lot.Code))
        {
            errors.Add("lotCode", $"You can import only into your own lots: {(own.Count == 0 ? "none" : string.Join(", ", own.Select(l => l.Code)))}");
            return null;
        }

        return lot;
    }

    /// <summary>What is wrong with the file as a whole (not CSV or XLSX, no header, missing columns), or null; and any warning.</summary>
    private static string? CheckFile(string path, ImportType type, out string? warning)
    {
        warning = null;
        if (ImportFile.Detect(path) is not { } kind)
        {
            return "The file is not a CSV or XLSX file, whatever its name says: save it from the template as CSV (UTF-8) or Excel workbook (XLSX)";
        }

        var template = ImportTemplates.Find(ImportTypeCodes.Code(type))!;
        try
        {
            var first = ImportFile.Rows(path, kind).FirstOrDefault();
            if (first is null || first.IsBlank)
            {
                return first is null ? "The file is empty: use the template and add a row for each record" : "The first row must name the columns, as the template's does";
            }

            var header = HeaderMap.Match(first.Cells, template.Columns);
            warning = ImportFileChecks.UnknownColumnsWarning(header, template);
            return ImportFileChecks.HeaderProblem(header, template);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DecoderFallbackException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FormatException)
        {
            return "The file could not be read: save it again from the template as CSV (UTF-8) or XLSX";
        }
    }

    private static string CleanFileName(string? name)
    {
        var file = Path.GetFileName(name ?? "");
        file = new string([.. file.Where(c => !char.IsControl(c))]).Trim();
        return file.Length == 0 ? "upload" : file.Length > 200 ? file[..200] : file;
    }

    private System.Security.Claims.ClaimsPrincipal Principal() =>
        accessor.HttpContext?.User ?? throw new InvalidOperationException("An import is queued only for a signed-in user.");
}
