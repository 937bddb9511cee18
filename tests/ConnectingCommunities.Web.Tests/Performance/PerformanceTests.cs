using System.Net;
using System.Text;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using ConnectingCommunities.Web.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Performance;

public sealed class PerformanceTestsOnSqlite(SqliteApp fixture) : PerformanceTests<SqliteApp>(fixture);

public sealed class PerformanceTestsOnPostgres(PostgresApp fixture) : PerformanceTests<PostgresApp>(fixture);

/// <summary>
/// The performance views, exports and API. Tests share one database, so each adds participants
/// registered and achieving milestones in a month of its own and asks for that month only: the
/// expected figures are counted from those rows (or from the raw rows of the period) in the test,
/// never by the code under test.
/// </summary>
public abstract class PerformanceTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    private async Task AddAsync(string lot, Cohort cohort, DateOnly registeredOn, params (Milestone Milestone, DateOnly On)[] milestones)
    {
        var participant = await App.AddAsync(lot, p =>
        {
            p.Cohort = cohort;
            p.RegisteredOn = registeredOn;
            if (cohort == Cohort.Employed)
            {
                p.EmploymentStatus = Domain.People.EmploymentStatus.Employed;
            }
        });
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        foreach (var (milestone, on) in milestones)
        {
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = milestone, AchievedOn = on });
        }

        await db.SaveChangesAsync(Ct);
    }

    private async Task<int> TargetCountAsync(string lot, Milestone milestone, DateOnly quarterStart)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.Targets.Where(t => t.Lot!.Code == lot && t.Milestone == milestone && t.QuarterStart == quarterStart)
            .OrderByDescending(t => t.EffectiveFrom).Select(t => t.Count).FirstAsync(Ct);
    }

    private static JsonElement Milestone(JsonElement body, string name) =>
        body.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("milestone").GetString() == name);

    [Fact]
    public async Task A_lot_month_gives_exact_counts_rates_and_the_pro_rata_target()
    {
        // Glascote, May 2019: four people, three out of work.
        var may = Day(2019, 5, 6);
        await AddAsync("GL", Cohort.HardestToHelp, may, (Domain.Programme.Milestone.Engaged, Day(2019, 5, 20)), (Domain.Programme.Milestone.JobOutcome, Day(2019, 5, 28)));
        await AddAsync("GL", Cohort.RapidProgression, may, (Domain.Programme.Milestone.Engaged, Day(2019, 5, 21)), (Domain.Programme.Milestone.JobOutcome, Day(2019, 6, 3)));
        await AddAsync("GL", Cohort.RapidProgression, may, (Domain.Programme.Milestone.Engaged, Day(2019, 5, 22)));
        await AddAsync("GL", Cohort.Employed, may, (Domain.Programme.Milestone.Progression, Day(2019, 5, 30)));
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var body = await client.GetJsonAsync("/api/v1/performance?lotCode=GL&from=2019-05-01&to=2019-05-31");

        Assert.Equal(6, body.GetProperty("milestones").GetArrayLength());
        var engaged = Milestone(body, "Engaged");
        Assert.Equal(3, engaged.GetProperty("actual").GetInt32());
        Assert.Equal(1, Milestone(body, "JobOutcome").GetProperty("actual").GetInt32()); // the second starts in June
        Assert.Equal(1, Milestone(body, "Progression").GetProperty("actual").GetInt32());
        Assert.Equal(0, Milestone(body, "Sustained13Weeks").GetProperty("actual").GetInt32());

        // May is 31 of 2019-Q2's 91 days: the target for the month is that share of the quarter's.
        var quarter = await TargetCountAsync("GL", Domain.Programme.Milestone.Engaged, Day(2019, 4, 1));
        var target = (int)Math.Round(quarter * 31m / 91m, MidpointRounding.AwayFromZero);
        Assert.Equal(target, engaged.GetProperty("target").GetInt32());
        var percent = Math.Round(3m / target, 4, MidpointRounding.AwayFromZero);
        Assert.Equal(percent, engaged.GetProperty("percentOfTarget").GetDecimal());
        Assert.Equal(percent >= 0.95m ? "Green" : percent >= 0.80m ? "Amber" : "Red", engaged.GetProperty("rag").GetString());

        var rate = body.GetProperty("jobOutcomeRate");
        Assert.Equal(1m / 3m, rate.GetProperty("overall").GetDecimal(), 4);
        // One Rapid Progression participant starts work in June, after the period: not counted.
        Assert.Equal(0m, rate.GetProperty("byCohort").GetProperty("RapidProgression").GetDecimal());
        Assert.Equal(1m, rate.GetProperty("byCohort").GetProperty("HardestToHelp").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rate.GetProperty("byCohort").GetProperty("HarderToReach").ValueKind);
        Assert.Equal(1m / 3m, rate.GetProperty("byLot").GetProperty("GL").GetDecimal(), 4);
        Assert.Equal(0.75m, body.GetProperty("engagementRate").GetDecimal());
        Assert.Equal(4, body.GetProperty("registered").GetInt32());
    }

    [Fact]
    public async Task Programme_figures_match_counts_from_the_raw_rows()
    {
        var month = Day(2020, 10, 5);
        await AddAsync("WH", Cohort.HarderToReach, month, (Domain.Programme.Milestone.Engaged, Day(2020, 10, 12)), (Domain.Programme.Milestone.JobOutcome, Day(2020, 10, 26)));
        await AddAsync("SE", Cohort.HardestToHelp, month, (Domain.Programme.Milestone.Engaged, Day(2020, 10, 13)));
        await AddAsync("SE", Cohort.HardestToHelp, month, (Domain.Programme.Milestone.JobOutcome, Day(2020, 10, 30)), (Domain.Programme.Milestone.Sustained13Weeks, Day(2020, 10, 31)));
        await AddAsync("CH", Cohort.Employed, month);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var body = await client.GetJsonAsync("/api/v1/performance?from=2020-10-01&to=2020-10-31");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var people = await db.Participants.AsNoTracking().Select(p => new { p.Id, p.Cohort, p.RegisteredOn, Lot = p.Lot!.Code }).ToListAsync(Ct);
        var milestones = await db.ParticipantMilestones.AsNoTracking().ToListAsync(Ct);
        var from = Day(2020, 10, 1);
        var to = Day(2020, 10, 31);
        foreach (var m in Enum.GetValues<Milestone>())
        {
            var expected = milestones.Count(x => x.Milestone == m && x.AchievedOn >= from && x.AchievedOn <= to);
            Assert.Equal(expected, Milestone(body, m.ToString()).GetProperty("actual").GetInt32());
        }

        var registered = people.Where(p => p.RegisteredOn >= from && p.RegisteredOn <= to).ToList();
        var outOfWork = registered.Where(p => p.Cohort != Cohort.Employed).ToList();
        var found = outOfWork.Count(p => milestones.Any(x => x.ParticipantId == p.Id && x.Milestone == Domain.Programme.Milestone.JobOutcome && x.AchievedOn <= to));
        Assert.Equal(Math.Round((decimal)found / outOfWork.Count, 4), body.GetProperty("jobOutcomeRate").GetProperty("overall").GetDecimal());
        var se = outOfWork.Where(p => p.Lot == "SE").ToList();
        var seFound = se.Count(p => milestones.Any(x => x.ParticipantId == p.Id && x.Milestone == Domain.Programme.Milestone.JobOutcome && x.AchievedOn <= to));
        Assert.Equal(Math.Round((decimal)seFound / se.Count, 4), body.GetProperty("jobOutcomeRate").GetProperty("byLot").GetProperty("SE").GetDecimal());
        Assert.Equal(9, body.GetProperty("jobOutcomeRate").GetProperty("byLot").EnumerateObject().Count());

        // The programme's target for a whole quarter of the Covid variation: the varied counts of every lot.
        var quarter = await client.GetJsonAsync("/api/v1/performance?from=2020-10-01&to=2020-12-31");
        var inForce = await db.Targets.AsNoTracking().Where(t => t.Milestone == Domain.Programme.Milestone.JobOutcome && t.QuarterStart == Day(2020, 10, 1))
            .GroupBy(t => t.LotId).Select(g => g.OrderByDescending(t => t.EffectiveFrom).First().Count).ToListAsync(Ct);
        Assert.Equal(inForce.Sum(), Milestone(quarter, "JobOutcome").GetProperty("target").GetInt32());
    }

    [Fact]
    public async Task A_cohort_has_no_target_and_no_status()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var body = await client.GetJsonAsync("/api/v1/performance?cohort=HardestToHelp");

        foreach (var m in body.GetProperty("milestones").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Null, m.GetProperty("target").ValueKind);
            Assert.Equal(JsonValueKind.Null, m.GetProperty("percentOfTarget").ValueKind);
            Assert.Equal("None", m.GetProperty("rag").GetString());
        }
    }

    [Theory]
    [InlineData("from=2020-13-01", "from")]
    [InlineData("to=1%2F4%2F2020", "to")]
    [InlineData("from=yesterday&to=2020-01-01", "from")]
    [InlineData("cohort=Nobody", "cohort")]
    public async Task Bad_dates_are_refused_naming_the_field(string query, string field)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var response = await client.GetAsync($"/api/v1/performance?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await TestClient.ReadJsonAsync(response, HttpStatusCode.BadRequest, query);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out var errors), body.ToString());
        if (field is "from" or "to")
        {
            Assert.Contains("yyyy-MM-dd", errors[0].GetString() + body.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_from_date_after_the_to_date_is_refused()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var response = await client.GetAsync("/api/v1/performance?from=2021-01-01&to=2020-01-01");

        var body = await TestClient.ReadJsonAsync(response, HttpStatusCode.BadRequest, "from after to");
        Assert.Equal("The from date must be the same as or before the to date", body.GetProperty("errors").GetProperty("from")[0].GetString());
    }

    [Fact]
    public async Task A_bad_date_on_the_page_shows_an_error_against_the_field()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await client.GetPageAsync("/performance?from=2020-02-30");

        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#from']"));
        Assert.Null(page.QuerySelector("#milestones"));
    }

    public static TheoryData<string> ScopedUrls =>
    [
        "/performance?lotCode=SE",
        "/performance/lots/SE",
        "/performance/lots/SE?milestone=Engaged&format=csv&table=profile",
        "/performance/lots/SE?format=xlsx&table=milestones",
        "/performance?lotCode=SE&format=csv&table=money",
        "/performance/print?lotCode=SE",
        "/api/v1/performance?lotCode=SE",
        "/api/v1/performance/lots/SE/profile?milestone=Engaged",
    ];

    [Theory]
    [MemberData(nameof(ScopedUrls))]
    public async Task A_provider_manager_never_sees_another_lot(string url)
    {
        using var client = url.StartsWith("/api/", StringComparison.Ordinal)
            ? await App.ApiClientAsync(DemoUsers.Manager("WH"))
            : await App.SignInAsync(DemoUsers.Manager("WH"));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_provider_manager_sees_only_their_lots_in_every_view_export_and_answer()
    {
        await AddAsync("SE", Cohort.HardestToHelp, Day(2019, 9, 2), (Domain.Programme.Milestone.JobOutcome, Day(2019, 9, 20)));
        using var api = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        using var pages = await App.SignInAsync(DemoUsers.Manager("WH"));

        var body = await api.GetJsonAsync("/api/v1/performance");
        Assert.Equal(["WH"], body.GetProperty("jobOutcomeRate").GetProperty("byLot").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["WH"], body.GetProperty("lots").EnumerateArray().Select(l => l.GetProperty("lotCode").GetString()));
        Assert.Equal(["WH"], body.GetProperty("money").EnumerateArray().Select(l => l.GetProperty("lotCode").GetString()));
        Assert.Equal(["WH"], body.GetProperty("reach").EnumerateArray().Select(l => l.GetProperty("lotCode").GetString()));
        var september = await api.GetJsonAsync("/api/v1/performance?from=2019-09-01&to=2019-09-30");
        Assert.Equal(0, Milestone(september, "JobOutcome").GetProperty("actual").GetInt32());

        var page = await pages.GetPageAsync("/performance");
        Assert.Equal(["WH"], page.QuerySelectorAll("#money tbody tr").Select(r => r.GetAttribute("data-lot")));
        Assert.Equal(["WH"], page.QuerySelectorAll("#reach tbody tr").Select(r => r.GetAttribute("data-lot")));
        Assert.Empty(page.QuerySelectorAll("select[name=lotCode] option[value=SE]"));

        foreach (var table in new[] { "milestones", "rates", "lots", "money", "reach" })
        {
            var csv = Encoding.UTF8.GetString(await (await pages.GetAsync($"/performance?format=csv&table={table}")).Content.ReadAsByteArrayAsync(Ct));
            Assert.DoesNotContain("Shard End", csv, StringComparison.Ordinal);
            Assert.DoesNotContain("(SE)", csv, StringComparison.Ordinal);
        }

        var lot = await pages.GetPageAsync("/performance/lots/WH");
        Assert.NotNull(lot.QuerySelector("#profile"));
    }

    [Theory]
    [InlineData("/performance")]
    [InlineData("/performance/lots/WH")]
    [InlineData("/performance/print")]
    [InlineData("/performance?format=csv&table=milestones")]
    public async Task Advisors_and_evaluators_may_not_see_performance_pages(string url)
    {
        foreach (var email in new[] { DemoUsers.Advisor("WH"), DemoUsers.Evaluator })
        {
            using var client = await App.SignInAsync(email);
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{email} {url}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("denied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task The_API_is_for_commissioners_and_provider_managers(string email)
    {
        using var client = await App.ApiClientAsync(email);

        var response = await client.GetAsync("/api/v1/performance");

        var allowed = email == DemoUsers.Commissioner || email == DemoUsers.Manager("WH");
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_API_answers_401()
    {
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/performance")).StatusCode);
    }

    [Fact]
    public async Task Every_table_downloads_as_CSV_and_XLSX()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var page = await client.GetPageAsync("/performance");
        var links = page.QuerySelectorAll("a[href*='format=']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(10, links.Count);

        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            if (link.Contains("format=csv", StringComparison.Ordinal))
            {
                Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
                var records = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
                Assert.True(records.Count > 1, link);
            }
            else
            {
                Assert.Equal("PK"u8.ToArray(), bytes[..2]);
                Assert.False(string.IsNullOrEmpty(Spreadsheet.Read(bytes).Text("A1")));
            }
        }

        var milestones = Csv.Parse(Encoding.UTF8.GetString((await (await client.GetAsync("/performance?format=csv&table=milestones")).Content.ReadAsByteArrayAsync(Ct))[3..]));
        Assert.Equal(["Milestone", "Actual", "Target", "Percent of target", "Status"], milestones[0]);
        Assert.Equal(7, milestones.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/performance?format=pdf&table=milestones")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/performance?format=csv&table=nothing")).StatusCode);
    }

    [Fact]
    public async Task A_lots_profile_shows_the_original_and_varied_targets_from_April_2020()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await client.GetPageAsync("/performance/lots/BL?milestone=Engaged");

        var june2020 = page.QuerySelector("#profile tr[data-quarter='2020-Q2']")!;
        var cells = june2020.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("36", cells[0]);
        Assert.Equal("32", cells[1]);
        Assert.Contains("Covid-19 adjustment from 1 April 2020", cells[2], StringComparison.Ordinal);
        var march2020 = page.QuerySelector("#profile tr[data-quarter='2020-Q1']")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(march2020[0], march2020[1]);
        Assert.Equal("", march2020[2]);
        Assert.Equal("Birchills Leamore (BL)", page.QuerySelector("h1")!.TextContent.Trim());

        var csv = Csv.Parse(Encoding.UTF8.GetString((await (await client.GetAsync("/performance/lots/BL?milestone=Engaged&format=csv&table=profile")).Content.ReadAsByteArrayAsync(Ct))[3..]));
        var row = csv.Single(r => r[0] == "2020-Q2");
        Assert.Equal(["2020-Q2", "36", "32", "2020-04-01", "Covid-19 adjustment"], row[..5]);
    }

    [Fact]
    public async Task The_print_page_is_dated_and_has_no_filters()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await client.GetPageAsync("/performance/print?lotCode=WH");

        Assert.Contains("Produced on", page.QuerySelector("#produced")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#filters"));
        Assert.NotNull(page.QuerySelector("#milestones caption"));
        Assert.Equal("Washwood Heath (WH)", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Tables_have_captions_and_header_scopes()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await client.GetPageAsync("/performance");

        var tables = page.QuerySelectorAll("table");
        Assert.Equal(5, tables.Length);
        foreach (var table in tables)
        {
            Assert.NotNull(table.QuerySelector("caption"));
            Assert.All(table.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
        }
    }

    [Fact]
    public async Task The_commissioners_home_page_shows_the_headline_figures()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);

        var page = await client.GetPageAsync("/");
        var body = await api.GetJsonAsync("/api/v1/performance");

        Assert.Equal(6, page.QuerySelectorAll("#headline [data-milestone]").Length);
        var jobs = page.QuerySelector("#headline [data-milestone='JobOutcome']")!.TextContent;
        Assert.Contains("Job starts", jobs, StringComparison.Ordinal);
        Assert.Contains(Milestone(body, "JobOutcome").GetProperty("actual").GetInt32().ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), jobs, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#headline [data-rate='JobOutcomeRate']"));
        Assert.NotNull(page.QuerySelector("a[href='/performance']"));
    }

    [Fact]
    public async Task A_provider_managers_home_page_shows_their_lots_headline_and_an_advisors_none()
    {
        using var manager = await App.SignInAsync(DemoUsers.Manager("WH"));
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));

        var page = await manager.GetPageAsync("/");
        Assert.Contains("Your lots", page.QuerySelector("#headline")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null((await advisor.GetPageAsync("/")).QuerySelector("#headline"));
    }
    [Fact]
    public async Task RAG_thresholds_are_set_up_with_the_programme_and_amber_must_be_below_green()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var programme = await api.GetJsonAsync("/api/v1/programme");
        Assert.Equal(95m, programme.GetProperty("ragGreenFromPercent").GetDecimal());
        Assert.Equal(80m, programme.GetProperty("ragAmberFromPercent").GetDecimal());

        var (bad, problem) = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/programme", new
        {
            name = programme.GetProperty("name").GetString(),
            startDate = programme.GetProperty("startDate").GetString(),
            endDate = programme.GetProperty("endDate").GetString(),
            engagementThreshold = 3,
            progressionDefinition = "Strict",
            sustainmentGapDays = 28,
            ragGreenFromPercent = 80m,
            ragAmberFromPercent = 90m,
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("Amber from must be lower than green from", problem.GetProperty("errors").GetProperty("ragAmberFromPercent")[0].GetString());
        var page = await (await App.SignInAsync(DemoUsers.Commissioner)).GetPageAsync("/setup/programme");
        Assert.Equal("95", page.QuerySelector("input[name=ragGreenFromPercent]")!.GetAttribute("value"));
        Assert.Equal("80", page.QuerySelector("input[name=ragAmberFromPercent]")!.GetAttribute("value"));
        Assert.Equal(95m, (await api.GetJsonAsync("/api/v1/performance")).GetProperty("rag").GetProperty("greenFromPercent").GetDecimal());
    }
}
