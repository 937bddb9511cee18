using System.Net;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.Payments;

public sealed class PaymentAccessTestsOnSqlite(SqliteApp fixture) : PaymentAccessTests<SqliteApp>(fixture);

public sealed class PaymentAccessTestsOnPostgres(PostgresApp fixture) : PaymentAccessTests<PostgresApp>(fixture);

/// <summary>
/// Who may do what with payments, endpoint by endpoint and page by page: commissioners everything;
/// a provider manager (here of WH) reads the runs of providers holding contracts in their lots and only
/// their lots' lines, and another provider's run is not found; advisors and evaluators are refused.
/// </summary>
public abstract class PaymentAccessTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    /// <summary>Two runs: one for a provider holding contracts in WH and SE (lines in both), one for a provider of SE only.</summary>
    private sealed record Runs(Guid Shared, Guid SeOnly, SeededLine WhLine, SeededLine SeLine, SeededLine PaidLine);

    private async Task<Runs> MakeRunsAsync()
    {
        var shared = await App.AddProviderAsync(null, "WH", "SE");
        var seOnly = await App.AddProviderAsync(null, "SE");
        var wh = await App.AddClaimAsync("WH", shared, "2021-03", ClaimLineStatus.Approved, 889m);
        var se = await App.AddClaimAsync("SE", shared, "2021-03", ClaimLineStatus.Approved, 400m);
        await App.AddClaimAsync("SE", seOnly, "2021-03", ClaimLineStatus.Approved, 300m);
        var paid = await App.AddClaimAsync("WH", shared, "2021-03", ClaimLineStatus.Paid, 280m);
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (status, body) = await commissioner.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-03" });
        Assert.Equal(HttpStatusCode.Created, status);
        return new Runs(
            Guid.Parse(PaymentRunsTests<TFixture>.RunOf(body, shared).GetProperty("id").GetString()!),
            Guid.Parse(PaymentRunsTests<TFixture>.RunOf(body, seOnly).GetProperty("id").GetString()!),
            wh[0], se[0], paid[0]);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task The_payments_API_answers_each_role_as_it_should(string email)
    {
        var runs = await MakeRunsAsync();
        using var client = await App.ApiClientAsync(email);
        var runsBefore = await App.RunCountAsync();

        var list = await client.GetAsync("/api/v1/payment-runs?pageSize=500");
        var shared = await client.GetAsync($"/api/v1/payment-runs/{runs.Shared}");
        var seOnly = await client.GetAsync($"/api/v1/payment-runs/{runs.SeOnly}");
        var sharedCsv = await client.GetAsync($"/api/v1/payment-runs/{runs.Shared}/remittance.csv");
        var seOnlyCsv = await client.GetAsync($"/api/v1/payment-runs/{runs.SeOnly}/remittance.csv");
        var sharedXlsx = await client.GetAsync($"/api/v1/payment-runs/{runs.Shared}/remittance.xlsx");
        var seOnlyXlsx = await client.GetAsync($"/api/v1/payment-runs/{runs.SeOnly}/remittance.xlsx");
        var unknown = await client.GetAsync($"/api/v1/payment-runs/{Guid.NewGuid()}");
        var preview = await client.GetAsync("/api/v1/payment-runs/preview?period=2021-03");
        var (create, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "not a period" });
        var (recover, _) = await client.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/claims/{runs.PaidLine.ClaimId}/lines/{runs.PaidLine.LineId}/recovery", new { reason = "" });
        var spend = await client.GetAsync("/api/v1/spend");

        Assert.Equal(runsBefore, await App.RunCountAsync());
        Assert.Null((await App.LineAsync(runs.PaidLine.LineId)).RecoveryRequestedAt);
        switch (email)
        {
            case DemoUsers.Commissioner:
                var all = await TestClient.ReadJsonAsync(list, HttpStatusCode.OK, "list");
                Assert.Contains(all.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == runs.SeOnly.ToString());
                Assert.Equal(2, (await TestClient.ReadJsonAsync(shared, HttpStatusCode.OK, "run")).GetProperty("lines").GetArrayLength());
                Assert.Equal(HttpStatusCode.OK, seOnly.StatusCode);
                Assert.Equal(HttpStatusCode.OK, sharedCsv.StatusCode);
                Assert.Equal(HttpStatusCode.OK, seOnlyCsv.StatusCode);
                Assert.Equal(HttpStatusCode.OK, sharedXlsx.StatusCode);
                Assert.Equal(HttpStatusCode.OK, seOnlyXlsx.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
                Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
                Assert.Equal(HttpStatusCode.BadRequest, create);
                Assert.Equal(HttpStatusCode.BadRequest, recover);
                Assert.Equal(9, (await TestClient.ReadJsonAsync(spend, HttpStatusCode.OK, "spend")).GetProperty("lots").GetArrayLength());
                break;
            case "manager.wh@demo.test":
                var mine = await TestClient.ReadJsonAsync(list, HttpStatusCode.OK, "list");
                var ids = mine.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
                Assert.Contains(runs.Shared.ToString(), ids);
                Assert.DoesNotContain(runs.SeOnly.ToString(), ids);
                var listed = mine.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == runs.Shared.ToString());
                Assert.Equal(1, listed.GetProperty("lineCount").GetInt32());

                // Only the WH line of the shared provider's run: the SE line is another lot's.
                var run = await TestClient.ReadJsonAsync(shared, HttpStatusCode.OK, "run");
                var line = Assert.Single(run.GetProperty("lines").EnumerateArray());
                Assert.Equal(runs.WhLine.LineId.ToString(), line.GetProperty("claimLineId").GetString());
                Assert.Equal("WH", line.GetProperty("lotCode").GetString());
                Assert.Equal(HttpStatusCode.NotFound, seOnly.StatusCode);
                var csv = Csv.Parse((await sharedCsv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimStart('\uFEFF'));
                Assert.Single(csv, r => r[9] == "Payment");
                Assert.DoesNotContain(csv, r => r[4] == "SE");
                Assert.Equal(HttpStatusCode.NotFound, seOnlyCsv.StatusCode);
                Assert.Equal(HttpStatusCode.OK, sharedXlsx.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, seOnlyXlsx.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, create);
                Assert.Equal(HttpStatusCode.Forbidden, recover);
                var lots = (await TestClient.ReadJsonAsync(spend, HttpStatusCode.OK, "spend")).GetProperty("lots");
                Assert.Equal("WH", Assert.Single(lots.EnumerateArray()).GetProperty("lotCode").GetString());
                break;
            default:
                foreach (var response in new[] { list, shared, seOnly, sharedCsv, seOnlyCsv, sharedXlsx, seOnlyXlsx, unknown, preview, spend })
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{email} {response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
                }

                Assert.Equal(HttpStatusCode.Forbidden, create);
                Assert.Equal(HttpStatusCode.Forbidden, recover);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Access.EveryoneButCommissioners), MemberType = typeof(Access))]
    public async Task Only_commissioners_make_runs_or_recover_payments(string email)
    {
        var provider = await App.AddProviderAsync(null, "WH");
        var approved = await App.AddClaimAsync("WH", provider, "2021-02", ClaimLineStatus.Approved, 889m);
        var paid = await App.AddClaimAsync("WH", provider, "2021-02", ClaimLineStatus.Paid, 400m);
        using var client = await App.ApiClientAsync(email);
        var before = await App.RunCountAsync();

        var (create, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-02" });
        var (recover, _) = await client.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/claims/{paid[0].ClaimId}/lines/{paid[0].LineId}/recovery", new { reason = "Audit" });

        Assert.Equal(HttpStatusCode.Forbidden, create);
        Assert.Equal(HttpStatusCode.Forbidden, recover);
        Assert.Equal(before, await App.RunCountAsync());
        Assert.Equal(ClaimLineStatus.Approved, (await App.LineAsync(approved[0].LineId)).Status);
        Assert.Null((await App.LineAsync(paid[0].LineId)).RecoveryRequestedAt);

        using var pages = await App.SignInAsync(email);
        var postRun = await pages.PostFormAsync("/payments/new", [new("period", "2021-02")], tokenFrom: "/");
        var postRecovery = await pages.PostFormAsync(
            $"/payments/recoveries/new?claimId={paid[0].ClaimId}&lineId={paid[0].LineId}", [new("reason", "Audit")], tokenFrom: "/");
        Assert.Equal(HttpStatusCode.Forbidden, postRun.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, postRecovery.StatusCode);
        Assert.Equal(before, await App.RunCountAsync());
        Assert.Null((await App.LineAsync(paid[0].LineId)).RecoveryRequestedAt);

        // Leave nothing approved for the next test.
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        Assert.Equal(HttpStatusCode.Created, (await commissioner.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-02" })).Status);
    }

    [Fact]
    public async Task Without_a_token_the_payments_API_answers_401()
    {
        using var client = App.CreateClient();
        var id = Guid.NewGuid();

        foreach (var url in new[]
                 {
                     "/api/v1/payment-runs", $"/api/v1/payment-runs/{id}", $"/api/v1/payment-runs/{id}/remittance.csv",
                     $"/api/v1/payment-runs/{id}/remittance.xlsx", "/api/v1/payment-runs/preview?period=2021-04", "/api/v1/spend",
                 })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-04" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{id}/lines/{id}/recovery", new { reason = "x" })).Status);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task The_payments_pages_answer_each_role_as_they_should(string email)
    {
        var runs = await MakeRunsAsync();
        using var client = await App.SignInAsync(email);
        var recovery = $"/payments/recoveries/new?claimId={runs.PaidLine.ClaimId}&lineId={runs.PaidLine.LineId}";
        var pages = new Dictionary<string, (HttpStatusCode Commissioner, HttpStatusCode Manager)>
        {
            ["/payments"] = (HttpStatusCode.OK, HttpStatusCode.OK),
            ["/payments?period=2021-03"] = (HttpStatusCode.OK, HttpStatusCode.OK),
            [$"/payments/{runs.Shared}"] = (HttpStatusCode.OK, HttpStatusCode.OK),
            [$"/payments/{runs.SeOnly}"] = (HttpStatusCode.OK, HttpStatusCode.NotFound),
            [$"/payments/{Guid.NewGuid()}"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            [$"/payments/{runs.Shared}/remittance.csv"] = (HttpStatusCode.OK, HttpStatusCode.OK),
            [$"/payments/{runs.Shared}/remittance.xlsx"] = (HttpStatusCode.OK, HttpStatusCode.OK),
            [$"/payments/{runs.SeOnly}/remittance.csv"] = (HttpStatusCode.OK, HttpStatusCode.NotFound),
            [$"/payments/{runs.SeOnly}/remittance.xlsx"] = (HttpStatusCode.OK, HttpStatusCode.NotFound),
            [$"/payments/{runs.Shared}/remittance.pdf"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ["/payments/new"] = (HttpStatusCode.OK, HttpStatusCode.Forbidden),
            ["/payments/new?period=2021-03"] = (HttpStatusCode.OK, HttpStatusCode.Forbidden),
            [recovery] = (HttpStatusCode.OK, HttpStatusCode.Forbidden),
            [$"/payments/recoveries/new?claimId={Guid.NewGuid()}&lineId={Guid.NewGuid()}"] = (HttpStatusCode.NotFound, HttpStatusCode.Forbidden),
            ["/payments/spend"] = (HttpStatusCode.OK, HttpStatusCode.OK),
        };

        foreach (var (page, expected) in pages)
        {
            var want = email switch
            {
                DemoUsers.Commissioner => expected.Commissioner,
                "manager.wh@demo.test" => expected.Manager,
                _ => HttpStatusCode.Forbidden,
            };
            var response = await client.GetAsync(page);
            Assert.True(want == response.StatusCode, $"{email} {page}: {(int)response.StatusCode}");
        }

        if (email == DemoUsers.Commissioner)
        {
            var run = await client.GetPageAsync($"/payments/{runs.Shared}");
            Assert.Equal(2, run.QuerySelectorAll("#payments tbody tr").Length);
            Assert.Equal(2, run.QuerySelectorAll("#payments a[href^='/payments/recoveries/new']").Length);
        }
        else if (email == DemoUsers.Manager("WH"))
        {
            var run = await client.GetPageAsync($"/payments/{runs.Shared}");
            var row = Assert.Single(run.QuerySelectorAll("#payments tbody tr"));
            Assert.Contains(runs.WhLine.ParticipantReference, row.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(runs.SeLine.ParticipantReference, run.Body!.TextContent, StringComparison.Ordinal);
            Assert.Empty(run.QuerySelectorAll("a[href^='/payments/recoveries/new']"));
            Assert.Null(run.QuerySelector("a[href='/payments/new']"));
            var list = await client.GetPageAsync("/payments?pageSize=500");
            Assert.DoesNotContain(runs.SeOnly.ToString(), list.Body!.InnerHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_signing_in_the_payments_pages_send_people_to_sign_in()
    {
        using var client = App.CreateClient();
        var id = Guid.NewGuid();

        foreach (var page in new[] { "/payments", $"/payments/{id}", $"/payments/{id}/remittance.csv", "/payments/new", "/payments/spend", "/payments/recoveries/new" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }
}
