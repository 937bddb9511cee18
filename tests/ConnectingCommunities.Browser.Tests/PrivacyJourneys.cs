using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

/// <summary>
/// Reconciliation and subject access in a real browser: the commissioner reconciles a lot's month (an
/// unclaimed outcome and a line with no MI behind it), downloads it, and opens a participant's subject
/// access page from their record and downloads the file; axe on each page.
/// </summary>
public sealed class PrivacyJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact(Timeout = 300_000)]
    public async Task The_commissioner_reconciles_a_month_and_opens_a_participants_subject_access_page()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var (unclaimed, unbacked) = await ScenarioAsync();

        var commissioner = await fixture.NewPageAsync(cancellation);
        await commissioner.SignInAsync(DemoUsers.Commissioner);
        await commissioner.GotoAsync("/");
        await commissioner.Locator("a[href='/reconciliation']").First.ClickAsync();
        await commissioner.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/reconciliation");
        await commissioner.AssertAccessibleAsync();

        await commissioner.GetByLabel("Lot").SelectOptionAsync("WH");
        await commissioner.GetByLabel("Claim month").SelectOptionAsync("2021-10");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Reconcile" }).ClickAsync();
        await commissioner.WaitForURLAsync(url => url.Contains("period=2021-10", StringComparison.Ordinal));
        await Assertions.Expect(commissioner.Locator("#unclaimed")).ToContainTextAsync("Unclaimed outcomes (1)");
        await Assertions.Expect(commissioner.Locator("#claimed-without-mi")).ToContainTextAsync("Claimed but not in MI (1)");
        await Assertions.Expect(commissioner.Locator("main")).ToContainTextAsync(unclaimed.Reference);
        await Assertions.Expect(commissioner.Locator("main")).ToContainTextAsync(unbacked.Reference);
        await commissioner.AssertAccessibleAsync();

        var download = await commissioner.RunAndWaitForDownloadAsync(() => commissioner.GetByRole(AriaRole.Link, new() { Name = "CSV file of the reconciliation" }).ClickAsync());
        Assert.Equal("reconciliation-WH-2021-10.csv", download.SuggestedFilename);

        await commissioner.GotoAsync($"/participants/{unclaimed.Id}/subject-access");
        await Assertions.Expect(commissioner.Locator("h1")).ToHaveTextAsync("Subject access request");
        await Assertions.Expect(commissioner.Locator("main")).ToContainTextAsync("record.json");
        await commissioner.AssertAccessibleAsync();

        var zip = await commissioner.RunAndWaitForDownloadAsync(() => commissioner.GetByRole(AriaRole.Button, new() { Name = "Download the subject access file" }).ClickAsync());
        Assert.StartsWith($"subject-access-{unclaimed.Reference}-", zip.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".zip", zip.SuggestedFilename, StringComparison.Ordinal);
    }

    /// <summary>In WH for October 2021: one job outcome never claimed, and a claimed sustainment with no record behind it.</summary>
    private async Task<(Participant Unclaimed, Participant Unbacked)> ScenarioAsync()
    {
        var unclaimed = await fixture.App.AddAsync("WH");
        var unbacked = await fixture.App.AddAsync("WH");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = unclaimed.Id, Milestone = Milestone.JobOutcome, AchievedOn = new DateOnly(2021, 10, 11) });
        var lot = await db.Lots.SingleAsync(l => l.Code == "WH", TestContext.Current.CancellationToken);
        var contract = await db.Contracts.Where(c => c.LotId == lot.Id).OrderBy(c => c.StartDate).FirstAsync(TestContext.Current.CancellationToken);
        var claim = new OutcomeClaim
        {
            Reference = "WH-2021-10-B1",
            LotId = lot.Id,
            ProviderId = contract.ProviderId,
            Period = "2021-10",
            PeriodEnd = new DateOnly(2021, 10, 31),
            Status = ClaimStatus.Submitted,
            CreatedAt = DateTimeOffset.UtcNow,
            SubmittedAt = DateTimeOffset.UtcNow,
        };
        claim.Lines.Add(new ClaimLine
        {
            ClaimId = claim.Id,
            ParticipantId = unbacked.Id,
            ParticipantReference = unbacked.Reference,
            Milestone = Milestone.Sustained13Weeks,
            MilestoneDate = new DateOnly(2021, 10, 20),
            Cohort = unbacked.Cohort,
            Amount = 500m,
            ContractId = contract.Id,
            ProviderId = contract.ProviderId,
            Status = ClaimLineStatus.Submitted,
        });
        db.Claims.Add(claim);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (unclaimed, unbacked);
    }
}
