using System.Net;
using System.Text.Json;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.SetUp;

public sealed class LotsTestsOnSqlite(SqliteApp fixture) : LotsTests<SqliteApp>(fixture);

public sealed class LotsTestsOnPostgres(PostgresApp fixture) : LotsTests<PostgresApp>(fixture);

public abstract class LotsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    public static TheoryData<string, string, string, string, decimal, bool> TableOneOne => new()
    {
        { "BL", "Birchills Leamore", "Walsall", "FE College (new)", 463000m, true },
        { "BB", "Batchley and Brockhill", "Redditch", "FE College (new)", 173000m, false },
        { "CN", "Cannock North", "Cannock Chase", "FE College", 211200m, true },
        { "WH", "Washwood Heath", "Birmingham", "National welfare to work provider", 1053000m, true },
        { "SE", "Shard End", "Birmingham", "National employment and skills provider", 824700m, true },
        { "CW", "Chelmsley Wood", "Solihull", "Local employment provider (new)", 379000m, true },
        { "BW", "Binley and Willenhall", "Coventry", "National welfare to work provider", 497000m, true },
        { "CH", "Camp Hill", "Nuneaton and Bedworth", "National training provider", 210000m, true },
        { "GL", "Glascote", "Tamworth", "Employment support organisation (CIC)", 188900m, false },
    };

    [Theory]
    [MemberData(nameof(TableOneOne))]
    public async Task The_nine_lots_read_back_from_the_API_exactly_as_in_Table_1_1(
        string code, string name, string localAuthority, string leadOrganisationType, decimal value, bool constituent)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var lot = await client.GetJsonAsync($"/api/v1/lots/{code}");

        Assert.Equal(code, lot.GetProperty("code").GetString());
        Assert.Equal(name, lot.GetProperty("name").GetString());
        Assert.Equal(localAuthority, lot.GetProperty("localAuthority").GetString());
        Assert.Equal(leadOrganisationType, lot.GetProperty("leadOrganisationType").GetString());
        Assert.Equal(value, lot.GetProperty("value").GetDecimal());
        Assert.EndsWith(".00", lot.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(constituent, lot.GetProperty("constituentMember").GetBoolean());
        Assert.False(string.IsNullOrEmpty(lot.GetProperty("group").GetString()));
        Assert.False(string.IsNullOrEmpty(lot.GetProperty("currentProvider").GetString()));
    }

    [Fact]
    public async Task The_lot_list_has_the_nine_lots_worth_3_999_800_in_the_paged_shape()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var page = await client.GetJsonAsync("/api/v1/lots?pageSize=100");

        var codes = page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("code").GetString()).ToList();
        foreach (var code in DemoUsers.LotCodes)
        {
            Assert.Contains(code, codes);
        }

        Assert.Equal(page.GetProperty("items").GetArrayLength(), page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());
        var tableLots = page.GetProperty("items").EnumerateArray().Where(l => DemoUsers.LotCodes.Contains(l.GetProperty("code").GetString()));
        Assert.Equal(3_999_800m, tableLots.Sum(l => l.GetProperty("value").GetDecimal()));
    }

    [Theory]
    [InlineData("BL")]
    [InlineData("BB")]
    [InlineData("CW")]
    public async Task The_three_lots_whose_provider_withdrew_in_2019_have_two_contracts_that_meet_without_overlap(string code)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var contracts = (await client.GetJsonAsync($"/api/v1/contracts?lot={code}")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(2, contracts.Count);
        Assert.Equal("2019-07-31", contracts[0].GetProperty("endDate").GetString());
        Assert.Equal("2019-08-01", contracts[1].GetProperty("startDate").GetString());
        Assert.NotEqual(contracts[0].GetProperty("providerId").GetString(), contracts[1].GetProperty("providerId").GetString());
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Every_role_can_list_lots_but_provider_staff_see_only_their_own(string email)
    {
        using var client = await App.ApiClientAsync(email);
        var items = (await client.GetJsonAsync("/api/v1/lots")).GetProperty("items").EnumerateArray()
            .Select(l => l.GetProperty("code").GetString()).ToList();

        if (email.StartsWith("manager.", StringComparison.Ordinal) || email.StartsWith("advisor.", StringComparison.Ordinal))
        {
            Assert.Equal(["WH"], items);
            await client.GetJsonAsync("/api/v1/lots/BL", HttpStatusCode.NotFound);
            await client.GetJsonAsync("/api/v1/lots/WH");
        }
        else
        {
            Assert.True(items.Count >= 9);
            await client.GetJsonAsync("/api/v1/lots/BL");
        }
    }

    [Fact]
    public async Task Without_a_token_the_API_answers_401_as_problem_details()
    {
        using var client = App.CreateClient();
        var response = await client.GetAsync("/api/v1/lots");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Access.EveryoneButCommissioners), MemberType = typeof(Access))]
    public async Task Only_commissioners_may_add_or_change_lots(string email)
    {
        using var client = await App.ApiClientAsync(email);
        var (createStatus, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots", NewLot("XA"));
        var (updateStatus, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/lots/WH", NewLot("WH"));
        var (otherLotStatus, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/lots/BL", NewLot("BL"));

        Assert.Equal(HttpStatusCode.Forbidden, createStatus);
        Assert.Equal(HttpStatusCode.Forbidden, updateStatus);
        Assert.Equal(HttpStatusCode.Forbidden, otherLotStatus);
    }

    [Fact]
    public async Task A_commissioner_adds_a_lot_and_changes_it()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (created, lot) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots", NewLot("XB"));
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(250000.50m, lot.GetProperty("value").GetDecimal());

        var change = NewLot("XB") with { Name = "Renamed lot", Value = 260000m, Version = lot.GetProperty("version").GetInt32() };
        var (updated, after) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/lots/XB", change);

        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal("Renamed lot", after.GetProperty("name").GetString());
        Assert.Equal(260000m, (await client.GetJsonAsync("/api/v1/lots/XB")).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task A_stale_version_is_refused_as_a_conflict()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, lot) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots", NewLot("XC"));
        var version = lot.GetProperty("version").GetInt32();
        await client.SendJsonAsync(HttpMethod.Put, "/api/v1/lots/XC", NewLot("XC") with { Name = "First edit", Version = version });

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/lots/XC", NewLot("XC") with { Name = "Second edit", Version = version });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("changed", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("First edit", (await client.GetJsonAsync("/api/v1/lots/XC")).GetProperty("name").GetString());
    }

    public static TheoryData<string, string, string> BadLots => new()
    {
        { """{"code":"XD","name":"X","localAuthority":"Y","group":"Town location, small lots","value":-1,"constituentMember":true}""", "value", "£0 or more" },
        { """{"code":"WH","name":"X","localAuthority":"Y","group":"Town location, small lots","value":1,"constituentMember":true}""", "code", "already exists" },
        { """{"code":"X1","name":"X","localAuthority":"Y","group":"Town location, small lots","value":1,"constituentMember":true}""", "code", "2 to 4 letters" },
        { """{"code":"XD","name":"","localAuthority":"Y","group":"Town location, small lots","value":1,"constituentMember":true}""", "name", "Enter the lot name" },
        { """{"code":"XD","name":"X","localAuthority":"Y","group":"No such group","value":1,"constituentMember":true}""", "group", "no group called" },
        { """{"code":"XD","name":"X","localAuthority":"Y","group":"Town location, small lots","value":1.234,"constituentMember":true}""", "value", "2 decimal places" },
        { """{"code":"XD","name":"X","localAuthority":"Y","group":"Town location, small lots","value":"lots","constituentMember":true}""", "value", "number" },
        { """{"code":"XD","name":"X","localAuthority":"Y","group":"Town location, small lots","value":1}""", "constituentMember", "constituent member" },
    };

    [Theory]
    [MemberData(nameof(BadLots))]
    public async Task Bad_input_gives_a_field_error_and_changes_nothing(string body, string field, string message)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = (await client.GetJsonAsync("/api/v1/lots?pageSize=500")).GetProperty("total").GetInt32();

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains(message, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before, (await client.GetJsonAsync("/api/v1/lots?pageSize=500")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Changing_an_unknown_lot_is_404()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/lots/QQ", NewLot("QQ"));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Set_up_pages_are_for_commissioners_only(string email)
    {
        using var client = await App.SignInAsync(email);
        var expected = email == DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        foreach (var page in new[] { "/setup/lots", "/setup/lots/wh", "/setup/lots/wh/edit", "/setup/lots/new", "/setup/contracts/new?lot=WH" })
        {
            var response = await client.GetAsync(page);
            Assert.True(expected == response.StatusCode, $"{email} {page}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_lots_page_lists_the_nine_lots_with_values_in_pounds()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var page = await client.GetPageAsync("/setup/lots");

        Assert.Contains("Washwood Heath", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£1,053,000.00", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£824,700.00", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        await client.GetPageAsync("/setup/lots/zz", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_edit_page_shows_field_errors_and_keeps_the_lot_unchanged()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var response = await client.PostFormAsync("/setup/lots/gl/edit", LotForm("GL", "Glascote", "-5"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector(".govuk-error-summary")!;
        Assert.Contains("The lot value must be £0 or more", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#value", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("-5", page.QuerySelector("#value")!.GetAttribute("value"));

        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        Assert.Equal(188900m, (await api.GetJsonAsync("/api/v1/lots/GL")).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task The_edit_page_saves_and_shows_a_success_banner()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        await api.SendJsonAsync(HttpMethod.Post, "/api/v1/lots", NewLot("XE"));
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var response = await client.PostFormAsync("/setup/lots/xe/edit", LotForm("XE", "Edited on the page", "£300,000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Edited on the page saved", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£300,000.00", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> LotForm(string code, string name, string value) => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["localAuthority"] = "Tamworth",
        ["group"] = "Town location, small lots",
        ["leadOrganisationType"] = "Employment support organisation (CIC)",
        ["value"] = value,
        ["constituentMember"] = "false",
    };

    private static LotBody NewLot(string code) =>
        new(code, $"Test lot {code}", "Birmingham", "Town location, small lots", "Test provider type", 250000.50m, true, null);

    private sealed record LotBody(
        string Code, string Name, string LocalAuthority, string Group, string LeadOrganisationType, decimal Value, bool ConstituentMember, int? Version);
}
