using ConnectingCommunities.TestSupport;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

public sealed class SetUpJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task A_commissioner_opens_a_lot_edits_a_tariff_and_sees_the_change()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(DemoUsers.Commissioner);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Lots", Exact = true }).First.ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Washwood Heath" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Washwood Heath" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("£1,053,000.00");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/setup/tariffs");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "£889.00" }).First.ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Amount").FillAsync("901.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tariff" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Tariff saved");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£901.50");
        await page.AssertAccessibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_commissioner_edits_a_lot_without_javascript_and_is_told_exactly_what_is_wrong()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken, javaScript: false);
        await page.SignInAsync(DemoUsers.Commissioner, checkAccessibility: false);

        await page.GotoAsync("/setup/lots/ch/edit");
        await page.GetByLabel("Lot value").FillAsync("-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save lot" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The lot value must be £0 or more");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error:"));

        await page.GetByLabel("Lot value").FillAsync("215000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save lot" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Camp Hill saved");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("£215,000.00");
    }

    [Theory(Timeout = 120_000)]
    [InlineData(DemoUsers.Evaluator)]
    [InlineData("manager.gl@demo.test")]
    [InlineData("advisor.gl@demo.test")]
    public async Task Each_role_lands_on_its_start_page_and_cannot_open_set_up(string email)
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(email);
        await page.AssertAccessibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lots", Exact = true })).ToHaveCountAsync(0);

        var response = await page.GotoAsync("/setup/lots");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Theory(Timeout = 120_000)]
    [InlineData("/")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    [InlineData("/cookies")]
    [InlineData("/api-docs")]
    [InlineData("/no-such-page")]
    public async Task Public_pages_pass_axe(string path)
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.GotoAsync(path);
        await page.AssertAccessibleAsync();
    }

    [Theory(Timeout = 120_000)]
    [InlineData("/setup/lots")]
    [InlineData("/setup/lots/wh")]
    [InlineData("/setup/lots/new")]
    [InlineData("/setup/providers")]
    [InlineData("/setup/providers/new")]
    [InlineData("/setup/contracts/new?lot=WH")]
    [InlineData("/setup/programme")]
    [InlineData("/setup/tariffs")]
    [InlineData("/setup/targets?lot=WH")]
    [InlineData("/setup/users")]
    [InlineData("/setup/lots/wh/area")]
    [InlineData("/account/two-factor")]
    public async Task Commissioner_pages_pass_axe(string path)
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(DemoUsers.Commissioner);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.AssertAccessibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Pages_showing_errors_pass_axe_and_link_each_error_to_its_field()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your email address");
        await page.AssertAccessibleAsync();

        await page.SignInAsync(DemoUsers.Commissioner);
        foreach (var (path, button, message) in new[]
        {
            ("/setup/lots/new", "Save lot", "Enter a lot code"),
            ("/setup/providers/new", "Save provider", "Enter the organisation name"),
            ("/setup/contracts/new?lot=WH", "Save contract", "Enter the contract reference"),
        })
        {
            await page.GotoAsync(path);
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync(message);
            await page.AssertAccessibleAsync();
            var firstLink = page.Locator(".govuk-error-summary a").First;
            var target = (await firstLink.GetAttributeAsync("href"))!;
            await Assertions.Expect(page.Locator(target)).ToHaveCountAsync(1);
        }
    }
}
