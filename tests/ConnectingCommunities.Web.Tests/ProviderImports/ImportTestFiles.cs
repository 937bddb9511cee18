using System.Net.Http.Headers;
using System.Text;
using ConnectingCommunities.TestSupport;

namespace ConnectingCommunities.Web.Tests.ProviderImports;

/// <summary>One app per test class with a small row limit (20), so the limit is tested without a 200,000-row file.</summary>
public abstract class ImportsAppFixture(DatabaseKind kind) : IAsyncLifetime
{
    public const int MaxRows = 20;

    private TestApp? app;

    public TestApp App
    {
        get
        {
            if (kind == DatabaseKind.Postgres)
            {
                TestEnvironment.RequirePostgres();
            }

            return app ?? throw new InvalidOperationException("The app did not start.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (kind == DatabaseKind.Postgres && TestEnvironment.PostgresServer is null)
        {
            return;
        }

        app = await TestApp.StartAsync(kind, settings: new Dictionary<string, string?> { ["Imports:MaxRows"] = MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class ImportsSqliteApp() : ImportsAppFixture(DatabaseKind.Sqlite);

public sealed class ImportsPostgresApp() : ImportsAppFixture(DatabaseKind.Postgres);

/// <summary>A participant row of a test file: unique names, date of birth and National Insurance number, so no row is another's duplicate.</summary>
public sealed record ParticipantRow(string ExternalId, string FirstName, string LastName, string DateOfBirth, string Nino, string Postcode)
{
    private static int counter = Random.Shared.Next(0, 400_000);

    public string RegisteredOn { get; init; } = "2021-03-01";
    public string EmploymentStatus { get; init; } = "OutOfWork";
    public string LastInWorkOn { get; init; } = "2019-06-30";
    public string PrivacyNoticeAcknowledged { get; init; } = "yes";
    public string Referrer { get; init; } = "";

    public static ParticipantRow New(string postcode)
    {
        var n = Interlocked.Increment(ref counter);
        var letters = new string([.. Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26)))]);
        var dob = new DateOnly(1960, 1, 1).AddDays(n % 14_000);
        return new ParticipantRow($"MI-{Guid.NewGuid():N}"[..20], "Imp" + letters[..5], "Test" + letters[5..], dob.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"JM{n % 1_000_000:D6}C", postcode);
    }

    public static string Header => "externalId,firstName,lastName,dateOfBirth,nino,postcode,registeredOn,employmentStatus,lastInWorkOn,privacyNoticeAcknowledged,referrer";

    public string Line => string.Join(',', ExternalId, FirstName, LastName, DateOfBirth, Nino, Quote(Postcode), RegisteredOn, EmploymentStatus, LastInWorkOn,
        PrivacyNoticeAcknowledged, Quote(Referrer));

    public static byte[] Csv(IEnumerable<ParticipantRow> rows, string? header = null) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", new[] { header ?? Header }.Concat(rows.Select(r => r.Line))) + "\r\n");

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}

public static class ImportRequests
{
    public static async Task<HttpResponseMessage> UploadAsync(this TestClient client, byte[] content, string type, string lotCode, string fileName = "mi.csv")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(type), "type");
        form.Add(new StringContent(lotCode), "lotCode");
        return await client.Http.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), form);
    }
}
