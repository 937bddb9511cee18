using System.Net;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.Payments;

public sealed class PaymentPagesTestsOnSqlite(SqliteApp fixture) : PaymentPagesTests<SqliteApp>(fixture);

public sealed class PaymentPagesTestsOnPostgres(PostgresApp fixture) : PaymentPagesTests<PostgresApp>(fixture);

/// <summary>
/// The payments pages as a commissioner and a provider manager use them: making a run from a preview,
/// the remittance advice on screen, asking for a recovery, and spend by lot. No JavaScript; forms post
/// and redirect with a success banner, and refused input comes back with an error summary.
/// </summary>
public abstract class PaymentPagesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_commissioner_previews_a_run_confirms_it_and_lands_on_the_remittance_advice()
    {
        var provider = await App.AddProviderAsync();
        var lines = await App.AddClaimAsync("WH", provider, "2021-05", ClaimLineStatus.Approved, 889m, 400m);
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var list = await client.GetPageAsync("/payments");
        Assert.Equal("/payments/new", list.QuerySelector("a.govuk-button[href='/payments/new']")!.GetAttribute("href"));
        var start = await client.GetPageAsync("/payments/new");
        Assert.NotNull(start.QuerySelector("form[method=get] input#period[name=period]"));

        var preview = await client.GetPageAsync("/payments/new?period=2021-05");
        Assert.Equal("Check the payment run for May 2021", preview.QuerySelector("h1")!.TextContent.Trim());
        var row = preview.QuerySelectorAll("table tbody tr").Single(r => r.TextContent.Contains("Test provider", StringComparison.Ordinal));
        Assert.Contains("£1,289.00", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2021-05", preview.QuerySelector("form[method=post] input[name=period]")!.GetAttribute("value"));
        Assert.NotNull(preview.QuerySelector("form[method=post][action='/payments/new'] input[name=__RequestVerificationToken]"));
        Assert.Equal(ClaimLineStatus.Approved, (await App.LineAsync(lines[0].LineId)).Status);

        var response = await client.PostFormAsync("/payments/new", [new("period", "2021-05")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/payments/[0-9a-f-]{36}$", location);
        var page = await client.GetPageAsync(location);
        var banner = page.QuerySelector(".govuk-notification-banner--success")!.TextContent;
        Assert.Matches("Payment run PAY-2021-05-[0-9]{4} made for May 2021: £1,289.00 to Test provider", banner);
        var header = page.QuerySelector("#remittance-header")!.TextContent;
        Assert.Contains("Test provider", header, StringComparison.Ordinal);
        Assert.Contains("May 2021: claims up to 31 May 2021", header, StringComparison.Ordinal);
        Assert.Matches("PAY-2021-05-[0-9]{4}", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Demo Commissioner", header, StringComparison.Ordinal);
        var payments = page.QuerySelectorAll("#payments tbody tr");
        Assert.Equal(2, payments.Length);
        Assert.Contains(payments, r => r.TextContent.Contains(lines[0].ParticipantReference, StringComparison.Ordinal)
            && r.TextContent.Contains("£889.00", StringComparison.Ordinal) && r.TextContent.Contains("Job outcome", StringComparison.Ordinal)
            && r.TextContent.Contains("28 May 2021", StringComparison.Ordinal) && r.TextContent.Contains("Hardest to Help", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("#recoveries tbody tr"));
        var totals = page.QuerySelector("#remittance-totals")!.TextContent;
        Assert.Contains("Grosspayments£1,289.00", Squash(totals), StringComparison.Ordinal);
        Assert.Contains("Totalpaid£1,289.00", Squash(totals), StringComparison.Ordinal);
        Assert.Contains("Carriedforward£0.00", Squash(totals), StringComparison.Ordinal);
        var id = location["/payments/".Length..];
        Assert.NotNull(page.QuerySelector($"a[href='/payments/{id}/remittance.csv']"));
        Assert.NotNull(page.QuerySelector($"a[href='/payments/{id}/remittance.xlsx']"));
        var download = await client.GetAsync($"/payments/{id}/remittance.csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ClaimLineStatus.Paid, (await App.LineAsync(lines[0].LineId)).Status);

        var runs = await client.GetPageAsync("/payments?period=2021-05");
        Assert.Null(runs.QuerySelector(".govuk-error-summary"));
        Assert.Null((await client.GetPageAsync("/payments")).QuerySelector(".govuk-error-summary"));
        Assert.Null((await client.GetPageAsync("/payments?page=2")).QuerySelector(".govuk-error-summary"));
        Assert.Contains(runs.QuerySelectorAll("table tbody tr"), r => r.TextContent.Contains("Test provider", StringComparison.Ordinal)
            && r.TextContent.Contains("£1,289.00", StringComparison.Ordinal) && r.TextContent.Contains("May 2021", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Enter the period to pay up to")]
    [InlineData("May 2021", "Enter the period as a year and month in the form yyyy-MM, like 2021-04")]
    [InlineData("2022-01", "Payment runs for 2022-01 are closed: the programme ran from June 2018 to December 2021")]
    [InlineData("2018-07", "Nothing to pay up to July 2018")]
    public async Task A_refused_period_comes_back_with_an_error_summary_and_nothing_is_paid(string period, string message)
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var before = await App.RunCountAsync();

        var preview = await client.GetPageAsync($"/payments/new?period={Uri.EscapeDataString(period)}");
        var response = await client.PostFormAsync("/payments/new", [new("period", period)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var page in new[] { preview, await client.ParseAsync(response) })
        {
            var summary = page.QuerySelector(".govuk-error-summary")!;
            Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
            Assert.Equal("#period", summary.QuerySelector("a")!.GetAttribute("href"));
            Assert.Contains(message, page.QuerySelector("#period-error")!.TextContent, StringComparison.Ordinal);
            Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        }

        Assert.Equal(before, await App.RunCountAsync());
    }

    [Fact]
    public async Task A_commissioner_asks_for_a_payment_back_and_the_next_run_recovers_it()
    {
        var provider = await App.AddProviderAsync();
        var lines = await App.AddClaimAsync("WH", provider, "2021-06", ClaimLineStatus.Approved, 889m);
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, body) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2021-06" });
        var runId = PaymentRunsTests<TFixture>.RunOf(body, provider).GetProperty("id").GetString();
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var run = await client.GetPageAsync($"/payments/{runId}");
        var link = run.QuerySelector("#payments a[href^='/payments/recoveries/new']")!.GetAttribute("href")!;
        Assert.Equal($"/payments/recoveries/new?claimId={lines[0].ClaimId}&lineId={lines[0].LineId}", link);
        var form = await client.GetPageAsync(link);
        Assert.Contains("£889.00 will be taken from Test provider", form.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(lines[0].ParticipantReference, form.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]"));

        var refused = await client.PostFormAsync(link, [new("reason", "  ")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await client.ParseAsync(refused);
        Assert.Equal("#reason", refusedPage.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("Enter why the payment for this line is being recovered", refusedPage.QuerySelector("#reason-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await App.LineAsync(lines[0].LineId)).RecoveryRequestedAt);

        var saved = await client.PostFormAsync(link, [new("reason", "Audit: the employer has no record of the job")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/payments/{runId}", saved.Headers.Location!.ToString());
        var after = await client.GetPageAsync($"/payments/{runId}");
        Assert.Contains($"Recovery of £889.00 for {lines[0].ParticipantReference} (Job outcome) requested",
            after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Recovery requested", after.QuerySelector("#payments tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.QuerySelectorAll("#payments a[href^='/payments/recoveries/new']"));
        Assert.Equal("Audit: the employer has no record of the job", (await App.LineAsync(lines[0].LineId)).RecoveryReason);

        var again = await client.GetPageAsync(link);
        Assert.StartsWith("Recovery of this line was already requested by Demo Commissioner", again.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("form[method=post] textarea"));
        var twice = await client.PostFormAsync(link, [new("reason", "Again")]);
        Assert.Contains("already requested", (await client.ParseAsync(twice)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var next = await client.PostFormAsync("/payments/new", [new("period", "2021-07")]);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var recoveryRun = await client.GetPageAsync(next.Headers.Location!.ToString());
        var recovery = Assert.Single(recoveryRun.QuerySelectorAll("#recoveries tbody tr"));
        Assert.Contains("-£889.00", recovery.TextContent, StringComparison.Ordinal);
        Assert.Contains("Carriedforward-£889.00", Squash(recoveryRun.QuerySelector("#remittance-totals")!.TextContent), StringComparison.Ordinal);
        var original = await client.GetPageAsync($"/payments/{runId}");
        Assert.Contains("Recovered", original.QuerySelector("#payments tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spend_shows_every_lot_with_totals_to_commissioners_and_their_own_lot_to_a_manager()
    {
        var provider = await App.AddProviderAsync();
        await App.AddClaimAsync("GL", provider, "2020-01", ClaimLineStatus.Approved, 889m);
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        Assert.Equal(HttpStatusCode.Created, (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2020-01" })).Status);
        var spend = await api.GetJsonAsync("/api/v1/spend");
        var gl = spend.GetProperty("lots").EnumerateArray().Single(l => l.GetProperty("lotCode").GetString() == "GL");

        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);
        var page = await commissioner.GetPageAsync("/payments/spend");
        Assert.Equal(9, page.QuerySelectorAll("#lots tbody tr").Length);
        var row = page.QuerySelector("#lots tr[data-lot=GL]")!.TextContent;
        Assert.Contains("Glascote (GL)", row, StringComparison.Ordinal);
        Assert.Contains("£188,900.00", row, StringComparison.Ordinal);
        Assert.Contains(Money(gl.GetProperty("paid").GetDecimal()), row, StringComparison.Ordinal);
        Assert.Contains(Money(gl.GetProperty("remaining").GetDecimal()), row, StringComparison.Ordinal);
        Assert.Contains(Money(spend.GetProperty("totals").GetProperty("value").GetDecimal()), page.QuerySelector("#spend-totals")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#contracts tr[data-contract=CC-GL-01]"));

        using var manager = await App.SignInAsync(DemoUsers.Manager("GL"));
        var own = await manager.GetPageAsync("/payments/spend");
        Assert.Equal("GL", Assert.Single(own.QuerySelectorAll("#lots tbody tr")).GetAttribute("data-lot"));
        Assert.Null(own.QuerySelector("#spend-totals"));
        Assert.All(own.QuerySelectorAll("#contracts tbody tr"), r => Assert.StartsWith("CC-GL-", r.GetAttribute("data-contract"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_runs_list_filters_by_provider_and_period_and_refuses_a_bad_period()
    {
        var first = await App.AddProviderAsync();
        var second = await App.AddProviderAsync();
        await App.AddClaimAsync("WH", first, "2020-02", ClaimLineStatus.Approved, 889m);
        await App.AddClaimAsync("WH", second, "2020-02", ClaimLineStatus.Approved, 400m);
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (_, body) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/payment-runs", new { period = "2020-02" });
        var firstRun = PaymentRunsTests<TFixture>.RunOf(body, first).GetProperty("reference").GetString()!;
        var secondRun = PaymentRunsTests<TFixture>.RunOf(body, second).GetProperty("reference").GetString()!;
        using var client = await App.SignInAsync(DemoUsers.Commissioner);

        var byProvider = await client.GetPageAsync($"/payments?provider={first}");
        Assert.Contains(firstRun, byProvider.QuerySelector("table tbody")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secondRun, byProvider.QuerySelector("table tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(first.ToString(), byProvider.QuerySelector("#provider option[selected]")!.GetAttribute("value"));
        var byPeriod = await client.GetPageAsync("/payments?period=2020-02");
        Assert.Contains(firstRun, byPeriod.QuerySelector("table tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(secondRun, byPeriod.QuerySelector("table tbody")!.TextContent, StringComparison.Ordinal);
        Assert.All(byPeriod.QuerySelectorAll("table tbody tr"), r => Assert.Contains("February 2020", r.TextContent, StringComparison.Ordinal));
        var empty = await client.GetPageAsync("/payments?period=2018-06");
        Assert.Contains("No payment runs match", empty.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var bad = await client.GetPageAsync("/payments?period=Feb");
        Assert.Equal("#period", bad.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("in the form yyyy-MM", bad.QuerySelector("#period-error")!.TextContent, StringComparison.Ordinal);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Money(decimal amount) => amount.ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
