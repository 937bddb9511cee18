using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Participants;

/// <summary>Registration bodies for API tests: each a different person, living in the lot's area.</summary>
public static class Registrations
{
    private static int counter = Random.Shared.Next(100_000, 900_000);

    /// <summary>A NINO no other test uses: valid prefix, six digits, suffix.</summary>
    public static string NewNino() => $"JK{Interlocked.Increment(ref counter):D6}A";

    /// <summary>A surname unlike any other test's, so possible-duplicate checks only fire when a test means them to.</summary>
    public static string NewName()
    {
        Span<char> letters = stackalloc char[10];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + Random.Shared.Next(26));
        }

        letters[0] = char.ToUpperInvariant(letters[0]);
        return new string(letters);
    }

    /// <summary>A birthday between 1970 and 1985 (35 to 54 in 2021), so that few tests' people share one.</summary>
    public static string NewDateOfBirth() =>
        new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 365 * 15)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<string> InAreaPostcodeAsync(TestApp app, string lotCode, int skip = 0) => app.InAreaPostcodeAsync(lotCode, skip);

    /// <summary>The smallest valid body, for a new person.</summary>
    public static Dictionary<string, object?> Smallest(string lotCode, string postcode) => new()
    {
        ["lotCode"] = lotCode,
        ["firstName"] = NewName(),
        ["lastName"] = NewName(),
        ["dateOfBirth"] = NewDateOfBirth(),
        ["nino"] = NewNino(),
        ["postcode"] = postcode,
        ["employmentStatus"] = "OutOfWork",
        ["lastInWorkOn"] = "2018-01-10",
        ["registeredOn"] = "2021-03-01",
        ["privacyNoticeAcknowledged"] = true,
    };

    public static async Task<JsonElement> RegisterAsync(TestClient client, Dictionary<string, object?> body)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (status, json) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/participants", body);
        Assert.True(status == HttpStatusCode.Created, $"Registration: expected 201, got {(int)status}: {json}");
        return json;
    }

    public static async Task<int> CountAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().Participants.CountAsync();
    }
}
