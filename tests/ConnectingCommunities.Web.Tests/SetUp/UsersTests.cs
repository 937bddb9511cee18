using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.SetUp;

public sealed class UsersTestsOnSqlite(SqliteApp fixture) : UsersTests<SqliteApp>(fixture);

public sealed class UsersTestsOnPostgres(PostgresApp fixture) : UsersTests<PostgresApp>(fixture);

public abstract class UsersTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private const string StrongPassword = "Correct-Horse-42-Battery";

    private TestApp App => fixture.App;

    [Fact]
    public async Task Without_a_token_every_users_endpoint_answers_401_as_problem_details()
    {
        using var client = App.CreateClient();
        var id = Guid.NewGuid();

        foreach (var (method, url) in new[]
        {
            (HttpMethod.Get, "/api/v1/users"),
            (HttpMethod.Get, $"/api/v1/users/{id}"),
            (HttpMethod.Post, "/api/v1/users"),
            (HttpMethod.Put, $"/api/v1/users/{id}"),
            (HttpMethod.Post, $"/api/v1/users/{id}/unlock"),
            (HttpMethod.Post, $"/api/v1/users/{id}/reset-password"),
        })
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
            var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(Access.EveryoneButCommissioners), MemberType = typeof(Access))]
    public async Task Only_commissioners_may_use_the_users_API(string email)
    {
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var target = await CreateUserAsync(commissioner, "Advisor", ["WH"]);
        var id = target.GetProperty("id").GetString();
        using var client = await App.ApiClientAsync(email);

        var statuses = new Dictionary<string, HttpStatusCode>
        {
            ["list"] = (await client.GetAsync("/api/v1/users")).StatusCode,
            ["find"] = (await client.GetAsync($"/api/v1/users/{id}")).StatusCode,
            ["create"] = (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/users", NewUser("Advisor", ["WH"]))).Status,
            ["update"] = (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{id}", Change(target, isActive: false))).Status,
            ["unlock"] = (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{id}/unlock", null)).Status,
            ["reset"] = (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{id}/reset-password", null)).Status,
        };

        Assert.All(statuses, s => Assert.True(s.Value == HttpStatusCode.Forbidden, $"{email} {s.Key}: {(int)s.Value}"));
        var after = await commissioner.GetJsonAsync($"/api/v1/users/{id}");
        Assert.True(after.GetProperty("isActive").GetBoolean());
        Assert.Equal(target.GetProperty("version").GetString(), after.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_commissioner_lists_users_by_role_in_the_paged_shape()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var advisors = await client.GetJsonAsync("/api/v1/users?role=ADVISOR&pageSize=500");
        var items = advisors.GetProperty("items").EnumerateArray().ToList();

        Assert.True(items.Count >= 9);
        Assert.Equal(items.Count, advisors.GetProperty("total").GetInt32());
        Assert.All(items, u => Assert.Equal("Advisor", u.GetProperty("role").GetString()));
        var wh = items.Single(u => u.GetProperty("email").GetString() == DemoUsers.Advisor("WH"));
        Assert.Equal(["WH"], wh.GetProperty("lots").EnumerateArray().Select(l => l.GetString()));
        Assert.True(wh.GetProperty("isActive").GetBoolean());
        Assert.False(wh.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, wh.GetProperty("lockedOutUntil").ValueKind);
        Assert.False(wh.TryGetProperty("temporaryPassword", out _));

        var all = await client.GetJsonAsync("/api/v1/users?pageSize=2&page=2");
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.Equal(2, all.GetProperty("page").GetInt32());

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/users?role=boss", null);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Commissioner, ProviderManager, Advisor or Evaluator", Error(problem, "role"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_created_without_a_password_gets_a_temporary_one_once_and_an_advisor_sees_only_their_lot()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var body = NewUser("Advisor", ["cw"]);

        var response = await client.Http.PostAsJsonAsync("/api/v1/users", body, TestClient.Json, TestContext.Current.CancellationToken);
        var user = await TestClient.ReadJsonAsync(response, HttpStatusCode.Created, "POST /api/v1/users");

        var id = user.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location?.ToString());
        Assert.Equal("Advisor", user.GetProperty("role").GetString());
        Assert.Equal(["CW"], user.GetProperty("lots").EnumerateArray().Select(l => l.GetString()));
        var password = user.GetProperty("temporaryPassword").GetString()!;
        Assert.True(password.Length >= 12);
        Assert.False((await client.GetJsonAsync($"/api/v1/users/{id}")).TryGetProperty("temporaryPassword", out _));

        using var advisor = App.CreateClient();
        await advisor.UseBearerTokenAsync(body.Email, password);
        var lots = (await advisor.GetJsonAsync("/api/v1/lots")).GetProperty("items").EnumerateArray().Select(l => l.GetProperty("code").GetString());
        Assert.Equal(["CW"], lots);
        await advisor.GetJsonAsync("/api/v1/lots/CW");
        await advisor.GetJsonAsync("/api/v1/lots/WH", HttpStatusCode.NotFound);
        await advisor.GetJsonAsync("/api/v1/users", HttpStatusCode.Forbidden);

        using var browser = App.CreateClient();
        await browser.SignInAsync(body.Email, password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_user_created_with_a_password_can_sign_in_with_it_and_no_password_is_returned()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var body = NewUser("ProviderManager", ["SE", "BW"]) with { Password = StrongPassword };

        var (status, user) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/users", body);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.False(user.TryGetProperty("temporaryPassword", out _));
        Assert.Equal(["BW", "SE"], user.GetProperty("lots").EnumerateArray().Select(l => l.GetString()));
        using var manager = App.CreateClient();
        await manager.UseBearerTokenAsync(body.Email, StrongPassword);
        var lots = (await manager.GetJsonAsync("/api/v1/lots")).GetProperty("items").EnumerateArray().Select(l => l.GetProperty("code").GetString()).Order();
        Assert.Equal(["BW", "SE"], lots);
    }

    public static TheoryData<string, string, string> BadUsers => new()
    {
        { """{"email":"advisor.wh@demo.test","displayName":"Copy","role":"Advisor","lots":["WH"]}""", "email", "already exists" },
        { """{"email":"ADVISOR.WH@demo.test","displayName":"Copy","role":"Advisor","lots":["WH"]}""", "email", "already exists" },
        { """{"email":"not-an-email","displayName":"X","role":"Evaluator"}""", "email", "correct format" },
        { """{"email":"new.boss@example.org","displayName":"X","role":"boss"}""", "role", "Commissioner, ProviderManager, Advisor or Evaluator" },
        { """{"email":"new.norole@example.org","displayName":"X"}""", "role", "Select a role" },
        { """{"email":"new.advisor@example.org","displayName":"X","role":"Advisor"}""", "lots", "at least one lot" },
        { """{"email":"new.manager@example.org","displayName":"X","role":"ProviderManager","lots":[]}""", "lots", "at least one lot" },
        { """{"email":"new.evaluator@example.org","displayName":"X","role":"Evaluator","lots":["WH"]}""", "lots", "Do not select any lots" },
        { """{"email":"new.lotless@example.org","displayName":"X","role":"Advisor","lots":["ZZ"]}""", "lots", "no lot with code ZZ" },
        { """{"email":"new.weak@example.org","displayName":"X","role":"Evaluator","password":"password"}""", "password", "at least 12 characters" },
        { """{"email":"new.weak2@example.org","displayName":"X","role":"Evaluator","password":"alllowercaseletters1"}""", "password", "uppercase" },
        { """{"email":"new.noname@example.org","displayName":"","role":"Evaluator"}""", "displayName", "Enter the full name" },
    };

    [Theory]
    [MemberData(nameof(BadUsers))]
    public async Task Bad_input_gives_a_field_error_and_creates_nobody(string body, string field, string message)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await UserCountAsync(client);

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/users", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, Error(problem, field), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await UserCountAsync(client));
    }

    [Fact]
    public async Task A_commissioner_changes_role_and_lots_and_a_stale_version_is_refused()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var user = await CreateUserAsync(client, "Advisor", ["GL"], StrongPassword);
        var id = user.GetProperty("id").GetString();

        var (status, changed) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{id}",
            Change(user, role: "ProviderManager", lots: ["GL", "CH"], displayName: "Promoted manager"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ProviderManager", changed.GetProperty("role").GetString());
        Assert.Equal(["CH", "GL"], changed.GetProperty("lots").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Promoted manager", changed.GetProperty("displayName").GetString());
        Assert.NotEqual(user.GetProperty("version").GetString(), changed.GetProperty("version").GetString());

        var (stale, problem) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{id}", Change(user, displayName: "Lost edit"));
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Contains("changed", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Promoted manager", (await client.GetJsonAsync($"/api/v1/users/{id}")).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_refused_change_leaves_role_and_lots_as_they_were()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var user = await CreateUserAsync(client, "Advisor", ["GL"]);
        var id = user.GetProperty("id").GetString();

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{id}", Change(user, role: "Evaluator", lots: ["GL"]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Do not select any lots", Error(problem, "lots"), StringComparison.Ordinal);
        var after = await client.GetJsonAsync($"/api/v1/users/{id}");
        Assert.Equal("Advisor", after.GetProperty("role").GetString());
        Assert.Equal(["GL"], after.GetProperty("lots").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(user.GetProperty("version").GetString(), after.GetProperty("version").GetString());

        var (unknown, _) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{Guid.NewGuid()}", Change(user));
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_until_reactivated()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var user = await CreateUserAsync(client, "Evaluator", [], StrongPassword);
        var id = user.GetProperty("id").GetString();
        var email = user.GetProperty("email").GetString()!;

        var (status, changed) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{id}", Change(user, isActive: false, reason: "Left the team"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(changed.GetProperty("isActive").GetBoolean());
        using var anonymous = App.CreateClient();
        var token = await RequestTokenAsync(anonymous, email, StrongPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);

        var (again, _) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{id}", Change(changed, isActive: true));
        Assert.Equal(HttpStatusCode.OK, again);
        await anonymous.UseBearerTokenAsync(email, StrongPassword);
    }

    [Fact]
    public async Task A_commissioner_cannot_deactivate_themselves_or_give_up_the_commissioner_role()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var me = (await client.GetJsonAsync("/api/v1/users?role=Commissioner&pageSize=500")).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == DemoUsers.Commissioner);
        var id = me.GetProperty("id").GetString();

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{id}", Change(me, role: "Advisor", lots: ["WH"], isActive: false));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("cannot deactivate your own account", Error(problem, "isActive"), StringComparison.Ordinal);
        Assert.Contains("cannot remove your own Commissioner role", Error(problem, "role"), StringComparison.Ordinal);
        var after = await client.GetJsonAsync($"/api/v1/users/{id}");
        Assert.Equal("Commissioner", after.GetProperty("role").GetString());
        Assert.True(after.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Unlock_ends_a_lockout_after_five_failed_sign_ins()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var user = await CreateUserAsync(client, "Advisor", ["BB"], StrongPassword);
        var id = user.GetProperty("id").GetString();
        var email = user.GetProperty("email").GetString()!;
        using var anonymous = App.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await RequestTokenAsync(anonymous, email, "Wrong-password-1");
        }

        var locked = await client.GetJsonAsync($"/api/v1/users/{id}");
        Assert.Equal(JsonValueKind.String, locked.GetProperty("lockedOutUntil").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(anonymous, email, StrongPassword)).StatusCode);

        var (status, unlocked) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{id}/unlock", new { reason = "Phoned the helpdesk" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, unlocked.GetProperty("lockedOutUntil").ValueKind);
        await anonymous.UseBearerTokenAsync(email, StrongPassword);
        var (missing, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{Guid.NewGuid()}/unlock", null);
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Reset_password_replaces_the_old_password_with_a_temporary_one()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var user = await CreateUserAsync(client, "Advisor", ["BB"], StrongPassword);
        var id = user.GetProperty("id").GetString();
        var email = user.GetProperty("email").GetString()!;

        var (status, reset) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{id}/reset-password", null);

        Assert.Equal(HttpStatusCode.OK, status);
        var temporary = reset.GetProperty("temporaryPassword").GetString()!;
        using var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(anonymous, email, StrongPassword)).StatusCode);
        await anonymous.UseBearerTokenAsync(email, temporary);
        var (missing, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{Guid.NewGuid()}/reset-password", null);
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task User_pages_are_for_commissioners_only(string email)
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var target = await CreateUserAsync(api, "Advisor", ["WH"]);
        using var client = await App.SignInAsync(email);
        var expected = email == DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        foreach (var page in new[] { "/setup/users", "/setup/users?role=Advisor", "/setup/users/new", $"/setup/users/{target.GetProperty("id").GetString()}" })
        {
            var response = await client.GetAsync(page);
            Assert.True(expected == response.StatusCode, $"{email} {page}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_from_the_user_pages()
    {
        using var client = App.CreateClient();
        var response = await client.GetAsync("/setup/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_page_shows_roles_lots_and_status_tags()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var inactive = await CreateUserAsync(api, "Advisor", ["BL"]);
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{inactive.GetProperty("id").GetString()}", Change(inactive, isActive: false));
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var page = await client.GetPageAsync("/setup/users?role=Advisor");

        Assert.Equal("Users - Connecting Communities", page.Title);
        var rows = page.QuerySelectorAll("table tbody tr");
        var row = rows.Single(r => r.TextContent.Contains(inactive.GetProperty("email").GetString()!, StringComparison.Ordinal));
        Assert.Contains("Advisor", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("BL", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Inactive", row.QuerySelector(".govuk-tag--grey")!.TextContent.Trim());
        Assert.All(rows, r => Assert.Contains("Advisor", r.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.TextContent.Contains(DemoUsers.Commissioner, StringComparison.Ordinal));

        var refused = await client.GetPageAsync("/setup/users?role=boss");
        Assert.Equal("#role", refused.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_new_user_page_shows_field_errors_keeps_what_was_typed_but_not_the_password()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var before = await UserCountAsync(api);

        var response = await client.PostFormAsync("/setup/users/new", new Dictionary<string, string>
        {
            ["email"] = DemoUsers.Advisor("WH"),
            ["displayName"] = "Someone",
            ["role"] = "Advisor",
            ["password"] = "weakpass",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#email", links);
        Assert.Contains("#lots", links);
        Assert.Contains("#password", links);
        Assert.Contains("already exists", page.QuerySelector("#email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(DemoUsers.Advisor("WH"), page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name=role][value=Advisor]")!.HasAttribute("checked"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("#password")!.GetAttribute("value")));
        Assert.Equal(before, await UserCountAsync(api));
    }

    [Fact]
    public async Task The_new_user_page_adds_a_user_and_shows_the_temporary_password_once()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var email = $"page.{Guid.NewGuid():N}@example.org";

        var response = await client.PostFormAsync("/setup/users/new",
        [
            new("email", email), new("displayName", "Page Advisor"), new("role", "Advisor"), new("lots", "WH"), new("lots", "SE"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var page = await client.GetPageAsync(location);
        Assert.Contains("Page Advisor added", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var password = page.QuerySelector("#temporary-password")!.TextContent.Trim();
        Assert.True(password.Length >= 12);
        Assert.Contains("Washwood Heath (WH)", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Shard End (SE)", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);

        var again = await client.GetPageAsync(location);
        Assert.Null(again.QuerySelector("#temporary-password"));
        using var advisor = App.CreateClient();
        await advisor.SignInAsync(email, password);
    }

    [Fact]
    public async Task The_user_page_saves_changes_unlocks_and_resets_the_password()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var user = await CreateUserAsync(api, "Advisor", ["CN"], StrongPassword);
        var id = user.GetProperty("id").GetString();
        var email = user.GetProperty("email").GetString()!;
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var url = $"/setup/users/{id}";
        var form = await client.GetPageAsync(url);
        var version = form.QuerySelector("input[name=version]")!.GetAttribute("value")!;

        var saved = await client.PostFormAsync(url,
        [
            new("version", version), new("displayName", "Renamed on the page"), new("role", "ProviderManager"),
            new("lots", "CN"), new("lots", "CH"), new("isActive", "true"), new("reason", "Covering Camp Hill"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetPageAsync(url);
        Assert.Contains("Renamed on the page saved", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var after = await api.GetJsonAsync($"/api/v1/users/{id}");
        Assert.Equal("ProviderManager", after.GetProperty("role").GetString());
        Assert.Equal(["CH", "CN"], after.GetProperty("lots").EnumerateArray().Select(l => l.GetString()));

        var refused = await client.PostFormAsync(url, [new("version", ""), new("displayName", ""), new("role", "Advisor"), new("isActive", "")]);
        var errors = await client.ParseAsync(refused);
        var links = errors.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#displayName", links);
        Assert.Contains("#lots", links);
        Assert.Contains("#isActive", links);

        using var anonymous = App.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await RequestTokenAsync(anonymous, email, "Wrong-password-1");
        }

        var lockedPage = await client.GetPageAsync(url);
        Assert.NotNull(lockedPage.QuerySelector(".govuk-summary-list .govuk-tag--red"));
        var unlocked = await client.PostFormAsync($"{url}?handler=unlock", [], tokenFrom: url);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains("unlocked", (await client.GetPageAsync(url)).QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var reset = await client.PostFormAsync($"{url}?handler=resetpassword", [], tokenFrom: url);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var resetPage = await client.GetPageAsync(url);
        var temporary = resetPage.QuerySelector("#temporary-password")!.TextContent.Trim();
        await anonymous.UseBearerTokenAsync(email, temporary);
    }

    [Fact]
    public async Task The_user_page_refuses_a_commissioner_deactivating_themselves()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var me = (await api.GetJsonAsync("/api/v1/users?role=Commissioner&pageSize=500")).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == DemoUsers.Commissioner);
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var url = $"/setup/users/{me.GetProperty("id").GetString()}";

        var response = await client.PostFormAsync(url,
            [new("displayName", "Demo Commissioner"), new("role", "Commissioner"), new("isActive", "false")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        Assert.Contains("cannot deactivate your own account", page.QuerySelector("#isActive-error")!.TextContent, StringComparison.Ordinal);
        Assert.True((await api.GetJsonAsync(url.Replace("/setup/", "/api/v1/", StringComparison.Ordinal))).GetProperty("isActive").GetBoolean());
    }

    private static Task<HttpResponseMessage> RequestTokenAsync(TestClient client, string email, string password) =>
        client.Http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, TestContext.Current.CancellationToken);

    private static NewUserBody NewUser(string role, string[] lots) =>
        new($"user.{Guid.NewGuid():N}@example.org", $"Test {role}", role, lots, null);

    private static async Task<JsonElement> CreateUserAsync(TestClient client, string role, string[] lots, string? password = null)
    {
        var (status, user) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/users", NewUser(role, lots) with { Password = password });
        Assert.Equal(HttpStatusCode.Created, status);
        return user;
    }

    private static ChangeBody Change(
        JsonElement user, string? role = null, string[]? lots = null, bool? isActive = null, string? displayName = null, string? reason = null) =>
        new(
            displayName ?? user.GetProperty("displayName").GetString(),
            role ?? user.GetProperty("role").GetString(),
            lots ?? user.GetProperty("lots").EnumerateArray().Select(l => l.GetString()!).ToArray(),
            isActive ?? user.GetProperty("isActive").GetBoolean(),
            user.GetProperty("version").GetString(),
            reason);

    private static async Task<int> UserCountAsync(TestClient client) =>
        (await client.GetJsonAsync("/api/v1/users?pageSize=1")).GetProperty("total").GetInt32();

    private static string Error(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    private sealed record NewUserBody(string Email, string DisplayName, string Role, string[] Lots, string? Password);

    private sealed record ChangeBody(string? DisplayName, string? Role, string[] Lots, bool IsActive, string? Version, string? Reason);
}
