using System.Net;
using System.Security.Cryptography;
using ConnectingCommunities.TestSupport;

namespace ConnectingCommunities.Web.Tests.Platform;

/// <summary>
/// With Security:RequireTwoFactorForCommissioners on, a commissioner must set up an authenticator
/// app before anything else, and then signs in with a code. Also: sign-in is rate limited.
/// </summary>
public sealed class TwoFactorTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async ValueTask InitializeAsync() => app = await TestApp.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?>
    {
        ["Security:RequireTwoFactorForCommissioners"] = "true",
    });

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_commissioner_without_two_factor_is_sent_to_set_it_up_then_signs_in_with_a_code()
    {
        using var api = app.CreateClient();
        var (tokenStatus, problem) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = DemoUsers.Commissioner, password = TestEnvironment.DemoPassword });
        Assert.Equal(HttpStatusCode.Forbidden, tokenStatus);
        Assert.Contains("two-factor", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);

        using var browser = await app.SignInAsync(DemoUsers.Commissioner);
        var blocked = await browser.GetAsync("/setup/lots");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/account/two-factor", blocked.Headers.Location!.OriginalString);

        var setUp = await browser.GetPageAsync("/account/two-factor");
        var key = setUp.QuerySelector("main code")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotNull(setUp.QuerySelector(".app-qr svg[role=img]"));
        var wrong = await browser.PostFormAsync("/account/two-factor", new Dictionary<string, string> { ["code"] = "000000" == Totp(key) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var turnedOn = await browser.PostFormAsync("/account/two-factor", new Dictionary<string, string> { ["code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, turnedOn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/setup/lots")).StatusCode);

        using var second = app.CreateClient();
        var signIn = await second.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = DemoUsers.Commissioner, ["password"] = TestEnvironment.DemoPassword });
        Assert.StartsWith("/account/sign-in/two-factor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var code = await second.PostFormAsync("/account/sign-in/two-factor", new Dictionary<string, string> { ["code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/setup/lots")).StatusCode);

        var (withCode, token) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = DemoUsers.Commissioner, password = TestEnvironment.DemoPassword, twoFactorCode = Totp(key) });
        Assert.Equal(HttpStatusCode.OK, withCode);
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
    }

    [Fact]
    public async Task Other_roles_are_not_required_to_use_two_factor()
    {
        using var browser = await app.SignInAsync(DemoUsers.Advisor("CN"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        await using var limited = await TestApp.StartAsync(DatabaseKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Security:SignInAttemptsPerMinute"] = "3",
        });
        using var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var (status, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = DemoUsers.Evaluator, password = "not the password 1A" });
            statuses.Add(status);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>RFC 6238 TOTP (SHA-1, 30-second steps, 6 digits), as an authenticator app computes it.</summary>
    private static string Totp(string base32Key)
    {
        var key = Base32Decode(base32Key.ToUpperInvariant());
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

#pragma warning disable CA5350 // RFC 6238 authenticator codes are defined on HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.TrimEnd('='))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)((value >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
