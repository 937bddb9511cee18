using ConnectingCommunities.TestSupport;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

public sealed class HelpRequestJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 240_000)]
    public async Task A_resident_asks_for_help_and_an_advisor_triages_it()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.GotoAsync("/");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ask for help finding work" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByText("Neighbourhoods we cover").ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("First name").FillAsync("Amina");
        await page.GetByLabel("Postcode").FillAsync("B8 1CC");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your last name");
        await page.AssertAccessibleAsync();

        // The keyboard never reaches the honeypot: Tab from the message goes to the privacy link.
        await page.GetByLabel("Tell us how we can help (optional)").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("/privacy", await page.EvaluateAsync<string>("document.activeElement.getAttribute('href') || document.activeElement.name"));

        await page.GetByLabel("Last name").FillAsync("Okafor");
        await page.GetByLabel("Email address").FillAsync("amina@example.com");
        await page.GetByLabel("Email", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Postcode").FillAsync("SW1A 1AA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(page.Locator("#out-of-area")).ToContainTextAsync("SW1A 1AA");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Postcode").FillAsync("B8 1AJ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel--confirmation")).ToContainTextAsync("HR-");
        await page.AssertAccessibleAsync();
        var reference = (await page.Locator("#reference").TextContentAsync())!.Trim();

        var advisor = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await advisor.SignInAsync(DemoUsers.Advisor("WH"));
        await advisor.GotoAsync("/help-requests");
        await advisor.AssertAccessibleAsync();
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Amina Okafor" }).First.ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-caption-l")).ToContainTextAsync(reference);
        await advisor.AssertAccessibleAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Mark as contacted" }).ClickAsync();
        await advisor.AssertAccessibleAsync();
        await advisor.GetByLabel("Notes (optional)").FillAsync("Phoned, meeting on Monday");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Mark as contacted" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner--success")).ToContainTextAsync("marked as contacted");
        await advisor.AssertAccessibleAsync();
        await advisor.GotoAsync("/help-requests?status=Contacted");
        await advisor.AssertAccessibleAsync();
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Amina Okafor" }).First.ClickAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Close request" }).ClickAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Close request" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why you are closing this request");
        await advisor.AssertAccessibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task The_form_works_without_javascript()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken, javaScript: false);
        await page.GotoAsync("/get-help");
        await page.GetByLabel("First name").FillAsync("Noah");
        await page.GetByLabel("Last name").FillAsync("Smith");
        await page.GetByLabel("Telephone number").FillAsync("0121 496 0000");
        await page.GetByLabel("Phone call").CheckAsync();
        await page.GetByLabel("Postcode").FillAsync("b81aj");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel--confirmation")).ToContainTextAsync("HR-");
        await Assertions.Expect(page.Locator("#next")).ToContainTextAsync("Washwood Heath will contact you by phone");
    }
}
