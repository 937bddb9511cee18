using ConnectingCommunities.TestSupport;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

/// <summary>
/// The app on a real port over SQLite and Debian's Chromium driven by Playwright (no browser
/// download). Skips with a message when Chromium is missing, unless CC_REQUIRE_ALL=1.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private TestApp? app;

    public TestApp App => app ?? throw new InvalidOperationException("The app did not start.");

    /// <summary>Settings the app starts with, beyond the test defaults (no demo caseload).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(TestEnvironment.ChromiumPath))
        {
            if (TestEnvironment.RequireAll)
            {
                throw new InvalidOperationException($"CC_REQUIRE_ALL=1 but Chromium is not at {TestEnvironment.ChromiumPath}.");
            }

            return;
        }

        app = await TestApp.StartAsync(DatabaseKind.Sqlite, realServer: true, settings: new Dictionary<string, string?>(Settings));
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a fresh browser context; closed if the test is cancelled (by its timeout), so a hang cannot outlive it.</summary>
    public async Task<IPage> NewPageAsync(CancellationToken cancellationToken, bool javaScript = true)
    {
        TestEnvironment.Require(browser is not null, "Chromium", $"install it (apt-get install chromium) or set CC_CHROMIUM; looked at {TestEnvironment.ChromiumPath}");
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Address!.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
            AcceptDownloads = true,
        });
        // CI runs the feature tests beside these on two cores; a page (a model fit, the report) can take longer than Playwright's 30 s default.
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        cancellationToken.Register(() => _ = context.CloseAsync());
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

public static class PageExtensions
{
    /// <summary>Runs axe (WCAG 2.2 A and AA rules) on the page and fails with every violation described.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {page.Url}:\n{string.Join("\n", violations)}");
    }

    /// <summary>Signs in through the form; axe needs JavaScript, so pages without it are checked in the other journeys.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = TestEnvironment.DemoPassword, bool checkAccessibility = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/sign-in");
        if (checkAccessibility)
        {
            await page.AssertAccessibleAsync();
        }

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }
}
