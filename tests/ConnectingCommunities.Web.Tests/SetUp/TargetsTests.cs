using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.SetUp;

public sealed class TargetsTestsOnSqlite(SqliteApp fixture) : TargetsTests<SqliteApp>(fixture);

public sealed class TargetsTestsOnPostgres(PostgresApp fixture) : TargetsTests<PostgresApp>(fixture);

/// <summary>
/// Targets set-up. Tests share one database per class: Birchills Leamore (BL) is only read, and tests
/// that change data work on Glascote (GL), each on a milestone and quarter of its own.
/// </summary>
public abstract class TargetsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_commissioners_may_use_the_targets_API(string email)
    {
        var target = await CurrentTargetAsync("BL", "Engaged", "2018-Q2");
        var id = target.GetProperty("id").GetString();
        using var client = await App.ApiClientAsync(email);
        var before = await TotalVersionsAsync();

        var list = await client.GetAsync("/api/v1/targets?lot=WH");
        var one = await client.GetAsync($"/api/v1/targets/{id}");
        var (created, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/targets", NewTarget("GL", "Progression", "2021-Q1", 6, "2021-01-15"));
        var (updated, _) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/targets/{id}", new { count = 12, effectiveFrom = "2018-06-01" });

        if (email == DemoUsers.Commissioner)
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.Equal(HttpStatusCode.Created, created);
            Assert.Equal(HttpStatusCode.OK, updated);
            Assert.Equal(before + 1, await TotalVersionsAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, created);
            Assert.Equal(HttpStatusCode.Forbidden, updated);
            Assert.Equal(before, await TotalVersionsAsync());
        }
    }

    [Fact]
    public async Task Without_a_token_the_targets_API_answers_401()
    {
        var id = (await CurrentTargetAsync("BL", "Engaged", "2018-Q2")).GetProperty("id").GetString();
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/targets?lot=BL")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/targets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/targets", NewTarget("GL", "Engaged", "2021-Q1", 1, "2021-01-20"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/targets/{id}", new { count = 1, effectiveFrom = "2018-06-01" })).Status);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Target_pages_are_for_commissioners_only(string email)
    {
        var id = (await CurrentTargetAsync("BL", "Engaged", "2018-Q2")).GetProperty("id").GetString();
        using var client = await App.SignInAsync(email);
        var expected = email == DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        foreach (var page in new[] { "/setup/targets", "/setup/targets?lot=WH", $"/setup/targets/{id}", "/setup/targets/new?lot=WH" })
        {
            var response = await client.GetAsync(page);
            Assert.True(expected == response.StatusCode, $"{email} {page}: {(int)response.StatusCode}");
        }

        if (email != DemoUsers.Commissioner)
        {
            var post = await client.PostFormAsync($"/setup/targets/{id}", new Dictionary<string, string> { ["count"] = "99" });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Equal(12, (await CurrentTargetAsync("BL", "Engaged", "2018-Q2")).GetProperty("count").GetInt32());
        }
    }

    [Fact]
    public async Task Without_signing_in_the_target_pages_send_people_to_sign_in()
    {
        var id = (await CurrentTargetAsync("BL", "Engaged", "2018-Q2")).GetProperty("id").GetString();
        using var client = App.CreateClient();

        foreach (var page in new[] { "/setup/targets?lot=BL", $"/setup/targets/{id}", "/setup/targets/new?lot=BL" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_current_profile_takes_the_Covid_variation_from_April_2020_with_cumulative_totals()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var current = (await client.GetJsonAsync("/api/v1/targets?lot=BL&milestone=Engaged")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(15, current.Count);
        Assert.Equal("BL", current[0].GetProperty("lot").GetString());
        Assert.Equal("2018-Q2", current[0].GetProperty("quarter").GetString());
        Assert.Equal("2018-04-01", current[0].GetProperty("quarterStart").GetString());
        Assert.Equal(12, current[0].GetProperty("cumulative").GetInt32());
        var june2020 = current.Single(t => t.GetProperty("quarter").GetString() == "2020-Q2");
        Assert.Equal(32, june2020.GetProperty("count").GetInt32());
        Assert.Equal("2020-04-01", june2020.GetProperty("effectiveFrom").GetString());
        Assert.Equal("Covid-19 adjustment", june2020.GetProperty("reason").GetString());
        Assert.True(june2020.GetProperty("isDemo").GetBoolean());
        Assert.Equal(35, current.Single(t => t.GetProperty("quarter").GetString() == "2020-Q1").GetProperty("count").GetInt32());
        Assert.Equal(459, current[^1].GetProperty("cumulative").GetInt32());
        Assert.Equal(current.Sum(t => t.GetProperty("count").GetInt32()), current[^1].GetProperty("cumulative").GetInt32());
    }

    [Fact]
    public async Task Every_version_is_kept_and_only_the_current_profile_has_cumulative_totals()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var all = (await client.GetJsonAsync("/api/v1/targets?lot=BL&milestone=Engaged&version=all")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(22, all.Count);
        var june2020 = all.Where(t => t.GetProperty("quarter").GetString() == "2020-Q2").ToList();
        Assert.Equal(2, june2020.Count);
        Assert.Equal(36, june2020[0].GetProperty("count").GetInt32());
        Assert.Equal("2018-06-01", june2020[0].GetProperty("effectiveFrom").GetString());
        Assert.Equal(JsonValueKind.Null, june2020[0].GetProperty("cumulative").ValueKind);
        Assert.Equal(32, june2020[1].GetProperty("count").GetInt32());
        Assert.Equal(267, june2020[1].GetProperty("cumulative").GetInt32());
    }

    [Theory]
    [InlineData("lot=ZZ", "lot")]
    [InlineData("lot=BL&version=latest", "version")]
    [InlineData("lot=BL&milestone=jobStart", "milestone")]
    public async Task A_bad_filter_is_a_field_error(string query, string field)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var problem = await client.GetJsonAsync($"/api/v1/targets?{query}", HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    public static TheoryData<string, string, string> BadTargets => new()
    {
        { """{"lot":"ZZ","milestone":"Engaged","quarter":"2021-Q1","count":5,"effectiveFrom":"2021-02-01"}""", "lot", "no lot with code 'ZZ'" },
        { """{"milestone":"Engaged","quarter":"2021-Q1","count":5,"effectiveFrom":"2021-02-01"}""", "lot", "Select the lot" },
        { """{"lot":"GL","milestone":"Engaged","quarter":"2021-Q5","count":5,"effectiveFrom":"2021-02-01"}""", "quarter", "for example 2020-Q2" },
        { """{"lot":"GL","milestone":"Engaged","quarter":"Q2 2020","count":5,"effectiveFrom":"2021-02-01"}""", "quarter", "for example 2020-Q2" },
        { """{"lot":"GL","milestone":"Engaged","quarter":"2017-Q4","count":5,"effectiveFrom":"2021-02-01"}""", "quarter", "within the programme" },
        { """{"lot":"GL","milestone":"Engaged","quarter":"2022-Q1","count":5,"effectiveFrom":"2021-02-01"}""", "quarter", "within the programme" },
        { """{"lot":"GL","milestone":"Engaged","quarter":"2021-Q1","count":-1,"effectiveFrom":"2021-02-01"}""", "count", "between 0 and 100,000" },
        { """{"lot":"GL","milestone":"Engaged","quarter":"2021-Q1","count":100001,"effectiveFrom":"2021-02-01"}""", "count", "between 0 and 100,000" },
        { """{"lot":"GL","milestone":"Engaged","quarter":"2021-Q1","count":1.5,"effectiveFrom":"2021-02-01"}""", "count", "whole number" },
        { """{"lot":"GL","milestone":"jobStart","quarter":"2021-Q1","count":5,"effectiveFrom":"2021-02-01"}""", "milestone", "Must be one of" },
        { """{"lot":"BL","milestone":"Engaged","quarter":"2020-Q2","count":5,"effectiveFrom":"2020-04-01"}""", "effectiveFrom", "already a target" },
        { """{"lot":"GL","milestone":"Engaged","quarter":"2021-Q1","count":5,"effectiveFrom":"2018-05-31"}""", "effectiveFrom", "programme's start, 1 June 2018" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public async Task A_bad_target_gives_a_field_error_and_changes_nothing(string body, string field, string message)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await TotalVersionsAsync();

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/targets", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, field, message);
        Assert.Equal(before, await TotalVersionsAsync());
    }

    [Fact]
    public async Task A_new_version_becomes_the_current_target_and_the_old_one_is_kept()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var old = await CurrentTargetAsync("GL", "JobOutcome", "2021-Q3");
        var oldEnd = await CurrentTargetAsync("GL", "JobOutcome", "2021-Q4");

        var (status, created) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/targets",
            NewTarget("gl", "JobOutcome", "2021-Q3", 9, "2021-02-01") with { Reason = "Extra job brokerage funding" });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("GL", created.GetProperty("lot").GetString());
        Assert.Equal("2021-Q3", created.GetProperty("quarter").GetString());
        Assert.Equal("2021-07-01", created.GetProperty("quarterStart").GetString());
        var current = await CurrentTargetAsync("GL", "JobOutcome", "2021-Q3");
        Assert.Equal(created.GetProperty("id").GetString(), current.GetProperty("id").GetString());
        Assert.Equal(9, current.GetProperty("count").GetInt32());
        var newEnd = await CurrentTargetAsync("GL", "JobOutcome", "2021-Q4");
        Assert.Equal(oldEnd.GetProperty("cumulative").GetInt32() - old.GetProperty("count").GetInt32() + 9, newEnd.GetProperty("cumulative").GetInt32());
        var versions = (await client.GetJsonAsync("/api/v1/targets?lot=GL&milestone=JobOutcome&version=all")).GetProperty("items")
            .EnumerateArray().Where(t => t.GetProperty("quarter").GetString() == "2021-Q3").ToList();
        Assert.Equal(3, versions.Count);
        Assert.Contains(versions, v => v.GetProperty("id").GetString() == old.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_commissioner_changes_a_target_which_is_then_no_longer_a_demo_value()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var target = await CurrentTargetAsync("GL", "Sustained13Weeks", "2021-Q2");
        Assert.True(target.GetProperty("isDemo").GetBoolean());

        var (status, after) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/targets/{target.GetProperty("id").GetString()}",
            new { count = 7, effectiveFrom = target.GetProperty("effectiveFrom").GetString(), reason = "Agreed at review", version = target.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7, after.GetProperty("count").GetInt32());
        Assert.False(after.GetProperty("isDemo").GetBoolean());
        Assert.Equal(target.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
        var readBack = await client.GetJsonAsync($"/api/v1/targets/{target.GetProperty("id").GetString()}");
        Assert.Equal(7, readBack.GetProperty("count").GetInt32());
        Assert.Equal("Agreed at review", readBack.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_stale_version_is_refused_as_a_conflict()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var target = await CurrentTargetAsync("GL", "Sustained26Weeks", "2021-Q1");
        var id = target.GetProperty("id").GetString();
        var version = target.GetProperty("version").GetInt32();
        await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/targets/{id}", new { count = 5, effectiveFrom = "2020-04-01", version });

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/targets/{id}", new { count = 6, effectiveFrom = "2020-04-01", version });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("changed", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, (await client.GetJsonAsync($"/api/v1/targets/{id}")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_target_keeps_its_lot_and_quarter_and_its_date_may_not_clash_with_another_version()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var target = await CurrentTargetAsync("GL", "Sustained52Weeks", "2021-Q2");
        var id = target.GetProperty("id").GetString();

        var (moveStatus, moveProblem) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/targets/{id}",
            new { lot = "BL", quarter = "2021-Q3", count = 2, effectiveFrom = "2020-04-01" });
        var (clashStatus, clashProblem) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/targets/{id}",
            new { count = 2, effectiveFrom = "2018-06-01" });

        Assert.Equal(HttpStatusCode.BadRequest, moveStatus);
        AssertFieldError(moveProblem, "lot", "cannot change");
        AssertFieldError(moveProblem, "quarter", "cannot change");
        Assert.Equal(HttpStatusCode.BadRequest, clashStatus);
        AssertFieldError(clashProblem, "effectiveFrom", "already a target");
        var readBack = await client.GetJsonAsync($"/api/v1/targets/{id}");
        Assert.Equal("GL", readBack.GetProperty("lot").GetString());
        Assert.Equal("2020-04-01", readBack.GetProperty("effectiveFrom").GetString());
    }

    [Fact]
    public async Task An_unknown_target_is_404_in_the_API_and_the_pages()
    {
        var id = Guid.NewGuid();
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        await api.GetJsonAsync($"/api/v1/targets/{id}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/targets/{id}", new { count = 1, effectiveFrom = "2021-01-01" })).Status);
        await client.GetPageAsync($"/setup/targets/{id}", HttpStatusCode.NotFound);
        await client.GetPageAsync("/setup/targets?lot=ZZ", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_targets_page_shows_a_lot_by_quarter_with_the_Covid_variation_and_totals()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await client.GetPageAsync("/setup/targets?lot=BL");

        Assert.Equal("Targets for Birchills Leamore", page.QuerySelector("h1")!.TextContent.Trim());
        var form = page.QuerySelector("form[method=get]")!;
        Assert.Equal("BL", form.QuerySelector("select[name=lot] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Show", form.QuerySelector("button")!.TextContent.Trim());
        var table = page.QuerySelectorAll("table")[0];
        Assert.Contains("Demo value", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("35", Cell(table, "January to March 2020", "Engaged"), StringComparison.Ordinal);
        Assert.Equal("32 was 36", Squash(Cell(table, "April to June 2020", "Engaged")));
        Assert.Contains("Covid-19 adjustment from 1 April 2020", RowHeader(table, "April to June 2020"), StringComparison.Ordinal);
        Assert.DoesNotContain("Covid", RowHeader(table, "January to March 2020"), StringComparison.Ordinal);
        Assert.Equal("459", Cell(table, "Total", "Engaged"));
        var cumulative = page.QuerySelectorAll("table")[1];
        Assert.Equal("267", Cell(cumulative, "April to June 2020", "Engaged"));
        Assert.Equal("459", Cell(cumulative, "October to December 2021", "Engaged"));
        var superseded = page.QuerySelectorAll("table")[2].QuerySelectorAll("tbody tr")
            .Select(r => Squash(string.Join(' ', r.QuerySelectorAll("td").Take(4).Select(c => c.TextContent))))
            .ToList();
        Assert.Contains("Engaged April to June 2020 1 June 2018 36 Demo value", superseded);
        Assert.Equal("/setup/targets/new?lot=BL", page.QuerySelector("a.govuk-button")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_targets_page_starts_with_the_first_lot()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var page = await client.GetPageAsync("/setup/targets");
        Assert.Equal("Targets for Batchley and Brockhill", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("-1", "between 0 and 100,000")]
    [InlineData("lots", "must be a whole number")]
    [InlineData("2.5", "must be a whole number")]
    [InlineData("", "Enter the target")]
    public async Task The_change_page_shows_a_bad_count_and_keeps_the_target(string count, string message)
    {
        var target = await CurrentTargetAsync("GL", "Engaged", "2020-Q3");
        var id = target.GetProperty("id").GetString();
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var response = await client.PostFormAsync($"/setup/targets/{id}", new Dictionary<string, string>
        {
            ["count"] = count,
            ["reason"] = "",
            ["version"] = target.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector(".govuk-error-summary")!;
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#count", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(count, page.QuerySelector("#count")!.GetAttribute("value"));
        Assert.Equal(target.GetProperty("count").GetInt32(), (await CurrentTargetAsync("GL", "Engaged", "2020-Q3")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_change_page_saves_a_target_and_the_profile_shows_it()
    {
        var target = await CurrentTargetAsync("GL", "Progression", "2021-Q4");
        var id = target.GetProperty("id").GetString();
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var form = await client.GetPageAsync($"/setup/targets/{id}");
        Assert.Equal(target.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture), form.QuerySelector("#count")!.GetAttribute("value"));

        var response = await client.PostFormAsync($"/setup/targets/{id}", new Dictionary<string, string>
        {
            ["count"] = "17",
            ["reason"] = "Progression push in the final quarter",
            ["version"] = target.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup/targets?lot=GL", response.Headers.Location!.ToString());
        var page = await client.GetPageAsync("/setup/targets?lot=GL");
        Assert.Contains("Target saved", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("17", Cell(page.QuerySelectorAll("table")[0], "October to December 2021", "Progression"), StringComparison.Ordinal);
        var readBack = await CurrentTargetAsync("GL", "Progression", "2021-Q4");
        Assert.Equal(17, readBack.GetProperty("count").GetInt32());
        Assert.Equal("Progression push in the final quarter", readBack.GetProperty("reason").GetString());
        Assert.Equal("2020-04-01", readBack.GetProperty("effectiveFrom").GetString());
    }

    [Fact]
    public async Task The_add_page_refuses_an_unknown_lot_a_bad_quarter_and_a_duplicate_then_adds_a_version()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var before = await TotalVersionsAsync();
        var form = await client.GetPageAsync("/setup/targets/new?lot=gl");
        Assert.Equal("GL", form.QuerySelector("#lot option[selected]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#quarter option[value='2020-Q2']"));

        var unknownLot = await client.ParseAsync(await client.PostFormAsync("/setup/targets/new", NewForm("ZZ", "Engaged", "2021-Q2", "10", new DateOnly(2021, 3, 1))));
        var badQuarter = await client.ParseAsync(await client.PostFormAsync("/setup/targets/new", NewForm("GL", "Engaged", "2021-Q9", "10", new DateOnly(2021, 3, 1))));
        var duplicate = await client.ParseAsync(await client.PostFormAsync("/setup/targets/new", NewForm("GL", "Engaged", "2021-Q2", "10", new DateOnly(2020, 4, 1))));

        Assert.Equal("#lot", unknownLot.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("#quarter", badQuarter.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("#effectiveFrom", duplicate.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("already a target", duplicate.QuerySelector("#effectiveFrom-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await TotalVersionsAsync());

        var added = await client.PostFormAsync("/setup/targets/new", NewForm("GL", "Engaged", "2021-Q2", "10", new DateOnly(2021, 3, 1)));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/setup/targets?lot=GL", added.Headers.Location!.ToString());
        Assert.Equal(before + 1, await TotalVersionsAsync());
        var page = await client.GetPageAsync("/setup/targets?lot=GL");
        Assert.Equal("10 was 14", Squash(Cell(page.QuerySelectorAll("table")[0], "April to June 2021", "Engaged")));
    }

    private static TargetBody NewTarget(string lot, string milestone, string quarter, int count, string effectiveFrom) =>
        new(lot, milestone, quarter, count, effectiveFrom, null);

    private static Dictionary<string, string> NewForm(string lot, string milestone, string quarter, string count, DateOnly effectiveFrom) => new()
    {
        ["lot"] = lot,
        ["milestone"] = milestone,
        ["quarter"] = quarter,
        ["count"] = count,
        ["effectiveFrom.Day"] = effectiveFrom.Day.ToString(CultureInfo.InvariantCulture),
        ["effectiveFrom.Month"] = effectiveFrom.Month.ToString(CultureInfo.InvariantCulture),
        ["effectiveFrom.Year"] = effectiveFrom.Year.ToString(CultureInfo.InvariantCulture),
        ["reason"] = "",
    };

    private static readonly char[] Whitespace = [' ', '\n', '\r', '\t'];

    private static string Squash(string text) => string.Join(' ', text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries));

    private static IElement Row(IElement table, string rowHeader) =>
        table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim().StartsWith(rowHeader, StringComparison.Ordinal));

    private static string RowHeader(IElement table, string rowHeader) => Row(table, rowHeader).QuerySelector("th")!.TextContent;

    /// <summary>The text of a table's cell for a row (by its header) and a column (by its header).</summary>
    private static string Cell(IElement table, string rowHeader, string columnHeader)
    {
        var headers = table.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        var column = headers.IndexOf(columnHeader);
        Assert.True(column > 0, $"No column {columnHeader}");
        var cell = Row(table, rowHeader).QuerySelectorAll("th, td")[column];
        // The link's hidden text ("change the ... target") is for screen readers, not the figure.
        var hidden = cell.QuerySelectorAll(".govuk-visually-hidden").Select(h => h.TextContent);
        return hidden.Aggregate(cell.TextContent, (text, h) => text.Replace(h, "", StringComparison.Ordinal)).Trim();
    }

    private static void AssertFieldError(JsonElement problem, string field, string message)
    {
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var errors), $"No error for {field}: {problem}");
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains(message, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<int> TotalVersionsAsync()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        return (await client.GetJsonAsync("/api/v1/targets?version=all&pageSize=1")).GetProperty("total").GetInt32();
    }

    private async Task<JsonElement> CurrentTargetAsync(string lot, string milestone, string quarter)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var items = (await client.GetJsonAsync($"/api/v1/targets?lot={lot}&milestone={milestone}&pageSize=500")).GetProperty("items");
        return items.EnumerateArray().Single(t => t.GetProperty("quarter").GetString() == quarter);
    }

    private sealed record TargetBody(string Lot, string Milestone, string Quarter, int Count, string EffectiveFrom, string? Reason);
}
