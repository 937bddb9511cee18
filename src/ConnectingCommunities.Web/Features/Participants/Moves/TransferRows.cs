using System.Data.Common;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

/// <summary>
/// Writes many <see cref="ParticipantTransfer"/> rows inside the caller's open transaction without
/// the change tracker: binary COPY on PostgreSQL, one prepared INSERT reused on SQLite. A caseload
/// transfer of tens of thousands of participants takes a moment this way rather than minutes, and
/// the caller records one summary audit event instead of one per row.
/// </summary>
internal static class TransferRows
{
    private static readonly string[] Properties =
    [
        nameof(ParticipantTransfer.Id), nameof(ParticipantTransfer.ParticipantId), nameof(ParticipantTransfer.TransferredOn),
        nameof(ParticipantTransfer.FromContractId), nameof(ParticipantTransfer.ToContractId),
        nameof(ParticipantTransfer.FromAdvisorId), nameof(ParticipantTransfer.ToAdvisorId), nameof(ParticipantTransfer.Reason),
    ];

    public static async Task InsertAsync(CcDbContext db, IReadOnlyCollection<ParticipantTransfer> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Transfer rows are written inside the transfer's transaction.");
        if (rows.Count == 0)
        {
            return;
        }

        // Names come from the model, so the snake_case convention is applied in one place only.
        var entity = db.Model.FindEntityType(typeof(ParticipantTransfer))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = Properties.Select(p => entity.FindProperty(p)!).ToList();
        var columnList = string.Join(", ", columns.Select(c => Quote(c.GetColumnName(table)!)));

        if (transaction.Connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, $"{Quote(table.Name)} ({columnList})", rows, cancellationToken);
        }
        else
        {
            await InsertEachAsync(transaction, $"{Quote(table.Name)} ({columnList})", columns, rows, cancellationToken);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string target, IReadOnlyCollection<ParticipantTransfer> rows, CancellationToken cancellationToken)
    {
        // COPY runs on the connection, so it is part of the transaction already open on it.
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(row.ParticipantId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(row.TransferredOn, NpgsqlDbType.Date, cancellationToken);
            await WriteNullableAsync(importer, row.FromContractId, cancellationToken);
            await WriteNullableAsync(importer, row.ToContractId, cancellationToken);
            await WriteNullableAsync(importer, row.FromAdvisorId, cancellationToken);
            await WriteNullableAsync(importer, row.ToAdvisorId, cancellationToken);
            if (row.Reason is null)
            {
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(row.Reason, NpgsqlDbType.Text, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, Guid? value, CancellationToken cancellationToken)
    {
        if (value is { } id)
        {
            await importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken);
        }
    }

    private static async Task InsertEachAsync(
        DbTransaction transaction, string target, IReadOnlyList<IProperty> columns, IReadOnlyCollection<ParticipantTransfer> rows, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var names = columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
#pragma warning disable CA2100 // Table and column names come from the EF model; every value is a parameter.
        command.CommandText = $"INSERT INTO {target} VALUES ({string.Join(", ", names)})";
#pragma warning restore CA2100

        // EF's own type mappings configure the parameters, so values are stored exactly as EF stores
        // them (GUIDs as upper-case text and dates as yyyy-MM-dd on SQLite) and read back by queries.
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
        var parameters = columns.Select((c, i) => mappings[i].CreateParameter(command, names[i], null, nullable: true)).ToList();
        command.Parameters.AddRange(parameters.ToArray());
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            object?[] values = [row.Id, row.ParticipantId, row.TransferredOn, row.FromContractId, row.ToContractId, row.FromAdvisorId, row.ToAdvisorId, row.Reason];
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i] is { } v && mappings[i].Converter is { } converter ? converter.ConvertToProvider(v) : values[i];
                parameters[i].Value = value ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
