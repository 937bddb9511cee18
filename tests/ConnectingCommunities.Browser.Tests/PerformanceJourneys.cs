using System.Net;
using System.Text.RegularExpressions;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

/// <summary>
/// Performance against profile in a real browser: the commissioner reads the headline figures, the programme's
/// milestones against target, filters them, drills down to a lot's target profile and opens the charts; a provider
/// manager sees only their own lot and another lot's page is not found.
/// </summary>
public sealed partial class PerformanceJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] OtherLots =
        ["BL", "BB", "CN", "SE", "CW", "BW", "CH", "GL"];

    private static readonly string[] OtherLotNames =
        ["Birchills Leamore", "Batchley and Brockhill", "Cannock North", "Shard End", "Chelmsley Wood", "Binley and Willenhall", "Camp Hill", "Glascote"];

    [Fact(Timeout = 300_000)]
    public async Task The_commissioner_reads_the_headline_figures_filters_the_programme_drills_down_to_a_lot_and_opens_trends_and_caseloads()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // The browser app has the demo programme without participants: one who engaged and started work gives the rates a denominator.
        await AddJobStartAsync("WH");

        var commissioner = await fixture.NewPageAsync(cancellation);
        await commissioner.SignInAsync(DemoUsers.Commissioner);
        await commissioner.GotoAsync("/");
        var headline = commissioner.Locator("#headline");
        await Assertions.Expect(headline).ToBeVisibleAsync();
        foreach (var milestone in new[] { Milestone.Engaged, Milestone.JobOutcome, Milestone.Progression })
        {
            await Assertions.Expect(headline.Locator($"[data-milestone='{milestone}'] .govuk-summary-list__value"))
                .ToContainTextAsync(PercentOfTarget());
        }

        await Assertions.Expect(headline.Locator("[data-milestone='Engaged'] dt")).ToHaveTextAsync("Engaged participants");
        await Assertions.Expect(headline.Locator("[data-milestone='JobOutcome'] dt")).ToHaveTextAsync("Job starts");
        await Assertions.Expect(headline.Locator("[data-rate='JobOutcomeRate'] .govuk-summary-list__value")).ToContainTextAsync(RateOfOutOfWork());
        await Assertions.Expect(commissioner.Locator("main a[href='/performance']")).ToBeVisibleAsync();
        await commissioner.AssertAccessibleAsync();

        await commissioner.Locator("main a[href='/performance']").ClickAsync();
        await commissioner.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/performance");
        var milestones = commissioner.Locator("#milestones");
        await Assertions.Expect(milestones.Locator("caption")).ToHaveTextAsync("Milestones against target");
        await Assertions.Expect(milestones.Locator("tbody tr")).ToHaveCountAsync(Enum.GetValues<Milestone>().Length);
        var engaged = milestones.Locator("tbody tr[data-milestone='Engaged']");
        await Assertions.Expect(engaged.Locator("td").Nth(0)).ToHaveTextAsync(WholeNumber());
        await Assertions.Expect(engaged.Locator("td").Nth(1)).ToHaveTextAsync(WholeNumber());
        await Assertions.Expect(engaged.Locator("td").Nth(2)).ToHaveTextAsync(Percent());
        await Assertions.Expect(engaged.Locator("td").Nth(3)).ToHaveTextAsync(RagInWords());
        await Assertions.Expect(commissioner.Locator("#lots tbody tr")).ToHaveCountAsync(9);
        await commissioner.AssertAccessibleAsync();

        // The filters are a GET form: a year of delivery for one cohort, which has no target of its own.
        await commissioner.GetByLabel("Cohort").SelectOptionAsync(nameof(Cohort.HardestToHelp));
        await commissioner.GetByLabel("From", new() { Exact = true }).FillAsync("2020-04-01");
        await commissioner.GetByLabel("To", new() { Exact = true }).FillAsync("2021-03-31");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await commissioner.WaitForURLAsync(url => url.Contains("cohort=HardestToHelp", StringComparison.Ordinal));
        await Assertions.Expect(commissioner.Locator("#performance-scope")).ToContainTextAsync("Hardest to Help cohort: 1 April 2020 to 31 March 2021");
        await Assertions.Expect(engaged.Locator("td").Nth(1)).ToHaveTextAsync("No target");
        await Assertions.Expect(engaged.Locator("td").Nth(3)).ToHaveTextAsync("No target");
        await Assertions.Expect(commissioner.GetByLabel("Cohort")).ToHaveValueAsync(nameof(Cohort.HardestToHelp));
        await commissioner.AssertAccessibleAsync();

        await commissioner.GotoAsync("/performance");
        await commissioner.Locator("#lots tbody tr[data-lot='WH']").GetByRole(AriaRole.Link, new() { Name = "Washwood Heath (WH)" }).ClickAsync();
        await commissioner.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/performance/lots/WH");
        await Assertions.Expect(commissioner.Locator("h1")).ToContainTextAsync("Washwood Heath");
        var profile = commissioner.Locator("#profile");
        await Assertions.Expect(commissioner.Locator("#profile-heading")).ToHaveTextAsync("Target profile: Job outcome");
        await Assertions.Expect(profile.Locator("thead")).ToContainTextAsync("Original target");
        await Assertions.Expect(profile.Locator("thead")).ToContainTextAsync("Target in force");
        // The demo's Covid-19 variation lowered the targets from April 2020; the original ones stay beside them.
        var varied = profile.Locator("tbody tr").Filter(new() { HasText = "Covid-19 adjustment from 1 April 2020" });
        await Assertions.Expect(varied.First).ToBeVisibleAsync();
        var original = await varied.First.Locator("td").Nth(0).InnerTextAsync();
        var inForce = await varied.First.Locator("td").Nth(1).InnerTextAsync();
        Assert.NotEqual(original, inForce);
        await commissioner.AssertAccessibleAsync();

        await commissioner.GotoAsync("/performance/trends");
        await Assertions.Expect(commissioner.Locator("h1")).ToContainTextAsync("Trends");
        await Assertions.Expect(commissioner.Locator("main figure svg").First).ToBeVisibleAsync();
        await Assertions.Expect(commissioner.Locator("main figure table").First).ToBeAttachedAsync();
        await commissioner.AssertAccessibleAsync();

        await commissioner.GotoAsync("/performance/caseloads");
        await Assertions.Expect(commissioner.Locator("h1")).ToContainTextAsync("Caseloads");
        await Assertions.Expect(commissioner.Locator("main table").First).ToBeAttachedAsync();
        await commissioner.AssertAccessibleAsync();
    }

    [Fact(Timeout = 300_000)]
    public async Task A_provider_manager_sees_only_their_own_lot_and_another_lots_page_is_not_found()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var manager = await fixture.NewPageAsync(cancellation);
        await manager.SignInAsync(DemoUsers.Manager("WH"));

        await manager.GotoAsync("/performance");
        await Assertions.Expect(manager.Locator("#money tbody tr[data-lot='WH'] th")).ToHaveTextAsync("Washwood Heath (WH)");
        await Assertions.Expect(manager.Locator("#milestones tbody tr")).ToHaveCountAsync(Enum.GetValues<Milestone>().Length);
        await Assertions.Expect(manager.Locator("main [data-lot='WH']").First).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("main [data-lot]:not([data-lot='WH'])")).ToHaveCountAsync(0);
        await Assertions.Expect(manager.GetByLabel("Lot", new() { Exact = true })).ToHaveCountAsync(0);
        var main = await manager.Locator("main").InnerTextAsync();
        foreach (var (code, name) in OtherLots.Zip(OtherLotNames))
        {
            Assert.DoesNotContain($"({code})", main, StringComparison.Ordinal);
            Assert.DoesNotContain(name, main, StringComparison.Ordinal);
        }

        await manager.AssertAccessibleAsync();

        await manager.GotoAsync("/performance/lots/WH");
        await Assertions.Expect(manager.Locator("#profile")).ToBeVisibleAsync();
        await manager.AssertAccessibleAsync();

        // Another lot's page is not found, never forbidden: it does not reveal that the lot is there.
        var response = await manager.GotoAsync("/performance/lots/SE");
        Assert.NotNull(response);
        Assert.Equal((int)HttpStatusCode.NotFound, response.Status);
        Assert.DoesNotContain("Shard End", await manager.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>A participant of the lot who engaged and started work, straight into the database.</summary>
    private async Task AddJobStartAsync(string lotCode)
    {
        var participant = await fixture.App.AddAsync(lotCode, p =>
        {
            p.Cohort = Cohort.HardestToHelp;
            p.RegisteredOn = new DateOnly(2020, 9, 1);
        });
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.Engaged, AchievedOn = new DateOnly(2020, 10, 5) });
        db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.JobOutcome, AchievedOn = new DateOnly(2020, 12, 7) });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"\d+(\.\d)?% of target")]
    private static partial Regex PercentOfTarget();

    [GeneratedRegex(@"^\d+(\.\d)?%$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"\d+(\.\d)?% of out-of-work participants found work")]
    private static partial Regex RateOfOutOfWork();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})*$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex("^(Green|Amber|Red)$")]
    private static partial Regex RagInWords();
}
