using System.Globalization;
using ConnectingCommunities.TestSupport;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

/// <summary>
/// <see cref="BrowserFixture"/> with a demo caseload, so the models have outcomes to explain and the report has
/// figures: the app on a real port over SQLite, Debian's Chromium driven by Playwright.
/// </summary>
public sealed class EvaluationBrowserFixture : BrowserFixture
{
    /// <summary>Enough participants for every term of the job-outcome model to be estimated.</summary>
    public const int Participants = 600;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Demo:Participants"] = Participants.ToString(CultureInfo.InvariantCulture) };
}

/// <summary>
/// The evaluation in a real browser on a demo caseload: an evaluator runs the job-outcome model, reads its odds ratios
/// and forest plot, changes a reference level and runs it again; downloads the pseudonymised extract; opens the
/// Theory of Change analysis and the report. An advisor records a participant's indicators. Axe on every page.
/// </summary>
public sealed class EvaluationJourneys(EvaluationBrowserFixture fixture) : IClassFixture<EvaluationBrowserFixture>
{
    private static readonly string[] Identifying = ["name", "firstname", "lastname", "nino", "nationalinsurance", "dateofbirth", "postcode", "email", "phone", "address", "reference", "id", "participantid", "notes"];

    [Fact(Timeout = 600_000)]
    public async Task An_evaluator_runs_the_job_outcome_model_and_changes_a_reference_level()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(DemoUsers.Evaluator);
        await page.GotoAsync("/evaluation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Outcome models" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/evaluation/models");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Job outcome" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/evaluation/models/job-outcome");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the model" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("reference.ageBand=25-34", StringComparison.Ordinal));

        // The documents' reference levels: 35-54 against 25-34, Rapid Progression against Hardest to Help.
        var terms = page.Locator("#model-terms");
        await Assertions.Expect(terms.Locator("caption")).ToHaveTextAsync("Odds ratios with 95% confidence intervals");
        await Assertions.Expect(terms).ToContainTextAsync("ageBand=35-54");
        await Assertions.Expect(terms).ToContainTextAsync("cohort=RapidProgression");
        await Assertions.Expect(terms).ToContainTextAsync("Age band at registration: 25 to 34 (reference)");
        await Assertions.Expect(terms).Not.ToContainTextAsync("ageBand=25-34");
        var forest = page.Locator("#forest-plot svg[role='img']");
        await Assertions.Expect(forest).ToBeVisibleAsync();
        await Assertions.Expect(forest.Locator("title")).ToHaveTextAsync("Job outcome: odds ratios with 95% confidence intervals");
        Assert.True(await forest.Locator("rect[width='12']").CountAsync() > 0, "The forest plot draws an estimate for each term.");
        Assert.True(await terms.Locator("tbody tr").CountAsync() > 6);
        await Assertions.Expect(page.Locator("#model-fit")).ToContainTextAsync("in the population");
        await page.AssertAccessibleAsync();

        // 35-54 as the reference: 25-34 becomes a term of its own and 35-54 is no longer one.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Age band at registration" }).SelectOptionAsync("35-54");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the model" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("reference.ageBand=35-54", StringComparison.Ordinal));
        await Assertions.Expect(terms).ToContainTextAsync("ageBand=25-34");
        await Assertions.Expect(terms).Not.ToContainTextAsync("ageBand=35-54");
        await Assertions.Expect(terms).ToContainTextAsync("Age band at registration: 35 to 54 (reference)");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Age band at registration" })).ToHaveValueAsync("35-54");
        await Assertions.Expect(page.Locator("#forest-plot svg[role='img']")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // A reference level nobody in the model has is named, and the page still passes axe.
        await page.GotoAsync("/evaluation/models/job-outcome?reference.cohort=Nobody");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The reference level of cohort must be one of");
        await page.AssertAccessibleAsync();
    }

    [Fact(Timeout = 600_000)]
    public async Task An_evaluator_downloads_the_pseudonymised_extract()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(DemoUsers.Evaluator, checkAccessibility: false);
        await page.GotoAsync("/evaluation");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the extract as CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);

        // A header row, then one row per participant of the demo caseload.
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        Assert.Equal("pseudonym", header[0]);
        Assert.Contains("ageBand", header);
        Assert.Contains("postcodeDistrict", header);
        Assert.True(lines.Length > EvaluationBrowserFixture.Participants, $"{lines.Length} lines");
        foreach (var column in header)
        {
            Assert.DoesNotContain(column.Trim('"').ToLowerInvariant(), Identifying);
        }

        Assert.DoesNotContain(header, c => c.Contains("nino", StringComparison.OrdinalIgnoreCase) || c.Contains("name", StringComparison.OrdinalIgnoreCase));
        var width = header.Length;
        Assert.All(lines.Skip(1).Where(l => l.Length > 0).Take(50), l => Assert.Equal(width, l.Split(',').Length));
    }

    [Fact(Timeout = 600_000)]
    public async Task An_evaluator_opens_the_indicators_analysis_and_the_report()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(DemoUsers.Evaluator, checkAccessibility: false);
        await page.GotoAsync("/evaluation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Theory of Change indicators" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/evaluation/indicators");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Theory of Change");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/evaluation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluation report" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/evaluation/report");
        await page.AssertAccessibleAsync();

        // The print-friendly report: every section, a forest plot for each model, and no axe violation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the report to print" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/evaluation/report/file/html");
        await Assertions.Expect(page.Locator("main > section")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#models svg[role='img']")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#model-terms-job-outcome")).ToContainTextAsync("cohort=RapidProgression");
        await page.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await page.GotoAsync("/evaluation/report");
            await page.GetByRole(AriaRole.Link, new() { Name = "Download as a Word document (DOCX)" }).ClickAsync();
        });
        Assert.Matches(@"^evaluation-report-\d{4}-\d{2}-\d{2}\.docx$", download.SuggestedFilename);
    }

    [Fact(Timeout = 600_000)]
    public async Task An_advisor_records_a_participants_indicators()
    {
        var participant = await fixture.App.AddAsync("WH");
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(DemoUsers.Advisor("WH"), checkAccessibility: false);
        await page.GotoAsync($"/participants/{participant.Id}/indicators");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the baseline assessment" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/participants/{participant.Id}/indicators/baseline");
        await page.AssertAccessibleAsync();

        // Half a scale is refused, naming the items left out; the page with its errors passes axe too.
        await page.Locator("input[name='assessedOn.Day']").FillAsync("10");
        await page.Locator("input[name='assessedOn.Month']").FillAsync("3");
        await page.Locator("input[name='assessedOn.Year']").FillAsync("2021");
        await page.Locator("input[name='attitudeToWork-1'][value='4']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        for (var item = 1; item <= 5; item++)
        {
            await page.Locator($"input[name='attitudeToWork-{item}'][value='4']").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/participants/{participant.Id}/indicators");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("20");
        await page.AssertAccessibleAsync();
    }
}
