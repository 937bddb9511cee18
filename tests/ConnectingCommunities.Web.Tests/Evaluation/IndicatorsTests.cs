using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using MathNet.Numerics.Distributions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Evaluation;

public sealed class IndicatorsTestsOnSqlite(SqliteApp fixture) : IndicatorsTests<SqliteApp>(fixture);

public sealed class IndicatorsTestsOnPostgres(PostgresApp fixture) : IndicatorsTests<PostgresApp>(fixture);

/// <summary>
/// Theory of Change indicators: entry by advisors (API and page), validation naming the item, lot scoping and roles,
/// changes asking for a reason and audited, and the analysis against a computation made here from the raw rows.
/// </summary>
public abstract class IndicatorsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly int[] SelfEsteemHigh = [3, 0, 3, 3, 0, 0, 3, 0, 0, 3];
    private static readonly int[] SelfEsteemMixed = [2, 1, 2, 2, 1, 2, 3, 1, 0, 2];
    private static readonly int[] Mastery = [2, 3, 1, 2, 4, 3, 2];

    private TestApp App => fixture.App;

    private static object Assessment(string point, string on, int[]? selfEsteem = null, int[]? mastery = null, int[]? attitude = null, int[]? awareness = null, string? reason = null) => new
    {
        point,
        assessedOn = on,
        selfEsteem,
        locusOfControl = mastery,
        attitudeToWork = attitude,
        labourMarketAwareness = awareness,
        reason,
    };

    [Fact]
    public async Task An_advisor_records_a_baseline_with_totals_after_reverse_scoring_and_a_skipped_scale()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (status, body) = await client.SendJsonAsync(
            HttpMethod.Post, $"/api/v1/participants/{participant.Id}/indicator-assessments",
            Assessment("Baseline", "2021-03-10", SelfEsteemMixed, Mastery, attitude: [1, 2, 3, 4, 5]));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Baseline", body.GetProperty("point").GetString());
        var scales = body.GetProperty("scales").EnumerateArray().ToDictionary(s => s.GetProperty("scale").GetString()!);
        Assert.Equal(21, scales["SelfEsteem"].GetProperty("total").GetInt32());
        Assert.Equal(22, scales["LocusOfControl"].GetProperty("total").GetInt32());
        Assert.Equal(15, scales["AttitudeToWork"].GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, scales["LabourMarketAwareness"].GetProperty("total").ValueKind);
        Assert.Equal(0, scales["LabourMarketAwareness"].GetProperty("answers").GetArrayLength());

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var stored = await db.IndicatorAssessments.AsNoTracking().SingleAsync(a => a.ParticipantId == participant.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SelfEsteemMixed, stored.SelfEsteemItems);
        Assert.Equal(21, stored.SelfEsteem);
        Assert.Null(stored.LabourMarketAwareness);
    }

    [Fact]
    public async Task Bad_answers_are_refused_naming_the_item_and_nothing_is_written()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/indicator-assessments";

        var (outOfRange, outBody) = await client.SendJsonAsync(HttpMethod.Post, url, Assessment("Baseline", "2021-03-10", [0, 1, 2, 4, 0, 0, 0, 0, 0, 0]));
        var (tooFew, fewBody) = await client.SendJsonAsync(HttpMethod.Post, url, Assessment("Baseline", "2021-03-10", mastery: [1, 2, 3]));
        var (none, noneBody) = await client.SendJsonAsync(HttpMethod.Post, url, Assessment("Baseline", "2021-03-10"));
        var (badPoint, pointBody) = await client.SendJsonAsync(HttpMethod.Post, url, Assessment("Midway", "2021-03-10", SelfEsteemHigh));
        var (early, earlyBody) = await client.SendJsonAsync(HttpMethod.Post, url, Assessment("Baseline", "2021-02-01", SelfEsteemHigh));
        var (future, futureBody) = await client.SendJsonAsync(HttpMethod.Post, url, Assessment("Baseline", "2099-01-01", SelfEsteemHigh));

        Assert.All([outOfRange, tooFew, none, badPoint, early, future], s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Contains("item 4", Error(outBody, "selfEsteem-4"), StringComparison.Ordinal);
        Assert.Contains("7 items", Error(fewBody, "locusOfControl"), StringComparison.Ordinal);
        Assert.NotNull(Error(noneBody, "scales"));
        Assert.NotNull(Error(pointBody, "point"));
        Assert.NotNull(Error(earlyBody, "assessedOn"));
        Assert.NotNull(Error(futureBody, "assessedOn"));
        Assert.Equal(0, await CountAsync(participant.Id));
    }

    [Fact]
    public async Task A_follow_up_must_come_after_the_baseline_and_replacing_one_keeps_the_reason_in_the_audit()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/indicator-assessments";
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, url, Assessment("Baseline", "2021-03-10", SelfEsteemMixed))).Status);

        var (before, beforeBody) = await client.SendJsonAsync(HttpMethod.Post, url, Assessment("FollowUp", "2021-03-10", SelfEsteemHigh));
        Assert.Equal(HttpStatusCode.BadRequest, before);
        Assert.Contains("after", Error(beforeBody, "assessedOn"), StringComparison.Ordinal);

        var (changed, changedBody) = await client.SendJsonAsync(
            HttpMethod.Post, url, Assessment("Baseline", "2021-03-11", SelfEsteemHigh, reason: "Answers typed into the wrong rows"));
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal(30, changedBody.GetProperty("scales")[0].GetProperty("total").GetInt32());
        Assert.Equal(1, await CountAsync(participant.Id));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ParticipantId == participant.Id && e.EntityType == nameof(IndicatorAssessment)
            && e.Reason == "Answers typed into the wrong rows", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Advisors_and_managers_record_commissioners_read_evaluators_get_nothing(string email)
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.ApiClientAsync(email);
        var url = $"/api/v1/participants/{participant.Id}/indicator-assessments";

        var read = await client.GetAsync(url);
        var (write, _) = await client.SendJsonAsync(HttpMethod.Post, url, Assessment("Baseline", "2021-03-10", SelfEsteemHigh));

        var (expectRead, expectWrite) = email switch
        {
            DemoUsers.Commissioner => (HttpStatusCode.OK, HttpStatusCode.Forbidden),
            DemoUsers.Evaluator => (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            _ => (HttpStatusCode.OK, HttpStatusCode.Created),
        };
        Assert.Equal(expectRead, read.StatusCode);
        Assert.Equal(expectWrite, write);
    }

    [Fact]
    public async Task Another_lots_participant_is_not_found_on_the_API_and_the_pages()
    {
        var participant = await App.AddAsync("SE");
        using var api = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        using var page = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/indicator-assessments";

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendJsonAsync(HttpMethod.Post, url, Assessment("Baseline", "2021-03-10", SelfEsteemHigh))).Status);
        await page.GetPageAsync($"/participants/{participant.Id}/indicators", HttpStatusCode.NotFound);
        await page.GetPageAsync($"/participants/{participant.Id}/indicators/baseline", HttpStatusCode.NotFound);
        Assert.Equal(0, await CountAsync(participant.Id));
    }

    [Fact]
    public async Task The_entry_page_has_a_radio_group_per_item_and_records_the_answers()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{participant.Id}/indicators/baseline";

        var form = await client.GetPageAsync(url);
        Assert.Equal(10, form.QuerySelectorAll("fieldset input[type=radio][name^='selfEsteem-']").Select(i => i.GetAttribute("name")).Distinct().Count());
        Assert.Equal(4, form.QuerySelectorAll("input[name='selfEsteem-1']").Length);
        Assert.Equal("1. On the whole, I am satisfied with myself.", form.QuerySelector("#selfEsteem-1")!.Closest("fieldset")!.QuerySelector("legend")!.TextContent.Trim());

        // Half a scale is refused, naming the first missing item; nothing is written.
        var partial = new Dictionary<string, string> { ["assessedOn.Day"] = "10", ["assessedOn.Month"] = "3", ["assessedOn.Year"] = "2021", ["selfEsteem-1"] = "3" };
        var refused = await client.ParseAsync(await client.PostFormAsync(url, partial));
        Assert.Contains("#selfEsteem-2", refused.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(0, await CountAsync(participant.Id));

        var fields = new Dictionary<string, string> { ["assessedOn.Day"] = "10", ["assessedOn.Month"] = "3", ["assessedOn.Year"] = "2021" };
        for (var i = 0; i < 7; i++)
        {
            fields[$"locusOfControl-{i + 1}"] = Mastery[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var saved = await client.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await client.GetPageAsync($"/participants/{participant.Id}/indicators");
        Assert.Contains("22 (of 7 to 28)", list.QuerySelector("#baseline")!.TextContent, StringComparison.Ordinal);

        // Changing it asks for a reason.
        var change = await client.GetPageAsync(url);
        Assert.NotNull(change.QuerySelector("textarea[name=reason]"));
        Assert.NotNull(change.QuerySelector("input[name='locusOfControl-1'][value='2'][checked]"));
    }

    [Fact]
    public async Task The_participant_page_links_to_the_indicators()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var page = await client.GetPageAsync($"/participants/{participant.Id}");
        Assert.NotNull(page.QuerySelector($"a[href='/participants/{participant.Id}/indicators']"));
    }

    [Fact]
    public async Task The_analysis_matches_a_computation_from_the_raw_rows()
    {
        // Twelve Employed participants (their own cohort in this class) with known changes, so one group is big enough to show.
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        for (var i = 0; i < 12; i++)
        {
            var p = await App.AddAsync("WH", x => x.Cohort = Cohort.Employed);
            var before = new[] { 1, 1, 1, 1, 1 };
            var after = new[] { 1 + (i % 3), 2, 1 + (i % 2), 3, 2 };
            Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{p.Id}/indicator-assessments",
                Assessment("Baseline", "2021-03-10", attitude: before))).Status);
            Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{p.Id}/indicator-assessments",
                Assessment("FollowUp", "2021-09-10", attitude: after))).Status);
        }

        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
        var whole = await commissioner.GetJsonAsync("/api/v1/evaluation/indicators");
        var safe = await evaluator.GetJsonAsync("/api/v1/evaluation/indicators");

        // This test's own computation: every participant's AttitudeToWork totals at both points.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var rows = await db.IndicatorAssessments.AsNoTracking()
            .Join(db.Participants.Where(p => p.ErasedAt == null), a => a.ParticipantId, p => p.Id, (a, p) => new { a.ParticipantId, p.Cohort, a.Point, a.AttitudeToWork })
            .ToListAsync(cancellationToken: TestContext.Current.CancellationToken);
        foreach (var (group, cohort) in new (string, Cohort?)[] { ("all", null), ("Employed", Cohort.Employed) })
        {
            var changes = rows.Where(r => cohort is null || r.Cohort == cohort).GroupBy(r => r.ParticipantId)
                .Select(g => (B: g.FirstOrDefault(r => r.Point == AssessmentPoint.Baseline)?.AttitudeToWork, F: g.FirstOrDefault(r => r.Point == AssessmentPoint.FollowUp)?.AttitudeToWork))
                .Where(x => x.B is not null && x.F is not null)
                .Select(x => (double)(x.F!.Value - x.B!.Value)).ToArray();
            var n = changes.Length;
            var mean = changes.Average();
            var sd = Math.Sqrt(changes.Sum(d => (d - mean) * (d - mean)) / (n - 1));
            var t = mean / (sd / Math.Sqrt(n));
            var p = 2 * (1 - StudentT.CDF(0, 1, n - 1, Math.Abs(t)));
            var half = StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n);

            var shown = Scale(whole, group, "AttitudeToWork");
            Assert.Equal(n, shown.GetProperty("pairs").GetInt32());
            Assert.Equal(mean, shown.GetProperty("meanChange").GetDouble(), 1e-9);
            Assert.Equal(mean - half, shown.GetProperty("ciLower").GetDouble(), 1e-9);
            Assert.Equal(mean + half, shown.GetProperty("ciUpper").GetDouble(), 1e-9);
            Assert.Equal(p, shown.GetProperty("tTestP").GetDouble(), 1e-9);
            Assert.Equal(mean / sd, shown.GetProperty("cohensDz").GetDouble(), 1e-9);
            Assert.Equal(Scale(safe, group, "AttitudeToWork").GetProperty("meanChange").GetDouble(), mean, 1e-9);
        }

        // A cohort with fewer than 10 pairs is withheld from the evaluator.
        var thin = Scale(safe, "Employed", "SelfEsteem");
        Assert.True(thin.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, thin.GetProperty("pairs").ValueKind);
        Assert.Equal(JsonValueKind.Null, thin.GetProperty("meanChange").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_evaluators_and_commissioners_see_the_analysis(string email)
    {
        using var api = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);
        var allowed = email is DemoUsers.Evaluator or DemoUsers.Commissioner;

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/evaluation/indicators")).StatusCode);
        var page = await pages.GetAsync("/evaluation/indicators");
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, page.StatusCode);
    }

    private static JsonElement Scale(JsonElement analysis, string group, string scale) =>
        analysis.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == group)
            .GetProperty("scales").EnumerateArray().Single(s => s.GetProperty("scale").GetString() == scale);

    private static string Error(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    private async Task<int> CountAsync(Guid participantId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.IndicatorAssessments.CountAsync(a => a.ParticipantId == participantId);
    }
}
