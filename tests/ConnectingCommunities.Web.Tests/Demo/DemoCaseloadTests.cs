using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Demo;

/// <summary>The app started on an empty database with a demo caseload of 400 participants.</summary>
public abstract class DemoCaseloadApp(DatabaseKind kind) : IAsyncLifetime
{
    public const int Participants = 400;

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

public sealed class DemoCaseloadSqliteApp() : DemoCaseloadApp(DatabaseKind.Sqlite);

public sealed class DemoCaseloadPostgresApp() : DemoCaseloadApp(DatabaseKind.Postgres);

public sealed class DemoCaseloadTestsOnSqlite(DemoCaseloadSqliteApp fixture) : DemoCaseloadTests<DemoCaseloadSqliteApp>(fixture);

public sealed class DemoCaseloadTestsOnPostgres(DemoCaseloadPostgresApp fixture) : DemoCaseloadTests<DemoCaseloadPostgresApp>(fixture);

/// <summary>
/// The demo caseload created at start-up: loaded through the bulk loader of each database, it must
/// read back through EF Core and the API exactly as records the service writes itself.
/// </summary>
public abstract class DemoCaseloadTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DemoCaseloadApp
{
    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_up_creates_the_caseload_shared_between_lots_in_proportion_to_lot_value()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var lots = await db.Lots.OrderBy(l => l.Code).ToListAsync(Ct);
        var counts = await db.Participants.GroupBy(p => p.LotId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);

        Assert.Equal(DemoCaseloadApp.Participants, counts.Values.Sum());
        var total = lots.Sum(l => l.Value);
        foreach (var lot in lots)
        {
            var share = DemoCaseloadApp.Participants * lot.Value / total;
            // Largest remainder: each lot gets its share rounded down or up.
            Assert.InRange(counts.GetValueOrDefault(lot.Id), (int)Math.Floor(share), (int)Math.Ceiling(share));
        }
    }

    [Fact]
    public async Task Each_lots_caseload_is_assigned_to_that_lots_demo_advisor()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        foreach (var code in DemoUsers.LotCodes)
        {
            var lot = await db.Lots.SingleAsync(l => l.Code == code, Ct);
            var advisor = await db.Users.SingleAsync(u => u.Email == DemoUsers.Advisor(code), Ct);
            var latest = await db.Contracts.Where(c => c.LotId == lot.Id).OrderByDescending(c => c.StartDate).FirstAsync(Ct);
            var current = await db.Participants.Where(p => p.LotId == lot.Id && p.ContractId == latest.Id).ToListAsync(Ct);

            Assert.NotEmpty(current);
            Assert.All(current, p => Assert.Equal(advisor.Id, p.AdvisorId));
            Assert.Equal(current.Count, await db.Participants.CountAsync(p => p.AdvisorId == advisor.Id, Ct));
        }
    }

    [Fact]
    public async Task Every_record_reads_back_through_EF_Core()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var engaged = await db.Participants.Where(p => p.EngagedOn != null).OrderBy(p => p.Reference).FirstAsync(Ct);
        var interventions = await db.Interventions.Where(i => i.ParticipantId == engaged.Id).OrderBy(i => i.Date).ToListAsync(Ct);
        var milestone = await db.ParticipantMilestones.SingleAsync(m => m.ParticipantId == engaged.Id && m.Milestone == Milestone.Engaged, Ct);
        var barriers = await db.ParticipantBarriers.Where(b => b.ParticipantId == engaged.Id).ToListAsync(Ct);
        var reviews = await db.BarrierReviews.Where(r => r.ParticipantId == engaged.Id).ToListAsync(Ct);
        var actions = await db.PlanActions.Where(a => a.ParticipantId == engaged.Id).ToListAsync(Ct);

        Assert.Matches("^[A-Z]{2}-[0-9]{6}$", engaged.Reference);
        Assert.Equal(Milestone.Engaged, milestone.Milestone);
        Assert.Equal(engaged.EngagedOn, milestone.AchievedOn);
        Assert.Equal(engaged.EngagedOn, interventions.Where(i => i.IsMeaningful).ElementAt(2).Date);
        Assert.Equal(engaged.MeaningfulInterventions, interventions.Count(i => i.IsMeaningful));
        Assert.Equal(engaged.LastContactOn, interventions[^1].Date);
        Assert.NotEmpty(barriers);
        Assert.All(barriers, b => Assert.Contains(reviews, r => r.ParticipantBarrierId == b.Id));
        Assert.NotEmpty(actions);
        Assert.All(interventions, i => Assert.Equal(TimeSpan.Zero, i.RecordedAt.Offset));
        Assert.InRange(engaged.CreatedAt, new DateTimeOffset(2018, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(
            await db.Participants.CountAsync(p => p.EngagedOn != null, Ct),
            await db.ParticipantMilestones.CountAsync(m => m.Milestone == Milestone.Engaged, Ct));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.EntityType == "DemoCaseload", Ct));
    }

    [Fact]
    public async Task An_advisor_finds_their_lots_demo_participants_through_the_API_and_no_others()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var lot = await db.Lots.SingleAsync(l => l.Code == "WH", Ct);
        var inLot = await db.Participants.CountAsync(p => p.LotId == lot.Id, Ct);
        var someone = await db.Participants.Where(p => p.LotId == lot.Id && p.Nino != null).OrderBy(p => p.Number).FirstAsync(Ct);
        var elsewhere = await db.Participants.Where(p => p.LotId != lot.Id).OrderBy(p => p.Reference).FirstAsync(Ct);

        var all = await client.GetJsonAsync("/api/v1/participants?pageSize=500");
        var byNino = await client.GetJsonAsync($"/api/v1/participants?search={someone.Nino}");
        var byReference = await client.GetJsonAsync($"/api/v1/participants?search={elsewhere.Reference}");

        Assert.Equal(inLot, all.GetProperty("total").GetInt32());
        Assert.All(all.GetProperty("items").EnumerateArray(), item => Assert.Equal("WH", item.GetProperty("lotCode").GetString()));
        Assert.Equal(someone.Reference, Assert.Single(byNino.GetProperty("items").EnumerateArray()).GetProperty("reference").GetString());
        Assert.Equal(0, byReference.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Starting_again_never_adds_to_a_database_that_has_participants()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var before = await db.Participants.CountAsync(Ct);
        var initialiser = scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>();

        await initialiser.InitialiseAsync(demoEnabled: true, TestEnvironment.DemoPassword, demoParticipants: 50, Ct);

        Assert.Equal(before, await db.Participants.CountAsync(Ct));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.EntityType == "DemoCaseload", Ct));
    }
}
