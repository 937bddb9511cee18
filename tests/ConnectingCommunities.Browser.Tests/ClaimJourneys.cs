using System.Globalization;
using System.Net;
using System.Text;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

/// <summary>
/// Payment by results end to end in a real browser: an advisor records a job start with a payslip,
/// the provider manager claims it, the commissioner approves it and pays it at the tariff.
/// </summary>
public sealed class ClaimJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // The smallest PDF a reader accepts; the service checks the content, not the name.
    private static readonly byte[] Payslip = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact(Timeout = 300_000)]
    public async Task A_Hardest_to_Help_job_start_with_a_payslip_is_claimed_approved_and_paid_889_pounds()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var postcode = await fixture.App.InAreaPostcodeAsync("WH", 2);
        var participant = await fixture.App.AddAsync("WH", p =>
        {
            p.Postcode = postcode;
            p.Cohort = Cohort.HardestToHelp;
            p.RegisteredOn = new DateOnly(2021, 3, 1);
        });

        var advisor = await fixture.NewPageAsync(cancellation);
        await advisor.SignInAsync(DemoUsers.Advisor("WH"));
        await advisor.GotoAsync($"/participants/{participant.Id}");
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Record a job start" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Heading, new() { Name = "Record a job start" })).ToBeVisibleAsync();
        await advisor.AssertAccessibleAsync();
        await advisor.GetByLabel("Employer", new() { Exact = true }).FillAsync("Brindley Place Logistics");
        await advisor.GetByLabel("Job title").FillAsync("Warehouse operative");
        await FillDateAsync(advisor, "startDate", new DateOnly(2021, 4, 6));
        await advisor.GetByLabel("Hours a week").FillAsync("30");
        await advisor.GetByLabel("Hourly wage").FillAsync("9.50");
        await advisor.GetByLabel("Permanent", new() { Exact = true }).CheckAsync();
        await advisor.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "payslip-april.pdf", MimeType = "application/pdf", Buffer = Payslip });
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Record job start" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(advisor.Locator("main")).ToContainTextAsync("payslip-april.pdf");
        await Assertions.Expect(advisor.Locator("#milestones")).ToContainTextAsync("6 April 2021");
        await advisor.AssertAccessibleAsync();

        var manager = await fixture.NewPageAsync(cancellation);
        await manager.SignInAsync(DemoUsers.Manager("WH"));
        await manager.GetByRole(AriaRole.Link, new() { Name = "Claims", Exact = true }).First.ClickAsync();
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Make a claim" }).ClickAsync();
        await manager.AssertAccessibleAsync();
        await manager.GetByLabel("Month").SelectOptionAsync("2021-04");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Make the claim" }).ClickAsync();
        var line = manager.Locator("main table tbody tr").Filter(new() { HasText = participant.Reference });
        await Assertions.Expect(line).ToContainTextAsync("Job outcome");
        await Assertions.Expect(line).ToContainTextAsync("£889.00");
        await manager.AssertAccessibleAsync();
        var claimUrl = manager.Url;
        await manager.GetByRole(AriaRole.Link, new() { Name = "Submit the claim" }).ClickAsync();
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Submit the claim" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync("submitted");
        await manager.AssertAccessibleAsync();

        // Maker-checker: the provider's own manager has nothing to decide a line with, and the API refuses them.
        await Assertions.Expect(line.GetByRole(AriaRole.Link, new() { Name = "Decide", Exact = false })).ToHaveCountAsync(0);
        var claimId = new Uri(claimUrl).AbsolutePath.Split('/')[^1];
        using var managerApi = await fixture.App.ApiClientAsync(DemoUsers.Manager("WH"));
        var claim = await managerApi.GetJsonAsync($"/api/v1/claims/{claimId}");
        var lineId = claim.GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("participantReference").GetString() == participant.Reference).GetProperty("id").GetString();
        var (status, _) = await managerApi.SendJsonAsync(HttpMethod.Post, $"/api/v1/claims/{claimId}/lines/{lineId}/decision", new { decision = "Approve" });
        Assert.Equal(HttpStatusCode.Forbidden, status);

        var commissioner = await fixture.NewPageAsync(cancellation);
        await commissioner.SignInAsync(DemoUsers.Commissioner, checkAccessibility: false);
        await commissioner.GotoAsync("/claims/queue");
        await commissioner.AssertAccessibleAsync();
        await commissioner.GotoAsync(claimUrl);
        await commissioner.AssertAccessibleAsync();
        var decide = commissioner.Locator("main table tbody tr").Filter(new() { HasText = participant.Reference });
        await decide.GetByRole(AriaRole.Link, new() { Name = "Decide", Exact = false }).ClickAsync();
        await commissioner.AssertAccessibleAsync();
        await commissioner.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator(".govuk-notification-banner")).ToContainTextAsync("approved");
        await commissioner.AssertAccessibleAsync();

        await commissioner.GetByRole(AriaRole.Link, new() { Name = "Payments", Exact = true }).First.ClickAsync();
        await commissioner.AssertAccessibleAsync();
        await commissioner.GetByRole(AriaRole.Link, new() { Name = "Make a payment run" }).ClickAsync();
        await commissioner.AssertAccessibleAsync();
        await commissioner.GetByLabel("Pay claims up to").FillAsync("2021-04");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await commissioner.AssertAccessibleAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Make the payment", Exact = false }).ClickAsync();
        await Assertions.Expect(commissioner.Locator(".govuk-notification-banner")).ToContainTextAsync("made for");
        await commissioner.AssertAccessibleAsync();
        if (!commissioner.Url.Contains("/payments/", StringComparison.Ordinal) || commissioner.Url.EndsWith("/payments", StringComparison.Ordinal))
        {
            // More than one provider was paid: the list shows the runs; open the lot's provider's.
            await commissioner.Locator("main table tbody tr a").First.ClickAsync();
        }

        var paid = commissioner.Locator("main table tbody tr").Filter(new() { HasText = participant.Reference });
        await Assertions.Expect(paid).ToContainTextAsync("Job outcome");
        await Assertions.Expect(paid).ToContainTextAsync("£889.00");
        await commissioner.AssertAccessibleAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task Sustainment_progression_sampling_and_spend_pages_pass_axe()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var participant = await fixture.App.AddAsync("WH");
        var advisor = await fixture.NewPageAsync(cancellation);
        await advisor.SignInAsync(DemoUsers.Advisor("WH"));
        await advisor.GotoAsync("/sustainment-checks");
        await advisor.AssertAccessibleAsync();
        await advisor.GotoAsync($"/participants/{participant.Id}/progressions/new");
        await advisor.AssertAccessibleAsync();
        await advisor.GetByRole(AriaRole.Button).Filter(new() { HasText = "Record" }).First.ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await advisor.AssertAccessibleAsync();

        var commissioner = await fixture.NewPageAsync(cancellation);
        await commissioner.SignInAsync(DemoUsers.Commissioner, checkAccessibility: false);
        foreach (var path in new[] { "/claims", "/claims/sampling", "/payments/spend", "/sustainment-checks" })
        {
            await commissioner.GotoAsync(path);
            await Assertions.Expect(commissioner.Locator("h1")).ToBeVisibleAsync();
            await commissioner.AssertAccessibleAsync();
        }
    }

    private static async Task FillDateAsync(IPage page, string name, DateOnly date)
    {
        await page.Locator($"[name='{name}.Day']").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"[name='{name}.Month']").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"[name='{name}.Year']").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
