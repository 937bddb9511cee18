using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ConnectingCommunities.Data;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Brokerage;

public sealed class VacanciesTestsOnSqlite(SqliteApp fixture) : VacanciesTests<SqliteApp>(fixture);

public sealed class VacanciesTestsOnPostgres(PostgresApp fixture) : VacanciesTests<PostgresApp>(fixture);

/// <summary>Vacancies: visible programme-wide, changed only by the lot that found them, bad input refused with nothing written.</summary>
public abstract class VacanciesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly string NextYear = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private TestApp App => fixture.App;

    private static JsonObject Vacancy(Guid employerId, decimal wage = 20.00m) => new()
    {
        ["employerId"] = employerId,
        ["title"] = "Warehouse operative",
        ["socCode"] = "9252",
        ["postcode"] = "b8 1aa",
        ["weeklyHours"] = 37.5m,
        ["hourlyWage"] = wage,
        ["contractType"] = "Permanent",
        ["closingOn"] = NextYear,
        ["requiredSkills"] = new JsonArray("forklift", "Manual handling"),
        ["drivingLicenceRequired"] = false,
    };

    private async Task<Guid> AddAsync(string lot, Guid employerId, decimal wage = 20.00m)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Advisor(lot));
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/vacancies", Vacancy(employerId, wage));
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("id").GetGuid();
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Advisors_and_managers_add_vacancies_commissioners_read_them_evaluators_may_not(string email)
    {
        var employer = await EmployersTests<TFixture>.AddEmployerAsync(App, "WH");
        using var client = await App.ApiClientAsync(email);
        var before = await CountAsync();
        var list = await client.GetAsync("/api/v1/vacancies");
        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/vacancies", Vacancy(employer));

        if (email == DemoUsers.Evaluator || email == DemoUsers.Commissioner)
        {
            Assert.Equal(email == DemoUsers.Evaluator ? HttpStatusCode.Forbidden : HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, created);
            Assert.Equal(before, await CountAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(HttpStatusCode.Created, created);
            Assert.Equal("B8 1AA", body.GetProperty("postcode").GetString());
            Assert.Equal(["Forklift", "Manual handling"], body.GetProperty("requiredSkills").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal("Open", body.GetProperty("status").GetString());
            Assert.Equal("WH", body.GetProperty("foundByLot").GetString());
            Assert.Equal(0, body.GetProperty("warnings").GetArrayLength());
        }
    }

    [Fact]
    public async Task A_wage_below_the_National_Living_Wage_is_allowed_with_a_warning()
    {
        var employer = await EmployersTests<TFixture>.AddEmployerAsync(App, "WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/vacancies", Vacancy(employer, 5.00m));

        Assert.Equal(HttpStatusCode.Created, status);
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("below the National Living Wage", warning, StringComparison.Ordinal);
        using var page = await App.SignInAsync(DemoUsers.Advisor("SE"));
        var details = await page.GetPageAsync($"/vacancies/{body.GetProperty("id").GetGuid()}");
        Assert.Contains("below the National Living Wage", details.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, object?, string> BadVacancies => new()
    {
        { "socCode", "9999", "9999 is not a SOC 2020 unit group" },
        { "closingOn", "2020-01-01", "today or in the future" },
        { "weeklyHours", 0m, "more than 0" },
        { "weeklyHours", -5m, "more than 0" },
        { "weeklyHours", 100.5m, "no more than 100" },
        { "hourlyWage", -1m, "£0 or more" },
        { "contractType", "Casual", "Allowed values" },
        { "postcode", "not a postcode", "postcode" },
        { "shiftPattern", "twilight", "Allowed values" },
        { "positions", 0, "from 1" },
        { "minimumQualification", "phd", "Allowed values" },
    };

    [Theory]
    [MemberData(nameof(BadVacancies))]
    public async Task Bad_input_is_a_field_error_and_nothing_is_written(string field, object? value, string message)
    {
        var employer = await EmployersTests<TFixture>.AddEmployerAsync(App, "WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var before = await CountAsync();
        var json = Vacancy(employer);
        json[field] = JsonValue.Create(value);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/vacancies", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out var errors), body.ToString());
        Assert.Contains(message, errors[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Another_lot_reads_the_vacancy_but_only_the_finding_lot_changes_or_closes_it()
    {
        var employer = await EmployersTests<TFixture>.AddEmployerAsync(App, "WH");
        var id = await AddAsync("WH", employer);
        using var se = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        using var wh = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var seen = await se.GetJsonAsync($"/api/v1/vacancies/{id}");
        var sePut = await se.SendJsonAsync(HttpMethod.Put, $"/api/v1/vacancies/{id}", Vacancy(employer));
        var sePatch = await se.SendJsonAsync(HttpMethod.Patch, $"/api/v1/vacancies/{id}", new { status = "Closed" });
        var changed = Vacancy(employer, 21m);
        changed["title"] = "Senior warehouse operative";
        changed["reason"] = "Employer raised the grade";
        var (putStatus, put) = await wh.SendJsonAsync(HttpMethod.Put, $"/api/v1/vacancies/{id}", changed);
        var (patchStatus, patch) = await wh.SendJsonAsync(HttpMethod.Patch, $"/api/v1/vacancies/{id}", new { status = "Closed", reason = "Filled elsewhere" });
        var badPatch = await wh.SendJsonAsync(HttpMethod.Patch, $"/api/v1/vacancies/{id}", new { status = "Gone" });

        Assert.False(seen.GetProperty("canChange").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, sePut.Status);
        Assert.Equal(HttpStatusCode.Forbidden, sePatch.Status);
        Assert.Equal(HttpStatusCode.OK, putStatus);
        Assert.Equal("Senior warehouse operative", put.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, patchStatus);
        Assert.Equal("Closed", patch.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badPatch.Status);
        var closed = await se.GetJsonAsync($"/api/v1/vacancies?status=Closed&employerId={employer}");
        Assert.Contains(closed.GetProperty("items").EnumerateArray(), v => v.GetProperty("id").GetGuid() == id);
        var open = await se.GetJsonAsync($"/api/v1/vacancies?status=Open&employerId={employer}");
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), v => v.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Vacancies_are_filtered_by_lot_and_SOC()
    {
        var employer = await EmployersTests<TFixture>.AddEmployerAsync(App, "SE");
        var id = await AddAsync("SE", employer);
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var byLot = await client.GetJsonAsync($"/api/v1/vacancies?lot=SE&employerId={employer}");
        var otherLot = await client.GetJsonAsync($"/api/v1/vacancies?lot=WH&employerId={employer}");
        var bySoc = await client.GetJsonAsync($"/api/v1/vacancies?soc=92&employerId={employer}");
        var otherSoc = await client.GetJsonAsync($"/api/v1/vacancies?soc=71&employerId={employer}");
        var badLot = await client.GetJsonAsync("/api/v1/vacancies?lot=ZZ", HttpStatusCode.BadRequest);

        Assert.Equal(id, byLot.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(0, otherLot.GetProperty("total").GetInt32());
        Assert.Equal(1, bySoc.GetProperty("total").GetInt32());
        Assert.Equal(0, otherSoc.GetProperty("total").GetInt32());
        Assert.True(badLot.GetProperty("errors").TryGetProperty("lot", out _));
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Vacancy_pages_by_role(string email)
    {
        var employer = await EmployersTests<TFixture>.AddEmployerAsync(App, "WH");
        var id = await AddAsync("WH", employer);
        using var client = await App.SignInAsync(email);
        var reading = email == DemoUsers.Evaluator ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
        var writing = email == DemoUsers.Evaluator || email == DemoUsers.Commissioner ? HttpStatusCode.Forbidden : HttpStatusCode.OK;

        Assert.Equal(reading, (await client.GetAsync("/vacancies")).StatusCode);
        Assert.Equal(reading, (await client.GetAsync("/vacancies?status=Closed&lot=WH&soc=92&closingBy.Day=1&closingBy.Month=1&closingBy.Year=2030")).StatusCode);
        Assert.Equal(reading, (await client.GetAsync($"/vacancies/{id}")).StatusCode);
        Assert.Equal(writing, (await client.GetAsync("/vacancies/new")).StatusCode);
        Assert.Equal(writing, (await client.GetAsync($"/vacancies/new?employerId={employer}")).StatusCode);
        Assert.Equal(writing, (await client.GetAsync($"/vacancies/{id}/edit")).StatusCode);
    }

    [Fact]
    public async Task A_vacancy_is_added_and_closed_through_the_pages()
    {
        var employer = await EmployersTests<TFixture>.AddEmployerAsync(App, "WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var closing = DateTime.UtcNow.AddMonths(2);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("employerId", employer.ToString()),
            new("title", "Kitchen porter"),
            new("socCode", "9263"),
            new("postcode", "B8 1AA"),
            new("weeklyHours", "20"),
            new("shiftPattern", "evenings"),
            new("workingDays", "Fri"),
            new("workingDays", "Sat"),
            new("hourlyWage", "£4.00"),
            new("contractType", "ZeroHours"),
            new("requiredSkills", "Food hygiene"),
            new("otherRequiredSkills", "Pot washing"),
            new("drivingLicenceRequired", "no"),
            new("closingOn.Day", closing.Day.ToString(CultureInfo.InvariantCulture)),
            new("closingOn.Month", closing.Month.ToString(CultureInfo.InvariantCulture)),
            new("closingOn.Year", closing.Year.ToString(CultureInfo.InvariantCulture)),
        };

        var bad = await client.ParseAsync(await client.PostFormAsync("/vacancies/new", [.. fields.Where(f => f.Key != "socCode"), new("socCode", "9999")], "/vacancies/new"));
        var created = await client.PostFormAsync("/vacancies/new", fields, "/vacancies/new");

        Assert.Equal("#socCode", bad.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var details = await client.GetPageAsync(url);
        Assert.Contains("below the National Living Wage", details.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pot washing", details.Body!.TextContent, StringComparison.Ordinal);
        var closed = await client.PostFormAsync(url, new Dictionary<string, string> { ["status"] = "Closed", ["reason"] = "Employer withdrew it" }, url);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Closed", (await client.GetPageAsync(url)).QuerySelector("p.govuk-body strong.govuk-tag")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.Vacancies.CountAsync(TestContext.Current.CancellationToken);
    }
}
