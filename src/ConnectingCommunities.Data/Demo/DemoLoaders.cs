using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using ConnectingCommunities.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ConnectingCommunities.Data.Demo;

/// <summary>Rows written per table by a load, and how long it took.</summary>
/// <param name="Elapsed">The whole load, from opening the transaction to committing it.</param>
/// <param name="Finishing">Of which the work after the last row: rebuilding keys and indexes set aside, statistics.</param>
public sealed record DemoLoadResult(int Participants, IReadOnlyDictionary<string, long> RowsByTable, TimeSpan Elapsed, TimeSpan Finishing)
{
    public long Rows => RowsByTable.Values.Sum();

    public double ParticipantsPerSecond => Participants / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Writes generated batches to the database in one transaction, table by table in the order
/// foreign keys need (participants first). Each batch's tables are written before the next
/// batch, so memory stays bounded however large the caseload, while the next batch is generated
/// on another thread.
/// </summary>
internal abstract class DemoLoader
{
    private readonly Dictionary<string, long> rows = new(StringComparer.Ordinal);

    protected DemoLoader(IModel model)
    {
        Participants = TableMap<Participant>.For(model);
        Transfers = TableMap<ParticipantTransfer>.For(model);
        Barriers = TableMap<ParticipantBarrier>.For(model);
        Reviews = TableMap<BarrierReview>.For(model);
        Goals = TableMap<Goal>.For(model);
        Actions = TableMap<PlanAction>.For(model);
        Interventions = TableMap<Intervention>.For(model);
        Milestones = TableMap<ParticipantMilestone>.For(model);
        Employers = TableMap<Employer>.For(model);
        JobStarts = TableMap<JobStart>.For(model);
        SustainmentChecks = TableMap<SustainmentCheck>.For(model);
        ProgressionRecords = TableMap<ProgressionRecord>.For(model);
        EvidenceFiles = TableMap<EvidenceFile>.For(model);
        Claims = TableMap<OutcomeClaim>.For(model);
        ClaimLines = TableMap<ClaimLine>.For(model);
        PaymentRuns = TableMap<PaymentRun>.For(model);
        PaymentRunLines = TableMap<PaymentRunLine>.For(model);
        Audit = TableMap<AuditEvent>.For(model);
        PostcodeLocations = TableMap<PostcodeLocation>.For(model);
        EmployerRelationships = TableMap<EmployerRelationship>.For(model);
        EmployerContacts = TableMap<EmployerContact>.For(model);
        EmployerActivities = TableMap<EmployerActivity>.For(model);
        Vacancies = TableMap<Vacancy>.For(model);
        JobGoals = TableMap<JobGoals>.For(model);
        Referrals = TableMap<Referral>.For(model);
        ReferralEvents = TableMap<ReferralEvent>.For(model);
        MatchReviews = TableMap<MatchReview>.For(model);
        IndicatorAssessments = TableMap<IndicatorAssessment>.For(model);
    }

    protected TableMap<Participant> Participants { get; }
    protected TableMap<ParticipantTransfer> Transfers { get; }
    protected TableMap<ParticipantBarrier> Barriers { get; }
    protected TableMap<BarrierReview> Reviews { get; }
    protected TableMap<Goal> Goals { get; }
    protected TableMap<PlanAction> Actions { get; }
    protected TableMap<Intervention> Interventions { get; }
    protected TableMap<ParticipantMilestone> Milestones { get; }
    protected TableMap<Employer> Employers { get; }
    protected TableMap<JobStart> JobStarts { get; }
    protected TableMap<SustainmentCheck> SustainmentChecks { get; }
    protected TableMap<ProgressionRecord> ProgressionRecords { get; }
    protected TableMap<EvidenceFile> EvidenceFiles { get; }
    protected TableMap<OutcomeClaim> Claims { get; }
    protected TableMap<ClaimLine> ClaimLines { get; }
    protected TableMap<PaymentRun> PaymentRuns { get; }
    protected TableMap<PaymentRunLine> PaymentRunLines { get; }
    protected TableMap<AuditEvent> Audit { get; }
    protected TableMap<PostcodeLocation> PostcodeLocations { get; }
    protected TableMap<EmployerRelationship> EmployerRelationships { get; }
    protected TableMap<EmployerContact> EmployerContacts { get; }
    protected TableMap<EmployerActivity> EmployerActivities { get; }
    protected TableMap<Vacancy> Vacancies { get; }
    protected TableMap<JobGoals> JobGoals { get; }
    protected TableMap<Referral> Referrals { get; }
    protected TableMap<ReferralEvent> ReferralEvents { get; }
    protected TableMap<MatchReview> MatchReviews { get; }
    protected TableMap<IndicatorAssessment> IndicatorAssessments { get; }

    /// <summary>The tables the demo caseload fills, parents first.</summary>
    public IReadOnlyList<string> TableNames =>
    [
        Employers.Table, PostcodeLocations.Table, EmployerRelationships.Table, EmployerContacts.Table, EmployerActivities.Table, Vacancies.Table,
        Participants.Table, Transfers.Table, Barriers.Table, Reviews.Table, Goals.Table, Actions.Table, Interventions.Table,
        Milestones.Table, JobStarts.Table, SustainmentChecks.Table, ProgressionRecords.Table, EvidenceFiles.Table,
        JobGoals.Table, Referrals.Table, ReferralEvents.Table, MatchReviews.Table, IndicatorAssessments.Table,
        Claims.Table, ClaimLines.Table, PaymentRuns.Table, PaymentRunLines.Table,
    ];

    /// <summary>
    /// The tables that grow with the caseload, whose keys and indexes a large PostgreSQL load sets
    /// aside. Employers, claims and payments stay indexed: they are small beside the caseload, and
    /// PostgreSQL reports their filtered unique indexes (one live line per milestone, one draft per
    /// lot and period) in a normalised form that would not come back exactly as migrated.
    /// </summary>
    public IReadOnlyList<string> CaseloadTableNames =>
    [
        Participants.Table, Transfers.Table, Barriers.Table, Reviews.Table, Goals.Table, Actions.Table, Interventions.Table,
        Milestones.Table, JobStarts.Table, SustainmentChecks.Table, ProgressionRecords.Table, EvidenceFiles.Table,
        JobGoals.Table, Referrals.Table, ReferralEvents.Table, MatchReviews.Table, IndicatorAssessments.Table,
    ];

    /// <param name="setAsideIndexes">PostgreSQL: whether to set indexes aside during the load; null decides by size.</param>
    public static DemoLoader For(CcDbContext db, bool? setAsideIndexes = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.IsSqlite ? new SqliteDemoLoader(db.Model) : new PostgresDemoLoader(db.Model, setAsideIndexes);
    }

    /// <summary>
    /// Loads the generator's caseload and one audit event recording it, all or nothing; with an
    /// evidence writer, each batch's evidence files are written to the evidence folder as its rows
    /// are, and removed again if the load fails. With brokerage, each batch gets its job brokerage and
    /// indicator records as it is generated.
    /// </summary>
    public async Task<DemoLoadResult> LoadAsync(
        CcDbContext db,
        DemoCaseloadGenerator generator,
        AuditEvent audit,
        int batchSize,
        CancellationToken cancellationToken,
        DemoEvidenceWriter? evidence = null,
        DemoBrokerage? brokerage = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(generator);
        var clock = Stopwatch.StartNew();
        var finishing = TimeSpan.Zero;
        await db.Database.OpenConnectionAsync(cancellationToken);
        var committed = false;
        var files = Task.CompletedTask;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            await BeforeLoadAsync(connection, dbTransaction, generator.Participants, cancellationToken);

            // Generate the next batch while this one is written: the two halves of the work overlap.
            var batches = Channel.CreateBounded<DemoCaseload>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var producer = Task.Run(
                async () =>
                {
                    try
                    {
                        var generated = generator.Generate(batchSize);
                        foreach (var batch in brokerage is null ? generated : brokerage.Extend(generated))
                        {
                            await batches.Writer.WriteAsync(batch, cancellationToken);
                        }

                        batches.Writer.Complete();
                    }
                    catch (Exception e)
                    {
                        batches.Writer.Complete(e);
                    }
                },
                cancellationToken);

            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                // Evidence files go to disk on another thread while the batch's rows go to the database.
                files = evidence is null || batch.EvidenceContent.Count == 0
                    ? Task.CompletedTask
                    : Task.Run(() => evidence.WriteAsync(batch.EvidenceContent, cancellationToken), cancellationToken);
                await WriteAsync(connection, dbTransaction, Employers, batch.Employers, cancellationToken);
                await WriteAsync(connection, dbTransaction, PostcodeLocations, batch.PostcodeLocations, cancellationToken);
                await WriteAsync(connection, dbTransaction, EmployerRelationships, batch.EmployerRelationships, cancellationToken);
                await WriteAsync(connection, dbTransaction, EmployerContacts, batch.EmployerContacts, cancellationToken);
                await WriteAsync(connection, dbTransaction, EmployerActivities, batch.EmployerActivities, cancellationToken);
                await WriteAsync(connection, dbTransaction, Vacancies, batch.Vacancies, cancellationToken);
                await WriteAsync(connection, dbTransaction, Participants, batch.Participants, cancellationToken);
                await WriteAsync(connection, dbTransaction, Transfers, batch.Transfers, cancellationToken);
                await WriteAsync(connection, dbTransaction, Barriers, batch.Barriers, cancellationToken);
                await WriteAsync(connection, dbTransaction, Reviews, batch.BarrierReviews, cancellationToken);
                await WriteAsync(connection, dbTransaction, Goals, batch.Goals, cancellationToken);
                await WriteAsync(connection, dbTransaction, Actions, batch.Actions, cancellationToken);
                await WriteAsync(connection, dbTransaction, Interventions, batch.Interventions, cancellationToken);
                await WriteAsync(connection, dbTransaction, Milestones, batch.Milestones, cancellationToken);
                await WriteAsync(connection, dbTransaction, JobStarts, batch.JobStarts, cancellationToken);
                await WriteAsync(connection, dbTransaction, SustainmentChecks, batch.SustainmentChecks, cancellationToken);
                await WriteAsync(connection, dbTransaction, ProgressionRecords, batch.ProgressionRecords, cancellationToken);
                await WriteAsync(connection, dbTransaction, EvidenceFiles, batch.EvidenceFiles, cancellationToken);
                await WriteAsync(connection, dbTransaction, JobGoals, batch.JobGoals, cancellationToken);
                await WriteAsync(connection, dbTransaction, Referrals, batch.Referrals, cancellationToken);
                await WriteAsync(connection, dbTransaction, ReferralEvents, batch.ReferralEvents, cancellationToken);
                await WriteAsync(connection, dbTransaction, MatchReviews, batch.MatchReviews, cancellationToken);
                await WriteAsync(connection, dbTransaction, IndicatorAssessments, batch.IndicatorAssessments, cancellationToken);
                await WriteAsync(connection, dbTransaction, Claims, batch.Claims, cancellationToken);
                await WriteAsync(connection, dbTransaction, ClaimLines, batch.ClaimLines, cancellationToken);
                await WriteAsync(connection, dbTransaction, PaymentRuns, batch.PaymentRuns, cancellationToken);
                await WriteAsync(connection, dbTransaction, PaymentRunLines, batch.PaymentRunLines, cancellationToken);
                await files;
            }

            await producer;
            await WriteAsync(connection, dbTransaction, Audit, [audit], cancellationToken);
            rows.Remove(Audit.Table);
            var finishingStarted = clock.Elapsed;
            await AfterLoadAsync(connection, dbTransaction, cancellationToken);
            finishing = clock.Elapsed - finishingStarted;
            await transaction.CommitAsync(cancellationToken);
            committed = true;
        }
        finally
        {
            if (!committed && evidence is not null)
            {
                // Let a batch's files finish before removing them, so none is left behind.
                await files.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                evidence.RemoveWritten();
            }

            await db.Database.CloseConnectionAsync();
        }

        return new DemoLoadResult(
            generator.Participants, TableNames.ToDictionary(t => t, t => rows.GetValueOrDefault(t), StringComparer.Ordinal), clock.Elapsed, finishing);
    }

    /// <summary>Work before the first row, in the transaction (e.g. setting aside indexes).</summary>
    protected virtual Task BeforeLoadAsync(DbConnection connection, DbTransaction transaction, int participants, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Work after the last row, in the transaction (e.g. restoring indexes).</summary>
    protected virtual Task AfterLoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected abstract Task WriteRowsAsync<T>(DbConnection connection, DbTransaction transaction, TableMap<T> table, IReadOnlyList<T> items, CancellationToken cancellationToken)
        where T : class;

    private async Task WriteAsync<T>(DbConnection connection, DbTransaction transaction, TableMap<T> table, IReadOnlyList<T> items, CancellationToken cancellationToken)
        where T : class
    {
        if (items.Count == 0)
        {
            return;
        }

        await WriteRowsAsync(connection, transaction, table, items, cancellationToken);
        rows[table.Table] = rows.GetValueOrDefault(table.Table) + items.Count;
    }
}

/// <summary>
/// PostgreSQL: binary COPY, the fastest way in. A large load into empty tables first sets aside
/// their foreign keys, primary keys and other indexes, and restores them afterwards from the
/// definitions the database itself reports (<c>pg_get_constraintdef</c>, <c>pg_get_indexdef</c>), so
/// they come back exactly as the migrations made them and validate the data as they do: building an
/// index once is far faster than updating it row by row (a 200,000-participant load took twice as
/// long with them in place), and one validating join far faster than a check per row. It all
/// happens in the load's transaction, so a failure leaves the schema as it was.
/// </summary>
internal sealed class PostgresDemoLoader(IModel model, bool? setAsideIndexes) : DemoLoader(model)
{
    /// <summary>From this many participants, setting keys and indexes aside pays for rebuilding them.</summary>
    public const int SetAsideFrom = 20_000;

    private readonly Dictionary<Type, Delegate> writers = [];
    private readonly List<string> restore = [];

    protected override async Task BeforeLoadAsync(DbConnection connection, DbTransaction transaction, int participants, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        if (!(setAsideIndexes ?? participants >= SetAsideFrom) || !await TablesAreEmptyAsync(npgsql, cancellationToken))
        {
            return;
        }

        // Index builds sort in memory when they can.
        await ExecuteAsync(npgsql, "SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);
        // Foreign keys on these tables or pointing at them go first (they depend on the keys), then
        // primary keys, then the other indexes; they come back in the opposite order.
        await using var read = new NpgsqlCommand(
            """
            SELECT c.contype::text, c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE (c.contype = 'f' AND (c.conrelid = ANY(@tables::regclass[]) OR c.confrelid = ANY(@tables::regclass[])))
               OR (c.contype = 'p' AND c.conrelid = ANY(@tables::regclass[]))
            UNION ALL
            SELECT 'i', i.indrelid::regclass::text, x.relname, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
            WHERE i.indrelid = ANY(@tables::regclass[])
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            """,
            npgsql);
        read.Parameters.AddWithValue("tables", CaseloadTableNames.ToArray());
        var set = new List<(string Kind, string Table, string Name, string Definition)>();
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                set.Add((reader.GetString(0), reader.GetString(1), SqlName.Quote(reader.GetString(2)), reader.GetString(3)));
            }
        }

        var order = new[] { "f", "p", "i" };
        foreach (var (kind, table, name, _) in set.OrderBy(s => Array.IndexOf(order, s.Kind)))
        {
            await ExecuteAsync(npgsql, kind == "i" ? $"DROP INDEX {name}" : $"ALTER TABLE {table} DROP CONSTRAINT {name}", cancellationToken);
        }

        restore.AddRange(set.OrderByDescending(s => Array.IndexOf(order, s.Kind))
            .Select(s => s.Kind == "i" ? s.Definition : $"ALTER TABLE {s.Table} ADD CONSTRAINT {s.Name} {s.Definition}"));
    }

    protected override async Task AfterLoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        foreach (var statement in restore)
        {
            await ExecuteAsync(npgsql, statement, cancellationToken);
        }

        // Fresh statistics for the caseload search, planned on the real number of participants at once;
        // autovacuum analyses the larger tables of records within a minute or so of the commit.
        await ExecuteAsync(npgsql, $"ANALYZE {Participants.QuotedTable}", cancellationToken);
    }

    protected override async Task WriteRowsAsync<T>(
        DbConnection connection, DbTransaction transaction, TableMap<T> table, IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        if (!writers.TryGetValue(typeof(T), out var compiled))
        {
            compiled = table.CompilePostgresWriter();
            writers[typeof(T)] = compiled;
        }

        var write = (Action<NpgsqlBinaryImporter, T>)compiled;
        var columns = string.Join(", ", table.Columns.Select(c => SqlName.Quote(c.Name)));
        var npgsql = (NpgsqlConnection)connection;
        await using var importer = await npgsql.BeginBinaryImportAsync($"COPY {table.QuotedTable} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var item in items)
        {
            // Synchronous writes fill Npgsql's buffer; only a full buffer goes to the network.
            importer.StartRow();
            write(importer, item);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task<bool> TablesAreEmptyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var sql = string.Join(" OR ", CaseloadTableNames.Select(t => $"EXISTS (SELECT 1 FROM {SqlName.Quote(t)})"));
        await using var command = new NpgsqlCommand($"SELECT {sql}", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is false;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Statements are built from the database's own catalogue and the EF Core model, never from input.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>SQLite: prepared INSERTs of a few rows each, reused for every batch, in one transaction.</summary>
internal sealed class SqliteDemoLoader(IModel model) : DemoLoader(model)
{
    /// <summary>
    /// Parameters per statement. Microsoft.Data.Sqlite binds each parameter by name, and SQLite finds
    /// a name by a linear search, so binding costs grow with the square of a statement's parameters:
    /// a participant's row or a handful of smaller rows per statement is fastest (measured: 100
    /// parameters took 2 s for the 4,000-participant caseload, 8,000 took 24 s).
    /// </summary>
    private const int MaxParameters = 100;

    private readonly Dictionary<Type, object> values = [];

    /// <summary>
    /// Statistics for the caseload search: without them SQLite takes "lot_id = ?" as the most selective
    /// condition and scans a whole lot for a name or postcode (27 ms instead of 4 ms at 200,000 participants).
    /// </summary>
    protected override async Task AfterLoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = ((SqliteConnection)connection).CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
#pragma warning disable CA2100 // The table name comes from the EF Core model.
        command.CommandText = $"ANALYZE {Participants.QuotedTable}";
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task WriteRowsAsync<T>(
        DbConnection connection, DbTransaction transaction, TableMap<T> table, IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        if (!values.TryGetValue(typeof(T), out var compiled))
        {
            compiled = table.CompileProviderValues();
            values[typeof(T)] = compiled;
        }

        var getters = (Func<T, object?>[])compiled;
        var perStatement = Math.Max(1, MaxParameters / table.Columns.Count);
        var sqlite = (SqliteConnection)connection;
        SqliteCommand? full = null;
        try
        {
            for (var start = 0; start < items.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, items.Count - start);
                SqliteCommand command;
                if (count == perStatement)
                {
                    full ??= Prepare(sqlite, (SqliteTransaction)transaction, table, perStatement);
                    command = full;
                }
                else
                {
                    command = Prepare(sqlite, (SqliteTransaction)transaction, table, count);
                }

                var parameters = command.Parameters;
                var p = 0;
                for (var i = start; i < start + count; i++)
                {
                    var item = items[i];
                    foreach (var getter in getters)
                    {
                        parameters[p++].Value = getter(item) ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private static SqliteCommand Prepare<T>(SqliteConnection connection, SqliteTransaction transaction, TableMap<T> table, int rows)
        where T : class
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {table.QuotedTable} (")
            .AppendJoin(", ", table.Columns.Select(c => SqlName.Quote(c.Name)))
            .Append(") VALUES ");
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var name = "@p" + n.ToString(CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? name : ", " + name);
                // The type mapping sets how SQLite stores the value (GUIDs as upper-case text, as EF Core does).
                command.Parameters.Add((SqliteParameter)table.Columns[c].Mapping.CreateParameter(command, name, null));
                n++;
            }

            sql.Append(')');
        }

#pragma warning disable CA2100 // Identifiers come from the EF Core model and values are parameters.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
        command.Prepare();
        return command;
    }
}
