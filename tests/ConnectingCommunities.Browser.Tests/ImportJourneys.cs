using System.Text;
using ConnectingCommunities.TestSupport;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

/// <summary>
/// A provider manager imports the month's participants in a real browser: reads the templates, uploads a file with
/// two bad rows, reads the preview (each error's row, column, value and what is allowed), uploads the corrected file
/// and applies it. The commissioner's retention page is checked too (reconciliation is in <see cref="PrivacyJourneys"/>).
/// Axe on each page.
/// </summary>
public sealed class ImportJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Header =
        "externalId,firstName,lastName,dateOfBirth,nino,postcode,registeredOn,employmentStatus,lastInWorkOn,privacyNoticeAcknowledged";

    [Fact(Timeout = 300_000)]
    public async Task A_manager_uploads_a_file_with_two_bad_rows_reads_the_errors_fixes_them_and_applies()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var postcode = await fixture.App.InAreaPostcodeAsync("WH", 3);
        // Letters only, so that the names pass the name rules; random, so that no earlier run's record is a duplicate.
        var suffix = new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26)))]);
        var number = Random.Shared.Next(100_000, 999_999);
        string Row(int i, string nino, string dateOfBirth) =>
            $"BJ-{suffix}-{i},Journey{suffix[..4]},Tester{suffix}{(char)('a' + i)},{dateOfBirth},{nino},{postcode},2021-03-01,OutOfWork,2019-06-30,yes";
        // Rows 3 and 5 as a spreadsheet numbers them (the header is row 1): a National Insurance number that is not one,
        // and a date of birth that is no day (31 February).
        var bad = string.Join("\r\n", Header,
            Row(1, $"JP{number}A", "1981-04-02"),
            Row(2, "NOT-A-NINO", "1982-05-03"),
            Row(3, $"JP{number}C", "1983-06-04"),
            Row(4, $"JP{number}D", "31/02/1984")) + "\r\n";
        var good = bad
            .Replace("NOT-A-NINO", $"JP{number}B", StringComparison.Ordinal)
            .Replace("31/02/1984", "1984-02-29", StringComparison.Ordinal);

        var manager = await fixture.NewPageAsync(cancellation);
        await manager.SignInAsync(DemoUsers.Manager("WH"));
        await manager.GotoAsync("/imports");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Imports", Exact = true })).ToBeVisibleAsync();
        await manager.AssertAccessibleAsync();

        // The templates: the list, then the participants template's columns and its downloads.
        await manager.GetByRole(AriaRole.Link, new() { Name = "import templates" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Import templates", Exact = true })).ToBeVisibleAsync();
        await manager.AssertAccessibleAsync();
        await manager.Locator("main dl").GetByRole(AriaRole.Link, new() { Name = "Participants", Exact = true }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Participants");
        await Assertions.Expect(manager.Locator("main table")).ToContainTextAsync("externalId");
        await Assertions.Expect(manager.Locator("main table")).ToContainTextAsync("privacyNoticeAcknowledged");
        await manager.AssertAccessibleAsync();
        var template = await manager.RunAndWaitForDownloadAsync(() => manager.GetByRole(AriaRole.Link, new() { Name = "Download the CSV template" }).ClickAsync());
        var templateText = await File.ReadAllTextAsync(await template.PathAsync(), cancellation);
        Assert.StartsWith("externalId,", templateText.TrimStart('\uFEFF'), StringComparison.OrdinalIgnoreCase);

        // The file with two bad rows: the preview names each, and offers no "apply the file".
        await manager.GotoAsync("/imports");
        await UploadAsync(manager, bad, "march.csv");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("march.csv");
        await Assertions.Expect(manager.Locator("main .govuk-tag")).ToHaveTextAsync("Has errors");
        await Assertions.Expect(manager.Locator("#rows-total")).ToHaveTextAsync("4");
        await Assertions.Expect(manager.Locator("#rows-in-error")).ToHaveTextAsync("2");
        var errors = manager.Locator("#errors tbody tr");
        await Assertions.Expect(errors).ToHaveCountAsync(2);
        await ExpectErrorAsync(errors.Nth(0), "3", "nino", "NOT-A-NINO");
        await ExpectErrorAsync(errors.Nth(1), "5", "dateOfBirth", "31/02/1984");
        await Assertions.Expect(errors.Nth(1).Locator("td").Nth(3)).ToContainTextAsync("yyyy-mm-dd");
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Apply the file" })).ToHaveCountAsync(0);
        await manager.AssertAccessibleAsync();

        // The corrected file: four new rows, applied at once.
        await manager.GetByRole(AriaRole.Link, new() { Name = "Upload another file" }).ClickAsync();
        await UploadAsync(manager, good, "march-corrected.csv");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("march-corrected.csv");
        await Assertions.Expect(manager.Locator("main .govuk-tag")).ToHaveTextAsync("Ready to apply");
        await Assertions.Expect(manager.Locator("#rows-new")).ToHaveTextAsync("4");
        await Assertions.Expect(manager.Locator("#rows-in-error")).ToHaveTextAsync("0");
        await Assertions.Expect(manager.Locator("#errors")).ToHaveCountAsync(0);
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Apply the file" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync("Applied: 4 new");
        await Assertions.Expect(manager.Locator("main .govuk-tag")).ToHaveTextAsync("Applied");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "What was applied" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Apply the file" })).ToHaveCountAsync(0);
        await manager.AssertAccessibleAsync();

        // The list shows both files with their status; the new participants are on the caseload.
        await manager.GotoAsync("/imports");
        var listed = manager.Locator("main table tbody tr");
        await Assertions.Expect(listed.Filter(new() { HasText = "march-corrected.csv" })).ToContainTextAsync("Applied");
        await Assertions.Expect(listed.Filter(new() { HasText = "march.csv" }).Filter(new() { HasNotText = "corrected" })).ToContainTextAsync("Has errors");
        await manager.AssertAccessibleAsync();
        await manager.GotoAsync($"/participants?search=Tester{suffix}");
        await Assertions.Expect(manager.Locator("main table tbody tr")).ToHaveCountAsync(4);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_commissioner_runs_the_retention_check()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var commissioner = await fixture.NewPageAsync(cancellation);
        await commissioner.SignInAsync(DemoUsers.Commissioner, checkAccessibility: false);
        await commissioner.GotoAsync("/retention");
        await Assertions.Expect(commissioner.Locator("h1")).ToHaveTextAsync("Retention of personal data");
        await commissioner.AssertAccessibleAsync();

        // The demo programme's records are all within retention, so the check lists none and nothing can be erased.
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Run the check now" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator(".govuk-notification-banner")).ToContainTextAsync("Retention check run");
        await Assertions.Expect(commissioner.Locator("main table").Last).ToContainTextAsync("Not confirmed");
        await commissioner.AssertAccessibleAsync();
    }

    private static async Task ExpectErrorAsync(ILocator row, string number, string column, string value)
    {
        var cells = row.Locator("td");
        await Assertions.Expect(cells.Nth(0)).ToHaveTextAsync(number);
        await Assertions.Expect(cells.Nth(1)).ToHaveTextAsync(column);
        await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync(value);
        await Assertions.Expect(cells.Nth(3)).Not.ToBeEmptyAsync();
    }

    private static async Task UploadAsync(IPage page, string csv, string name)
    {
        await page.GetByLabel("Lot").SelectOptionAsync("WH");
        await page.GetByLabel("Participants", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
    }
}
