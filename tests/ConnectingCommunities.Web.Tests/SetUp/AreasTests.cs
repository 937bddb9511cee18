using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.SetUp;

public sealed class AreasTestsOnSqlite(SqliteApp fixture) : AreasTests<SqliteApp>(fixture);

public sealed class AreasTestsOnPostgres(PostgresApp fixture) : AreasTests<PostgresApp>(fixture);

/// <summary>
/// Lot areas. Tests that change an area do it on a lot of their own (codes starting with Y), with
/// postcodes of their own district, so the nine lots of Table 1-1 keep their seeded areas.
/// </summary>
public abstract class AreasTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private TestApp App => fixture.App;

    [Fact]
    public async Task Without_a_token_the_area_endpoints_answer_401()
    {
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/lots/WH/postcodes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/WH/postcodes", Add("B8 1AA"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendJsonAsync(HttpMethod.Delete, "/api/v1/lots/WH/postcodes/B8%201AJ", null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/postcodes/B8%201AJ/lot")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Access.EveryoneButCommissioners), MemberType = typeof(Access))]
    public async Task Only_commissioners_may_read_or_change_areas(string email)
    {
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var existing = await FirstPostcodeAsync(commissioner, "WH");
        var before = await CountAsync(commissioner, "WH");
        using var client = await App.ApiClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/lots/WH/postcodes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/WH/postcodes", Add("B8 1QA"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/lots/WH/postcodes/{Uri.EscapeDataString(existing)}", null)).Status);
        using var upload = Csv("B8 1QA\n");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/api/v1/lots/WH/postcodes", upload)).StatusCode);

        Assert.Equal(before, await CountAsync(commissioner, "WH"));
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Everyone_signed_in_can_ask_which_lot_a_postcode_is_in(string email)
    {
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var existing = await FirstPostcodeAsync(commissioner, "BL");
        using var client = await App.ApiClientAsync(email);

        var found = await client.GetJsonAsync($"/api/v1/postcodes/{Uri.EscapeDataString(existing.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal))}/lot");

        Assert.Equal(existing, found.GetProperty("postcode").GetString());
        Assert.Equal("BL", found.GetProperty("lot").GetString());
        await client.GetJsonAsync("/api/v1/postcodes/ZE1%209ZZ/lot", HttpStatusCode.NotFound);
        var invalid = await client.GetJsonAsync("/api/v1/postcodes/B8%201CX/lot", HttpStatusCode.BadRequest);
        Assert.Contains("Enter a real postcode", Error(invalid, "postcode"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lot_lists_its_postcodes_in_order_with_a_prefix_search()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var all = await client.GetJsonAsync("/api/v1/lots/wh/postcodes?pageSize=500");
        var postcodes = all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("postcode").GetString()!).ToList();
        Assert.True(postcodes.Count > 0);
        Assert.Equal(postcodes.Order(StringComparer.Ordinal), postcodes);
        var first = all.GetProperty("items")[0];
        Assert.Equal(first.GetProperty("postcode").GetString()!.Split(' ')[0], first.GetProperty("district").GetString());

        var prefix = postcodes[0][..^2];
        var found = await client.GetJsonAsync($"/api/v1/lots/WH/postcodes?search={Uri.EscapeDataString(prefix.ToLowerInvariant())}");
        var matches = found.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("postcode").GetString()!).ToList();
        Assert.Contains(postcodes[0], matches);
        Assert.All(matches, m => Assert.StartsWith(prefix, m, StringComparison.Ordinal));
        Assert.Equal(postcodes.Count(p => p.StartsWith(prefix, StringComparison.Ordinal)), found.GetProperty("total").GetInt32());

        await client.GetJsonAsync("/api/v1/lots/QQ/postcodes", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_CSV_with_a_byte_order_mark_a_header_and_repeats_adds_each_postcode_once()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        await CreateLotAsync(client, "YA");

        using var upload = Csv("Name,Postcode\r\nFirst,ze1 1aa\r\nSecond,ZE1 1AB\r\n\r\nRepeat,ZE11AB\r\n", bom: true);
        var response = await PostAsync(client, "/api/v1/lots/YA/postcodes", upload);
        var change = await TestClient.ReadJsonAsync(response, HttpStatusCode.OK, "upload");

        Assert.Equal(2, change.GetProperty("added").GetInt32());
        Assert.Equal(0, change.GetProperty("removed").GetInt32());
        Assert.Equal(0, change.GetProperty("unchanged").GetInt32());
        Assert.Equal(1, change.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, change.GetProperty("total").GetInt32());
        Assert.Equal(["ZE1 1AA", "ZE1 1AB"], await PostcodesAsync(client, "YA"));

        using var again = Csv("ZE1 1AB\nZE1 1AD\n");
        var second = await TestClient.ReadJsonAsync(
            await PostAsync(client, "/api/v1/lots/YA/postcodes", again), HttpStatusCode.OK, "second upload");
        Assert.Equal(1, second.GetProperty("added").GetInt32());
        Assert.Equal(1, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(3, second.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_CSV_with_a_bad_postcode_on_row_3_is_refused_whole()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        await CreateLotAsync(client, "YB");
        await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/YB/postcodes", Add("ZE2 9AA"));

        using var upload = Csv("postcode\nZE2 1AA\nZE2 1CX\nZE2 1AB\n", mode: "replace");
        var response = await PostAsync(client, "/api/v1/lots/YB/postcodes", upload);
        var problem = await TestClient.ReadJsonAsync(response, HttpStatusCode.BadRequest, "upload");

        Assert.Contains("Row 3: 'ZE2 1CX'", Error(problem, "file"), StringComparison.Ordinal);
        var rows = problem.GetProperty("rows").EnumerateArray().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(3, row.GetProperty("row").GetInt32());
        Assert.Equal("ZE2 1CX", row.GetProperty("value").GetString());
        Assert.Contains("Enter a real postcode", row.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, problem.GetProperty("rowErrorCount").GetInt32());
        Assert.Equal(["ZE2 9AA"], await PostcodesAsync(client, "YB"));
    }

    [Fact]
    public async Task A_postcode_already_in_another_lot_is_refused_naming_that_lot()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        await CreateLotAsync(client, "YC");
        var taken = await FirstPostcodeAsync(client, "WH");

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/YC/postcodes", new { postcodes = new[] { "ZE3 1AA", taken }, mode = "add" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray().ToList());
        Assert.Equal(2, row.GetProperty("row").GetInt32());
        Assert.Contains("lot WH", row.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("lot WH", Error(problem, "postcodes"), StringComparison.Ordinal);
        Assert.Empty(await PostcodesAsync(client, "YC"));
        Assert.Equal("WH", (await client.GetJsonAsync($"/api/v1/postcodes/{Uri.EscapeDataString(taken)}/lot")).GetProperty("lot").GetString());

        using var upload = Csv($"{taken}\n");
        var csv = await TestClient.ReadJsonAsync(
            await PostAsync(client, "/api/v1/lots/YC/postcodes", upload), HttpStatusCode.BadRequest, "upload");
        Assert.Contains("lot WH", Error(csv, "file"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_makes_the_area_exactly_the_list()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        await CreateLotAsync(client, "YD");
        await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/YD/postcodes", Add("ZE4 1AA", "ZE4 1AB", "ZE4 1AD"));

        var (status, change) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/YD/postcodes",
            new { postcodes = new[] { "ze4 1ab", "ZE4 1AE" }, mode = "REPLACE", reason = "Boundary review" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, change.GetProperty("added").GetInt32());
        Assert.Equal(2, change.GetProperty("removed").GetInt32());
        Assert.Equal(1, change.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, change.GetProperty("total").GetInt32());
        Assert.Equal(["ZE4 1AB", "ZE4 1AE"], await PostcodesAsync(client, "YD"));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"postcodes":[],"mode":"add"}""", "postcodes", "at least one postcode" },
        { """{"postcodes":["ZE5 1AA"],"mode":"sideways"}""", "mode", "add" },
        { """{"postcodes":["ZE5 1AA", "not a postcode"]}""", "postcodes", "Postcode 2" },
        { """{"postcodes":""", "postcodes", "JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_JSON_bodies_give_field_errors_and_change_nothing(string body, string field, string message)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await CountAsync(client, "GL");

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/GL/postcodes", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, Error(problem, field), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountAsync(client, "GL"));
    }

    [Fact]
    public async Task Files_that_cannot_be_read_are_refused_with_a_file_error()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await CountAsync(client, "GL");

        var tooManyRows = string.Concat(Enumerable.Range(0, 100_001).Select(i => $"ZE6 {i % 10}AA\n"));
        var tooBig = new string('x', 5 * 1024 * 1024 + 10);
        foreach (var (content, message) in new (byte[] Content, string Message)[]
        {
            ([], "empty"),
            (Encoding.UTF8.GetBytes("postcode\n\n"), "no postcodes"),
            ([0x42, 0x38, 0x20, 0x31, 0x41, 0xE9, 0x0A], "UTF-8"),
            (Encoding.UTF8.GetBytes(tooManyRows), "100,000 rows"),
            (Encoding.UTF8.GetBytes(tooBig), "5 MB"),
        })
        {
            using var upload = Csv(content);
            var problem = await TestClient.ReadJsonAsync(
                await PostAsync(client, "/api/v1/lots/GL/postcodes", upload), HttpStatusCode.BadRequest, message);
            Assert.Contains(message, Error(problem, "file"), StringComparison.Ordinal);
        }

        using var noFile = new MultipartFormDataContent { { new StringContent("add"), "mode" } };
        var missing = await TestClient.ReadJsonAsync(
            await PostAsync(client, "/api/v1/lots/GL/postcodes", noFile), HttpStatusCode.BadRequest, "no file");
        Assert.Contains("Select a CSV file", Error(missing, "file"), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client, "GL"));
    }

    [Fact]
    public async Task Uploads_and_deletes_for_an_unknown_lot_are_404()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/QQ/postcodes", Add("ZE7 1AA"))).Status);
        using var upload = Csv("ZE7 1AA\n");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, "/api/v1/lots/QQ/postcodes", upload)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Delete, "/api/v1/lots/QQ/postcodes/ZE7%201AA", null)).Status);
    }

    [Fact]
    public async Task One_postcode_is_removed_from_an_area()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        await CreateLotAsync(client, "YE");
        await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots/YE/postcodes", Add("ZE8 1AA", "ZE8 1AB"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendJsonAsync(HttpMethod.Delete, "/api/v1/lots/YE/postcodes/ze81aa", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Delete, "/api/v1/lots/YE/postcodes/ZE8%201AA", null)).Status);
        var (invalid, problem) = await client.SendJsonAsync(HttpMethod.Delete, "/api/v1/lots/YE/postcodes/ZE8%201CX", null);
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.Contains("Enter a real postcode", Error(problem, "postcode"), StringComparison.Ordinal);
        Assert.Equal(["ZE8 1AB"], await PostcodesAsync(client, "YE"));
        await client.GetJsonAsync("/api/v1/postcodes/ZE8%201AA/lot", HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task The_area_page_is_for_commissioners_only(string email)
    {
        using var client = await App.SignInAsync(email);
        var expected = email == DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        foreach (var page in new[] { "/setup/lots/wh/area", "/setup/lots/bl/area?search=ws2&page=1" })
        {
            var response = await client.GetAsync(page);
            Assert.True(expected == response.StatusCode, $"{email} {page}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_area_page_shows_the_count_districts_and_a_searchable_table()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var count = await CountAsync(api, "WH");
        var first = await FirstPostcodeAsync(api, "WH");
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await client.GetPageAsync("/setup/lots/wh/area");

        Assert.Equal("Area of Washwood Heath - Connecting Communities", page.Title);
        Assert.Contains($"{count:N0} postcodes", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(first.Split(' ')[0], page.QuerySelectorAll("table")[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[enctype='multipart/form-data'] input[type=file][name=file].govuk-file-upload"));
        Assert.NotNull(page.QuerySelector("input[type=radio][name=mode][value=replace]"));

        var searched = await client.GetPageAsync($"/setup/lots/wh/area?search={Uri.EscapeDataString(first)}");
        var rows = searched.QuerySelectorAll("form[action*='handler=remove'] input[name=postcode]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([first], rows);
        await client.GetPageAsync("/setup/lots/qq/area", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_area_page_lists_refused_rows_and_saves_nothing()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        await CreateLotAsync(api, "YF");
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var response = await UploadOnPageAsync(client, "yf", "ZE9 1AA\nZE9 1AB\nZE9 1CX\n", "add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal("#file", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("Row 3: 'ZE9 1CX'", page.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        var cells = page.QuerySelectorAll("#row-errors tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("3", cells[0]);
        Assert.Equal("ZE9 1CX", cells[1]);
        Assert.Contains("Enter a real postcode", cells[2], StringComparison.Ordinal);
        Assert.Empty(await PostcodesAsync(api, "YF"));
    }

    [Fact]
    public async Task The_area_page_uploads_adds_and_removes_postcodes()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        await CreateLotAsync(api, "YG");
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var uploaded = await UploadOnPageAsync(client, "yg", "postcode\nZW1 1AA\nZW1 1AB\nZW1 1AB\n", "add");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var page = await client.GetPageAsync(uploaded.Headers.Location!.ToString());
        Assert.Contains("2 postcodes added", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var added = await client.PostFormAsync("/setup/lots/yg/area?handler=add", [new("postcode", "zw1 1ad")], tokenFrom: "/setup/lots/yg/area");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var refused = await client.PostFormAsync("/setup/lots/yg/area?handler=add", [new("postcode", "ZW1 1AD")], tokenFrom: "/setup/lots/yg/area");
        Assert.Contains("already in this lot's area", (await client.ParseAsync(refused)).QuerySelector("#postcode-error")!.TextContent, StringComparison.Ordinal);

        var removed = await client.PostFormAsync("/setup/lots/yg/area?handler=remove",
            [new("postcode", "ZW1 1AA"), new("search", "ZW1"), new("returnPage", "1")], tokenFrom: "/setup/lots/yg/area");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("/setup/lots/yg/area?search=ZW1", removed.Headers.Location!.ToString());
        Assert.Equal(["ZW1 1AB", "ZW1 1AD"], await PostcodesAsync(api, "YG"));

        var replaced = await UploadOnPageAsync(client, "yg", "ZW1 1AE\n", "replace");
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Equal(["ZW1 1AE"], await PostcodesAsync(api, "YG"));
    }

    private static Task<HttpResponseMessage> PostAsync(TestClient client, string url, HttpContent content) =>
        client.Http.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);

    private static object Add(params string[] postcodes) => new { postcodes, mode = "add" };

    private static MultipartFormDataContent Csv(string text, string mode = "add", bool bom = false) =>
        Csv(bom ? [.. Utf8Bom, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text), mode);

    private static MultipartFormDataContent Csv(byte[] content, string mode = "add")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "postcodes.csv" }, { new StringContent(mode), "mode" } };
    }

    private static async Task<HttpResponseMessage> UploadOnPageAsync(TestClient client, string code, string csv, string mode)
    {
        var form = await client.GetPageAsync($"/setup/lots/{code}/area");
        var token = form.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = Csv(csv, mode);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await PostAsync(client, $"/setup/lots/{code}/area?handler=upload", content);
    }

    private static async Task CreateLotAsync(TestClient client, string code)
    {
        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/lots", new
        {
            code,
            name = $"Area test lot {code}",
            localAuthority = "Shetland",
            group = "Town location, small lots",
            leadOrganisationType = "Test provider",
            value = 1000m,
            constituentMember = false,
        });
        Assert.Equal(HttpStatusCode.Created, status);
    }

    private static async Task<List<string>> PostcodesAsync(TestClient client, string code) =>
        (await client.GetJsonAsync($"/api/v1/lots/{code}/postcodes?pageSize=500")).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("postcode").GetString()!).ToList();

    private static async Task<string> FirstPostcodeAsync(TestClient client, string code) =>
        (await client.GetJsonAsync($"/api/v1/lots/{code}/postcodes?pageSize=1")).GetProperty("items")[0].GetProperty("postcode").GetString()!;

    private static async Task<int> CountAsync(TestClient client, string code) =>
        (await client.GetJsonAsync($"/api/v1/lots/{code}/postcodes?pageSize=1")).GetProperty("total").GetInt32();

    private static string Error(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}
