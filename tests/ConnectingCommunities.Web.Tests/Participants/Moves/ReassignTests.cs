using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.Participants.Moves;

public sealed class ReassignTestsOnSqlite(SqliteApp fixture) : ReassignTests<SqliteApp>(fixture);

public sealed class ReassignTestsOnPostgres(PostgresApp fixture) : ReassignTests<PostgresApp>(fixture);

/// <summary>
/// Reassigning participants between advisors. Tests share one database, so each works with
/// advisors of its own (created for the test) rather than the demo advisor other tests also use.
/// </summary>
public abstract class ReassignTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_provider_managers_may_reassign_by_API(string email)
    {
        var from = await App.AddAdvisorAsync("WH");
        var to = await App.AddAdvisorAsync("WH");
        var participant = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        using var client = await App.ApiClientAsync(email);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/participants/reassign", Body([participant.Id], to.Id, "Balancing caseloads"));
        var advisors = await client.GetAsync("/api/v1/caseload/advisors");

        if (email == DemoUsers.Manager("WH"))
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(1, body.GetProperty("reassigned").GetInt32());
            Assert.Equal(to.Id, (await App.ParticipantAsync(participant.Id)).AdvisorId);
            Assert.Equal(HttpStatusCode.OK, advisors.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(HttpStatusCode.Forbidden, advisors.StatusCode);
            Assert.Equal(from.Id, (await App.ParticipantAsync(participant.Id)).AdvisorId);
            Assert.Empty(await App.TransfersAsync(participant.Id));
        }
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_provider_managers_may_use_the_reassign_page(string email)
    {
        var from = await App.AddAdvisorAsync("WH");
        var to = await App.AddAdvisorAsync("WH");
        var participant = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        using var client = await App.SignInAsync(email);
        var expected = email == DemoUsers.Manager("WH") ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        foreach (var page in new[] { "/caseload/reassign", $"/caseload/reassign?from={from.Id}", $"/caseload/reassign?participantId={participant.Id}" })
        {
            var response = await client.GetAsync(page);
            Assert.True(expected == response.StatusCode, $"{email} {page}: {(int)response.StatusCode}");
        }

        if (expected == HttpStatusCode.Forbidden)
        {
            var post = await client.PostFormAsync("/caseload/reassign", Fields(("from", from.Id.ToString()), ("participantIds", participant.Id.ToString()), ("advisorId", to.Id.ToString())));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Equal(from.Id, (await App.ParticipantAsync(participant.Id)).AdvisorId);
        }
    }

    [Fact]
    public async Task Without_signing_in_the_reassign_API_answers_401()
    {
        using var client = App.CreateClient();
        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/participants/reassign", Body([Guid.NewGuid()], Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Reassigning_many_moves_them_all_with_history_and_audit()
    {
        var from = await App.AddAdvisorAsync("WH");
        var to = await App.AddAdvisorAsync("WH");
        var first = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        var second = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        var unassigned = await App.AddAsync("WH", p => p.AdvisorId = null);
        var already = await App.AddAsync("WH", p => p.AdvisorId = to.Id);
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var (status, body) = await client.SendJsonAsync(
            HttpMethod.Post, "/api/v1/participants/reassign", Body([first.Id, second.Id, unassigned.Id, already.Id, first.Id], to.Id, "Advisor left the provider"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, body.GetProperty("reassigned").GetInt32());
        Assert.Equal(1, body.GetProperty("alreadyAssigned").GetInt32());
        Assert.Equal(to.DisplayName, body.GetProperty("advisorName").GetString());
        foreach (var (participant, previous) in new[] { (first, (Guid?)from.Id), (second, from.Id), (unassigned, null) })
        {
            Assert.Equal(to.Id, (await App.ParticipantAsync(participant.Id)).AdvisorId);
            var transfer = Assert.Single(await App.TransfersAsync(participant.Id));
            Assert.Equal(previous, transfer.FromAdvisorId);
            Assert.Equal(to.Id, transfer.ToAdvisorId);
            Assert.Null(transfer.FromContractId);
            Assert.Null(transfer.ToContractId);
            Assert.Equal("Advisor left the provider", transfer.Reason);
            var audit = await App.AuditAsync(a => a.Where(e => e.ParticipantId == participant.Id && e.EntityType == nameof(Participant) && e.Action == "updated"));
            var change = Assert.Single(audit, e => e.Changes!.Contains("AdvisorId", StringComparison.Ordinal));
            Assert.Equal("Advisor left the provider", change.Reason);
            Assert.Equal(DemoUsers.Manager("WH"), change.UserName);
        }

        Assert.Empty(await App.TransfersAsync(already.Id));
    }

    [Fact]
    public async Task One_participant_that_cannot_be_reassigned_means_none_is()
    {
        var from = await App.AddAdvisorAsync("WH");
        var to = await App.AddAdvisorAsync("WH");
        var mine = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        var alsoMine = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        var otherLot = await App.AddAsync("SE");
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var (unknownStatus, unknown) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/participants/reassign", Body([mine.Id, alsoMine.Id, Guid.NewGuid()], to.Id));
        var (hiddenStatus, hidden) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/participants/reassign", Body([mine.Id, otherLot.Id, alsoMine.Id], to.Id));

        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        Assert.Equal(HttpStatusCode.BadRequest, hiddenStatus);
        var unknownMessage = Error(unknown, "participantIds");
        var hiddenMessage = Error(hidden, "participantIds");
        Assert.Contains("was not found", hiddenMessage, StringComparison.Ordinal);

        // Another lot's participant is reported exactly as one that does not exist.
        Assert.Equal(unknownMessage[..unknownMessage.IndexOf(' ', StringComparison.Ordinal)], hiddenMessage[..hiddenMessage.IndexOf(' ', StringComparison.Ordinal)]);
        Assert.Equal(
            unknownMessage[unknownMessage.IndexOf(" was", StringComparison.Ordinal)..],
            hiddenMessage[hiddenMessage.IndexOf(" was", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("SE", hiddenMessage, StringComparison.Ordinal);
        foreach (var participant in new[] { mine, alsoMine })
        {
            Assert.Equal(from.Id, (await App.ParticipantAsync(participant.Id)).AdvisorId);
            Assert.Empty(await App.TransfersAsync(participant.Id));
        }

        Assert.NotEqual(to.Id, (await App.ParticipantAsync(otherLot.Id)).AdvisorId);
    }

    [Fact]
    public async Task The_new_advisor_must_be_an_active_advisor_of_the_participants_lot()
    {
        var from = await App.AddAdvisorAsync("WH");
        var participant = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        var otherLotAdvisor = await App.AddAdvisorAsync("SE");
        var inactive = await App.AddAdvisorAsync("WH", active: false);
        var manager = await App.AddAdvisorAsync("WH", role: Roles.ProviderManager);
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        foreach (var advisorId in new[] { otherLotAdvisor.Id, inactive.Id, manager.Id, Guid.NewGuid() })
        {
            var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/participants/reassign", Body([participant.Id], advisorId));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("Select an active advisor of the participants' lot", Error(body, "advisorId"));
        }

        var (missingStatus, missing) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/participants/reassign", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal("Select at least one participant to reassign", Error(missing, "participantIds"));
        Assert.Equal("Select the advisor who will support the participants", Error(missing, "advisorId"));

        var (longStatus, tooLong) = await client.SendJsonAsync(
            HttpMethod.Post, "/api/v1/participants/reassign", Body([participant.Id], (await App.AddAdvisorAsync("WH")).Id, new string('x', 1001)));
        Assert.Equal(HttpStatusCode.BadRequest, longStatus);
        Assert.Contains("1000 characters", Error(tooLong, "reason"), StringComparison.Ordinal);

        Assert.Equal(from.Id, (await App.ParticipantAsync(participant.Id)).AdvisorId);
        Assert.Empty(await App.TransfersAsync(participant.Id));
    }

    [Fact]
    public async Task A_manager_of_two_lots_cannot_give_one_lots_participant_to_the_other_lots_advisor()
    {
        // The manager of WH is given SE as well for this test's advisor check, through a second manager account.
        var twoLots = await App.AddAdvisorAsync("WH", role: Roles.ProviderManager);
        await App.WithDbAsync(async db =>
        {
            var se = db.Lots.Single(l => l.Code == "SE");
            db.UserLots.Add(new UserLot { UserId = twoLots.Id, LotId = se.Id });
            return await db.SaveChangesAsync();
        });
        var seAdvisor = await App.AddAdvisorAsync("SE");
        var participant = await App.AddAsync("WH");
        using var client = await App.ApiClientAsync(twoLots.Email!);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/participants/reassign", Body([participant.Id], seAdvisor.Id));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"{seAdvisor.DisplayName} does not work in lot WH, where {participant.Reference} is registered: choose an advisor of that lot", Error(body, "advisorId"));
    }

    [Fact]
    public async Task The_advisors_list_shows_each_caseload_including_unassigned_participants()
    {
        var advisor = await App.AddAdvisorAsync("WH");
        await App.AddAsync("WH", p => p.AdvisorId = advisor.Id);
        await App.AddAsync("WH", p =>
        {
            p.AdvisorId = advisor.Id;
            p.Status = ParticipantStatus.Left;
            p.LeftOn = new DateOnly(2021, 4, 1);
        });
        await App.AddAsync("WH", p => p.AdvisorId = null);
        var seAdvisor = await App.AddAdvisorAsync("SE");
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var items = (await client.GetJsonAsync("/api/v1/caseload/advisors?pageSize=500")).GetProperty("items").EnumerateArray().ToList();

        var row = Assert.Single(items, i => i.GetProperty("advisorId").GetString() == advisor.Id.ToString());
        Assert.Equal(1, row.GetProperty("activeParticipants").GetInt32());
        Assert.Equal(1, row.GetProperty("leftParticipants").GetInt32());
        Assert.True(row.GetProperty("canTakeParticipants").GetBoolean());
        Assert.Equal("WH", row.GetProperty("lots")[0].GetString());
        Assert.Contains(items, i => i.GetProperty("advisorId").ValueKind == JsonValueKind.Null && i.GetProperty("activeParticipants").GetInt32() >= 1);
        Assert.DoesNotContain(items, i => i.GetProperty("advisorId").GetString() == seAdvisor.Id.ToString());
    }

    [Fact]
    public async Task The_manager_reassigns_ticked_participants_on_the_page()
    {
        var from = await App.AddAdvisorAsync("WH");
        var to = await App.AddAdvisorAsync("WH");
        var first = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        var second = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        var stays = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        using var client = await App.SignInAsync(DemoUsers.Manager("WH"));

        var page = await client.GetPageAsync($"/caseload/reassign?from={from.Id}");
        Assert.Equal(3, page.QuerySelectorAll("input[name=participantIds][type=checkbox]").Length);
        Assert.NotNull(page.QuerySelector("#participantIds"));
        var choices = page.QuerySelectorAll("select[name=advisorId] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(to.Id.ToString(), choices);
        Assert.DoesNotContain(from.Id.ToString(), choices);
        Assert.Contains(from.Id.ToString(), page.QuerySelectorAll("select[name=from] option").Select(o => o.GetAttribute("value")));

        var response = await client.PostFormAsync(
            $"/caseload/reassign?from={from.Id}",
            Fields(("from", from.Id.ToString()), ("scope", "selected"), ("participantIds", first.Id.ToString()), ("participantIds", second.Id.ToString()),
                ("advisorId", to.Id.ToString()), ("reason", "Balancing caseloads")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/caseload/reassign?from={from.Id}", response.Headers.Location!.ToString());
        var after = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Equal($"2 participants reassigned to {to.DisplayName}", after.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Single(after.QuerySelectorAll("input[name=participantIds][type=checkbox]"));
        Assert.Equal(to.Id, (await App.ParticipantAsync(first.Id)).AdvisorId);
        Assert.Equal(to.Id, (await App.ParticipantAsync(second.Id)).AdvisorId);
        Assert.Equal(from.Id, (await App.ParticipantAsync(stays.Id)).AdvisorId);
        Assert.Equal("Balancing caseloads", Assert.Single(await App.TransfersAsync(first.Id)).Reason);
    }

    [Fact]
    public async Task The_manager_can_reassign_all_of_an_advisors_participants_at_once()
    {
        var from = await App.AddAdvisorAsync("WH", active: false);
        var to = await App.AddAdvisorAsync("WH");
        var active = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        var left = await App.AddAsync("WH", p =>
        {
            p.AdvisorId = from.Id;
            p.Status = ParticipantStatus.Left;
            p.LeftOn = new DateOnly(2021, 5, 1);
        });
        using var client = await App.SignInAsync(DemoUsers.Manager("WH"));

        var page = await client.GetPageAsync($"/caseload/reassign?from={from.Id}");
        Assert.Contains("All 2 participants of", page.QuerySelector("label[for=scope-2]")!.TextContent, StringComparison.Ordinal);
        var response = await client.PostFormAsync(
            $"/caseload/reassign?from={from.Id}", Fields(("from", from.Id.ToString()), ("scope", "all"), ("advisorId", to.Id.ToString())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(to.Id, (await App.ParticipantAsync(active.Id)).AdvisorId);
        Assert.Equal(to.Id, (await App.ParticipantAsync(left.Id)).AdvisorId);
    }

    [Fact]
    public async Task The_reassign_page_names_what_is_missing()
    {
        var from = await App.AddAdvisorAsync("WH");
        await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        using var client = await App.SignInAsync(DemoUsers.Manager("WH"));

        var response = await client.PostFormAsync($"/caseload/reassign?from={from.Id}", Fields(("from", from.Id.ToString()), ("scope", "selected")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        var links = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(
            [("#participantIds", "Select at least one participant to reassign"), ("#advisorId", "Select the advisor who will support the participants")],
            links);
        Assert.NotNull(page.QuerySelector("#participantIds"));
        Assert.NotNull(page.QuerySelector("#advisorId"));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_participant_can_be_reassigned_from_their_record()
    {
        var from = await App.AddAdvisorAsync("WH");
        var to = await App.AddAdvisorAsync("WH");
        var participant = await App.AddAsync("WH", p => p.AdvisorId = from.Id);
        using var client = await App.SignInAsync(DemoUsers.Manager("WH"));

        var page = await client.GetPageAsync($"/caseload/reassign?participantId={participant.Id}");
        Assert.Contains(participant.Reference, page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        var response = await client.PostFormAsync(
            $"/caseload/reassign?participantId={participant.Id}",
            Fields(("participantId", participant.Id.ToString()), ("participantIds", participant.Id.ToString()), ("advisorId", to.Id.ToString())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/participants/{participant.Id}", response.Headers.Location!.ToString());
        Assert.Equal(to.Id, (await App.ParticipantAsync(participant.Id)).AdvisorId);
    }

    [Fact]
    public async Task Another_lots_participant_does_not_exist_on_the_reassign_page()
    {
        var participant = await App.AddAsync("SE");
        using var client = await App.SignInAsync(DemoUsers.Manager("WH"));

        var response = await client.GetAsync($"/caseload/reassign?participantId={participant.Id}");
        var listed = await client.GetPageAsync($"/caseload/reassign?from={participant.AdvisorId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(participant.Reference, listed.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(participant.AdvisorId.ToString()!, listed.QuerySelectorAll("select option").Select(o => o.GetAttribute("value")));
    }

    private static object Body(Guid[] participantIds, Guid advisorId, string? reason = null) =>
        new { participantIds, advisorId, reason };

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    private static string Error(JsonElement body, string field) =>
        body.GetProperty("errors").GetProperty(field)[0].GetString()!;
}
