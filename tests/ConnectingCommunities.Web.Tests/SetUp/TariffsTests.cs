using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.SetUp;

public sealed class TariffsTestsOnSqlite(SqliteApp fixture) : TariffsTests<SqliteApp>(fixture);

public sealed class TariffsTestsOnPostgres(PostgresApp fixture) : TariffsTests<PostgresApp>(fixture);

/// <summary>
/// Tariffs set-up. Tests share one database per class, so those that change data add rates of their
/// own (each on a date no other test uses) rather than change the seeded rates others read back.
/// </summary>
public abstract class TariffsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_commissioners_may_use_the_tariffs_API(string email)
    {
        var id = await SeededRateIdAsync("JobOutcome", "HardestToHelp");
        using var client = await App.ApiClientAsync(email);
        var before = await TotalRatesAsync();

        var list = await client.GetAsync("/api/v1/tariffs");
        var one = await client.GetAsync($"/api/v1/tariffs/{id}");
        var (created, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tariffs", NewRate("2021-02-01", 100m));
        var (updated, _) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tariffs/{id}", new { effectiveFrom = "2018-06-01", amount = 889m });

        if (email == DemoUsers.Commissioner)
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.Equal(HttpStatusCode.Created, created);
            Assert.Equal(HttpStatusCode.OK, updated);
            Assert.Equal(before + 1, await TotalRatesAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, created);
            Assert.Equal(HttpStatusCode.Forbidden, updated);
            Assert.Equal(before, await TotalRatesAsync());
        }
    }

    [Fact]
    public async Task Without_a_token_the_tariffs_API_answers_401()
    {
        var id = await SeededRateIdAsync("JobOutcome", "HardestToHelp");
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/tariffs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/tariffs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tariffs", NewRate("2021-02-02", 1m))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tariffs/{id}", new { amount = 1m })).Status);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Tariff_pages_are_for_commissioners_only(string email)
    {
        var id = await SeededRateIdAsync("JobOutcome", "HardestToHelp");
        using var client = await App.SignInAsync(email);
        var expected = email == DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        foreach (var page in new[] { "/setup/tariffs", "/setup/tariffs?on.Day=1&on.Month=4&on.Year=2020", $"/setup/tariffs/{id}", "/setup/tariffs/new" })
        {
            var response = await client.GetAsync(page);
            Assert.True(expected == response.StatusCode, $"{email} {page}: {(int)response.StatusCode}");
        }

        if (email != DemoUsers.Commissioner)
        {
            var post = await client.PostFormAsync($"/setup/tariffs/{id}", EditForm("1.00", new DateOnly(2018, 6, 1)));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Equal(889m, (await ReadRateAsync(id)).GetProperty("amount").GetDecimal());
        }
    }

    [Fact]
    public async Task Without_signing_in_the_tariff_pages_send_people_to_sign_in()
    {
        var id = await SeededRateIdAsync("JobOutcome", "HardestToHelp");
        using var client = App.CreateClient();

        foreach (var page in new[] { "/setup/tariffs", $"/setup/tariffs/{id}", "/setup/tariffs/new" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, decimal, decimal> EngagedVariation => new()
    {
        { "HardestToHelp", 360m, 420m },
        { "HarderToReach", 320m, 370m },
        { "RapidProgression", 280m, 320m },
        { "Employed", 280m, 320m },
    };

    [Theory]
    [MemberData(nameof(EngagedVariation))]
    public async Task The_engaged_rate_in_force_changes_on_1_April_2020(string cohort, decimal before, decimal after)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var onTheDayBefore = (await client.GetJsonAsync($"/api/v1/tariffs?on=2020-03-31&milestone=Engaged&cohort={cohort}")).GetProperty("items");
        var onTheDay = (await client.GetJsonAsync($"/api/v1/tariffs?on=2020-04-01&milestone=Engaged&cohort={cohort}")).GetProperty("items");

        Assert.Equal(1, onTheDayBefore.GetArrayLength());
        Assert.Equal(before, onTheDayBefore[0].GetProperty("amount").GetDecimal());
        Assert.Equal("2018-06-01", onTheDayBefore[0].GetProperty("effectiveFrom").GetString());
        Assert.Equal(1, onTheDay.GetArrayLength());
        Assert.Equal(after, onTheDay[0].GetProperty("amount").GetDecimal());
        Assert.Equal("2020-04-01", onTheDay[0].GetProperty("effectiveFrom").GetString());
        Assert.Equal("Covid-19 adjustment", onTheDay[0].GetProperty("reason").GetString());
        Assert.True(onTheDay[0].GetProperty("inForceToday").GetBoolean());
        Assert.False(onTheDayBefore[0].GetProperty("inForceToday").GetBoolean());
    }

    [Fact]
    public async Task The_tariffs_page_shows_the_rates_in_force_on_the_day_chosen()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var dayBefore = await client.GetPageAsync("/setup/tariffs?on.Day=31&on.Month=3&on.Year=2020");
        var onTheDay = await client.GetPageAsync("/setup/tariffs?on.Day=1&on.Month=4&on.Year=2020");

        Assert.Contains("Rates in force on 31 March 2020", dayBefore.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("£360.00", RateCell(dayBefore, "Engaged", "Hardest to Help"), StringComparison.Ordinal);
        Assert.StartsWith("£420.00", RateCell(onTheDay, "Engaged", "Hardest to Help"), StringComparison.Ordinal);
        Assert.StartsWith("£889.00", RateCell(onTheDay, "Job outcome", "Hardest to Help"), StringComparison.Ordinal);
        Assert.StartsWith("£400.00", RateCell(onTheDay, "Job outcome", "Rapid Progression"), StringComparison.Ordinal);
        Assert.Contains("Demo value", RateCell(onTheDay, "Engaged", "Hardest to Help"), StringComparison.Ordinal);
        Assert.DoesNotContain("Demo value", RateCell(onTheDay, "Job outcome", "Hardest to Help"), StringComparison.Ordinal);
        var history = dayBefore.QuerySelectorAll("table")[1].TextContent;
        Assert.Contains("Covid-19 adjustment", history, StringComparison.Ordinal);
        Assert.Contains("1 April 2020", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tariffs_page_defaults_to_today_and_refuses_an_impossible_date()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var today = await client.GetPageAsync("/setup/tariffs");
        var impossible = await client.GetPageAsync("/setup/tariffs?on.Day=31&on.Month=2&on.Year=2020");

        Assert.Contains("Rates in force on today", today.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("£420.00", RateCell(today, "Engaged", "Hardest to Help"), StringComparison.Ordinal);
        Assert.StartsWith("Error:", impossible.Title, StringComparison.Ordinal);
        Assert.Equal("#on", impossible.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_rates_in_force_today_are_one_per_milestone_and_cohort()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).DateTime)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var items = (await client.GetJsonAsync($"/api/v1/tariffs?on={today}&pageSize=500")).GetProperty("items").EnumerateArray().ToList();

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.GetProperty("inForceToday").GetBoolean()));
        var pairs = items.Select(i => (i.GetProperty("milestone").GetString(), i.GetProperty("cohort").GetString())).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        var jobOutcome = items.Single(i => i.GetProperty("milestone").GetString() == "JobOutcome" && i.GetProperty("cohort").GetString() == "HardestToHelp");
        Assert.Equal(889m, jobOutcome.GetProperty("amount").GetDecimal());
        Assert.False(jobOutcome.GetProperty("isDemo").GetBoolean());
    }

    [Theory]
    [InlineData("on=31/03/2020", "on")]
    [InlineData("milestone=jobStart", "milestone")]
    [InlineData("cohort=everyone", "cohort")]
    public async Task A_bad_filter_is_a_field_error(string query, string field)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var problem = await client.GetJsonAsync($"/api/v1/tariffs?{query}", HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    public static TheoryData<string, string, string> BadRates => new()
    {
        { """{"milestone":"JobOutcome","cohort":"Employed","effectiveFrom":"2021-03-01","amount":-1}""", "amount", "£0 or more" },
        { """{"milestone":"JobOutcome","cohort":"Employed","effectiveFrom":"2021-03-01","amount":1.234}""", "amount", "2 decimal places" },
        { """{"milestone":"JobOutcome","cohort":"Employed","effectiveFrom":"2021-03-01","amount":100000.01}""", "amount", "£100,000.00 or less" },
        { """{"milestone":"jobStart","cohort":"Employed","effectiveFrom":"2021-03-01","amount":1}""", "milestone", "Must be one of" },
        { """{"milestone":"JobOutcome","cohort":"everyone","effectiveFrom":"2021-03-01","amount":1}""", "cohort", "Must be one of" },
        { """{"cohort":"Employed","effectiveFrom":"2021-03-01","amount":1}""", "milestone", "Select the milestone" },
        { """{"milestone":"Engaged","cohort":"HardestToHelp","effectiveFrom":"2020-04-01","amount":1}""", "effectiveFrom", "already a rate" },
        { """{"milestone":"JobOutcome","cohort":"Employed","effectiveFrom":"2018-05-31","amount":1}""", "effectiveFrom", "programme's start, 1 June 2018" },
        { """{"milestone":"JobOutcome","cohort":"Employed","amount":1}""", "effectiveFrom", "Enter the date" },
        { """{"milestone":"JobOutcome","cohort":"Employed","effectiveFrom":"2021-03-01","amount":"lots"}""", "amount", "number" },
    };

    [Theory]
    [MemberData(nameof(BadRates))]
    public async Task A_bad_rate_gives_a_field_error_and_changes_nothing(string body, string field, string message)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await TotalRatesAsync();

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tariffs", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, field, message);
        Assert.Equal(before, await TotalRatesAsync());
    }

    [Fact]
    public async Task A_commissioner_adds_a_rate_and_changes_it_through_the_API()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var body = new TariffBody("Sustained26Weeks", "Employed", "2021-04-01", 250.50m, "Employed sustainment paid from April 2021");
        var (created, rate) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tariffs", body);
        Assert.Equal(HttpStatusCode.Created, created);
        var id = rate.GetProperty("id").GetString();
        Assert.Equal("Sustained26Weeks", rate.GetProperty("milestone").GetString());
        Assert.Equal("Employed", rate.GetProperty("cohort").GetString());
        Assert.Equal(250.50m, rate.GetProperty("amount").GetDecimal());
        Assert.False(rate.GetProperty("isDemo").GetBoolean());

        var (updated, after) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tariffs/{id}",
            new { effectiveFrom = "2021-04-01", amount = 275m, reason = "Revised", version = rate.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal(rate.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
        var readBack = await client.GetJsonAsync($"/api/v1/tariffs/{id}");
        Assert.Equal(275m, readBack.GetProperty("amount").GetDecimal());
        Assert.Equal("Revised", readBack.GetProperty("reason").GetString());
        var inForce = (await client.GetJsonAsync("/api/v1/tariffs?on=2021-04-01&milestone=Sustained26Weeks&cohort=Employed")).GetProperty("items");
        Assert.Equal(id, inForce[0].GetProperty("id").GetString());
        Assert.Equal(0, (await client.GetJsonAsync("/api/v1/tariffs?on=2021-03-31&milestone=Sustained26Weeks&cohort=Employed")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Changing_a_demo_amount_makes_it_a_real_figure()
    {
        var id = await SeededRateIdAsync("Sustained52Weeks", "RapidProgression");
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await client.GetJsonAsync($"/api/v1/tariffs/{id}");
        Assert.True(before.GetProperty("isDemo").GetBoolean());

        var (status, after) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tariffs/{id}",
            new { effectiveFrom = "2018-06-01", amount = 470m, reason = "Confirmed with the commissioner", version = before.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(after.GetProperty("isDemo").GetBoolean());
        Assert.Equal(470m, after.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_stale_version_is_refused_as_a_conflict()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, rate) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tariffs", NewRate("2021-05-01", 100m));
        var id = rate.GetProperty("id").GetString();
        var version = rate.GetProperty("version").GetInt32();
        await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tariffs/{id}", new { effectiveFrom = "2021-05-01", amount = 110m, version });

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tariffs/{id}", new { effectiveFrom = "2021-05-01", amount = 120m, version });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("changed", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(110m, (await client.GetJsonAsync($"/api/v1/tariffs/{id}")).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_rate_keeps_its_milestone_and_cohort_and_its_date_may_not_clash()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, rate) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tariffs", NewRate("2021-06-01", 100m));
        var id = rate.GetProperty("id").GetString();

        var (cohortStatus, cohortProblem) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tariffs/{id}",
            new { cohort = "HardestToHelp", effectiveFrom = "2021-06-01", amount = 100m });
        var (_, other) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tariffs", NewRate("2021-07-01", 100m));
        var (clashStatus, clashProblem) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/tariffs/{other.GetProperty("id").GetString()}",
            new { effectiveFrom = "2021-06-01", amount = 100m });

        Assert.Equal(HttpStatusCode.BadRequest, cohortStatus);
        AssertFieldError(cohortProblem, "cohort", "cannot change");
        Assert.Equal(HttpStatusCode.BadRequest, clashStatus);
        AssertFieldError(clashProblem, "effectiveFrom", "already a rate");
        Assert.Equal("Employed", (await client.GetJsonAsync($"/api/v1/tariffs/{id}")).GetProperty("cohort").GetString());
    }

    [Fact]
    public async Task An_unknown_rate_is_404_in_the_API_and_the_pages()
    {
        var id = Guid.NewGuid();
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        await api.GetJsonAsync($"/api/v1/tariffs/{id}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/tariffs/{id}", new { effectiveFrom = "2021-01-01", amount = 1m })).Status);
        await client.GetPageAsync($"/setup/tariffs/{id}", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("-5", "The amount must be £0 or more")]
    [InlineData("12.345", "no more than 2 decimal places")]
    [InlineData("a lot", "must be an amount in pounds")]
    [InlineData("", "Enter the amount")]
    public async Task The_change_page_shows_a_bad_amount_and_keeps_the_rate(string amount, string message)
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, rate) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/tariffs", NewRate($"2022-01-{10 + amount.Length:00}", 300m));
        var id = rate.GetProperty("id").GetString();
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var response = await client.PostFormAsync($"/setup/tariffs/{id}", EditForm(amount, new DateOnly(2022, 1, 10 + amount.Length)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector(".govuk-error-summary")!;
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#amount", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(amount, page.QuerySelector("#amount")!.GetAttribute("value"));
        Assert.Equal(300m, (await api.GetJsonAsync($"/api/v1/tariffs/{id}")).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task The_change_page_saves_a_rate_and_the_new_amount_shows_on_the_tariffs_page()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, rate) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/tariffs", NewRate("2022-02-01", 300m));
        var id = rate.GetProperty("id").GetString();
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var form = await client.GetPageAsync($"/setup/tariffs/{id}");
        Assert.Equal("300.00", form.QuerySelector("#amount")!.GetAttribute("value"));
        Assert.Equal("£", form.QuerySelector(".govuk-input__prefix")!.TextContent);

        var response = await client.PostFormAsync($"/setup/tariffs/{id}",
            EditForm("£1,234.50", new DateOnly(2022, 2, 1), "Agreed at the contract review", rate.GetProperty("version").GetInt32()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup/tariffs", response.Headers.Location!.ToString());
        var page = await client.GetPageAsync("/setup/tariffs");
        Assert.Contains("Tariff saved", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£1,234.50", page.QuerySelectorAll("table")[1].TextContent, StringComparison.Ordinal);
        var readBack = await api.GetJsonAsync($"/api/v1/tariffs/{id}");
        Assert.Equal(1234.50m, readBack.GetProperty("amount").GetDecimal());
        Assert.Equal("Agreed at the contract review", readBack.GetProperty("reason").GetString());
        var edited = await client.GetPageAsync($"/setup/tariffs/{id}");
        Assert.Equal("1234.50", edited.QuerySelector("#amount")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_add_page_refuses_a_duplicate_date_and_an_unknown_milestone_then_adds_a_rate()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var before = await TotalRatesAsync();
        var form = await client.GetPageAsync("/setup/tariffs/new?milestone=Sustained26Weeks&cohort=Employed");
        Assert.Equal("Sustained26Weeks", form.QuerySelector("#milestone option[selected]")!.GetAttribute("value"));

        var duplicate = await client.ParseAsync(await client.PostFormAsync("/setup/tariffs/new", NewForm("Engaged", "HardestToHelp", "1", new DateOnly(2020, 4, 1))));
        var unknown = await client.ParseAsync(await client.PostFormAsync("/setup/tariffs/new", NewForm("jobStart", "Employed", "1", new DateOnly(2022, 3, 1))));

        Assert.Equal("#effectiveFrom", duplicate.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("already a rate", duplicate.QuerySelector("#effectiveFrom-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Select a milestone from the list", unknown.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await TotalRatesAsync());

        var added = await client.PostFormAsync("/setup/tariffs/new", NewForm("Sustained26Weeks", "Employed", "345.67", new DateOnly(2022, 3, 1)));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(before + 1, await TotalRatesAsync());
        var onTheDay = await client.GetPageAsync("/setup/tariffs?on.Day=1&on.Month=3&on.Year=2022");
        Assert.StartsWith("£345.67", RateCell(onTheDay, "Sustained 26 weeks", "Employed"), StringComparison.Ordinal);
    }

    private static TariffBody NewRate(string effectiveFrom, decimal amount) =>
        new("JobOutcome", "Employed", effectiveFrom, amount, null);

    private static Dictionary<string, string> EditForm(string amount, DateOnly effectiveFrom, string reason = "", int? version = null)
    {
        var form = DateFields("effectiveFrom", effectiveFrom);
        form["amount"] = amount;
        form["reason"] = reason;
        if (version is { } v)
        {
            form["version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return form;
    }

    private static Dictionary<string, string> NewForm(string milestone, string cohort, string amount, DateOnly effectiveFrom)
    {
        var form = EditForm(amount, effectiveFrom);
        form["milestone"] = milestone;
        form["cohort"] = cohort;
        return form;
    }

    private static Dictionary<string, string> DateFields(string name, DateOnly date) => new()
    {
        [$"{name}.Day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{name}.Month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{name}.Year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The text of the rates table's cell for a milestone (row) and cohort (column).</summary>
    private static string RateCell(IDocument page, string milestone, string cohort)
    {
        var table = page.QuerySelector("table")!;
        var headers = table.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        var column = headers.IndexOf(cohort);
        Assert.True(column > 0, $"No column {cohort}");
        var row = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == milestone);
        return row.QuerySelectorAll("th, td")[column].TextContent.Trim();
    }

    private static void AssertFieldError(JsonElement problem, string field, string message)
    {
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var errors), $"No error for {field}: {problem}");
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains(message, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<int> TotalRatesAsync()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        return (await client.GetJsonAsync("/api/v1/tariffs?pageSize=1")).GetProperty("total").GetInt32();
    }

    private async Task<JsonElement> ReadRateAsync(string id)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        return await client.GetJsonAsync($"/api/v1/tariffs/{id}");
    }

    /// <summary>The seeded rate from 1 June 2018 for a milestone and cohort.</summary>
    private async Task<string> SeededRateIdAsync(string milestone, string cohort)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var items = (await client.GetJsonAsync($"/api/v1/tariffs?on=2018-06-01&milestone={milestone}&cohort={cohort}")).GetProperty("items");
        return items[0].GetProperty("id").GetString()!;
    }

    private sealed record TariffBody(string Milestone, string Cohort, string EffectiveFrom, decimal Amount, string? Reason);
}
