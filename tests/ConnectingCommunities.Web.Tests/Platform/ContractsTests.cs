using System.Net;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.Platform;

public sealed class ContractsTestsOnSqlite(SqliteApp fixture) : ContractsTests<SqliteApp>(fixture);

public sealed class ContractsTestsOnPostgres(PostgresApp fixture) : ContractsTests<PostgresApp>(fixture);

public abstract class ContractsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task An_overlapping_contract_is_refused_with_the_clashing_contract_named_and_nothing_saved()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var providerId = await NewProviderAsync(api, "Overlap Provider");
        var before = (await api.GetJsonAsync("/api/v1/contracts?lot=WH")).GetProperty("total").GetInt32();

        var (status, problem) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/contracts", new
        {
            lot = "WH",
            providerId,
            reference = "CC-WH-99",
            startDate = "2021-06-01",
            endDate = "2022-05-31",
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = problem.GetProperty("errors").GetProperty("startDate")[0].GetString();
        Assert.Contains("CC-WH-01", message, StringComparison.Ordinal);
        Assert.Contains("one active contract", message, StringComparison.Ordinal);
        Assert.Equal(before, (await api.GetJsonAsync("/api/v1/contracts?lot=WH")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_contract_that_starts_the_day_after_the_last_one_ends_is_accepted()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var providerId = await NewProviderAsync(api, "Successor Provider");

        var (status, contract) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/contracts", new
        {
            lot = "GL",
            providerId,
            reference = "CC-GL-02",
            startDate = "2022-01-01",
        });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("GL", contract.GetProperty("lot").GetString());
        Assert.Equal(JsonValueKindNull, contract.GetProperty("endDate").ValueKind);
    }

    [Theory]
    [InlineData("2021-01-01", "2020-01-01", "ZZ", "endDate")]
    [InlineData("2030-01-01", null, "QQ", "lot")]
    [InlineData(null, null, "CN", "startDate")]
    public async Task Bad_contract_input_gives_a_field_error(string? start, string? end, string lot, string field)
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var providerId = await NewProviderAsync(api, $"Bad Input Provider {field}");

        var (status, problem) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/contracts", new
        {
            lot,
            providerId,
            reference = $"CC-BAD-{field}",
            startDate = start,
            endDate = end,
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendJsonAsync(HttpMethod.Get, $"/api/v1/contracts/{Guid.NewGuid()}", null)).Status);
    }

    [Fact]
    public async Task The_Covid_variation_is_recorded_on_contracts_active_in_April_2020()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var contracts = (await api.GetJsonAsync("/api/v1/contracts?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        var active = contracts.Where(c => string.CompareOrdinal(c.GetProperty("startDate").GetString(), "2020-04-01") <= 0
            && string.CompareOrdinal(c.GetProperty("endDate").GetString() ?? "9999", "2020-04-01") >= 0).ToList();

        Assert.Equal(9, active.Count);
        Assert.All(active, c => Assert.Contains(c.GetProperty("variations").EnumerateArray(), v => v.GetProperty("effectiveFrom").GetString() == "2020-04-01"));
    }

    [Fact]
    public async Task A_commissioner_adds_a_contract_on_the_page()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var providerId = await NewProviderAsync(api, "Page Provider");
        using var pages = await App.SignInAsync(DemoUsers.Commissioner);

        var refused = await pages.PostFormAsync("/setup/contracts/new?lot=CH", new Dictionary<string, string>
        {
            ["lot"] = "CH",
            ["providerId"] = providerId,
            ["reference"] = "CC-CH-02",
            ["startDate.Day"] = "1",
            ["startDate.Month"] = "6",
            ["startDate.Year"] = "2021",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("overlap", (await pages.ParseAsync(refused)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var saved = await pages.PostFormAsync("/setup/contracts/new?lot=CH", new Dictionary<string, string>
        {
            ["lot"] = "CH",
            ["providerId"] = providerId,
            ["reference"] = "CC-CH-02",
            ["startDate.Day"] = "1",
            ["startDate.Month"] = "1",
            ["startDate.Year"] = "2022",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var lotPage = await pages.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.Contains("CC-CH-02", lotPage.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static async Task<string> NewProviderAsync(TestClient api, string name)
    {
        var (status, provider) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/providers", new { name, organisationType = "Test" });
        Assert.Equal(HttpStatusCode.Created, status);
        return provider.GetProperty("id").GetString()!;
    }
}
