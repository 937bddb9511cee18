using ConnectingCommunities.Cli;
using ConnectingCommunities.Data.Auditing;
using ConnectingCommunities.Data.Demo;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConnectingCommunities.Data.Tests.Demo;

/// <summary>
/// <c>cc migrate</c> and <c>cc demo-data</c> through the real command line, on a SQLite file in a
/// temporary folder (and on PostgreSQL when CC_TEST_POSTGRES is set): the rows land, read back
/// through EF Core exactly as generated, and mistakes are answered on stderr with exit code 2.
/// </summary>
public sealed class DemoDataCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cc-demo-data-").FullName;

    private string Sqlite => $"Data Source={Path.Combine(folder, "cc.db")};Pooling=False";

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Migrate_then_demo_data_fills_a_SQLite_database_and_reports_the_rate()
    {
        var migrate = await RunAsync("migrate", "--connection", Sqlite);
        var load = await RunAsync("demo-data", "--participants", "300", "--connection", Sqlite, "--provider", "Sqlite");

        Assert.Equal(0, migrate.ExitCode);
        Assert.Matches(@"Applied [0-9]+ migrations to the SQLite database", migrate.Output);
        Assert.Contains("Created the Connecting Communities programme", migrate.Output, StringComparison.Ordinal);
        Assert.Equal(0, load.ExitCode);
        Assert.Equal("", load.Error);
        Assert.Contains("Created 300 demo participants", load.Output, StringComparison.Ordinal);
        Assert.Contains("participants a second", load.Output, StringComparison.Ordinal);
        Assert.Matches(@"interventions\s+[0-9,]+", load.Output);
        await AssertLoadedAsync(DatabaseProvider.Sqlite, Sqlite, 300);
    }

    [Fact]
    public async Task With_an_evidence_folder_each_evidence_row_has_its_file_with_the_recorded_hash()
    {
        var evidence = Path.Combine(folder, "evidence");
        await RunAsync("migrate", "--connection", Sqlite);
        var load = await RunAsync("demo-data", "--participants", "200", "--connection", Sqlite, "--evidence-folder", evidence);

        Assert.Equal(0, load.ExitCode);
        Assert.Contains("Evidence files written to", load.Output, StringComparison.Ordinal);
        await using var db = Open(DatabaseProvider.Sqlite, Sqlite);
        var files = await db.EvidenceFiles.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(files);
        Assert.Equal(files.Count, Directory.GetFiles(evidence).Length);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(evidence, file.StoredFileName), TestContext.Current.CancellationToken);
            Assert.Equal(file.SizeBytes, bytes.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public async Task Evidence_files_left_from_an_earlier_demo_database_are_replaced_not_a_reason_to_fail()
    {
        var evidence = Path.Combine(folder, "evidence");
        await RunAsync("migrate", "--connection", Sqlite);
        Assert.Equal(0, (await RunAsync("demo-data", "--participants", "60", "--connection", Sqlite, "--evidence-folder", evidence)).ExitCode);
        var second = $"Data Source={Path.Combine(folder, "second.db")};Pooling=False";
        await RunAsync("migrate", "--connection", second);

        var again = await RunAsync("demo-data", "--participants", "60", "--connection", second, "--evidence-folder", evidence);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal("", again.Error);
    }

    [Fact]
    public async Task A_load_that_fails_leaves_no_evidence_files_behind()
    {
        var evidence = Path.Combine(folder, "evidence");
        await RunAsync("migrate", "--connection", Sqlite);
        await using var db = Open(DatabaseProvider.Sqlite, Sqlite);
        // The claims come in the last batch, after every participant's evidence files are written: refusing them fails the load late.
        await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_claims BEFORE INSERT ON claims BEGIN SELECT RAISE(ABORT, 'refused'); END", TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<Exception>(() => DemoData.CreateAsync(db, new DemoDataRequest(100, EvidenceFolder: evidence), TestContext.Current.CancellationToken));

        Assert.Equal(0, await db.Participants.CountAsync(TestContext.Current.CancellationToken));
        Assert.Empty(Directory.Exists(evidence) ? Directory.GetFiles(evidence) : []);
    }

    [Fact]
    public async Task Migrate_twice_changes_nothing_the_second_time()
    {
        await RunAsync("migrate", "--connection", Sqlite);
        var again = await RunAsync("migrate", "--connection", Sqlite);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already up to date", again.Output, StringComparison.Ordinal);
        Assert.Contains("The programme already exists", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_has_participants_is_never_touched()
    {
        await RunAsync("migrate", "--connection", Sqlite);
        await RunAsync("demo-data", "--participants", "50", "--connection", Sqlite);

        var second = await RunAsync("demo-data", "--participants", "50", "--connection", Sqlite);

        Assert.Equal(CcApp.InputErrorExitCode, second.ExitCode);
        Assert.Contains("already has participants", second.Error, StringComparison.Ordinal);
        await using var db = Open(DatabaseProvider.Sqlite, Sqlite);
        Assert.Equal(50, await db.Participants.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("--participants is required", "demo-data")]
    [InlineData("--participants must be 1 or more", "demo-data", "--participants", "0")]
    [InlineData("--provider must be Sqlite or Postgres", "demo-data", "--participants", "5", "--provider", "Oracle")]
    [InlineData("--connection is required for PostgreSQL", "demo-data", "--participants", "5", "--provider", "Postgres")]
    [InlineData("Cannot parse argument 'many'", "demo-data", "--participants", "many")]
    [InlineData("Unrecognized command or argument '--colour'", "migrate", "--colour")]
    public async Task Mistakes_are_explained_on_stderr_with_exit_code_2(string message, params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(CcApp.InputErrorExitCode, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Demo_data_before_migrate_says_to_migrate_first()
    {
        var run = await RunAsync("demo-data", "--participants", "5", "--connection", Sqlite);

        Assert.Equal(CcApp.InputErrorExitCode, run.ExitCode);
        Assert.Contains("run 'cc migrate'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_reported_plainly()
    {
        var run = await RunAsync("demo-data", "--participants", "5", "--provider", "Postgres", "--connection", "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");

        Assert.Equal(CcApp.InputErrorExitCode, run.ExitCode);
        Assert.StartsWith("cc demo-data: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_then_demo_data_fills_a_PostgreSQL_database_with_binary_COPY()
    {
        var server = PostgresServer();
        var name = "cc_cli_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            var migrate = await RunAsync("migrate", "--provider", "Postgres", "--connection", connection);
            var load = await RunAsync("demo-data", "--participants", "1000", "--provider", "Postgres", "--connection", connection);

            Assert.Equal(0, migrate.ExitCode);
            Assert.Equal(0, load.ExitCode);
            Assert.Contains("Created 1,000 demo participants", load.Output, StringComparison.Ordinal);
            await AssertLoadedAsync(DatabaseProvider.Postgres, connection, 1000);
        }
        finally
        {
            await DropAsync(server, name);
        }
    }

    [Fact]
    public async Task Keys_and_indexes_set_aside_for_a_large_PostgreSQL_load_come_back_exactly_as_migrated()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = PostgresServer();
        var name = "cc_aside_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            Assert.Equal(0, (await RunAsync("migrate", "--provider", "Postgres", "--connection", connection)).ExitCode);
            var before = await SchemaAsync(connection);

            await using (var db = Open(DatabaseProvider.Postgres, connection))
            {
                var result = await DemoData.CreateAsync(db, new DemoDataRequest(600, SetAsideIndexes: true), ct);
                Assert.Equal(600, result.Participants);
            }

            var after = await SchemaAsync(connection);
            Assert.NotEmpty(before);
            Assert.Equal(before, after);
            Assert.Contains(before, d => d.Contains("pk_participants", StringComparison.Ordinal));
            Assert.Contains(before, d => d.Contains("text_pattern_ops", StringComparison.Ordinal));
            await AssertLoadedAsync(DatabaseProvider.Postgres, connection, 600, "system");
        }
        finally
        {
            await DropAsync(server, name);
        }
    }

    /// <summary>Every constraint and index definition in the database, sorted.</summary>
    private static async Task<List<string>> SchemaAsync(string connection)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL
            SELECT tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            """,
            db);
        var definitions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            definitions.Add(reader.GetString(0));
        }

        definitions.Sort(StringComparer.Ordinal);
        return definitions;
    }

    private static async Task DropAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>What is in the database is what the generator makes for the same programme, number and seed.</summary>
    private static async Task AssertLoadedAsync(DatabaseProvider provider, string connection, int participants, string actor = "cc demo-data")
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Open(provider, connection);
        var programme = await DemoProgramme.LoadAsync(db, ct);
        var audit = await db.AuditEvents.SingleAsync(a => a.EntityType == "DemoCaseload", ct);
        var today = DateOnly.FromDateTime(audit.OccurredAt.UtcDateTime);
        var expected = new DemoCaseloadGenerator(programme, participants, today: today).GenerateAll();

        Assert.Equal(participants, await db.Participants.CountAsync(ct));
        Assert.Equal(expected.Interventions.Count, await db.Interventions.CountAsync(ct));
        Assert.Equal(expected.Barriers.Count, await db.ParticipantBarriers.CountAsync(ct));
        Assert.Equal(expected.BarrierReviews.Count, await db.BarrierReviews.CountAsync(ct));
        Assert.Equal(expected.Goals.Count, await db.Goals.CountAsync(ct));
        Assert.Equal(expected.Actions.Count, await db.PlanActions.CountAsync(ct));
        Assert.Equal(expected.Transfers.Count, await db.ParticipantTransfers.CountAsync(ct));
        Assert.Equal(expected.Milestones.Count, await db.ParticipantMilestones.CountAsync(ct));
        // The programme read after the load knows the demo employers already, so the generator reuses them.
        Assert.Equal(expected.Employers.Count + programme.ExistingEmployers.Count, await db.Employers.CountAsync(ct));
        Assert.Empty(expected.Employers);
        Assert.Equal(expected.JobStarts.Count, await db.JobStarts.CountAsync(ct));
        Assert.Equal(expected.SustainmentChecks.Count, await db.SustainmentChecks.CountAsync(ct));
        Assert.Equal(expected.ProgressionRecords.Count, await db.ProgressionRecords.CountAsync(ct));
        Assert.Equal(expected.EvidenceFiles.Count, await db.EvidenceFiles.CountAsync(ct));
        Assert.Equal(expected.Claims.Count, await db.Claims.CountAsync(ct));
        Assert.Equal(expected.ClaimLines.Count, await db.ClaimLines.CountAsync(ct));
        Assert.Equal(expected.PaymentRuns.Count, await db.PaymentRuns.CountAsync(ct));
        Assert.Equal(expected.PaymentRunLines.Count, await db.PaymentRunLines.CountAsync(ct));
        Assert.NotEmpty(expected.JobStarts);
        Assert.NotEmpty(expected.ClaimLines);
        Assert.NotEmpty(expected.PaymentRunLines);
        Assert.Equal(actor, audit.UserName);

        // Outcome, claim and payment rows round-trip too (enums, money, nullable dates and instants).
        var job = expected.JobStarts.First(j => j.EndDate is not null);
        Assert.Equivalent(job, await db.JobStarts.AsNoTracking().SingleAsync(j => j.Id == job.Id, ct));
        var check = expected.SustainmentChecks.First(c => c.Result == SustainmentCheckResult.NotInWork);
        Assert.Equivalent(check, await db.SustainmentChecks.AsNoTracking().SingleAsync(c => c.Id == check.Id, ct));
        var progression = expected.ProgressionRecords.First(r => r.EarningsChange is not null);
        Assert.Equivalent(progression, await db.ProgressionRecords.AsNoTracking().SingleAsync(r => r.Id == progression.Id, ct));
        var file = expected.EvidenceFiles[0];
        Assert.Equivalent(file, await db.EvidenceFiles.AsNoTracking().SingleAsync(f => f.Id == file.Id, ct));
        var line = expected.ClaimLines.First(l => l.DecidedAt is not null);
        Assert.Equivalent(line, await db.ClaimLines.AsNoTracking().SingleAsync(l => l.Id == line.Id, ct));
        var claim = expected.Claims[0];
        Assert.Equivalent(claim, await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id, ct));
        var run = expected.PaymentRuns[0];
        Assert.Equivalent(run, await db.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id, ct));

        // Every kind of column (ids, dates, instants, money, enums, nullable values) round-trips.
        var employed = expected.Participants.First(p => p.HourlyWage is not null && p.Nino is not null);
        var stored = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == employed.Id, ct);
        Assert.Equivalent(employed, stored);
        var intervention = expected.Interventions.First(i => i.ParticipantId == employed.Id);
        Assert.Equivalent(intervention, await db.Interventions.AsNoTracking().SingleAsync(i => i.Id == intervention.Id, ct));
        var action = expected.Actions.First(a => a.NotDoneReason is not null);
        Assert.Equivalent(action, await db.PlanActions.AsNoTracking().SingleAsync(a => a.Id == action.Id, ct));
        var review = expected.BarrierReviews.First(r => r.Resolved);
        Assert.Equivalent(review, await db.BarrierReviews.AsNoTracking().SingleAsync(r => r.Id == review.Id, ct));
        Assert.Equal(employed.Reference, (await db.Participants.SingleAsync(p => p.Nino == employed.Nino, ct)).Reference);
    }

    private static CcDbContext Open(DatabaseProvider provider, string connection)
    {
        var services = new ServiceCollection();
        services.AddCcDatabase(new DatabaseOptions { Provider = provider, ConnectionString = connection });
        services.AddScoped<IAuditActor, SystemAuditActor>();
        var scope = services.BuildServiceProvider().CreateScope();
        return scope.ServiceProvider.GetRequiredService<CcDbContext>();
    }

    private static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable("CC_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            if (Environment.GetEnvironmentVariable("CC_REQUIRE_ALL") == "1")
            {
                throw new InvalidOperationException("CC_REQUIRE_ALL=1 but CC_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            }

            Assert.Skip("PostgreSQL is not available: set CC_TEST_POSTGRES to a server connection string (.ci/run does this)");
        }

        return server;
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exit = await CcApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private sealed record CliRun(int ExitCode, string Output, string Error);
}
