using System.Net;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.Participants;

public sealed class ParticipantPagesTestsOnSqlite(SqliteApp fixture) : ParticipantPagesTests<SqliteApp>(fixture);

public sealed class ParticipantPagesTestsOnPostgres(PostgresApp fixture) : ParticipantPagesTests<PostgresApp>(fixture);

/// <summary>The caseload, registration, participant, change and contact pages, as each role sees them.</summary>
public abstract class ParticipantPagesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_caseload_pages_through_long_results()
    {
        var surname = "Paginate" + new string([.. Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
        for (var i = 0; i < 51; i++)
        {
            await App.AddAsync("GL", p => { p.LastName = surname; p.SearchLastName = surname.ToLowerInvariant(); });
        }

        using var manager = await App.SignInAsync(DemoUsers.Manager("GL"));
        var first = await manager.GetPageAsync($"/participants?search={surname}");
        var second = await manager.GetPageAsync($"/participants?search={surname}&page=2");

        Assert.Equal(50, first.QuerySelectorAll("main table tbody tr").Length);
        Assert.Single(second.QuerySelectorAll("main table tbody tr"));
    }

    [Fact]
    public async Task An_advisor_registers_a_participant_through_the_form()
    {
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var postcode = await Registrations.InAreaPostcodeAsync(App, "WH");
        var lastName = Registrations.NewName();

        var response = await advisor.PostFormAsync("/participants/register", RegisterForm(lastName, postcode));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/participants/[0-9a-f-]{36}$", location);
        var page = await advisor.GetPageAsync(location);
        Assert.Contains($"Priya {lastName}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rapid Progression", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("registered as WH-", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Registered in cohort Rapid Progression", page.QuerySelector(".app-timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_shows_each_problem_against_its_field_and_saves_nothing()
    {
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var before = await Registrations.CountAsync(App);
        var fields = RegisterForm(Registrations.NewName(), "B99 9ZZZ");
        fields.RemoveAll(f => f.Key is "nino" or "dateOfBirth.Year" or "privacyNoticeAcknowledged");
        fields.Add(new("dateOfBirth.Year", "19x0"));

        var response = await advisor.PostFormAsync("/participants/register", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await advisor.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("date of birth must be a real date", summary, StringComparison.Ordinal);
        Assert.Contains("National Insurance number", summary, StringComparison.Ordinal);
        Assert.Contains("postcode", summary, StringComparison.Ordinal);
        Assert.Contains("privacy notice", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#postcode-error"));
        Assert.Equal(before, await Registrations.CountAsync(App));
    }

    [Fact]
    public async Task A_second_registration_with_the_same_NINO_is_stopped_and_links_to_the_record()
    {
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var postcode = await Registrations.InAreaPostcodeAsync(App, "WH");
        var fields = RegisterForm(Registrations.NewName(), postcode);
        var first = await advisor.PostFormAsync("/participants/register", fields);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var before = await Registrations.CountAsync(App);

        var second = await advisor.PostFormAsync("/participants/register", fields);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await advisor.ParseAsync(second);
        Assert.Contains("already registered", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(first.Headers.Location!.ToString(), page.QuerySelector("#duplicate-matches a")!.GetAttribute("href"));
        Assert.Equal(before, await Registrations.CountAsync(App));
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Pages_show_a_participant_only_to_their_lot_and_the_commissioner(string email)
    {
        var participant = await App.AddAsync("SE");
        using var client = await App.SignInAsync(email);

        var details = await client.GetAsync($"/participants/{participant.Id}");
        var edit = await client.GetAsync($"/participants/{participant.Id}/edit");
        var contact = await client.GetAsync($"/participants/{participant.Id}/interventions/new");
        var register = await client.GetAsync("/participants/register");
        var caseload = await client.GetAsync($"/participants?search={participant.Reference}");

        var canSee = email == DemoUsers.Commissioner;
        Assert.Equal(email == DemoUsers.Evaluator ? HttpStatusCode.Forbidden : canSee ? HttpStatusCode.OK : HttpStatusCode.NotFound, details.StatusCode);
        Assert.Equal(email is DemoUsers.Evaluator or DemoUsers.Commissioner ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(email is DemoUsers.Evaluator or DemoUsers.Commissioner ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, contact.StatusCode);
        Assert.Equal(email is DemoUsers.Evaluator or DemoUsers.Commissioner ? HttpStatusCode.Forbidden : HttpStatusCode.OK, register.StatusCode);
        if (email == DemoUsers.Evaluator)
        {
            Assert.Equal(HttpStatusCode.Forbidden, caseload.StatusCode);
        }
        else
        {
            var page = await client.ParseAsync(caseload);
            Assert.Equal(canSee, page.Body!.TextContent.Contains(participant.Reference, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Recording_three_meaningful_contacts_shows_the_participant_engaged()
    {
        var participant = await App.AddAsync("WH");
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{participant.Id}/interventions/new";

        foreach (var day in new[] { "2", "9" })
        {
            var response = await advisor.PostFormAsync(url, ContactForm(day, "45"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var third = await advisor.PostFormAsync(url, ContactForm("16", "30"));
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        var page = await advisor.GetPageAsync($"/participants/{participant.Id}");

        Assert.Contains("now engaged, from 16 March 2021", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Engaged", page.QuerySelector("#milestones")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("16 March 2021", page.QuerySelector("#milestones")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_before_registration_is_refused_on_the_page()
    {
        var participant = await App.AddAsync("WH");
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var fields = ContactForm("2", "45");
        fields.RemoveAll(f => f.Key == "date.Month");
        fields.Add(new("date.Month", "1"));

        var response = await advisor.PostFormAsync($"/participants/{participant.Id}/interventions/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await advisor.ParseAsync(response);
        Assert.Contains("on or after the registration date", page.QuerySelector("#date-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_details_asks_for_a_reason()
    {
        var participant = await App.AddAsync("WH");
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{participant.Id}/edit";
        var form = await advisor.GetPageAsync(url);
        var fields = form.QuerySelectorAll("form[method=post] input, form[method=post] textarea")
            .Where(e => e.GetAttribute("name") is { } name && name != "__RequestVerificationToken"
                && (e.GetAttribute("type") is not ("radio" or "checkbox") || e.HasAttribute("checked")))
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.GetAttribute("value") ?? e.TextContent))
            .Where(f => f.Key != "phone")
            .ToList();
        fields.Add(new("phone", "0121 496 0000"));
        fields.Add(new("employmentStatus", "OutOfWork"));

        var withoutReason = await advisor.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        var errors = (await advisor.ParseAsync(withoutReason)).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter the reason for the change", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("phone", errors, StringComparison.OrdinalIgnoreCase);

        fields.RemoveAll(f => f.Key == "reason");
        fields.Add(new("reason", "New phone number"));
        var saved = await advisor.PostFormAsync(url, fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await advisor.ParseAsync(saved)).QuerySelector(".govuk-error-summary")?.TextContent);
        var page = await advisor.GetPageAsync($"/participants/{participant.Id}");
        Assert.Contains("0121 496 0000", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("New phone number", page.QuerySelector(".app-timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_advisors_start_page_counts_their_caseload_and_links_to_it()
    {
        await App.AddAsync("WH");
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));

        var page = await advisor.GetPageAsync("/");

        var counts = page.QuerySelector("#caseload-counts")!;
        Assert.Contains("Active participants", counts.TextContent, StringComparison.Ordinal);
        var active = int.Parse(counts.QuerySelector("span")!.TextContent.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(active >= 1);
        var list = await advisor.GetPageAsync(counts.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains($"{active} participant", list.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> RegisterForm(string lastName, string postcode)
    {
        var born = DateOnly.Parse(Registrations.NewDateOfBirth(), System.Globalization.CultureInfo.InvariantCulture);
        return
    [
        new("lotCode", "WH"),
        new("registeredOn.Day", "1"),
        new("registeredOn.Month", "3"),
        new("registeredOn.Year", "2021"),
        new("firstName", "Priya"),
        new("lastName", lastName),
        new("dateOfBirth.Day", born.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("dateOfBirth.Month", born.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("dateOfBirth.Year", born.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("nino", Registrations.NewNino()),
        new("postcode", postcode),
        new("sex", "female"),
        new("ethnicity", "indian"),
        new("longTermCondition", "no"),
        new("employmentStatus", "OutOfWork"),
        new("lastInWorkOn.Day", "1"),
        new("lastInWorkOn.Month", "10"),
        new("lastInWorkOn.Year", "2020"),
        new("recruitmentChannel", "outreachFoodBank"),
        new("privacyNoticeAcknowledged", "true"),
    ];
    }

    private static List<KeyValuePair<string, string>> ContactForm(string day, string minutes) =>
    [
        new("date.Day", day),
        new("date.Month", "3"),
        new("date.Year", "2021"),
        new("mode", "FaceToFace"),
        new("activityType", "InformationAdviceGuidance"),
        new("durationMinutes", minutes),
        new("notes", "CV and job search"),
    ];
}
