using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Brokerage;

public sealed class EmployersTestsOnSqlite(SqliteApp fixture) : EmployersTests<SqliteApp>(fixture);

public sealed class EmployersTestsOnPostgres(PostgresApp fixture) : EmployersTests<PostgresApp>(fixture);

/// <summary>Employers: one record per organisation, each lot's relationship, and contacts and activities only the adding lot sees.</summary>
public abstract class EmployersTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    public static string UniqueName(string stem = "Employer") => $"{stem} {Guid.NewGuid().ToString("N")[..10]} Ltd";

    public static async Task<Guid> AddEmployerAsync(TestApp app, string lot, string? name = null, string method = "ReverseMarketing")
    {
        using var client = await app.ApiClientAsync(DemoUsers.Advisor(lot));
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/employers", new { name = name ?? UniqueName(), postcode = "B8 1AA", sector = "G", engagementMethod = method });
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("id").GetGuid();
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Advisors_and_managers_add_employers_commissioners_read_them_evaluators_may_not(string email)
    {
        using var client = await App.ApiClientAsync(email);
        var before = await CountAsync();

        var list = await client.GetAsync("/api/v1/employers");
        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/employers", new { name = UniqueName(), postcode = "b81aa", sector = "i", engagementMethod = "JobFair" });

        if (email == DemoUsers.Evaluator)
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, created);
            Assert.Equal(before, await CountAsync());
        }
        else if (email == DemoUsers.Commissioner)
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, created);
            Assert.Equal(before, await CountAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(HttpStatusCode.Created, created);
            var id = body.GetProperty("id").GetGuid();
            var employer = await client.GetJsonAsync($"/api/v1/employers/{id}");
            Assert.Equal("B8 1AA", employer.GetProperty("postcode").GetString());
            Assert.Equal("I", employer.GetProperty("sector").GetString());
            Assert.Equal(["WH"], employer.GetProperty("lots").EnumerateArray().Select(l => l.GetString()));
            Assert.Equal("JobFair", employer.GetProperty("relationships")[0].GetProperty("engagementMethod").GetString());
        }
    }

    [Fact]
    public async Task Without_a_token_the_employers_API_answers_401()
    {
        using var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/employers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/employers", new { name = "X" })).Status);
    }

    [Theory]
    [InlineData("reverseMarketing", "ReverseMarketing")]
    [InlineData("REVERSEMARKETING", "ReverseMarketing")]
    [InlineData("ExistingLinks", "ExistingLinks")]
    [InlineData("employmentAgency", "EmploymentAgency")]
    public async Task Engagement_methods_are_accepted_in_either_case_and_returned_in_PascalCase(string sent, string returned)
    {
        var id = await AddEmployerAsync(App, "WH", method: sent);
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var employer = await client.GetJsonAsync($"/api/v1/employers/{id}");
        Assert.Equal(returned, employer.GetProperty("relationships")[0].GetProperty("engagementMethod").GetString());
    }

    [Fact]
    public async Task A_name_already_on_the_list_adds_the_lot_to_that_employer_and_a_second_add_by_the_same_lot_is_409()
    {
        var name = UniqueName("Acme");
        var id = await AddEmployerAsync(App, "WH", name);
        var before = await CountAsync();
        using var se = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        using var wh = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (seStatus, seBody) = await se.SendJsonAsync(HttpMethod.Post, "/api/v1/employers", new { name = "  " + name.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal), engagementMethod = "ColdCalling" });
        var (whStatus, whBody) = await wh.SendJsonAsync(HttpMethod.Post, "/api/v1/employers", new { name, engagementMethod = "JobFair" });

        Assert.Equal(HttpStatusCode.Created, seStatus);
        Assert.Equal(id, seBody.GetProperty("id").GetGuid());
        Assert.True(seBody.GetProperty("existing").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, whStatus);
        Assert.Equal(id, whBody.GetProperty("existingId").GetGuid());
        Assert.Equal(before, await CountAsync());
        var employer = await wh.GetJsonAsync($"/api/v1/employers/{id}");
        Assert.Equal(["SE", "WH"], employer.GetProperty("lots").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(name, employer.GetProperty("name").GetString());
    }

    public static TheoryData<string, string> BadEmployers => new()
    {
        { """{"name":"","engagementMethod":"JobFair"}""", "name" },
        { """{"name":"Bad CH One","companiesHouseNumber":"SC12345","engagementMethod":"JobFair"}""", "companiesHouseNumber" },
        { """{"name":"Bad CH Two","companiesHouseNumber":"XX123456","engagementMethod":"JobFair"}""", "companiesHouseNumber" },
        { """{"name":"Bad CH Three","companiesHouseNumber":"123456789","engagementMethod":"JobFair"}""", "companiesHouseNumber" },
        { """{"name":"Bad sector","sector":"V","engagementMethod":"JobFair"}""", "sector" },
        { """{"name":"Bad postcode","postcode":"B8","engagementMethod":"JobFair"}""", "postcode" },
        { """{"name":"Bad method","engagementMethod":"Networking"}""", "engagementMethod" },
        { """{"name":"No method"}""", "engagementMethod" },
        { """{"name":"Bad size","sizeBand":"huge","engagementMethod":"JobFair"}""", "sizeBand" },
        { """{"name":"Future","engagementMethod":"JobFair","beganOn":"2099-01-01"}""", "beganOn" },
    };

    [Theory]
    [MemberData(nameof(BadEmployers))]
    public async Task Bad_input_is_a_field_error_and_nothing_is_written(string json, string field)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var before = await CountAsync();
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/employers", JsonDocument.Parse(json).RootElement);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Companies_House_numbers_are_normalised()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/employers", new { name = UniqueName(), companiesHouseNumber = "sc 123456", engagementMethod = "JobFair" });
        Assert.Equal(HttpStatusCode.Created, status);
        var employer = await client.GetJsonAsync($"/api/v1/employers/{body.GetProperty("id").GetGuid()}");
        Assert.Equal("SC123456", employer.GetProperty("companiesHouseNumber").GetString());
    }

    [Fact]
    public async Task Contacts_and_activities_are_seen_only_by_the_lot_that_added_them()
    {
        var id = await AddEmployerAsync(App, "WH");
        var contactName = "Priya " + Guid.NewGuid().ToString("N")[..6];
        using (var wh = await App.ApiClientAsync(DemoUsers.Advisor("WH")))
        {
            var (contact, _) = await wh.SendJsonAsync(HttpMethod.Post, $"/api/v1/employers/{id}/contacts", new { name = contactName, jobTitle = "HR manager", email = "priya@example.com", phone = "0121 496 0000" });
            var (activity, _) = await wh.SendJsonAsync(HttpMethod.Post, $"/api/v1/employers/{id}/activities", new { kind = "tasterDay", occurredOn = "2021-03-04", participantsInvolved = 6, notes = "Six people tried the warehouse" });
            Assert.Equal(HttpStatusCode.Created, contact);
            Assert.Equal(HttpStatusCode.Created, activity);
        }

        // Another lot's advisor sees the employer (and that WH works with it) but not WH's people or history.
        using var se = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        var seen = await se.GetJsonAsync($"/api/v1/employers/{id}");
        Assert.Equal(["WH"], seen.GetProperty("lots").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(0, seen.GetProperty("contacts").GetArrayLength());
        Assert.Equal(0, seen.GetProperty("activities").GetArrayLength());
        Assert.Equal(0, seen.GetProperty("relationships").GetArrayLength());
        using var sePage = await App.SignInAsync(DemoUsers.Advisor("SE"));
        var page = await sePage.GetPageAsync($"/employers/{id}");
        Assert.DoesNotContain(contactName, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Six people tried", page.Body!.TextContent, StringComparison.Ordinal);

        foreach (var email in new[] { DemoUsers.Manager("WH"), DemoUsers.Commissioner })
        {
            using var client = await App.ApiClientAsync(email);
            var employer = await client.GetJsonAsync($"/api/v1/employers/{id}");
            Assert.Equal(contactName, employer.GetProperty("contacts")[0].GetProperty("name").GetString());
            var activity = employer.GetProperty("activities")[0];
            Assert.Equal("tasterDay", activity.GetProperty("kind").GetString());
            Assert.Equal("2021-03-04", activity.GetProperty("occurredOn").GetString());
            Assert.Equal(6, activity.GetProperty("participantsInvolved").GetInt32());
        }

        using var whPage = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var own = await whPage.GetPageAsync($"/employers/{id}");
        Assert.Contains(contactName, own.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 March 2021", own.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lot_must_work_with_the_employer_before_adding_contacts_and_bad_contacts_are_refused()
    {
        var id = await AddEmployerAsync(App, "WH");
        using var se = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        using var wh = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var notYet = await se.SendJsonAsync(HttpMethod.Post, $"/api/v1/employers/{id}/contacts", new { name = "Sam Jones" });
        var badEmail = await wh.SendJsonAsync(HttpMethod.Post, $"/api/v1/employers/{id}/contacts", new { name = "Sam Jones", email = "sam.example.com" });
        var badKind = await wh.SendJsonAsync(HttpMethod.Post, $"/api/v1/employers/{id}/activities", new { kind = "party", occurredOn = "2021-03-04" });
        var future = await wh.SendJsonAsync(HttpMethod.Post, $"/api/v1/employers/{id}/activities", new { kind = "meeting", occurredOn = "2099-03-04" });
        var (joined, relationship) = await se.SendJsonAsync(HttpMethod.Put, $"/api/v1/employers/{id}/relationship", new { engagementMethod = "CloseRelationship", beganOn = "2020-01-15", notes = "Met at the food bank" });
        var nowAllowed = await se.SendJsonAsync(HttpMethod.Post, $"/api/v1/employers/{id}/contacts", new { name = "Sam Jones" });

        Assert.Equal(HttpStatusCode.BadRequest, notYet.Status);
        Assert.True(notYet.Body.GetProperty("errors").TryGetProperty("lot", out _));
        Assert.True(badEmail.Body.GetProperty("errors").TryGetProperty("email", out _));
        Assert.True(badKind.Body.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(future.Body.GetProperty("errors").TryGetProperty("occurredOn", out _));
        Assert.Equal(HttpStatusCode.OK, joined);
        Assert.Equal("CloseRelationship", relationship.GetProperty("engagementMethod").GetString());
        Assert.Equal(HttpStatusCode.Created, nowAllowed.Status);
        var whView = await wh.GetJsonAsync($"/api/v1/employers/{id}");
        Assert.DoesNotContain(whView.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("name").GetString() == "Sam Jones");
    }

    [Fact]
    public async Task Possible_duplicates_are_found_by_similar_name_and_by_postcode()
    {
        var stem = "Zebedee" + Guid.NewGuid().ToString("N")[..6];
        var id = await AddEmployerAsync(App, "WH", $"{stem} Ltd");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("SE"));

        var similar = await client.GetJsonAsync($"/api/v1/employers/possible-duplicates?name=The%20{stem}%20Limited");
        var samePostcode = await client.GetJsonAsync("/api/v1/employers/possible-duplicates?name=Nothing%20Alike%20Whatsoever&postcode=b8%201aa");

        Assert.Contains(similar.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id && i.GetProperty("why").GetString() == "Similar name");
        Assert.Contains(samePostcode.GetProperty("items").EnumerateArray(), i => i.GetProperty("why").GetString() == "Same postcode");
    }

    [Fact]
    public async Task The_add_page_offers_possible_duplicates_before_adding_a_second_record()
    {
        var stem = "Quokka" + Guid.NewGuid().ToString("N")[..6];
        var id = await AddEmployerAsync(App, "WH", $"{stem} Ltd");
        using var client = await App.SignInAsync(DemoUsers.Advisor("SE"));
        var before = await CountAsync();
        var fields = new Dictionary<string, string> { ["name"] = $"{stem} Limited", ["engagementMethod"] = "JobFair" };

        var offered = await client.ParseAsync(await client.PostFormAsync("/employers/new", fields, "/employers/new"));
        Assert.Contains($"/employers/{id}", offered.QuerySelector("table")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        fields["confirmNew"] = "yes";
        var created = await client.PostFormAsync("/employers/new", fields, "/employers/new");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task The_add_page_shows_field_errors_and_writes_nothing()
    {
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var before = await CountAsync();
        var response = await client.PostFormAsync(
            "/employers/new",
            new Dictionary<string, string> { ["name"] = UniqueName(), ["companiesHouseNumber"] = "12345678X", ["confirmNew"] = "yes" },
            "/employers/new");
        var page = await client.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#companiesHouseNumber", links);
        Assert.Contains("#engagementMethod", links);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Employer_pages_by_role(string email)
    {
        var id = await AddEmployerAsync(App, "WH");
        using var client = await App.SignInAsync(email);
        var reading = email == DemoUsers.Evaluator ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
        var writing = email == DemoUsers.Evaluator || email == DemoUsers.Commissioner ? HttpStatusCode.Forbidden : HttpStatusCode.OK;

        Assert.Equal(reading, (await client.GetAsync("/employers")).StatusCode);
        Assert.Equal(reading, (await client.GetAsync("/employers?search=employer&sector=G&lot=WH")).StatusCode);
        Assert.Equal(reading, (await client.GetAsync($"/employers/{id}")).StatusCode);
        Assert.Equal(writing, (await client.GetAsync("/employers/new")).StatusCode);
        Assert.Equal(writing, (await client.GetAsync($"/employers/{id}/edit")).StatusCode);
        Assert.Equal(writing, (await client.GetAsync($"/employers/{id}/contacts/new")).StatusCode);
        Assert.Equal(writing, (await client.GetAsync($"/employers/{id}/activities/new")).StatusCode);
        Assert.Equal(writing, (await client.GetAsync($"/employers/{id}/relationship")).StatusCode);
    }

    [Fact]
    public async Task Contacts_and_activities_are_added_through_the_pages()
    {
        var id = await AddEmployerAsync(App, "WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));

        var contact = await client.PostFormAsync($"/employers/{id}/contacts/new", new Dictionary<string, string> { ["name"] = "Jo Bloggs", ["email"] = "jo@example.com" }, $"/employers/{id}/contacts/new");
        var activity = await client.PostFormAsync(
            $"/employers/{id}/activities/new",
            new Dictionary<string, string> { ["kind"] = "guaranteedInterview", ["occurredOn.Day"] = "2", ["occurredOn.Month"] = "2", ["occurredOn.Year"] = "2021" },
            $"/employers/{id}/activities/new");
        var badActivity = await client.ParseAsync(await client.PostFormAsync(
            $"/employers/{id}/activities/new", new Dictionary<string, string> { ["kind"] = "meeting", ["occurredOn.Day"] = "31", ["occurredOn.Month"] = "2", ["occurredOn.Year"] = "2021" }, $"/employers/{id}/activities/new"));

        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, activity.StatusCode);
        Assert.Equal("#occurredOn", badActivity.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        var details = await client.GetPageAsync($"/employers/{id}");
        Assert.Contains("Jo Bloggs", details.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Guaranteed-interview scheme", details.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 February 2021", details.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_details_are_changed_with_a_reason()
    {
        var id = await AddEmployerAsync(App, "WH");
        var name = UniqueName("Renamed");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        var (status, body) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/employers/{id}", new { name, sector = "C", sizeBand = "large", postcode = "WS11 1AA", reason = "Trading name changed" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal("Large (250 or more employees)", body.GetProperty("sizeBandName").GetString());
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.EntityType == "Employer" && a.Reason == "Trading name changed", TestContext.Current.CancellationToken));
    }

    private async Task<int> CountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        return await db.Employers.CountAsync(TestContext.Current.CancellationToken);
    }
}
