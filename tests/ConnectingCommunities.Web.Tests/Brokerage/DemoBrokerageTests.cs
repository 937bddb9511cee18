using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Brokerage;

public sealed class DemoBrokerageTestsOnSqlite(DemoCaseloadSqliteApp fixture) : DemoBrokerageTests<DemoCaseloadSqliteApp>(fixture);

public sealed class DemoBrokerageTestsOnPostgres(DemoCaseloadPostgresApp fixture) : DemoBrokerageTests<DemoCaseloadPostgresApp>(fixture);

/// <summary>The demo caseload's brokerage as the app serves it: a demo participant's matches rank the demo's open vacancies.</summary>
public abstract class DemoBrokerageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DemoCaseloadApp
{
    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_demo_participants_vacancy_matches_rank_the_demos_open_vacancies_with_reasons()
    {
        Guid participant;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            participant = await db.Participants.Where(p => p.Lot!.Code == "WH" && db.JobGoals.Any(g => g.ParticipantId == p.Id))
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        }

        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var body = await client.GetJsonAsync($"/api/v1/participants/{participant}/vacancy-matches?pageSize=50");

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.GetProperty("score").GetInt32() >= p.Second.GetProperty("score").GetInt32()));
        Assert.All(items, i => Assert.NotEmpty(i.GetProperty("reasons").EnumerateArray()));
        // Demo postcodes have coordinates, so distances are known rather than "Distance unknown".
        var reasons = items.SelectMany(i => i.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)).ToList();
        Assert.Contains(reasons, r => r.Contains("miles away (straight line)", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.StartsWith("Distance unknown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_has_employers_vacancies_referrals_and_indicators()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();

        Assert.True(await db.Employers.CountAsync(Ct) >= 250);
        Assert.True(await db.Vacancies.CountAsync(v => v.Status == VacancyStatus.Open, Ct) > 0);
        Assert.True(await db.Referrals.CountAsync(r => r.Status == ReferralStatus.Started, Ct) > 0);
        Assert.True(await db.IndicatorAssessments.AnyAsync(Ct));
        Assert.False(await db.Referrals.AnyAsync(r => r.JobStartId != null && !db.JobStarts.Any(j => j.Id == r.JobStartId && j.ParticipantId == r.ParticipantId), Ct));
    }
}
