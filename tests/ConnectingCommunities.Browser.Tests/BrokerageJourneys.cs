using System.Globalization;
using System.Net;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

/// <summary>
/// Job brokerage end to end in a real browser: an advisor records a participant's job goals, sees an open
/// vacancy ranked for them with its reasons, refers them, and takes the referral through an interview to a job start.
/// </summary>
public sealed class BrokerageJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // An occupation no demo vacancy uses, so this test's vacancy leads the participant's matches.
    private const string Soc = "1112";

    [Fact(Timeout = 300_000)]
    public async Task An_advisor_records_job_goals_sees_a_matching_vacancy_with_its_reasons_refers_and_records_an_interview_and_a_start()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var postcode = await fixture.App.InAreaPostcodeAsync("WH", 2);
        await LocateAsync(postcode);
        var participant = await fixture.App.AddAsync("WH", p => p.Postcode = postcode);

        // The employer and the vacancy come through the API, as an advisor of WH adds them.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var employerName = $"Digbeth Depot {suffix}";
        var title = $"Site receptionist {suffix}";
        using var api = await fixture.App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var (employerStatus, employer) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/employers",
            new { name = employerName, postcode, sector = "H", engagementMethod = "JobFair" });
        Assert.Equal(HttpStatusCode.Created, employerStatus);
        var (vacancyStatus, vacancy) = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/vacancies", new
        {
            employerId = employer.GetProperty("id").GetGuid(),
            title,
            socCode = Soc,
            postcode,
            weeklyHours = 25m,
            hourlyWage = 13.25m,
            contractType = "Permanent",
            closingOn = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            requiredSkills = new[] { "Customer service" },
            drivingLicenceRequired = false,
        });
        Assert.Equal(HttpStatusCode.Created, vacancyStatus);

        var advisor = await fixture.NewPageAsync(cancellation);
        await advisor.SignInAsync(DemoUsers.Advisor("WH"));
        await advisor.GotoAsync($"/participants/{participant.Id}");
        await Assertions.Expect(advisor.Locator("h1")).ToBeVisibleAsync();
        await advisor.AssertAccessibleAsync();

        await advisor.GotoAsync($"/participants/{participant.Id}/job-goals/edit");
        await Assertions.Expect(advisor.GetByRole(AriaRole.Heading, new() { Name = "Add job goals" })).ToBeVisibleAsync();
        await advisor.AssertAccessibleAsync();
        await advisor.GetByLabel("Find an occupation").FillAsync(Soc);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Search occupations" }).ClickAsync();
        var occupation = advisor.GetByLabel($"(SOC {Soc})");
        await Assertions.Expect(occupation).ToBeVisibleAsync();
        await advisor.AssertAccessibleAsync();
        await occupation.CheckAsync();
        await advisor.GetByLabel("Customer service", new() { Exact = true }).CheckAsync();
        await advisor.GetByLabel("Most hours a week they can work").FillAsync("30");
        await advisor.GetByLabel("Farthest distance to work").FillAsync("10");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Save job goals" }).ClickAsync();
        // One success banner: the layout shows it, so a page must not show it again.
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(advisor.Locator("main")).ToContainTextAsync($"(SOC {Soc})");
        await advisor.AssertAccessibleAsync();

        await advisor.GotoAsync($"/participants/{participant.Id}/vacancy-matches");
        await Assertions.Expect(advisor.GetByRole(AriaRole.Heading, new() { Name = "Vacancy matches", Exact = true })).ToBeVisibleAsync();
        var match = advisor.Locator(".vacancy-match").Filter(new() { HasText = title });
        await Assertions.Expect(match).ToHaveCountAsync(1);
        await Assertions.Expect(match.Locator(".match-score")).ToContainTextAsync("out of 100");
        await Assertions.Expect(match.Locator(".match-reasons li").First).ToBeVisibleAsync();
        await advisor.AssertAccessibleAsync();
        await match.GetByRole(AriaRole.Button, new() { Name = "Refer", Exact = false }).ClickAsync();

        await advisor.WaitForURLAsync(url => url.Contains("/referrals/", StringComparison.Ordinal));
        await Assertions.Expect(advisor.GetByRole(AriaRole.Heading, new() { Name = $"Referral to {title}" })).ToBeVisibleAsync();
        await Assertions.Expect(advisor.Locator("#referral-status")).ToHaveTextAsync("Referred");
        await advisor.AssertAccessibleAsync();

        await advisor.GetByLabel("Interview", new() { Exact = true }).CheckAsync();
        await FillDateAsync(advisor, "date", today);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#referral-status")).ToHaveTextAsync("Interview");
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(advisor.Locator("#referral")).ToContainTextAsync(Formatting(today));
        await advisor.AssertAccessibleAsync();

        // A start follows an offer; both are dated today when the date is left empty.
        await advisor.GetByLabel("Offered", new() { Exact = true }).CheckAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#referral-status")).ToHaveTextAsync("Offered");
        await advisor.AssertAccessibleAsync();
        await advisor.GetByLabel("Started", new() { Exact = true }).CheckAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#referral-status")).ToHaveTextAsync("Started");
        await Assertions.Expect(advisor.Locator("#referral-history tbody tr")).ToHaveCountAsync(4);
        await advisor.AssertAccessibleAsync();

        // The start is the participant's job start milestone.
        await advisor.GotoAsync($"/participants/{participant.Id}");
        await Assertions.Expect(advisor.Locator("#milestones")).ToContainTextAsync(Formatting(today));
        await advisor.AssertAccessibleAsync();
    }

    private static string Formatting(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Gives the postcode coordinates, so the match has a distance (the test database has no postcode file loaded).</summary>
    private async Task LocateAsync(string postcode)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        if (!await db.PostcodeLocations.AnyAsync(l => l.Postcode == postcode))
        {
            db.PostcodeLocations.Add(new PostcodeLocation { Postcode = postcode, Latitude = 52.4862, Longitude = -1.8904 });
            await db.SaveChangesAsync();
        }
    }

    private static async Task FillDateAsync(IPage page, string name, DateOnly date)
    {
        await page.Locator($"[name='{name}.Day']").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"[name='{name}.Month']").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"[name='{name}.Year']").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
