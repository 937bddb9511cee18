using System.Globalization;
using System.Security.Claims;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Authorization;

namespace ConnectingCommunities.Web.Features.Exports;

/// <summary>An export ready to write: the table, the format, the rows still to be read, and what was asked for.</summary>
public sealed record PreparedExport(IExportTable Table, string Format, IAsyncEnumerable<IReadOnlyList<object?>> Rows, ExportQuery Query)
{
    public string ContentType => Format == "csv" ? TableExport.CsvContentType : TableExport.XlsxContentType;

    public string FileName => $"{Table.Name}-{Query.Lot?.ToLowerInvariant() ?? "all"}.{Format}";
}

/// <summary>Why an export was refused before anything was written.</summary>
public enum ExportRefusal
{
    None,
    UnknownTable,
    Forbidden,
    Invalid,
}

/// <summary>
/// Prepares, writes and logs list exports for the pages, the API and <c>cc export</c>. Rows are written
/// as they are read from the database: CSV straight to the destination, XLSX through a temporary file when
/// the destination is a response body (not seekable), so memory stays flat whatever the list's length.
/// </summary>
public sealed class ExportService(IServiceProvider services, IAuthorizationService authorization, CurrentUser user, CcDbContext db, TimeProvider clock)
{
    public const string AuditAction = "exported";
    public const string AuditEntityType = "Export";

    /// <summary>
    /// Checks the table, the format, the caller's right to the table's page (the same policy) and the filters;
    /// returns the rows to write, or why not (field errors name the filter).
    /// </summary>
    public async Task<(PreparedExport? Export, ExportRefusal Refusal, FieldErrors? Errors)> PrepareAsync(
        string table, string? format, ExportQuery query, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (ExportCatalogue.Find(table) is not { } definition)
        {
            return (null, ExportRefusal.UnknownTable, null);
        }

        if (!(await authorization.AuthorizeAsync(caller, definition.Policy)).Succeeded)
        {
            return (null, ExportRefusal.Forbidden, null);
        }

        var errors = new FieldErrors();
        var formatText = format?.Trim().ToLowerInvariant();
        if (!TableExport.IsFormat(formatText))
        {
            errors.Add("format", "Choose a format: csv or xlsx");
        }

        var rows = await definition.RowsAsync(services, query, cancellationToken);
        if (!rows.Succeeded && rows.Errors is not { Any: true })
        {
            errors.Add("table", rows.Detail ?? "The list cannot be read with these filters");
        }
        else if (!rows.Succeeded)
        {
            foreach (var (field, message) in rows.Errors!)
            {
                errors.Add(field, message);
            }
        }

        return errors.Any
            ? (null, ExportRefusal.Invalid, errors)
            : (new PreparedExport(definition, formatText!, rows.Value!, query), ExportRefusal.None, null);
    }

    /// <summary>Writes the export to <paramref name="destination"/>, then logs who exported what with which filters and how many rows.</summary>
    public async Task<int> WriteAsync(PreparedExport export, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(destination);
        int rows;
        if (export.Format == "csv")
        {
            rows = await WriteCsvAsync(export, destination, cancellationToken);
        }
        else if (destination.CanSeek)
        {
            rows = await WriteXlsxAsync(export, destination, cancellationToken);
        }
        else
        {
            // The workbook is written synchronously (the zip and XML writers), which a response body refuses:
            // it goes to a temporary file, row by row, and the file is then copied to the response.
            await using var temporary = new FileStream(
                Path.Combine(Path.GetTempPath(), $"cc-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            rows = await WriteXlsxAsync(export, temporary, cancellationToken);
            temporary.Position = 0;
            await temporary.CopyToAsync(destination, cancellationToken);
        }

        await LogAsync(export, rows, cancellationToken);
        return rows;
    }

    private static async Task<int> WriteCsvAsync(PreparedExport export, Stream destination, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(destination, CsvSheetWriter.Encoding, 65536, leaveOpen: true);
        var csv = new CsvSheetWriter(text, export.Table.Columns);
        await csv.HeaderAsync(cancellationToken);
        await foreach (var row in export.Rows.WithCancellation(cancellationToken))
        {
            await csv.RowAsync(row, cancellationToken);
        }

        await text.FlushAsync(cancellationToken);
        return csv.Rows;
    }

    private static async Task<int> WriteXlsxAsync(PreparedExport export, Stream destination, CancellationToken cancellationToken)
    {
        var filters = export.Query.Describe();
        var description = filters.Length == 0 ? "All rows you may see" : $"Filtered by {filters}";
        using var xlsx = new XlsxSheetWriter(destination, export.Table.Title, description, export.Table.Columns);
        await foreach (var row in export.Rows.WithCancellation(cancellationToken))
        {
            xlsx.Row(row);
        }

        var rows = xlsx.Rows;
        xlsx.Dispose();
        return rows;
    }

    private async Task LogAsync(PreparedExport export, int rows, CancellationToken cancellationToken)
    {
        var filters = export.Query.Describe();
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.IsSignedIn ? user.UserName : ExportCommandUser.Name,
            Action = AuditAction,
            EntityType = AuditEntityType,
            EntityId = export.Table.Name,
            Summary = string.Create(
                CultureInfo.InvariantCulture,
                $"{export.Table.Title} as {export.Format.ToUpperInvariant()}: {rows} {(rows == 1 ? "row" : "rows")}; filters: {(filters.Length == 0 ? "none" : filters)}"),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Who a download by the command line is logged as.</summary>
public static class ExportCommandUser
{
    public const string Name = "cc export (operator)";
}
