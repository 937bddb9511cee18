using System.Net;
using System.Text;
using ConnectingCommunities.Data;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Brokerage;

public sealed class LocationsTestsOnSqlite(SqliteApp fixture) : LocationsTests<SqliteApp>(fixture);

public sealed class LocationsTestsOnPostgres(PostgresApp fixture) : LocationsTests<PostgresApp>(fixture);

/// <summary>Postcode coordinates imported by commissioners: all rows or none, upserted.</summary>
public abstract class LocationsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    private static async Task<(HttpStatusCode Status, string Body)> PostCsvAsync(TestClient client, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await client.Http.PostAsync(new Uri("/api/v1/postcode-locations", UriKind.Relative), content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_commissioners_import_postcode_locations(string email)
    {
        using var client = await App.ApiClientAsync(email);
        var (status, _) = await PostCsvAsync(client, "postcode,latitude,longitude\nWS1 1AA,52.58,-1.98\n");
        Assert.Equal(email == DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden, status);
        using var page = await App.SignInAsync(email);
        Assert.Equal(email == DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await page.GetAsync("/setup/postcode-locations")).StatusCode);
    }

    [Fact]
    public async Task Rows_are_upserted_and_any_bad_row_imports_nothing()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (first, _) = await PostCsvAsync(client, "B33 8TH,52.48,-1.76\nb338tn,52.49,-1.77\n");
        var (second, body) = await PostCsvAsync(client, "postcode,latitude,longitude\nB33 8TH,52.50,-1.70\nB33 8TJ,52.51,-1.71\n");
        var (bad, problem) = await PostCsvAsync(client, "B33 8TP,52.5,-1.7\nnot a postcode,52.5,-1.7\nB33 8TQ,91,-1.7\nB33 8TR,52.5\n");

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Contains("\"added\":1", body, StringComparison.Ordinal);
        Assert.Contains("\"updated\":1", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Row 2", problem, StringComparison.Ordinal);
        Assert.Contains("Row 3", problem, StringComparison.Ordinal);
        Assert.Contains("Row 4", problem, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(52.50, (await db.PostcodeLocations.SingleAsync(p => p.Postcode == "B33 8TH", ct)).Latitude, 2);
        Assert.True(await db.PostcodeLocations.AnyAsync(p => p.Postcode == "B33 8TN", ct));
        Assert.True(await db.PostcodeLocations.AnyAsync(p => p.Postcode == "B33 8TJ", ct));
        Assert.False(await db.PostcodeLocations.AnyAsync(p => p.Postcode == "B33 8TP", ct));
    }
}
