using System.Globalization;
using ConnectingCommunities.TestSupport;
using Microsoft.Playwright;

namespace ConnectingCommunities.Browser.Tests;

/// <summary>An advisor's day with a new participant, from registration to engaged, in a real browser.</summary>
public sealed class ParticipantJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static int nino = Random.Shared.Next(100_000, 900_000);

    [Fact(Timeout = 180_000)]
    public async Task An_advisor_registers_a_participant_plans_their_support_and_sees_them_engaged()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(DemoUsers.Advisor("WH"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Caseload", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your caseload" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Register a participant" }).ClickAsync();
        await page.AssertAccessibleAsync();
        var lastName = "Okonkwo" + Suffix();
        await FillRegistrationAsync(page, lastName, NewNino(), await fixture.App.InAreaPostcodeAsync("WH"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Register participant" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("registered as WH-");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Grace {lastName}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Harder to Reach");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Not yet engaged");
        await page.AssertAccessibleAsync();
        var participantUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Barriers to work" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a barrier" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Low confidence", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("High", new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "identifiedOn", new DateOnly(2021, 3, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add barrier" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Low confidence");
        await page.AssertAccessibleAsync();

        await page.GotoAsync(participantUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Action plan" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a goal" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Goal", new() { Exact = true }).FillAsync("Find a part-time job in retail near home");
        await FillDateAsync(page, "agreedOn", new DateOnly(2021, 3, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add goal" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Find a part-time job in retail near home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync("cv");
        await page.GetByLabel("Agreed", new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "identifiedOn", new DateOnly(2021, 3, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Write or update a CV");
        await page.AssertAccessibleAsync();

        foreach (var (day, minutes) in new[] { (2, 45), (9, 30), (16, 60) })
        {
            await page.GotoAsync(participantUrl);
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a contact" }).ClickAsync();
            if (day == 2)
            {
                await page.AssertAccessibleAsync();
            }

            await FillDateAsync(page, "date", new DateOnly(2021, 3, day));
            await page.GetByLabel("Face to face").CheckAsync();
            await page.GetByLabel("Information, advice and guidance").CheckAsync();
            await page.GetByLabel("How long did it last?").FillAsync(minutes.ToString(CultureInfo.InvariantCulture));
            await page.GetByLabel("Notes (optional)").FillAsync("Job search and CV");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Contact recorded");
        }

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("now engaged, from 16 March 2021");
        await Assertions.Expect(page.Locator("#milestones")).ToContainTextAsync("16 March 2021");
        await Assertions.Expect(page.Locator("main strong.govuk-tag").First).ToHaveTextAsync("Engaged");
        await page.AssertAccessibleAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task A_second_registration_of_the_same_person_is_stopped()
    {
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(DemoUsers.Advisor("WH"));
        var lastName = "Byrne" + Suffix();
        var number = NewNino();
        await page.GotoAsync("/participants/register");
        await FillRegistrationAsync(page, lastName, number, await fixture.App.InAreaPostcodeAsync("WH", 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Register participant" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("registered as WH-");

        await page.GotoAsync("/participants/register");
        await FillRegistrationAsync(page, lastName, number, await fixture.App.InAreaPostcodeAsync("WH", 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Register participant" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("already registered");
        await Assertions.Expect(page.Locator("#duplicate-matches")).ToContainTextAsync($"Grace {lastName}");
        await page.AssertAccessibleAsync();
        await page.Locator("#duplicate-matches a").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Grace {lastName}" })).ToBeVisibleAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task Caseload_change_leave_reassign_and_transfer_pages_pass_axe_with_and_without_errors()
    {
        var participant = await fixture.App.AddAsync("WH");
        var page = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await page.SignInAsync(DemoUsers.Manager("WH"));

        await page.GotoAsync($"/participants?search={participant.Reference}&cohort=HardestToHelp&needs=noContact&sort=LastContact");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync(participant.Reference);
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/participants/{participant.Id}/edit");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Postcode", new() { Exact = true }).FillAsync("not a postcode");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for the change");
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/participants/{participant.Id}/leave");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record that they left" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/caseload/reassign?participantId={participant.Id}");
        await page.AssertAccessibleAsync();

        var commissioner = await fixture.NewPageAsync(TestContext.Current.CancellationToken);
        await commissioner.SignInAsync(DemoUsers.Commissioner, checkAccessibility: false);
        await commissioner.GotoAsync("/setup/lots/bl/caseload-transfer");
        await Assertions.Expect(commissioner.GetByRole(AriaRole.Heading, new() { Name = "Transfer the caseload to a new contract" })).ToBeVisibleAsync();
        await commissioner.AssertAccessibleAsync();
        await commissioner.GotoAsync($"/participants/{participant.Id}");
        await Assertions.Expect(commissioner.GetByRole(AriaRole.Link, new() { Name = "Record a contact" })).ToHaveCountAsync(0);
        await commissioner.AssertAccessibleAsync();
    }

    private static async Task FillRegistrationAsync(IPage page, string lastName, string number, string postcode)
    {
        await FillDateAsync(page, "registeredOn", new DateOnly(2021, 3, 1));
        await page.GetByLabel("First name").FillAsync("Grace");
        await page.GetByLabel("Last name").FillAsync(lastName);
        await FillDateAsync(page, "dateOfBirth", new DateOnly(1979, 11, 4));
        await page.GetByLabel("National Insurance number", new() { Exact = true }).FillAsync(number);
        await page.GetByLabel("Postcode").FillAsync(postcode);
        await page.GetByLabel("Female").CheckAsync();
        await page.GetByLabel("What is their ethnic group?").SelectOptionAsync("african");
        await page.Locator("#employmentStatus").CheckAsync();
        await FillDateAsync(page, "lastInWorkOn", new DateOnly(2019, 9, 30));
        await page.GetByLabel("Recruitment channel").SelectOptionAsync("jobcentrePlus");
        await page.GetByLabel("They have been given the privacy notice").CheckAsync();
    }

    private static async Task FillDateAsync(IPage page, string name, DateOnly date)
    {
        await page.Locator($"[name='{name}.Day']").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"[name='{name}.Month']").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"[name='{name}.Year']").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static string NewNino() => $"JM{Interlocked.Increment(ref nino) % 1_000_000:D6}C";

    private static string Suffix() => new(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}
