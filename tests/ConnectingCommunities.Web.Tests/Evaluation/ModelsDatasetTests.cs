using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Evaluation;

/// <summary>The app started on an empty database with a demo caseload of 600 participants, for the evaluation tests.</summary>
public abstract class EvaluationDemoApp(DatabaseKind kind) : IAsyncLifetime
{
    public const int Participants = 600;

    private TestApp? app;

    public TestApp App
    {
        get
        {
            if (kind == DatabaseKind.Postgres)
            {
                TestEnvironment.RequirePostgres();
            }

            return app ?? throw new InvalidOperationException("The app did not start.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (kind == DatabaseKind.Postgres && TestEnvironment.PostgresServer is null)
        {
            if (TestEnvironment.RequireAll)
            {
                throw new InvalidOperationException("CC_REQUIRE_ALL=1 but CC_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            }

            return;
        }

        app = await TestApp.StartAsync(kind, settings: new Dictionary<string, string?> { ["Demo:Participants"] = Participants.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class EvaluationDemoSqliteApp() : EvaluationDemoApp(DatabaseKind.Sqlite);

public sealed class EvaluationDemoPostgresApp() : EvaluationDemoApp(DatabaseKind.Postgres);

public sealed class ModelsDatasetTestsOnSqlite(EvaluationDemoSqliteApp fixture) : ModelsDatasetTests<EvaluationDemoSqliteApp>(fixture);

public sealed class ModelsDatasetTestsOnPostgres(EvaluationDemoPostgresApp fixture) : ModelsDatasetTests<EvaluationDemoPostgresApp>(fixture);

/// <summary>The participant-level evaluation dataset against the raw rows it is projected from.</summary>
public abstract class ModelsDatasetTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EvaluationDemoApp
{
    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_participant_has_one_row_whose_outcomes_match_the_raw_rows()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var dataset = scope.ServiceProvider.GetRequiredService<EvaluationDataset>();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var rows = await dataset.RowsAsync(cancellationToken: Ct).ToListAsync(Ct);

        var participants = await db.Participants.AsNoTracking()
            .Select(p => new { p.Id, p.Cohort, p.AgeBand, Lot = p.Lot!.Code, p.ErasedAt }).ToListAsync(Ct);
        var milestones = await db.ParticipantMilestones.AsNoTracking().Select(m => new { m.ParticipantId, m.Milestone, m.AchievedOn }).ToListAsync(Ct);
        var completedMatching = (await db.PlanActions.AsNoTracking()
            .Where(a => a.Action == "identifyMatchingJobs" && a.Status == ActionStatus.Completed)
            .Select(a => a.ParticipantId).ToListAsync(Ct)).ToHashSet();
        var end = await dataset.FollowUpEndAsync(Ct);

        Assert.Equal(participants.Count(p => p.ErasedAt == null), rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.ParticipantId).Distinct().Count());
        Assert.True(rows.Count >= EvaluationDemoApp.Participants);
        var byId = participants.ToDictionary(p => p.Id);
        foreach (var row in rows)
        {
            var raw = byId[row.ParticipantId];
            var mine = milestones.Where(m => m.ParticipantId == row.ParticipantId).ToList();
            var job = mine.Where(m => m.Milestone == Milestone.JobOutcome).Select(m => (DateOnly?)m.AchievedOn).SingleOrDefault();
            Assert.Equal(raw.Cohort, row.Cohort);
            Assert.Equal(raw.AgeBand, row.AgeBand);
            Assert.Equal(raw.Lot, row.LotCode);
            Assert.Equal(job, row.JobOutcomeOn);
            Assert.Equal(job is not null, row.JobOutcome);
            Assert.Equal(mine.Any(m => m.Milestone == Milestone.Sustained13Weeks), row.Sustained13Weeks);
            Assert.Equal(mine.Any(m => m.Milestone == Milestone.Progression), row.Progressed);
            Assert.Equal(job is { } on && on.AddDays(91) <= end, row.FollowUp13WeeksElapsed);
            Assert.Equal(raw.Cohort == Cohort.Employed || job is not null, row.InWork);
            Assert.Equal(completedMatching.Contains(row.ParticipantId), row.IdentifyMatchingJobsCompleted);
        }

        // The demo caseload has every outcome, so the comparisons above were not vacuous.
        Assert.Contains(rows, r => r.JobOutcome);
        Assert.Contains(rows, r => r.Sustained13Weeks);
        Assert.Contains(rows, r => r.Progressed);
        Assert.Contains(rows, r => r.IdentifyMatchingJobsCompleted);
        Assert.Contains(rows, r => !r.IdentifyMatchingJobsCompleted);
    }

    [Fact]
    public void A_row_has_no_field_that_identifies_a_person()
    {
        var names = typeof(EvaluationRow).GetProperties().Select(p => p.Name.ToUpperInvariant()).ToList();
        foreach (var identifying in new[] { "NAME", "NINO", "POSTCODE", "ADDRESS", "BIRTH", "EMAIL", "PHONE", "REFERENCE", "NOTES" })
        {
            Assert.DoesNotContain(names, n => n.Contains(identifying, StringComparison.Ordinal));
        }
    }
}
