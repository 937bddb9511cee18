using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Data.Performance;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Performance;

public sealed class PerformanceCountsTestsOnSqlite(SqliteApp fixture) : PerformanceCountsTests<SqliteApp>(fixture);

public sealed class PerformanceCountsTestsOnPostgres(PostgresApp fixture) : PerformanceCountsTests<PostgresApp>(fixture);

/// <summary>
/// The pre-aggregated counts behind the performance views: kept in step with every save (new
/// participants and milestones, moves between lots and cohorts, removals), equal to a rebuild
/// from the raw rows, and exact for periods that start and end mid-month. Expected figures are
/// counted from the raw rows in the test.
/// </summary>
public abstract class PerformanceCountsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    private async Task<Participant> AddAsync(string lot, Cohort cohort, DateOnly registeredOn, params (Milestone Milestone, DateOnly On)[] milestones)
    {
        var participant = await App.AddAsync(lot, p =>
        {
            p.Cohort = cohort;
            p.RegisteredOn = registeredOn;
        });
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        foreach (var (milestone, on) in milestones)
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = milestone, AchievedOn = on });
        }

        await db.SaveChangesAsync(Ct);
        return participant;
    }

    private sealed record Key(Guid LotId, Guid? ProviderId, Cohort Cohort, Milestone? Milestone, DateOnly RegisteredMonth, DateOnly? AchievedMonth);

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The counts as the table holds them (deltas summed), without zero keys.</summary>
    private static async Task<Dictionary<Key, int>> StoredAsync(CcDbContext db)
    {
        var rows = await db.PerformanceCounts.AsNoTracking().ToListAsync(Ct);
        return rows.GroupBy(r => new Key(r.LotId, r.ProviderId, r.Cohort, r.Milestone, r.RegisteredMonth, r.AchievedMonth))
            .Select(g => (g.Key, Count: g.Sum(r => r.Count)))
            .Where(x => x.Count != 0)
            .ToDictionary(x => x.Key, x => x.Count);
    }

    /// <summary>The counts made independently from the participants and milestones.</summary>
    private static async Task<Dictionary<Key, int>> FromRawRowsAsync(CcDbContext db)
    {
        var contracts = await db.Contracts.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ProviderId, Ct);
        var people = await db.Participants.AsNoTracking().Select(p => new { p.Id, p.LotId, p.ContractId, p.Cohort, p.RegisteredOn }).ToListAsync(Ct);
        var milestones = await db.ParticipantMilestones.AsNoTracking().ToListAsync(Ct);
        var byId = people.ToDictionary(p => p.Id);
        Guid? Provider(Guid? contract) => contract is { } id ? contracts[id] : null;
        var keys = people.Select(p => new Key(p.LotId, Provider(p.ContractId), p.Cohort, null, MonthOf(p.RegisteredOn), null))
            .Concat(milestones.Select(m =>
            {
                var p = byId[m.ParticipantId];
                return new Key(p.LotId, Provider(p.ContractId), p.Cohort, m.Milestone, MonthOf(p.RegisteredOn), MonthOf(m.AchievedOn));
            }));
        return keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
    }

    [Fact]
    public async Task Counts_follow_every_save_and_equal_a_rebuild_from_the_raw_rows()
    {
        var moving = await AddAsync("CN", Cohort.HardestToHelp, Day(2012, 2, 14), (Milestone.Engaged, Day(2012, 2, 20)), (Milestone.JobOutcome, Day(2012, 4, 2)));
        var removing = await AddAsync("CN", Cohort.HarderToReach, Day(2012, 2, 15), (Milestone.Engaged, Day(2012, 3, 1)));
        await AddAsync("BB", Cohort.Employed, Day(2012, 3, 31), (Milestone.Progression, Day(2012, 5, 31)));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();

            // A transfer to another lot and a corrected cohort and registration date move the participant's milestones with them.
            var participant = await db.Participants.SingleAsync(p => p.Id == moving.Id, Ct);
            participant.LotId = await db.Lots.Where(l => l.Code == "BB").Select(l => l.Id).SingleAsync(Ct);

            // Numbers are unique within a lot, so the participant takes the new lot's next one.
            participant.Number = (await db.Participants.Where(p => p.LotId == participant.LotId).MaxAsync(p => (int?)p.Number, Ct) ?? 0) + 1;
            participant.ContractId = await db.Contracts.Where(c => c.LotId == participant.LotId).OrderBy(c => c.StartDate).Select(c => (Guid?)c.Id).FirstAsync(Ct);
            participant.Cohort = Cohort.RapidProgression;
            participant.RegisteredOn = Day(2012, 1, 30);

            // In the same save: a milestone moved to another month, and one removed.
            var job = await db.ParticipantMilestones.SingleAsync(m => m.ParticipantId == moving.Id && m.Milestone == Milestone.JobOutcome, Ct);
            job.AchievedOn = Day(2012, 5, 9);
            var engaged = await db.ParticipantMilestones.SingleAsync(m => m.ParticipantId == removing.Id, Ct);
            db.ParticipantMilestones.Remove(engaged);
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            var expected = await FromRawRowsAsync(db);
            Assert.Equal(expected.OrderBy(e => e.Key.ToString()), (await StoredAsync(db)).OrderBy(e => e.Key.ToString()));

            var rebuild = await PerformanceCounts.RebuildAsync(db, Ct);
            Assert.Equal(expected.OrderBy(e => e.Key.ToString()), (await StoredAsync(db)).OrderBy(e => e.Key.ToString()));

            // The rebuild folds the +1/-1 rows into one row per key.
            Assert.Equal(expected.Count, rebuild.RowsAfter);
            Assert.True(rebuild.RowsBefore > rebuild.RowsAfter, $"{rebuild.RowsBefore} rows before, {rebuild.RowsAfter} after");
        }
    }

    [Fact]
    public async Task A_period_that_starts_and_ends_mid_month_counts_only_its_own_days()
    {
        // Bloxwich, 10 March to 20 May 2011: no other test uses those months.
        await AddAsync("BW", Cohort.HardestToHelp, Day(2011, 3, 9), (Milestone.Engaged, Day(2011, 3, 9)), (Milestone.JobOutcome, Day(2011, 5, 21)));
        await AddAsync("BW", Cohort.HardestToHelp, Day(2011, 3, 10), (Milestone.Engaged, Day(2011, 3, 10)), (Milestone.JobOutcome, Day(2011, 5, 20)));
        await AddAsync("BW", Cohort.RapidProgression, Day(2011, 5, 20), (Milestone.Engaged, Day(2011, 5, 20)), (Milestone.JobOutcome, Day(2011, 5, 21)));
        await AddAsync("BW", Cohort.HarderToReach, Day(2011, 5, 21), (Milestone.Engaged, Day(2011, 5, 21)));
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var body = await client.GetJsonAsync("/api/v1/performance?lotCode=BW&from=2011-03-10&to=2011-05-20");

        JsonElement Figure(string name) => body.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("milestone").GetString() == name);
        Assert.Equal(2, Figure("Engaged").GetProperty("actual").GetInt32());
        Assert.Equal(1, Figure("JobOutcome").GetProperty("actual").GetInt32());

        // Registered in the period: the 10 March and 20 May participants; only the first found work by 20 May.
        Assert.Equal(2, body.GetProperty("registered").GetInt32());
        var rate = body.GetProperty("jobOutcomeRate");
        Assert.Equal(0.5m, rate.GetProperty("overall").GetDecimal());
        Assert.Equal(1m, rate.GetProperty("byCohort").GetProperty("HardestToHelp").GetDecimal());
        Assert.Equal(0m, rate.GetProperty("byCohort").GetProperty("RapidProgression").GetDecimal());
        Assert.Equal(1m, body.GetProperty("engagementRate").GetDecimal());
    }
}
