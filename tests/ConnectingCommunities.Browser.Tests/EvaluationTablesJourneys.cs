using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

/// <summary>
/// The evaluation's landing page and descriptive tables in a real browser: an evaluator opens the
/// evaluation, the list of tables and a table with hidden small cells; a commissioner sees the same
/// table whole and then as the evaluator sees it. Axe on every page.
/// </summary>
public sealed class EvaluationTablesJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 300_000)]
    public async Task An_evaluator_opens_the_evaluation_and_a_table_with_small_cells_hidden()
    {
        var cancellation = TestContext.Current.CancellationToken;

        // Twelve participants in one cohort and three in another: the three are a small cell.
        for (var i = 0; i < 15; i++)
        {
            await fixture.App.AddAsync("CH", p => p.Cohort = i < 12 ? Cohort.HardestToHelp : Cohort.RapidProgression);
        }

        var evaluator = await fixture.NewPageAsync(cancellation);
        await evaluator.SignInAsync(DemoUsers.Evaluator);
        await evaluator.GotoAsync("/evaluation");
        await Assertions.Expect(evaluator.Locator("h1")).ToHaveTextAsync("Evaluation");
        await Assertions.Expect(evaluator.Locator("main a[href='/api/v1/evaluation/extract?format=csv']")).ToBeVisibleAsync();
        await evaluator.AssertAccessibleAsync();

        await evaluator.GetByRole(AriaRole.Link, new() { Name = "Descriptive tables" }).ClickAsync();
        await evaluator.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/evaluation/tables");
        await evaluator.AssertAccessibleAsync();

        await evaluator.GetByRole(AriaRole.Link, new() { Name = "Participants by cohort" }).ClickAsync();
        await evaluator.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/evaluation/tables/participants-by-cohort");
        var table = evaluator.Locator("#evaluation-table");
        await Assertions.Expect(table.Locator("caption")).ToHaveTextAsync("Participants by cohort");
        await Assertions.Expect(table.Locator("tr[data-row='RapidProgression'] td")).ToContainTextAsync("[c]");
        await Assertions.Expect(evaluator.Locator("#suppression")).ToContainTextAsync("[c] confidential");
        await evaluator.AssertAccessibleAsync();

        var commissioner = await fixture.NewPageAsync(cancellation);
        await commissioner.SignInAsync(DemoUsers.Commissioner);
        await commissioner.GotoAsync("/evaluation/tables/participants-by-cohort");
        await Assertions.Expect(commissioner.Locator("#evaluation-table tr[data-row='RapidProgression'] td .app-figure")).Not.ToHaveTextAsync("[c]");
        await commissioner.AssertAccessibleAsync();
        await commissioner.GetByRole(AriaRole.Link, new() { Name = "Show the table as an evaluator sees it" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator("#evaluation-table tr[data-row='RapidProgression'] td")).ToContainTextAsync("[c]");
        await commissioner.AssertAccessibleAsync();
    }
}
