using System.Net;
using System.Security.Claims;
using System.Text.Json;
using AngleSharp.Dom;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.HelpRequests;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.HelpRequests;

public sealed class HelpRequestsTestsOnSqlite(HelpRequestsSqliteApp fixture) : HelpRequestsTests<HelpRequestsSqliteApp>(fixture);

public sealed class HelpRequestsTestsOnPostgres(HelpRequestsPostgresApp fixture) : HelpRequestsTests<HelpRequestsPostgresApp>(fixture);

/// <summary>
/// The public "Get help finding work" form and the lots' triage lists. Tests share one database
/// per class, so each works on requests of its own and counts only what it added.
/// </summary>
public abstract class HelpRequestsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : HelpRequestsApp
{
    /// <summary>A real postcode in no lot's area (checked in each test that uses it).</summary>
    private const string OutOfArea = "SW1A 1AA";

    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_in_area_request_is_saved_and_listed_for_that_lots_advisor_only()
    {
        var postcode = await PostcodeOfAsync("WH");
        var surname = Unique("Okafor");
        using var resident = App.CreateClient();

        var sent = await SendFormAsync(resident, Form(surname, postcode.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/get-help/sent", sent.Headers.Location!.OriginalString);
        var confirmation = await resident.GetPageAsync("/get-help/sent");
        var reference = confirmation.QuerySelector(".govuk-panel--confirmation #reference")!.TextContent.Trim();
        Assert.StartsWith("HR-", reference, StringComparison.Ordinal);
        Assert.Contains("Washwood Heath", confirmation.QuerySelector("#next")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("by email", confirmation.QuerySelector("#next")!.TextContent, StringComparison.Ordinal);

        var saved = await FindSavedAsync(surname);
        Assert.NotNull(saved);
        Assert.Equal(reference, saved.Reference);
        Assert.Equal(HelpRequestStatus.New, saved.Status);
        Assert.Equal(postcode, saved.Postcode);
        Assert.Equal(await LotIdAsync("WH"), saved.LotId);
        Assert.Equal("Email", saved.PreferredContact);

        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var list = await advisor.GetPageAsync("/help-requests");
        var row = list.QuerySelector($"tr[data-reference='{reference}']");
        Assert.NotNull(row);
        Assert.Contains($"Amina {surname}", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("amina@example.com", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("New", row.QuerySelector(".govuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}(am|pm)", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/participants/register?helpRequestId={saved.Id}']"));
        var details = await advisor.GetPageAsync($"/help-requests/{saved.Id}");
        Assert.Contains(reference, details.QuerySelector(".govuk-caption-l")!.TextContent, StringComparison.Ordinal);

        using var advisorApi = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var items = (await advisorApi.GetJsonAsync("/api/v1/help-requests?pageSize=500")).GetProperty("items").EnumerateArray();
        Assert.Contains(items, i => i.GetProperty("reference").GetString() == reference && i.GetProperty("lotCode").GetString() == "WH");

        using var otherAdvisor = await App.SignInAsync(DemoUsers.Advisor("SE"));
        Assert.Null((await otherAdvisor.GetPageAsync("/help-requests")).QuerySelector($"tr[data-reference='{reference}']"));
        await otherAdvisor.GetPageAsync($"/help-requests/{saved.Id}", HttpStatusCode.NotFound);
        await otherAdvisor.GetPageAsync($"/help-requests/{saved.Id}/contacted", HttpStatusCode.NotFound);
        using var otherApi = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        Assert.DoesNotContain((await otherApi.GetJsonAsync("/api/v1/help-requests?pageSize=500")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("reference").GetString() == reference);
        await otherApi.GetJsonAsync($"/api/v1/help-requests/{saved.Id}", HttpStatusCode.NotFound);
        await otherApi.GetJsonAsync("/api/v1/help-requests?lotCode=WH", HttpStatusCode.NotFound);
        var (patched, _) = await otherApi.SendJsonAsync(HttpMethod.Patch, $"/api/v1/help-requests/{saved.Id}", new { status = "Contacted" });
        Assert.Equal(HttpStatusCode.NotFound, patched);
        Assert.Equal(HelpRequestStatus.New, (await FindSavedAsync(surname))!.Status);

        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);
        var all = await commissioner.GetPageAsync("/help-requests?lot=WH");
        var commissionerRow = all.QuerySelector($"tr[data-reference='{reference}']");
        Assert.NotNull(commissionerRow);
        Assert.Empty(commissionerRow.QuerySelectorAll("a[href*='/contacted'], a[href*='/close'], a[href*='/participants/register']"));
    }

    [Fact]
    public async Task An_out_of_area_resident_is_told_at_once_and_nothing_is_saved()
    {
        Assert.Null(await LotOfPostcodeAsync(OutOfArea));
        var surname = Unique("Elsewhere");
        using var resident = App.CreateClient();
        var before = await CountAsync();

        var response = await SendFormAsync(resident, Form(surname, "sw1a1aa"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await resident.ParseAsync(response);
        var banner = page.QuerySelector("#out-of-area");
        Assert.NotNull(banner);
        Assert.Contains("We cannot offer you support through Connecting Communities at SW1A 1AA", banner.TextContent, StringComparison.Ordinal);
        Assert.NotNull(banner.QuerySelector("a[href='https://www.gov.uk/contact-jobcentre-plus']"));
        Assert.Contains("National Careers Service", banner.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".govuk-error-summary"));
        Assert.Equal(surname, page.QuerySelector("#lastName")!.GetAttribute("value"));
        Assert.Equal(before, await CountAsync());
        Assert.Null(await FindSavedAsync(surname));
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        // fields changed ("name=value|name=value"), the field with the error, words in the error
        { "postcode=B8 1CC", "postcode", "never C, I, K, M, O or V" },
        { "postcode=", "postcode", "Enter a postcode" },
        { "postcode=not a postcode", "postcode", "Enter a real postcode" },
        { "email=|phone=", "email", "Enter an email address or a telephone number" },
        { "email=amina.example.com", "email", "correct format" },
        { "email=|preferredContact=Email", "email", "Enter your email address" },
        { "phone=12345", "phone", "Enter a telephone number, like" },
        { "firstName= ", "firstName", "Enter your first name" },
        { "lastName=", "lastName", "Enter your last name" },
        { "preferredContact=", "preferredContact", "Select how you would like an advisor to contact you" },
        { "preferredContact=Telephone|phone=", "phone", "Enter your telephone number" },
        { "message=" + new string('x', 2001), "message", "2,000 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gives_a_field_error_and_nothing_is_saved(string changes, string errorField, string words)
    {
        var fields = Form(Unique("Bad"), await PostcodeOfAsync("WH"));
        foreach (var change in changes.Split('|'))
        {
            var (name, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            fields[name] = value;
        }

        using var resident = App.CreateClient();
        var before = await CountAsync();

        var response = await SendFormAsync(resident, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await resident.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var summaryLink = page.QuerySelector($".govuk-error-summary a[href='#{errorField}']");
        Assert.NotNull(summaryLink);
        Assert.Contains(words, summaryLink.TextContent, StringComparison.Ordinal);
        Assert.Contains(words, page.QuerySelector($"#{errorField}-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#{errorField}"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_or_a_missing_or_forged_start_time_saves_nothing_and_asks_to_try_again()
    {
        var postcode = await PostcodeOfAsync("WH");
        using var resident = App.CreateClient();
        var before = await CountAsync();

        var form = await resident.GetPageAsync("/get-help");
        var honeypot = form.QuerySelector($"input[name='{HelpRequestFormGuard.HoneypotField}']")!;
        Assert.Equal("-1", honeypot.GetAttribute("tabindex"));
        Assert.Equal("off", honeypot.GetAttribute("autocomplete"));
        var hidden = honeypot.Closest("div")!;
        Assert.Equal("true", hidden.GetAttribute("aria-hidden"));
        Assert.Contains("govuk-visually-hidden", hidden.ClassName, StringComparison.Ordinal);
        Assert.NotNull(hidden.QuerySelector($"label[for='{HelpRequestFormGuard.HoneypotField}']"));
        Assert.NotNull(form.QuerySelector("main a[href='/privacy']"));

        var withHoneypot = Form(Unique("Bot"), postcode);
        withHoneypot[HelpRequestFormGuard.HoneypotField] = "https://spam.example";
        var noStart = Form(Unique("Bot"), postcode);
        var forged = Form(Unique("Bot"), postcode);
        forged[HelpRequestFormGuard.StartedField] = "1700000000000";

        foreach (var (fields, withStart) in new[] { (withHoneypot, true), (noStart, false), (forged, false) })
        {
            var response = await SendFormAsync(resident, fields, withStart);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await resident.ParseAsync(response);
            Assert.Contains("there was a problem sending your request", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(fields["lastName"], page.QuerySelector("#lastName")!.GetAttribute("value"));
            Assert.Equal("", page.QuerySelector($"input[name='{HelpRequestFormGuard.HoneypotField}']")!.GetAttribute("value"));
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_could_fill_it_in_saves_nothing()
    {
        await using var app = await TestApp.StartAsync(fixture.Kind, settings: HelpRequestsApp.Settings(minimumSeconds: 3));
        var postcode = await PostcodeOfAsync("WH", app);
        using var resident = app.CreateClient();

        var response = await SendFormAsync(resident, Form(Unique("Quick"), postcode));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await resident.ParseAsync(response);
        Assert.Contains("there was a problem sending your request", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app));
    }

    [Fact]
    public async Task Sending_the_form_too_often_answers_429_with_the_form_and_saves_nothing_more()
    {
        await using var app = await TestApp.StartAsync(fixture.Kind, settings: HelpRequestsApp.Settings(perMinute: 2));
        var postcode = await PostcodeOfAsync("WH", app);
        using var resident = app.CreateClient();

        var first = await SendFormAsync(resident, Form(Unique("Often"), postcode));
        var second = await SendFormAsync(resident, Form(Unique("Often"), postcode));
        var thirdFields = Form(Unique("Often"), postcode);
        var third = await SendFormAsync(resident, thirdFields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var page = await resident.ParseAsync(third);
        Assert.Contains("too many times", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(thirdFields["lastName"], page.QuerySelector("#lastName")!.GetAttribute("value"));
        Assert.Equal(2, await CountAsync(app));

        // Showing the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/get-help")).StatusCode);
    }

    [Fact]
    public async Task The_start_page_links_to_the_form_which_needs_no_sign_in()
    {
        using var anonymous = App.CreateClient();
        var start = await anonymous.GetPageAsync("/");
        Assert.NotNull(start.QuerySelector("main a[href='/get-help']"));

        var form = await anonymous.GetPageAsync("/get-help");
        Assert.Equal("Get help finding work", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Washwood Heath", form.QuerySelector("#neighbourhoods")!.TextContent, StringComparison.Ordinal);
        foreach (var name in new[] { "firstName", "lastName", "email", "phone", "preferredContact", "postcode", "message", HelpRequestFormGuard.StartedField })
        {
            Assert.NotNull(form.QuerySelector($"form[action='/get-help'] [name='{name}']"));
        }

        // Without a confirmation to show, the confirmation page sends people back to the form.
        var sent = await anonymous.GetAsync("/get-help/sent");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/get-help", sent.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Triage_pages_are_for_the_lots_casework_roles_and_only_advisors_and_managers_change_requests(string email)
    {
        var request = await AddRequestAsync("WH");
        using var client = await App.SignInAsync(email);
        var reads = email == DemoUsers.Evaluator ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
        var writes = email is DemoUsers.Evaluator or DemoUsers.Commissioner ? HttpStatusCode.Forbidden : HttpStatusCode.OK;

        Assert.Equal(reads, (await client.GetAsync("/help-requests")).StatusCode);
        Assert.Equal(reads, (await client.GetAsync($"/help-requests/{request.Id}")).StatusCode);
        Assert.Equal(writes, (await client.GetAsync($"/help-requests/{request.Id}/contacted")).StatusCode);
        Assert.Equal(writes, (await client.GetAsync($"/help-requests/{request.Id}/close")).StatusCode);

        var post = await client.PostFormAsync($"/help-requests/{request.Id}/contacted", new Dictionary<string, string> { ["reason"] = "Phoned" });
        if (writes == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Equal(HelpRequestStatus.Contacted, (await ReloadAsync(request.Id)).Status);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Equal(HelpRequestStatus.New, (await ReloadAsync(request.Id)).Status);
        }
    }

    [Fact]
    public async Task Without_signing_in_the_triage_pages_send_people_to_sign_in_and_the_API_answers_401()
    {
        var request = await AddRequestAsync("WH");
        using var anonymous = App.CreateClient();

        foreach (var page in new[] { "/help-requests", $"/help-requests/{request.Id}", $"/help-requests/{request.Id}/close" })
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/help-requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/help-requests/{request.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendJsonAsync(HttpMethod.Patch, $"/api/v1/help-requests/{request.Id}", new { status = "Contacted" })).Status);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task The_API_lets_casework_roles_read_and_only_advisors_and_managers_change(string email)
    {
        var request = await AddRequestAsync("WH");
        using var api = await App.ApiClientAsync(email);

        var list = await api.GetAsync("/api/v1/help-requests?lotCode=WH");
        var one = await api.GetAsync($"/api/v1/help-requests/{request.Id}");
        var (patched, body) = await api.SendJsonAsync(HttpMethod.Patch, $"/api/v1/help-requests/{request.Id}", new { status = "Contacted", reason = "Called back" });

        switch (email)
        {
            case DemoUsers.Evaluator:
                Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, patched);
                Assert.Equal(HelpRequestStatus.New, (await ReloadAsync(request.Id)).Status);
                break;
            case DemoUsers.Commissioner:
                Assert.Equal(HttpStatusCode.OK, list.StatusCode);
                Assert.Equal(HttpStatusCode.OK, one.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, patched);
                Assert.Equal(HelpRequestStatus.New, (await ReloadAsync(request.Id)).Status);
                break;
            default:
                Assert.Equal(HttpStatusCode.OK, list.StatusCode);
                Assert.Equal(HttpStatusCode.OK, one.StatusCode);
                Assert.Equal(HttpStatusCode.OK, patched);
                Assert.Equal("Contacted", body.GetProperty("status").GetString());
                Assert.Equal(HelpRequestStatus.Contacted, (await ReloadAsync(request.Id)).Status);
                break;
        }
    }

    [Fact]
    public async Task One_request_in_the_API_has_its_contact_details_and_the_view_is_logged()
    {
        var request = await AddRequestAsync("WH", r => r.Message = "Evenings are best");
        using var api = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var body = await api.GetJsonAsync($"/api/v1/help-requests/{request.Id}");

        Assert.Equal(request.Reference, body.GetProperty("reference").GetString());
        Assert.Equal("WH", body.GetProperty("lotCode").GetString());
        Assert.Equal("Washwood Heath", body.GetProperty("lotName").GetString());
        Assert.Equal(request.Email, body.GetProperty("email").GetString());
        Assert.Equal(request.Phone, body.GetProperty("phone").GetString());
        Assert.Equal("Telephone", body.GetProperty("preferredContact").GetString());
        Assert.Equal("Evenings are best", body.GetProperty("message").GetString());
        Assert.Equal("New", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("receivedAt").ValueKind);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var key = request.Id.ToString();
        var manager = DemoUsers.Manager("WH");
        Assert.True(await db.AuditEvents.AnyAsync(
            a => a.Action == "viewed" && a.EntityType == "HelpRequest" && a.EntityId == key && a.UserName == manager, Ct));
    }

    [Fact]
    public async Task The_list_is_newest_first_filters_by_status_and_pages()
    {
        var lot = "CW";
        var older = await AddRequestAsync(lot, r => r.ReceivedAt = DateTimeOffset.UtcNow.AddDays(-2));
        var newer = await AddRequestAsync(lot, r => r.ReceivedAt = DateTimeOffset.UtcNow.AddDays(-1));
        var closed = await AddRequestAsync(lot, r =>
        {
            r.Status = HelpRequestStatus.Closed;
            r.Outcome = "Found work";
        });
        using var api = await App.ApiClientAsync(DemoUsers.Advisor(lot));

        var all = await api.GetJsonAsync($"/api/v1/help-requests?lotCode={lot}&status=new&pageSize=500");
        var references = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()).ToList();
        Assert.True(references.IndexOf(newer.Reference) < references.IndexOf(older.Reference));
        Assert.DoesNotContain(closed.Reference, references);

        var closedOnly = await api.GetJsonAsync($"/api/v1/help-requests?lotCode={lot}&status=Closed");
        Assert.All(closedOnly.GetProperty("items").EnumerateArray(), i => Assert.Equal("Closed", i.GetProperty("status").GetString()));
        Assert.Contains(closedOnly.GetProperty("items").EnumerateArray(), i => i.GetProperty("reference").GetString() == closed.Reference);

        var firstPage = await api.GetJsonAsync($"/api/v1/help-requests?lotCode={lot}&page=1&pageSize=1");
        Assert.Equal(1, firstPage.GetProperty("items").GetArrayLength());
        Assert.True(firstPage.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(1, firstPage.GetProperty("pageSize").GetInt32());
        var secondPage = await api.GetJsonAsync($"/api/v1/help-requests?lotCode={lot}&page=2&pageSize=1");
        Assert.NotEqual(firstPage.GetProperty("items")[0].GetProperty("id").GetString(), secondPage.GetProperty("items")[0].GetProperty("id").GetString());

        var bad = await api.GetJsonAsync("/api/v1/help-requests?status=Pending", HttpStatusCode.BadRequest);
        Assert.Contains("New, Contacted, Registered, Closed", bad.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);

        using var page = await App.SignInAsync(DemoUsers.Advisor(lot));
        var closedPage = await page.GetPageAsync("/help-requests?status=Closed");
        Assert.NotNull(closedPage.QuerySelector($"tr[data-reference='{closed.Reference}']"));
        Assert.Null(closedPage.QuerySelector($"tr[data-reference='{newer.Reference}']"));
        Assert.Equal("Closed", closedPage.QuerySelector("#status option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Closing_through_the_API_needs_an_outcome_and_is_audited_with_the_reason()
    {
        var request = await AddRequestAsync("WH");
        using var api = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/help-requests/{request.Id}";

        var (noOutcome, problem) = await api.SendJsonAsync(HttpMethod.Patch, url, new { status = "Closed" });
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome);
        Assert.Contains("why you are closing", problem.GetProperty("errors").GetProperty("outcome")[0].GetString(), StringComparison.Ordinal);
        var (registered, registeredProblem) = await api.SendJsonAsync(HttpMethod.Patch, url, new { status = "Registered" });
        Assert.Equal(HttpStatusCode.BadRequest, registered);
        Assert.True(registeredProblem.GetProperty("errors").TryGetProperty("status", out _));
        var (stale, _) = await api.SendJsonAsync(HttpMethod.Patch, url, new { status = "Contacted", version = request.Version + 5 });
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal(HelpRequestStatus.New, (await ReloadAsync(request.Id)).Status);

        var (closed, body) = await api.SendJsonAsync(HttpMethod.Patch, url, new { status = "Closed", outcome = "Found work on their own", reason = "Spoke on the phone", version = request.Version });

        Assert.Equal(HttpStatusCode.OK, closed);
        Assert.Equal("Closed", body.GetProperty("status").GetString());
        Assert.Equal("Found work on their own", body.GetProperty("outcome").GetString());
        var audit = await AuditOfChangeAsync(request.Id);
        Assert.Equal(DemoUsers.Advisor("WH"), audit.UserName);
        Assert.Equal("Spoke on the phone", audit.Reason);
        Assert.Contains("\"Status\"", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("Found work on their own", audit.Changes, StringComparison.Ordinal);

        var (again, againProblem) = await api.SendJsonAsync(HttpMethod.Patch, url, new { status = "Contacted" });
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Contains("closed", againProblem.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_on_the_page_asks_why_and_records_it_as_the_outcome_and_the_reason()
    {
        var request = await AddRequestAsync("WH");
        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/help-requests/{request.Id}/close";

        var refused = await advisor.PostFormAsync(url, new Dictionary<string, string> { ["outcome"] = "", ["version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await advisor.ParseAsync(refused);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#outcome']"));
        Assert.NotNull(page.QuerySelector("#outcome-error"));
        Assert.Equal(HelpRequestStatus.New, (await ReloadAsync(request.Id)).Status);

        var closed = await advisor.PostFormAsync(url, new Dictionary<string, string> { ["outcome"] = "Could not reach them after three tries", ["version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("/help-requests", closed.Headers.Location!.OriginalString);
        var list = await advisor.GetPageAsync("/help-requests");
        Assert.Contains($"{request.Reference}", list.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        var saved = await ReloadAsync(request.Id);
        Assert.Equal(HelpRequestStatus.Closed, saved.Status);
        Assert.Equal("Could not reach them after three tries", saved.Outcome);
        Assert.Equal("Could not reach them after three tries", (await AuditOfChangeAsync(request.Id)).Reason);

        // A closed request cannot be marked as contacted: said at the top of the page.
        var late = await advisor.PostFormAsync($"/help-requests/{request.Id}/contacted", new Dictionary<string, string> { ["reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("This request is closed", (await advisor.ParseAsync(late)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_prefill_is_for_the_requests_own_lot_and_marking_it_registered_saves_with_the_registration()
    {
        var request = await AddRequestAsync("WH");

        var prefill = await AsUserAsync(DemoUsers.Advisor("WH"), handler => handler.FindForRegistrationAsync(request.Id, Ct));
        Assert.Equal(new HelpRequestPrefill(request.Id, "WH", request.FirstName, request.LastName, request.Email, request.Phone, request.Postcode), prefill);
        Assert.Null(await AsUserAsync(DemoUsers.Advisor("SE"), handler => handler.FindForRegistrationAsync(request.Id, Ct)));
        Assert.Null(await AsUserAsync(DemoUsers.Evaluator, handler => handler.FindForRegistrationAsync(request.Id, Ct)));
        Assert.Null(await AsUserAsync(DemoUsers.Advisor("WH"), handler => handler.FindForRegistrationAsync(Guid.NewGuid(), Ct)));
        var closed = await AddRequestAsync("WH", r => r.Status = HelpRequestStatus.Closed);
        Assert.Null(await AsUserAsync(DemoUsers.Advisor("WH"), handler => handler.FindForRegistrationAsync(closed.Id, Ct)));
        Assert.False(await AsUserAsync(DemoUsers.Advisor("WH"), handler => handler.MarkRegisteredAsync(closed.Id, Guid.NewGuid(), Ct)));

        var participant = await App.AddAsync("WH");
        Assert.False(await AsUserAsync(DemoUsers.Advisor("SE"), handler => handler.MarkRegisteredAsync(request.Id, participant.Id, Ct), save: true));
        Assert.Equal(HelpRequestStatus.New, (await ReloadAsync(request.Id)).Status);
        Assert.True(await AsUserAsync(DemoUsers.Advisor("WH"), handler => handler.MarkRegisteredAsync(request.Id, participant.Id, Ct), save: true));
        var registered = await ReloadAsync(request.Id);
        Assert.Equal(HelpRequestStatus.Registered, registered.Status);
        Assert.Equal(participant.Id, registered.ParticipantId);
        Assert.Null(await AsUserAsync(DemoUsers.Advisor("WH"), handler => handler.FindForRegistrationAsync(request.Id, Ct)));

        using var advisor = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var row = (await advisor.GetPageAsync("/help-requests?status=Registered")).QuerySelector($"tr[data-reference='{request.Reference}']")!;
        Assert.NotNull(row.QuerySelector($"a[href='/participants/{participant.Id}']"));
        Assert.Null(row.QuerySelector("a[href*='/participants/register']"));
    }

    private static Dictionary<string, string> Form(string lastName, string postcode) => new()
    {
        ["firstName"] = "Amina",
        ["lastName"] = lastName,
        ["email"] = "amina@example.com",
        ["phone"] = "07700 900982",
        ["preferredContact"] = "Email",
        ["postcode"] = postcode,
        ["message"] = "I would like help with my CV.",
    };

    private static string Unique(string name) => name + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Sends the form as a browser does: with the start time from the page shown just before.</summary>
    private static async Task<HttpResponseMessage> SendFormAsync(TestClient client, Dictionary<string, string> fields, bool withStart = true)
    {
        var form = new Dictionary<string, string>(fields);
        if (withStart && !form.ContainsKey(HelpRequestFormGuard.StartedField))
        {
            var page = await client.GetPageAsync("/get-help");
            form[HelpRequestFormGuard.StartedField] = page.QuerySelector($"input[name='{HelpRequestFormGuard.StartedField}']")!.GetAttribute("value")!;
        }

        return await client.PostFormAsync("/get-help", form);
    }

    private async Task<T> AsUserAsync<T>(string email, Func<HelpRequestHandler, Task<T>> act, bool save = false)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CcDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, Ct);
        var role = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync(Ct);
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = services,
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role!)], "Test")),
        };
        try
        {
            var result = await act(services.GetRequiredService<HelpRequestHandler>());
            if (save)
            {
                await db.SaveChangesAsync(Ct);
            }

            return result;
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private async Task<HelpRequest> AddRequestAsync(string lotCode, Action<HelpRequest>? configure = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var lot = await db.Lots.SingleAsync(l => l.Code == lotCode, Ct);
        var postcode = await db.LotPostcodes.Where(p => p.LotId == lot.Id).OrderBy(p => p.Postcode).Select(p => p.Postcode).FirstAsync(Ct);
        var unique = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var request = new HelpRequest
        {
            LotId = lot.Id,
            Reference = "HR-" + unique,
            FirstName = "Sam",
            LastName = "Resident" + unique,
            Email = $"sam.{unique.ToLowerInvariant()}@example.com",
            Phone = "0121 496 0000",
            Postcode = postcode,
            PreferredContact = "Telephone",
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        configure?.Invoke(request);
        db.HelpRequests.Add(request);
        await db.SaveChangesAsync(Ct);
        return request;
    }

    private async Task<HelpRequest> ReloadAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().HelpRequests.AsNoTracking().SingleAsync(h => h.Id == id, Ct);
    }

    private async Task<AuditEvent> AuditOfChangeAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var key = id.ToString();
        var changes = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == "HelpRequest" && a.EntityId == key && a.Action == "updated")
            .ToListAsync(Ct);
        return Assert.Single(changes);
    }

    private async Task<HelpRequest?> FindSavedAsync(string lastName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().HelpRequests.AsNoTracking().SingleOrDefaultAsync(h => h.LastName == lastName, Ct);
    }

    private Task<int> CountAsync() => CountAsync(App);

    private static async Task<int> CountAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().HelpRequests.CountAsync(Ct);
    }

    private async Task<Guid> LotIdAsync(string code)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().Lots.Where(l => l.Code == code).Select(l => l.Id).SingleAsync(Ct);
    }

    private Task<string> PostcodeOfAsync(string lotCode) => PostcodeOfAsync(lotCode, App);

    /// <summary>A postcode of the lot's area, read from the seeded area.</summary>
    private static async Task<string> PostcodeOfAsync(string lotCode, TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.LotPostcodes
            .Join(db.Lots.Where(l => l.Code == lotCode), p => p.LotId, l => l.Id, (p, _) => p.Postcode)
            .OrderBy(p => p)
            .FirstAsync(Ct);
    }

    private async Task<string?> LotOfPostcodeAsync(string postcode)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.LotPostcodes.Where(p => p.Postcode == postcode).Join(db.Lots, p => p.LotId, l => l.Id, (_, l) => l.Code).FirstOrDefaultAsync(Ct);
    }
}
