using System.Data.Common;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Auditing;
using ConnectingCommunities.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>
/// Inserts new records of an import in bulk, inside the import's own transaction, without the change tracker:
/// PostgreSQL's binary COPY, or on SQLite one prepared INSERT run row after row. Columns and value conversions come
/// from the EF Core model, so a row is stored exactly as <c>SaveChanges</c> would store it. What the interceptors
/// would add on <c>SaveChanges</c> is written here instead: a "created" <see cref="AuditEvent"/> for every record,
/// with the values the <see cref="AuditingInterceptor"/> would record, and the caller adds the performance count deltas.
/// </summary>
public sealed class ImportBulkWriter(CcDbContext db, IAuditActor actor, TimeProvider clock)
{
    // As the auditing interceptor writes them: enums as their names.
    private static readonly JsonSerializerOptions ChangesJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private readonly Dictionary<Type, Table> tables = [];

    /// <summary>Inserts the records and, for each, the audit event the auditing interceptor would have written.</summary>
    public async Task InsertAuditedAsync<T>(IReadOnlyList<T> records, Func<T, Guid?> lotOf, Func<T, Guid?> participantOf, CancellationToken cancellationToken)
        where T : Entity
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(lotOf);
        ArgumentNullException.ThrowIfNull(participantOf);
        if (records.Count == 0)
        {
            return;
        }

        await InsertAsync(records, cancellationToken);
        var table = TableOf(typeof(T));
        var now = clock.GetUtcNow();
        var events = new List<AuditEvent>(records.Count);
        foreach (var record in records)
        {
            events.Add(new AuditEvent
            {
                OccurredAt = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                Action = "created",
                EntityType = typeof(T).Name,
                EntityId = record.Id.ToString(),
                LotId = lotOf(record),
                ParticipantId = participantOf(record),
                Changes = table.AuditChanges(record),
                Reason = actor.Reason,
            });
        }

        await InsertAsync(events, cancellationToken);
    }

    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var table = TableOf(typeof(T));
        var connection = db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            throw new InvalidOperationException("Bulk inserts of an import run inside its transaction, so that they roll back with it.");
        }

        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, table, rows, cancellationToken);
        }
        else
        {
            await InsertRowsAsync(connection, transaction.GetDbTransaction(), table, rows, cancellationToken);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, Table table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                var value = column.ProviderValue(row!);
                if (value is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                    continue;
                }

                await (value switch
                {
                    Guid g => writer.WriteAsync(g, NpgsqlDbType.Uuid, cancellationToken),
                    string s => writer.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
                    int i => writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
                    long l => writer.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
                    bool b => writer.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
                    decimal m => writer.WriteAsync(m, NpgsqlDbType.Numeric, cancellationToken),
                    double d => writer.WriteAsync(d, NpgsqlDbType.Double, cancellationToken),
                    DateOnly day => writer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken),
                    DateTimeOffset at => writer.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
                    _ => throw new NotSupportedException($"{table.Name}.{column.Name}: no COPY mapping for {value.GetType().Name}"),
                });
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertRowsAsync<T>(DbConnection connection, DbTransaction transaction, Table table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var parameters = new List<DbParameter>(table.Columns.Count);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var parameter = table.Columns[i].Mapping.CreateParameter(command, $"$p{i}", null, nullable: true);
            command.Parameters.Add(parameter);
            parameters.Add(parameter);
        }

        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))})";
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                parameters[i].Value = table.Columns[i].ProviderValue(row!) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private Table TableOf(Type type)
    {
        if (!tables.TryGetValue(type, out var table))
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var name = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var columns = entity.GetProperties()
                .Select(p => new Column(p, p.GetColumnName(store)!, (RelationalTypeMapping)p.GetTypeMapping()))
                .ToList();
            tables[type] = table = new Table(name, columns, [.. entity.GetProperties().Where(p => p.Name != nameof(VersionedEntity.Version))]);
        }

        return table;
    }

    private sealed record Table(string Name, IReadOnlyList<Column> Columns, IReadOnlyList<IProperty> Audited)
    {
        /// <summary>What the auditing interceptor writes for a created record: every property but the version, by name.</summary>
        public string AuditChanges(object entity)
        {
            var changes = new Dictionary<string, object?>(Audited.Count);
            foreach (var property in Audited)
            {
                changes[property.Name] = property.GetGetter().GetClrValue(entity);
            }

            return JsonSerializer.Serialize(changes, ChangesJson);
        }
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object entity)
        {
            var value = Property.GetGetter().GetClrValue(entity);
            return value is null || Mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value);
        }
    }
}
