using System.Net;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConnectingCommunities.Web.Tests.Claims.ClaimTestSupport;
using static ConnectingCommunities.Web.Tests.Participants.Plan.PlanTestSupport;

namespace ConnectingCommunities.Web.Tests.Claims;

public sealed class ClaimsPagesTestsOnSqlite(SqliteApp fixture) : ClaimsPagesTests<SqliteApp>(fixture);

public sealed class ClaimsPagesTestsOnPostgres(PostgresApp fixture) : ClaimsPagesTests<PostgresApp>(fixture);

/// <summary>
/// The claims pages without JavaScript: a manager makes and submits a claim, a commissioner finds
/// it in the queue and decides its lines, each form posting, redirecting and showing what happened;
/// refused forms show the GOV.UK error summary; each role reaches only its pages.
/// </summary>
public abstract class ClaimsPagesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly DateOnly April = new(2021, 4, 6);

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_manager_makes_and_submits_a_claim_and_a_commissioner_decides_its_lines_on_the_pages()
    {
        var paid = await App.PersonAsync("WH", Cohort.HardestToHelp);
        var returned = await App.PersonAsync("WH", Cohort.RapidProgression);
        var held = await App.PersonAsync("WH", Cohort.HarderToReach);
        var jobId = await App.JobOutcomeAsync(paid, April);
        await App.JobOutcomeAsync(returned, April);
        await App.JobOutcomeAsync(held, April, evidence: false);
        using var manager = await App.SignInAsync(DemoUsers.Manager("WH"));

        var list = await manager.GetPageAsync("/claims");
        Assert.NotNull(list.QuerySelector("a.govuk-button[href='/claims/new']"));
        var form = await manager.GetPageAsync("/claims/new");
        Assert.Contains("Washwood Heath (WH)", form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var made = await manager.PostFormAsync("/claims/new", new Dictionary<string, string> { ["lotCode"] = "WH", ["period"] = "2021-04" });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var claimUrl = made.Headers.Location!.OriginalString;
        var id = Guid.Parse(claimUrl["/claims/".Length..]);

        var page = await manager.GetPageAsync(claimUrl);
        Assert.Contains("Claim WH-2021-04-1 made: 3 lines, 1 held", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/participants/{paid.Id}']"));
        Assert.Contains("£889.00", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("There is no evidence for this milestone", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a.govuk-button[href='/claims/{id}/submit']"));
        var heldOnly = await manager.GetPageAsync($"{claimUrl}?status=Held");
        var heldRow = Assert.Single(heldOnly.QuerySelectorAll("tbody tr"), r => r.QuerySelector("a[href^='/participants/']") is not null);
        Assert.NotNull(heldRow.QuerySelector($"a[href='/participants/{held.Id}']"));

        // Making it again opens the same draft.
        var again = await manager.PostFormAsync("/claims/new", new Dictionary<string, string> { ["lotCode"] = "WH", ["period"] = "2021-04" });
        Assert.Equal(claimUrl, again.Headers.Location!.OriginalString);

        // No random sample, so that the line left at the end is one "approve all not picked" approves.
        await App.ChangeAsync(async db => (await db.Programmes.SingleAsync()).AuditSamplePercentage = 0m);
        var confirm = await manager.GetPageAsync($"/claims/{id}/submit");
        Assert.Contains("Are you sure you want to submit claim WH-2021-04-1?", confirm.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var submitted = await manager.PostFormAsync($"/claims/{id}/submit", []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        page = await manager.GetPageAsync(claimUrl);
        Assert.Contains("submitted: 2 lines sent for a decision, 1 held", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/claims/{id}/submit']"));

        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);
        var queue = await commissioner.GetPageAsync("/claims/queue");
        var row = Assert.Single(queue.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("WH-2021-04-1", StringComparison.Ordinal));
        Assert.Equal("2", row.QuerySelectorAll("td")[2].TextContent.Trim());
        var claimPage = await commissioner.GetPageAsync(claimUrl);
        Assert.NotNull(claimPage.QuerySelector($"a[href='/claims/{id}/approve-unsampled']"));
        var lines = await App.ReadAsync(db => db.ClaimLines.Where(l => l.ClaimId == id).ToListAsync());
        var paidLine = lines.Single(l => l.ParticipantId == paid.Id);
        var returnedLine = lines.Single(l => l.ParticipantId == returned.Id);

        var decide = await commissioner.GetPageAsync($"/claims/{id}/lines/{paidLine.Id}");
        var evidenceId = await App.ReadAsync(db => db.EvidenceFiles.Where(f => f.JobStartId == jobId).Select(f => f.Id).SingleAsync());
        Assert.NotNull(decide.QuerySelector($"a[href='/participants/{paid.Id}/job-starts/{jobId}/evidence/{evidenceId}']"));
        Assert.Equal(3, decide.QuerySelectorAll("input[name=decision]").Length);

        // Rejecting without a reason: the error summary and the field say so, and nothing changes.
        var refused = await commissioner.PostFormAsync($"/claims/{id}/lines/{paidLine.Id}", new Dictionary<string, string> { ["decision"] = "Reject" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await commissioner.ParseAsync(refused);
        Assert.Contains("Enter why the line is rejected", refusedPage.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(refusedPage.QuerySelector("#reason-error"));
        Assert.Equal(ConnectingCommunities.Domain.Claims.ClaimLineStatus.Submitted, await App.ReadAsync(db => db.ClaimLines.Where(l => l.Id == paidLine.Id).Select(l => l.Status).SingleAsync()));

        var approved = await commissioner.PostFormAsync($"/claims/{id}/lines/{paidLine.Id}", new Dictionary<string, string> { ["decision"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        page = await commissioner.GetPageAsync(approved.Headers.Location!.OriginalString);
        Assert.Contains($"{paid.Reference} Job outcome: approved", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var returning = await commissioner.PostFormAsync($"/claims/{id}/lines/{returnedLine.Id}", new Dictionary<string, string> { ["decision"] = "Return", ["reason"] = "Upload the payslip for April" });
        Assert.Equal(HttpStatusCode.Redirect, returning.StatusCode);

        // Deciding it again: told who decided it, on the page.
        var late = await commissioner.PostFormAsync($"/claims/{id}/lines/{paidLine.Id}", new Dictionary<string, string> { ["decision"] = "Approve" }, tokenFrom: claimUrl);
        Assert.Contains("This line was already approved by Demo Commissioner", (await commissioner.ParseAsync(late)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        // The manager sees the return and resubmits the line from the claim page.
        page = await manager.GetPageAsync(claimUrl);
        Assert.Contains("Upload the payslip for April", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var resubmit = page.QuerySelector("form[action*='handler=Resubmit']")!.GetAttribute("action")!;
        var resubmitted = await manager.PostFormAsync(resubmit, [], tokenFrom: claimUrl);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        page = await manager.GetPageAsync(claimUrl);
        Assert.Contains("resubmitted for a decision", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var approveAll = await commissioner.GetPageAsync($"/claims/{id}/approve-unsampled");
        Assert.NotNull(approveAll.QuerySelector("h1"));
        var done = await commissioner.PostFormAsync($"/claims/{id}/approve-unsampled", new Dictionary<string, string> { ["reason"] = "Sample checked" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ConnectingCommunities.Domain.Claims.ClaimLineStatus.Approved, await App.ReadAsync(db => db.ClaimLines.Where(l => l.Id == returnedLine.Id).Select(l => l.Status).SingleAsync()));
        Assert.Equal(ClaimStatus.Completed, await App.ReadAsync(db => db.Claims.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        await App.ChangeAsync(async db => (await db.Programmes.SingleAsync()).AuditSamplePercentage = 10m);
    }

    [Fact]
    public async Task A_refused_claim_form_shows_the_error_and_makes_nothing()
    {
        using var manager = await App.SignInAsync(DemoUsers.Manager("GL"));
        var before = await App.CountsAsync();
        foreach (var (fields, message) in new (Dictionary<string, string>, string)[]
                 {
                     (new() { ["lotCode"] = "GL", ["period"] = "2018-06" }, "There are no achieved, unclaimed milestones for GL up to 30 June 2018"),
                     (new() { ["lotCode"] = "GL", ["period"] = "" }, "in the form yyyy-MM"),
                     (new() { ["lotCode"] = "WH", ["period"] = "2021-04" }, "There is no lot with that code that you can claim for"),
                 })
        {
            var response = await manager.PostFormAsync("/claims/new", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await manager.ParseAsync(response);
            Assert.Contains(message, page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(before, await App.CountsAsync());
    }

    [Fact]
    public async Task The_sampling_page_saves_valid_settings_and_refuses_others()
    {
        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);
        var page = await commissioner.GetPageAsync("/claims/sampling");
        Assert.Equal("10", page.QuerySelector("input[name=percentage]")!.GetAttribute("value"));
        Assert.Equal("1000.00", page.QuerySelector("input[name=allAboveAmount]")!.GetAttribute("value"));
        var version = page.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        var provider = page.QuerySelectorAll("input[name=flaggedProviders]")[0].GetAttribute("value")!;

        var refused = await commissioner.PostFormAsync("/claims/sampling", new Dictionary<string, string> { ["percentage"] = "150", ["allAboveAmount"] = "", ["version"] = version });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("from 0 to 100", (await commissioner.ParseAsync(refused)).QuerySelector("#percentage-error")!.TextContent, StringComparison.Ordinal);

        var saved = await commissioner.PostFormAsync("/claims/sampling", new Dictionary<string, string>
        {
            ["percentage"] = "12.5",
            ["allAboveAmount"] = "750",
            ["flaggedProviders"] = provider,
            ["reason"] = "Quarterly review",
            ["version"] = version,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await commissioner.GetPageAsync("/claims/sampling");
        Assert.Contains("Audit sampling saved", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12.5", page.QuerySelector("input[name=percentage]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"input[name=flaggedProviders][value='{provider}'][checked]"));
        Assert.True(await App.ReadAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == nameof(ProgrammeRecord) && a.Reason == "Quarterly review")));

        await commissioner.PostFormAsync("/claims/sampling", new Dictionary<string, string>
        {
            ["percentage"] = "10",
            ["allAboveAmount"] = "1000",
            ["version"] = page.QuerySelector("input[name=version]")!.GetAttribute("value")!,
        });
    }

    [Fact]
    public async Task A_large_claim_shows_its_lines_a_hundred_at_a_time()
    {
        for (var i = 0; i < 105; i++)
        {
            var person = await App.PersonAsync("SE");
            await App.MilestoneAsync(person, Milestone.Engaged, new DateOnly(2021, 2, 1).AddDays(i % 28));
        }

        using var manager = await App.SignInAsync(DemoUsers.Manager("SE"));
        var made = await manager.PostFormAsync("/claims/new", new Dictionary<string, string> { ["lotCode"] = "SE", ["period"] = "2021-02" });
        var url = made.Headers.Location!.OriginalString;
        var first = await manager.GetPageAsync(url);
        Assert.Equal(100, first.QuerySelectorAll("tbody tr").Count(r => r.QuerySelector("a[href^='/participants/']") is not null));
        Assert.NotNull(first.QuerySelector($"nav.govuk-pagination a[href='{url}?page=2']"));
        var second = await manager.GetPageAsync($"{url}?page=2");
        Assert.Equal(5, second.QuerySelectorAll("tbody tr").Count(r => r.QuerySelector("a[href^='/participants/']") is not null));
    }

    public static TheoryData<string> Everyone => new([.. DemoUsers.OnePerRole, DemoUsers.Manager("CW")]);

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Each_role_reaches_only_its_claims_pages(string email)
    {
        var (claimId, lineId) = await SubmittedClaimAsync();
        using var client = await App.SignInAsync(email);
        var isCommissioner = email == DemoUsers.Commissioner;
        var isManager = email.StartsWith("manager.", StringComparison.Ordinal);
        var ownLot = email == DemoUsers.Manager("CW");
        var reader = isCommissioner || isManager;

        AssertStatus(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/claims")).StatusCode, $"{email} /claims");
        AssertStatus(isManager ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/claims/new")).StatusCode, $"{email} /claims/new");
        AssertStatus(isCommissioner || ownLot ? HttpStatusCode.OK : isManager ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            (await client.GetAsync($"/claims/{claimId}")).StatusCode, $"{email} /claims/id");
        AssertStatus(isCommissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/claims/{claimId}/lines/{lineId}")).StatusCode, $"{email} line");
        AssertStatus(isCommissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/claims/{claimId}/approve-unsampled")).StatusCode, $"{email} approve-unsampled");
        AssertStatus(isCommissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/claims/queue")).StatusCode, $"{email} queue");
        AssertStatus(isCommissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/claims/sampling")).StatusCode, $"{email} sampling");
        var submit = await client.GetAsync($"/claims/{claimId}/submit");
        AssertStatus(ownLot ? HttpStatusCode.Redirect : isManager ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, submit.StatusCode, $"{email} submit");
    }

    private async Task<(Guid Claim, Guid Line)> SubmittedClaimAsync()
    {
        var existing = await App.ReadAsync(db => db.Claims.Where(c => c.Lot!.Code == "CW" && c.Status == ClaimStatus.Submitted).Select(c => c.Id).FirstOrDefaultAsync());
        if (existing == Guid.Empty)
        {
            var person = await App.PersonAsync("CW");
            await App.JobOutcomeAsync(person, April);
            using var manager = await App.ApiClientAsync(DemoUsers.Manager("CW"));
            existing = (await manager.CreateClaimAsync("CW", "2021-04")).GetProperty("id").GetGuid();
            await manager.PostAsync($"/api/v1/claims/{existing}/submit");
        }

        var line = await App.ReadAsync(db => db.ClaimLines.Where(l => l.ClaimId == existing).Select(l => l.Id).FirstAsync());
        return (existing, line);
    }
}
