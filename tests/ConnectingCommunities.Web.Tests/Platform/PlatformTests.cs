using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Platform;

public sealed class PlatformTestsOnSqlite(SqliteApp fixture) : PlatformTests<SqliteApp>(fixture);

public sealed class PlatformTestsOnPostgres(PostgresApp fixture) : PlatformTests<PostgresApp>(fixture);

/// <summary>Health, the token endpoint, security headers, lockout, auditing and the API description.</summary>
public abstract class PlatformTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Health_reports_the_database_as_ok()
    {
        using var client = App.CreateClient();
        var health = await client.GetJsonAsync("/health");

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("database").GetProperty("state").GetString());
        Assert.Equal(fixture.Kind.ToString(), health.GetProperty("database").GetProperty("provider").GetString());
    }

    [Fact]
    public async Task A_token_has_the_documented_shape_and_opens_the_API()
    {
        using var client = App.CreateClient();
        var response = await client.Http.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.Commissioner, password = TestEnvironment.DemoPassword }, TestContext.Current.CancellationToken);
        var token = await TestClient.ReadJsonAsync(response, HttpStatusCode.OK, "token");

        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(token.GetProperty("accessToken").GetString()));
        Assert.Equal(3600, token.GetProperty("expiresIn").GetInt32());
    }

    [Fact]
    public async Task A_wrong_password_gets_401_problem_details_and_repeated_failures_lock_the_account()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, created) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/users", new
        {
            email = "lockout.test@demo.test",
            displayName = "Lockout Test",
            role = "Evaluator",
            lots = Array.Empty<string>(),
            password = "LockoutTest12345",
        });
        Assert.Equal("lockout.test@demo.test", created.GetProperty("email").GetString());
        using var client = App.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = "lockout.test@demo.test", password = "wrong-password-1A" });
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
        }

        var (lockedStatus, locked) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = "lockout.test@demo.test", password = "LockoutTest12345" });
        Assert.Equal(HttpStatusCode.Unauthorized, lockedStatus);
        Assert.Contains("locked", locked.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_stops_working_when_its_user_is_deactivated()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, created) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/users", new
        {
            email = "revoked.test@demo.test",
            displayName = "Revoked Test",
            role = "Advisor",
            lots = new[] { "GL" },
            password = "RevokedTest12345",
        });
        using var advisor = App.CreateClient();
        await advisor.UseBearerTokenAsync("revoked.test@demo.test", "RevokedTest12345");
        await advisor.GetJsonAsync("/api/v1/lots");

        var (updated, _) = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/users/{created.GetProperty("id").GetString()}", new
        {
            displayName = "Revoked Test",
            role = "Advisor",
            lots = new[] { "GL" },
            isActive = false,
        });
        Assert.Equal(HttpStatusCode.OK, updated);

        await advisor.GetJsonAsync("/api/v1/lots", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_forms_carry_antiforgery_tokens()
    {
        using var client = App.CreateClient();
        var response = await client.GetAsync("/account/sign-in");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var page = await client.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("form input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Forged" });
        var response = await client.Http.PostAsync(new Uri("/setup/providers/new", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_and_the_reference_page_describe_the_API()
    {
        using var client = App.CreateClient();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/lots", paths);
        Assert.Contains("/api/v1/lots/{code}", paths);
        Assert.Contains("/api/v1/contracts", paths);
        var reference = await client.GetPageAsync("/api-docs");
        Assert.Contains("/api/v1/lots/{code}", reference.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_page_and_an_unknown_api_path_is_a_404_problem()
    {
        using var client = App.CreateClient();
        var page = await client.GetPageAsync("/no-such-page", HttpStatusCode.NotFound);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());

        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var problem = await api.GetJsonAsync("/api/v1/no-such-thing", HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_change_is_audited_with_who_and_why_and_the_audit_trail_cannot_be_edited()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, provider) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/providers", new { name = "Audited Provider Ltd", organisationType = "Local employment provider", reason = "New bidder" });
        var id = provider.GetProperty("id").GetString();

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.EntityType == "Provider" && a.EntityId == id, TestContext.Current.CancellationToken);
        Assert.Equal("created", audit.Action);
        Assert.Equal(DemoUsers.Commissioner, audit.UserName);
        Assert.Equal("New bidder", audit.Reason);
        Assert.Contains("Audited Provider Ltd", audit.Changes, StringComparison.Ordinal);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET reason = 'tampered'", TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events", TestContext.Current.CancellationToken));
        Assert.Equal("New bidder", (await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Id == audit.Id, TestContext.Current.CancellationToken)).Reason);
    }

    [Fact]
    public async Task Bad_JSON_types_are_field_errors_not_server_errors()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (status, problem) = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/programme", """{"engagementThreshold":"three"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("engagementThreshold", out _), problem.ToString());
    }

    [Fact]
    public async Task The_programme_rules_are_editable_and_validated()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var programme = await api.GetJsonAsync("/api/v1/programme");
        Assert.Equal(3, programme.GetProperty("engagementThreshold").GetInt32());
        Assert.Equal("Strict", programme.GetProperty("progressionDefinition").GetString());
        Assert.Equal(3_999_800m, programme.GetProperty("totalValue").GetDecimal() - ExtraLotValue(programme));

        var (bad, problem) = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/programme", new
        {
            name = "Connecting Communities",
            startDate = "2018-06-01",
            endDate = "2018-01-01",
            engagementThreshold = 0,
            progressionDefinition = "Wider",
            sustainmentGapDays = 28,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(problem.GetProperty("errors").TryGetProperty("endDate", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("engagementThreshold", out _));
        Assert.Equal("Strict", (await api.GetJsonAsync("/api/v1/programme")).GetProperty("progressionDefinition").GetString());
    }

    [Theory]
    [MemberData(nameof(Access.EveryoneButCommissioners), MemberType = typeof(Access))]
    public async Task Programme_and_provider_set_up_is_forbidden_to_other_roles(string email)
    {
        using var api = await App.ApiClientAsync(email);
        foreach (var path in new[] { "/api/v1/programme", "/api/v1/providers", "/api/v1/contracts" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(path)).StatusCode);
        }

        var (status, _) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/providers", new { name = "Not allowed" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        using var pages = await App.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.GetAsync("/setup/programme")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.GetAsync("/setup/providers")).StatusCode);
    }

    private static decimal ExtraLotValue(JsonElement programme) => programme.GetProperty("lotCount").GetInt32() == 9 ? 0m : programme.GetProperty("totalValue").GetDecimal() - 3_999_800m;
}
