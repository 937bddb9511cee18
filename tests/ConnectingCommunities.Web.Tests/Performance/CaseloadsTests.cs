using System.Globalization;
using System.Net;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Performance.Caseloads;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Performance;

public sealed class CaseloadsTestsOnSqlite(SqliteApp fixture) : CaseloadsTests<SqliteApp>(fixture);

public sealed class CaseloadsTestsOnPostgres(PostgresApp fixture) : CaseloadsTests<PostgresApp>(fixture);

/// <summary>Caseloads by advisor: access, lot scoping and figures against counts from the raw rows.</summary>
public abstract class CaseloadsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_commissioners_and_provider_managers_see_caseloads(string email)
    {
        using var client = await App.SignInAsync(email);
        var allowed = email == DemoUsers.Commissioner || email.StartsWith("manager.", StringComparison.Ordinal);
        foreach (var url in new[] { "/performance/caseloads", "/performance/caseloads?table=bands&format=csv" })
        {
            var response = await client.GetAsync(url);
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == response.StatusCode, $"{email} {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_provider_manager_gets_not_found_for_another_lot()
    {
        using var manager = await App.SignInAsync(DemoUsers.Manager("WH"));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/performance/caseloads?lotCode=WH")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/performance/caseloads?lotCode=SE")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/performance/caseloads?lotCode=SE&table=advisors&format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task Caseloads_at_quarter_ends_and_outcomes_match_the_raw_rows()
    {
        // Lot SE in 2017, before the programme: registrations, leavers and outcomes of this test only.
        var specs = new (DateOnly Registered, DateOnly? Left, Cohort Cohort, bool Engaged, bool Job)[]
        {
            (new(2017, 1, 10), null, Cohort.HardestToHelp, true, true),
            (new(2017, 2, 1), new(2017, 3, 31), Cohort.RapidProgression, true, false),
            (new(2017, 3, 31), null, Cohort.Employed, false, false),
            (new(2017, 4, 2), new(2017, 6, 30), Cohort.HarderToReach, true, true),
            (new(2017, 5, 5), new(2017, 7, 1), Cohort.HardestToHelp, false, false),
        };
        foreach (var spec in specs)
        {
            var p = await App.AddAsync("SE", x =>
            {
                x.RegisteredOn = spec.Registered;
                x.LeftOn = spec.Left;
                x.Cohort = spec.Cohort;
            });
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            if (spec.Engaged)
            {
                db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = p.Id, Milestone = Milestone.Engaged, AchievedOn = spec.Registered.AddDays(10) });
            }

            if (spec.Job)
            {
                db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = p.Id, Milestone = Milestone.JobOutcome, AchievedOn = spec.Registered.AddDays(20) });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var raw = await RawAsync(db => db.Participants.Where(p => p.Lot!.Code == "SE" && p.RegisteredOn <= new DateOnly(2017, 9, 30))
            .Select(p => new { p.Id, p.RegisteredOn, p.LeftOn, p.Cohort, p.AdvisorId }).ToListAsync(TestContext.Current.CancellationToken));
        var milestones = await RawAsync(db => db.ParticipantMilestones.Where(m => db.Participants.Any(p => p.Id == m.ParticipantId && p.Lot!.Code == "SE"))
            .Select(m => new { m.ParticipantId, m.Milestone }).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, raw.Count);
        Assert.All(raw, r => Assert.NotNull(r.AdvisorId));

        using var manager = await App.SignInAsync(DemoUsers.Manager("SE"));
        var chart = await PerformanceCsv.CsvAsync(manager, "/performance/caseloads?from=2017-01-01&to=2017-09-30&table=caseloads&format=csv");
        Assert.Equal(4, chart.Count);
        foreach (var (row, end) in new[] { (chart[1], new DateOnly(2017, 3, 31)), (chart[2], new DateOnly(2017, 6, 30)), (chart[3], new DateOnly(2017, 9, 30)) })
        {
            var active = raw.Count(r => r.RegisteredOn <= end && (r.LeftOn is null || r.LeftOn > end));
            Assert.Equal(active.ToString(CultureInfo.InvariantCulture), row[1]);
        }

        var advisors = await PerformanceCsv.CsvAsync(manager, "/performance/caseloads?from=2017-01-01&to=2017-09-30&table=advisors&format=csv");
        var line = Assert.Single(advisors.Skip(1));
        var outOfWork = raw.Where(r => r.Cohort != Cohort.Employed).Select(r => r.Id).ToHashSet();
        Assert.Equal(raw.Count.ToString(CultureInfo.InvariantCulture), line[4]);
        Assert.Equal(milestones.Count(m => m.Milestone == Milestone.Engaged).ToString(CultureInfo.InvariantCulture), line[5]);
        Assert.Equal(outOfWork.Count.ToString(CultureInfo.InvariantCulture), line[7]);
        Assert.Equal(milestones.Count(m => m.Milestone == Milestone.JobOutcome && outOfWork.Contains(m.ParticipantId)).ToString(CultureInfo.InvariantCulture), line[8]);

        var page = await manager.GetPageAsync("/performance/caseloads?from=2017-01-01&to=2017-09-30");
        Assert.Equal("img", page.QuerySelector("svg")!.GetAttribute("role"));
        Assert.Contains("2 of 4", page.QuerySelector("#advisors tbody")!.TextContent, StringComparison.Ordinal);
        // Average of 3, 2 and 1 at the three quarter ends is 2: the band "1 to 49".
        var band = page.QuerySelectorAll("#bands tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "1 to 49");
        Assert.Equal("1", band.QuerySelectorAll("td")[0].TextContent);
    }

    [Theory]
    [InlineData(0, "None")]
    [InlineData(1, "1 to 49")]
    [InlineData(49.9, "1 to 49")]
    [InlineData(50, "50 to 99")]
    [InlineData(199, "100 to 199")]
    [InlineData(200, "200 to 399")]
    [InlineData(400, "400 or more")]
    public void Caseload_bands_start_at_their_lower_bound(double average, string band) =>
        Assert.Equal(band, CaseloadQueries.BandOf(average));

    [Fact]
    public void Quarter_ends_are_those_within_the_period_or_its_last_day()
    {
        Assert.Equal([new DateOnly(2017, 3, 31), new DateOnly(2017, 6, 30)], CaseloadQueries.QuarterEnds(new DateOnly(2017, 1, 1), new DateOnly(2017, 8, 15)));
        Assert.Equal([new DateOnly(2017, 2, 10)], CaseloadQueries.QuarterEnds(new DateOnly(2017, 1, 5), new DateOnly(2017, 2, 10)));
    }

    private async Task<T> RawAsync<T>(Func<CcDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CcDbContext>());
    }
}
