using System.Security.Cryptography;
using System.Text;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.ProviderImports;

public enum RowOutcome
{
    New,
    Updated,
    Unchanged,
}

/// <summary>What an earlier import left for an <c>externalId</c>: the record it made and the row's hash then.</summary>
public sealed record KnownRecord(Guid RecordId, Guid EntityId, string ContentHash);

/// <summary>One data row being imported: its cells, its reader (which collects the row's errors) and what it would do.</summary>
public sealed class ImportRowContext(ImportRow row, CellReader reader, HeaderMap header, string externalId, string hash, KnownRecord? known)
{
    public int Number => row.Number;
    public IReadOnlyList<string?> Cells => row.Cells;
    public CellReader Reader => reader;
    public string ExternalId => externalId;
    public string Hash => hash;
    public KnownRecord? Known => known;
    public RowOutcome Outcome => known is null ? RowOutcome.New : RowOutcome.Updated;

    /// <summary>
    /// Adds the API's field errors to the row, with each field's cell value. A column whose cell could not be
    /// read already has its error, so the API's "enter a ..." for the same column is not repeated.
    /// </summary>
    public void Fail(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            if (!reader.Errors.Any(e => e.Column == field))
            {
                reader.Fail(field, header.Cell(row.Cells, field), message);
            }
        }
    }

    public void Fail(string column, string message) => reader.Fail(column, header.Cell(row.Cells, column), message);
}

/// <summary>One import type's rules and writes, as the import runs them row by row.</summary>
public interface IRowImporter
{
    /// <summary>
    /// True when rows are checked by recording them inside a transaction that is then rolled back, so that a
    /// check sees the rows before it (the API's handlers, called as they are). False when the importer
    /// checks without writing and writes in <see cref="FlushAsync"/>.
    /// </summary>
    bool ChecksByWriting { get; }

    Task PrepareAsync(Lot lot, DataImport import, CancellationToken cancellationToken);

    /// <summary>Checks a row (adding errors to its reader); when <paramref name="write"/> and it is valid, records it.</summary>
    Task CheckAsync(ImportRowContext row, bool write, CancellationToken cancellationToken);

    /// <summary>Whether a row sent unchanged still belongs to the lot (its record may have moved since).</summary>
    bool StillInLot(KnownRecord known);

    /// <summary>Writes what <see cref="CheckAsync"/> staged.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Time spent writing so far (part of the time in <see cref="CheckAsync"/> and <see cref="FlushAsync"/>), for the import's log line.</summary>
    TimeSpan Writing { get; }
}

/// <summary>Lets a test stop an apply part-way, to show that nothing is left half-written.</summary>
public interface IImportApplyHook
{
    Task AfterRowsWrittenAsync(Guid importId, int rowsWritten, CancellationToken cancellationToken);
}

public static class ImportHashing
{
    /// <summary>SHA-256 of the row's template cells, trimmed, in template order: the same row sent again has the same hash.</summary>
    public static string Hash(ImportTemplate template, HeaderMap header, IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(header);
        var text = new StringBuilder();
        foreach (var column in template.Columns)
        {
            text.Append(header.Cell(cells, column.Name)).Append('\u001F');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
