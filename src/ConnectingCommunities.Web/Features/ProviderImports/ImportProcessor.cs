using System.Diagnostics;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>What one pass over a file found: counts by outcome, the errors, and why the file failed as a whole, if it did.</summary>
public sealed record ImportPass(int RowsTotal, int RowsNew, int RowsUpdated, int RowsUnchanged, int RowsInError, IReadOnlyList<CellError> Errors, string? Failure)
{
    public static ImportPass Failed(string failure) => new(0, 0, 0, 0, 0, [], failure);
}

/// <summary>What applying did.</summary>
public enum ApplyOutcome
{
    Applied,

    /// <summary>It was not in a state to apply (already applied, being applied, failed, or has errors).</summary>
    Refused,

    /// <summary>Rows that were valid at the preview are not any more: the preview was updated and nothing was changed.</summary>
    ErrorsFound,

    /// <summary>Applying stopped on an unexpected error; the transaction was rolled back.</summary>
    Failed,
}

/// <summary>
/// Reads an uploaded file row by row, checks every row by the API's rules, and applies it in one transaction.
/// Validation and applying make the same pass (so what the preview says is what applying does); applying
/// checks again, because the database may have changed since the preview.
/// </summary>
public sealed class ImportProcessor(
    CcDbContext db,
    CurrentUser user,
    IServiceProvider services,
    ImportStore store,
    ImportOptions options,
    ImportProgress progress,
    IServiceScopeFactory scopes,
    IEnumerable<IImportApplyHook> hooks,
    TimeProvider clock,
    ILogger<ImportProcessor> logger)
{
    private const int ProgressEvery = 2000;
    private const int ErrorBatch = 5000;

    public async Task ValidateAsync(Guid importId, CancellationToken cancellationToken = default)
    {
        var import = await db.Imports.AsNoTracking().FirstAsync(i => i.Id == importId, cancellationToken);
        var lot = await db.Lots.AsNoTracking().FirstAsync(l => l.Id == import.LotId, cancellationToken);
        ImportPass pass;
        try
        {
            pass = await RunAsync(import, lot, apply: false, validRowsOnly: false, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file that passed the upload's checks but breaks further on (bad UTF-8 late in a CSV, a damaged workbook).
            logger.LogWarning(e, "Import {ImportId} could not be read", importId);
            db.ChangeTracker.Clear();
            pass = ImportPass.Failed("The file could not be read to the end: it may be damaged, or not UTF-8 text. Save it again from the template as CSV (UTF-8) or XLSX and upload it again.");
        }
        finally
        {
            progress.Finish(importId);
        }

        await SaveResultAsync(importId, pass, pass.Failure is null ? ImportStatus.Validated : ImportStatus.Failed, cancellationToken);
    }

    /// <summary>Applies a validated import: all rows in one transaction, or with <paramref name="validRowsOnly"/> the rows without errors.</summary>
    public async Task<(ApplyOutcome Outcome, string? Message)> ApplyAsync(Guid importId, bool validRowsOnly, CancellationToken cancellationToken = default)
    {
        var import = await db.Imports.AsNoTracking().FirstAsync(i => i.Id == importId, cancellationToken);
        var refusal = WhyNotApply(import, validRowsOnly);
        if (refusal is not null)
        {
            return (ApplyOutcome.Refused, refusal);
        }

        // Claim it, so that two clicks (or two clients) cannot apply the same file twice.
        if (user.UserId is not { } claimedBy)
        {
            return (ApplyOutcome.Refused, "An import is applied by a signed-in provider manager.");
        }

        var claimed = await db.Imports.Where(i => i.Id == importId && i.Status == ImportStatus.Validated && i.AppliedById == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AppliedById, claimedBy).SetProperty(i => i.RowsProcessed, 0), cancellationToken);
        if (claimed == 0)
        {
            return (ApplyOutcome.Refused, "This import is already being applied or has been applied.");
        }

        var lot = await db.Lots.AsNoTracking().FirstAsync(l => l.Id == import.LotId, cancellationToken);
        try
        {
            user.Reason = $"Imported from {import.FileName} (import {import.Id})";
            var pass = await RunAsync(import, lot, apply: true, validRowsOnly, cancellationToken);
            if (pass.Failure is not null || (pass.RowsInError > 0 && !validRowsOnly))
            {
                await SaveResultAsync(importId, pass, pass.Failure is null ? ImportStatus.Validated : ImportStatus.Failed, cancellationToken);
                return (ApplyOutcome.ErrorsFound, pass.Failure ?? $"{pass.RowsInError} rows have errors now that were valid at the preview: nothing was changed. Read the errors, correct the file and upload it again.");
            }

            return (ApplyOutcome.Applied, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Applying import {ImportId} failed; its transaction was rolled back", importId);
            db.ChangeTracker.Clear();
            await db.Imports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.AppliedById, (Guid?)null), CancellationToken.None);
            var failed = await db.Imports.FirstAsync(i => i.Id == importId, CancellationToken.None);
            failed.Status = ImportStatus.Failed;
            failed.FailureMessage = "Applying stopped because of an unexpected error, so nothing was changed: the whole import was rolled back. "
                + "Upload the file again; if it happens again, contact the platform's support team.";
            await db.SaveChangesAsync(CancellationToken.None);
            return (ApplyOutcome.Failed, failed.FailureMessage);
        }
        finally
        {
            progress.Finish(importId);
        }
    }

    /// <summary>Why the import cannot be applied now, or null when it can.</summary>
    public static string? WhyNotApply(DataImport import, bool validRowsOnly)
    {
        ArgumentNullException.ThrowIfNull(import);
        return import.Status switch
        {
            ImportStatus.Applied => "This import has already been applied.",
            ImportStatus.Validating => "This import is still being checked: wait until the preview is ready.",
            ImportStatus.Failed => "This import failed, so it cannot be applied: correct the file and upload it again.",
            _ when import.AppliedById is not null => "This import is already being applied.",
            _ when import.RowsInError > 0 && !validRowsOnly =>
                $"This import has {import.RowsInError} rows with errors: correct them and upload the file again, or apply only the valid rows.",
            _ when import.RowsInError > 0 && import.RowsInError == import.RowsTotal => "Every row has errors: there is nothing to apply.",
            _ => null,
        };
    }

    private async Task<ImportPass> RunAsync(DataImport import, Lot lot, bool apply, bool validRowsOnly, CancellationToken cancellationToken)
    {
        var template = ImportTemplates.Find(ImportTypeCodes.Code(import.Type))!;
        var path = store.PathOf(import);
        if (!File.Exists(path) || ImportFile.Detect(path) is not { } kind)
        {
            return ImportPass.Failed("The stored file is missing or is not a CSV or XLSX file.");
        }

        var phase = apply ? ImportPhase.Applying : ImportPhase.Validating;
        var elapsed = Stopwatch.StartNew();
        var reading = new Stopwatch();
        var checking = new Stopwatch();
        using var rows = ImportFile.Rows(path, kind).GetEnumerator();
        if (!rows.MoveNext() || rows.Current.IsBlank)
        {
            return ImportPass.Failed("The first row must name the columns, as the template's does.");
        }

        var header = HeaderMap.Match(rows.Current.Cells, template.Columns);
        var headerProblem = ImportFileChecks.HeaderProblem(header, template);
        if (headerProblem is not null)
        {
            return ImportPass.Failed(headerProblem);
        }

        var lotCodeColumn = ImportFileChecks.LotCodeColumn(rows.Current.Cells);
        var known = new Dictionary<string, KnownRecord>(StringComparer.Ordinal);
        var records = db.ExternalRecords.AsNoTracking().Where(r => r.LotId == lot.Id && r.Type == import.Type)
            .Select(r => new { r.ExternalId, r.Id, r.EntityId, r.ContentHash });
        await foreach (var r in records.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            known[r.ExternalId] = new KnownRecord(r.Id, r.EntityId, r.ContentHash);
        }

        var importer = (IRowImporter)ActivatorUtilities.CreateInstance(services,
            import.Type == ImportType.Participants ? typeof(ParticipantRowImporter) : typeof(RecordRowImporter));
        await importer.PrepareAsync(lot, import, cancellationToken);
        var prepared = elapsed.Elapsed;

        var errors = new List<CellError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = 0, created = 0, updated = 0, unchanged = 0, inError = 0;
        string? failure = null;
        await using var transaction = apply || importer.ChecksByWriting ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        while (Read(rows, reading))
        {
            var row = rows.Current;
            if (row.IsBlank)
            {
                continue;
            }

            if (++total > options.MaxRows)
            {
                failure = $"The file has more than {options.MaxRows:N0} rows, the most one import may hold: split it into smaller files. Nothing was changed.";
                break;
            }

            var reader = new CellReader(header, row.Cells, row.Number);
            var externalId = reader.Text(template["externalId"]);
            if (lotCodeColumn is { } lotColumn && row.Cells.Count > lotColumn && row.Cells[lotColumn]?.Trim() is { Length: > 0 } rowLot
                && !string.Equals(rowLot, lot.Code, StringComparison.OrdinalIgnoreCase))
            {
                reader.Fail("lotCode", rowLot, $"This row is for lot {rowLot}, but the file is being imported into lot {lot.Code}: a row is imported only into its own lot");
            }

            if (externalId is not null && !seen.TryAdd(externalId, row.Number))
            {
                reader.Fail("externalId", externalId, $"The externalId {externalId} is also on row {seen[externalId]}: each record may appear once in a file");
            }

            var hash = ImportHashing.Hash(template, header, row.Cells);
            var record = externalId is null ? null : known.GetValueOrDefault(externalId);
            if (record is not null && record.ContentHash == hash && !reader.HasErrors)
            {
                if (importer.StillInLot(record))
                {
                    unchanged++;
                }
                else
                {
                    reader.Fail("externalId", externalId, $"The record imported with this externalId is no longer in lot {lot.Code}, so this file cannot change it");
                    inError++;
                    errors.AddRange(reader.Errors);
                }
            }
            else
            {
                var context = new ImportRowContext(row, reader, header, externalId ?? "", hash, record);
                if (externalId is not null)
                {
                    checking.Start();
                    await importer.CheckAsync(context, apply && (validRowsOnly || inError == 0), cancellationToken);
                    checking.Stop();
                }

                if (reader.HasErrors)
                {
                    inError++;
                    errors.AddRange(reader.Errors);
                }
                else if (record is null)
                {
                    created++;
                }
                else
                {
                    updated++;
                }
            }

            if (total % ProgressEvery == 0)
            {
                await ReportAsync(import.Id, phase, total, cancellationToken);
                if (apply)
                {
                    foreach (var hook in hooks)
                    {
                        await hook.AfterRowsWrittenAsync(import.Id, total, cancellationToken);
                    }
                }
            }
        }

        if (total == 0 && failure is null)
        {
            failure = "The file has a header row but no data rows: there is nothing to import.";
        }

        var pass = new ImportPass(Math.Min(total, options.MaxRows), created, updated, unchanged, inError, errors, failure);
        if (transaction is null)
        {
            LogPass(import, phase, pass, elapsed.Elapsed, prepared, reading.Elapsed, checking.Elapsed, importer.Writing);
            return pass;
        }

        if (!apply || failure is not null || (inError > 0 && !validRowsOnly))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            LogPass(import, phase, pass, elapsed.Elapsed, prepared, reading.Elapsed, checking.Elapsed, importer.Writing);
            return pass;
        }

        await importer.FlushAsync(cancellationToken);
        foreach (var hook in hooks)
        {
            await hook.AfterRowsWrittenAsync(import.Id, total, cancellationToken);
        }

        db.ChangeTracker.Clear();
        var applied = await db.Imports.FirstAsync(i => i.Id == import.Id, cancellationToken);
        Record(applied, pass);
        applied.Status = ImportStatus.Applied;
        applied.AppliedById = user.UserId;
        applied.AppliedAt = clock.GetUtcNow();
        applied.AppliedValidRowsOnly = validRowsOnly && inError > 0;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogPass(import, phase, pass, elapsed.Elapsed, prepared, reading.Elapsed, checking.Elapsed, importer.Writing);
        if (errors.Count > 0 || applied.RowsInError == 0)
        {
            await ReplaceErrorsAsync(import.Id, errors, cancellationToken);
        }

        return pass;
    }

    private static bool Read(IEnumerator<ImportRow> rows, Stopwatch reading)
    {
        reading.Start();
        var more = rows.MoveNext();
        reading.Stop();
        return more;
    }

    // Where the time of a pass went, so that a slow import can be explained from the log alone.
    private void LogPass(DataImport import, ImportPhase phase, ImportPass pass, TimeSpan total, TimeSpan prepare, TimeSpan read, TimeSpan check, TimeSpan write)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        logger.LogInformation(
            "Import {ImportId} {Phase}: {Rows} rows ({New} new, {Updated} updated, {Unchanged} unchanged, {InError} in error) in {TotalMs:F0} ms: "
                + "loading what the checks need {PrepareMs:F0} ms, reading the file {ReadMs:F0} ms, checking {CheckMs:F0} ms (writing {WriteMs:F0} ms of it or after)",
            import.Id, phase, pass.RowsTotal, pass.RowsNew, pass.RowsUpdated, pass.RowsUnchanged, pass.RowsInError, total.TotalMilliseconds,
            prepare.TotalMilliseconds, read.TotalMilliseconds, check.TotalMilliseconds, write.TotalMilliseconds);
    }

    private async Task SaveResultAsync(Guid importId, ImportPass pass, ImportStatus status, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await ReplaceErrorsAsync(importId, pass.Errors, cancellationToken);
        var import = await db.Imports.FirstAsync(i => i.Id == importId, cancellationToken);
        Record(import, pass);
        import.Status = status;
        import.AppliedById = null;
        import.ValidatedAt = clock.GetUtcNow();
        import.FailureMessage = pass.Failure;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Record(DataImport import, ImportPass pass)
    {
        import.RowsTotal = pass.RowsTotal;
        import.RowsProcessed = pass.RowsTotal;
        import.RowsNew = pass.RowsNew;
        import.RowsUpdated = pass.RowsUpdated;
        import.RowsUnchanged = pass.RowsUnchanged;
        import.RowsInError = pass.RowsInError;
    }

    private async Task ReplaceErrorsAsync(Guid importId, IReadOnlyList<CellError> errors, CancellationToken cancellationToken)
    {
        await db.ImportRowErrors.Where(e => e.ImportId == importId).ExecuteDeleteAsync(cancellationToken);
        foreach (var batch in errors.Chunk(ErrorBatch))
        {
            db.ImportRowErrors.AddRange(batch.Select(e => new ImportRowError
            {
                ImportId = importId,
                Row = e.Row,
                Column = e.Column,
                Value = e.Value is { Length: > 1000 } tooLong ? tooLong[..1000] : e.Value,
                Message = e.Message,
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    // In memory for the page; in the database too where another connection may write while the pass runs
    // (PostgreSQL; SQLite has one writer, and an apply or a handler's dry run holds it).
    private async Task ReportAsync(Guid importId, ImportPhase phase, int rows, CancellationToken cancellationToken)
    {
        progress.Report(importId, phase, rows);
        if (db.Database.IsSqlite())
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        await other.Imports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.RowsProcessed, rows), cancellationToken);
    }
}
