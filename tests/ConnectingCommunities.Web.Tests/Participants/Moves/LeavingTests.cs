using System.Globalization;
using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.Participants.Moves;

public sealed class LeavingTestsOnSqlite(SqliteApp fixture) : LeavingTests<SqliteApp>(fixture);

public sealed class LeavingTestsOnPostgres(PostgresApp fixture) : LeavingTests<PostgresApp>(fixture);

/// <summary>Leaving the programme and re-joining it, by API and on the pages. Every test has participants of its own.</summary>
public abstract class LeavingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly DateOnly Registered = new(2021, 3, 1);

    private TestApp App => fixture.App;

    private static bool MayWrite(string email) => email == DemoUsers.Manager("WH") || email == DemoUsers.Advisor("WH");

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_advisors_and_managers_of_the_lot_may_record_leaving_and_rejoining_by_API(string email)
    {
        var participant = await App.AddAsync("WH");
        var hasLeft = await App.AddAsync("WH", Left);
        using var client = await App.ApiClientAsync(email);

        var (leave, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/leave", LeaveBody("2021-06-01", "lostContact"));
        var (rejoin, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{hasLeft.Id}/rejoin", new { rejoinedOn = "2021-07-01" });

        var expected = MayWrite(email) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, leave);
        Assert.Equal(expected, rejoin);
        Assert.Equal(MayWrite(email) ? ParticipantStatus.Left : ParticipantStatus.Active, (await App.ParticipantAsync(participant.Id)).Status);
        Assert.Equal(MayWrite(email) ? ParticipantStatus.Active : ParticipantStatus.Left, (await App.ParticipantAsync(hasLeft.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_advisors_and_managers_of_the_lot_may_use_the_leaving_pages(string email)
    {
        var participant = await App.AddAsync("WH");
        var hasLeft = await App.AddAsync("WH", Left);
        using var client = await App.SignInAsync(email);
        var expected = MayWrite(email) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        foreach (var page in new[] { $"/participants/{participant.Id}/leave", $"/participants/{hasLeft.Id}/rejoin" })
        {
            var response = await client.GetAsync(page);
            Assert.True(expected == response.StatusCode, $"{email} {page}: {(int)response.StatusCode}");
        }

        if (!MayWrite(email))
        {
            var post = await client.PostFormAsync($"/participants/{participant.Id}/leave", LeaveForm(new DateOnly(2021, 6, 1), "lostContact"));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Equal(ParticipantStatus.Active, (await App.ParticipantAsync(participant.Id)).Status);
        }
    }

    [Theory]
    [InlineData("advisor")]
    [InlineData("manager")]
    public async Task Another_lots_participant_does_not_exist_for_leaving_or_rejoining(string role)
    {
        var email = role == "advisor" ? DemoUsers.Advisor("WH") : DemoUsers.Manager("WH");
        var active = await App.AddAsync("SE");
        var hasLeft = await App.AddAsync("SE", Left);
        using var api = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);

        Assert.Equal(HttpStatusCode.NotFound, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{active.Id}/leave", LeaveBody("2021-06-01", "lostContact"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{hasLeft.Id}/rejoin", new { rejoinedOn = "2021-07-01" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{Guid.NewGuid()}/leave", LeaveBody("2021-06-01", "lostContact"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/participants/{active.Id}/leave")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/participants/{hasLeft.Id}/rejoin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.PostFormAsync($"/participants/{active.Id}/leave", LeaveForm(new DateOnly(2021, 6, 1), "lostContact"), tokenFrom: "/")).StatusCode);
        Assert.Equal(ParticipantStatus.Active, (await App.ParticipantAsync(active.Id)).Status);
        Assert.Equal(ParticipantStatus.Left, (await App.ParticipantAsync(hasLeft.Id)).Status);
    }

    [Fact]
    public async Task Leaving_and_rejoining_keep_their_history_in_the_audit_trail()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (leftStatus, left) = await client.SendJsonAsync(
            HttpMethod.Post, $"/api/v1/participants/{participant.Id}/leave", new { leftOn = "2021-06-01", reason = "MovedOutOfArea", notes = "Moved to Leeds", version = participant.Version });

        Assert.Equal(HttpStatusCode.OK, leftStatus);
        Assert.Equal("Left", left.GetProperty("status").GetString());
        Assert.Equal("2021-06-01", left.GetProperty("leftOn").GetString());
        Assert.Equal("movedOutOfArea", left.GetProperty("leavingReason").GetString());
        Assert.Equal("Moved out of the area", left.GetProperty("leavingReasonName").GetString());
        var stored = await App.ParticipantAsync(participant.Id);
        Assert.Equal((ParticipantStatus.Left, new DateOnly(2021, 6, 1), "movedOutOfArea", "Moved to Leeds"), (stored.Status, stored.LeftOn!.Value, stored.LeavingReason!, stored.LeavingNotes!));

        var (rejoinedStatus, rejoined) = await client.SendJsonAsync(
            HttpMethod.Post, $"/api/v1/participants/{participant.Id}/rejoin", new { rejoinedOn = "2021-09-13", reason = "Back in the area", version = left.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, rejoinedStatus);
        Assert.Equal("Active", rejoined.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, rejoined.GetProperty("leftOn").ValueKind);
        var now = await App.ParticipantAsync(participant.Id);
        Assert.Equal(ParticipantStatus.Active, now.Status);
        Assert.Null(now.LeftOn);
        Assert.Null(now.LeavingReason);
        Assert.Null(now.LeavingNotes);
        Assert.Equal(participant.RegisteredOn, now.RegisteredOn);
        Assert.Equal(participant.Cohort, now.Cohort);

        var audit = await App.AuditAsync(a => a.Where(e => e.ParticipantId == participant.Id && e.Action != "viewed").OrderBy(e => e.OccurredAt));
        var leaving = Assert.Single(audit, e => e.Action == "left");
        Assert.Equal("Left the programme on 1 June 2021: Moved out of the area", leaving.Summary);
        Assert.Equal("Moved out of the area", leaving.Reason);
        Assert.Equal(DemoUsers.Advisor("WH"), leaving.UserName);
        var rejoining = Assert.Single(audit, e => e.Action == "rejoined");
        Assert.Equal("Re-joined the programme on 13 September 2021, having left on 1 June 2021", rejoining.Summary);
        Assert.Equal("Back in the area", rejoining.Reason);
        Assert.Equal("2021-09-13", JsonDocument.Parse(rejoining.Changes!).RootElement.GetProperty("RejoinedOn").GetString());
        Assert.Equal("movedOutOfArea", JsonDocument.Parse(leaving.Changes!).RootElement.GetProperty("LeavingReason").GetString());
        var updates = audit.Where(e => e.Action == "updated" && e.EntityType == nameof(Participant)).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Contains(updates, e => e.Reason == "Moved out of the area" && e.Changes!.Contains("Moved to Leeds", StringComparison.Ordinal));
        Assert.Contains(updates, e => e.Reason == "Back in the area" && e.Changes!.Contains("LeftOn", StringComparison.Ordinal));
        Assert.Empty(await App.TransfersAsync(participant.Id));
    }

    public static TheoryData<string, string, string> BadLeaving => new()
    {
        { """{"reason":"lostContact"}""", "leftOn", "Enter the date they left the programme" },
        { """{"leftOn":"2021-02-28","reason":"lostContact"}""", "leftOn", "The date they left must be on or after the date they registered, 1 March 2021" },
        { $$"""{"leftOn":"{{Future}}","reason":"lostContact"}""", "leftOn", "The date they left must be today or in the past" },
        { """{"leftOn":"2021-06-01"}""", "reason", "Select why they left the programme" },
        { """{"leftOn":"2021-06-01","reason":"bored"}""", "reason", "The reason must be one of: movedOutOfArea, noLongerWantsSupport, lostContact, healthReasons, referredElsewhere, supportCompleted, died, other" },
        { $$"""{"leftOn":"2021-06-01","reason":"other","notes":"{{new string('x', 1001)}}"}""", "notes", "The notes must be 1000 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(BadLeaving))]
    public async Task A_bad_leaving_record_is_refused_and_nothing_changes(string body, string field, string message)
    {
        var participant = await App.AddAsync("WH", p => p.RegisteredOn = Registered);
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/leave", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        var now = await App.ParticipantAsync(participant.Id);
        Assert.Equal((ParticipantStatus.Active, participant.Version), (now.Status, now.Version));
        Assert.Empty(await App.AuditAsync(a => a.Where(e => e.ParticipantId == participant.Id && e.Action != "created")));
    }

    [Fact]
    public async Task Leaving_twice_or_rejoining_an_active_participant_explains_their_state()
    {
        var active = await App.AddAsync("WH");
        var hasLeft = await App.AddAsync("WH", Left);
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (leaveAgain, leaveProblem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{hasLeft.Id}/leave", LeaveBody("2021-08-01", "lostContact"));
        var (rejoinActive, rejoinProblem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{active.Id}/rejoin", new { rejoinedOn = "2021-08-01" });

        Assert.Equal(HttpStatusCode.BadRequest, leaveAgain);
        Assert.Equal(
            $"{hasLeft.Reference} already left the programme on 1 June 2021: re-join them before recording another leaving date",
            leaveProblem.GetProperty("errors").GetProperty("leftOn")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, rejoinActive);
        Assert.Equal(
            $"{active.Reference} has not left the programme: only a participant who has left can re-join",
            rejoinProblem.GetProperty("errors").GetProperty("rejoinedOn")[0].GetString());
        Assert.Equal(new DateOnly(2021, 6, 1), (await App.ParticipantAsync(hasLeft.Id)).LeftOn);
    }

    [Fact]
    public async Task Rejoining_before_leaving_or_in_the_future_is_refused()
    {
        var hasLeft = await App.AddAsync("WH", Left);
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        foreach (var (body, message) in new (object, string)[]
        {
            (new { }, "Enter the date they re-joined the programme"),
            (new { rejoinedOn = "2021-05-31" }, "The date they re-joined must be on or after the date they left, 1 June 2021"),
            (new { rejoinedOn = Future }, "The date they re-joined must be today or in the past"),
        })
        {
            var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{hasLeft.Id}/rejoin", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(message, problem.GetProperty("errors").GetProperty("rejoinedOn")[0].GetString());
        }

        Assert.Equal(ParticipantStatus.Left, (await App.ParticipantAsync(hasLeft.Id)).Status);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (status, problem) = await client.SendJsonAsync(
            HttpMethod.Post, $"/api/v1/participants/{participant.Id}/leave", new { leftOn = "2021-06-01", reason = "lostContact", version = participant.Version + 5 });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Someone else changed this participant", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ParticipantStatus.Active, (await App.ParticipantAsync(participant.Id)).Status);
    }

    [Fact]
    public async Task An_advisor_records_leaving_and_rejoining_on_the_pages()
    {
        var participant = await App.AddAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));

        var form = await client.GetPageAsync($"/participants/{participant.Id}/leave");
        Assert.Equal(LeavingReasons.All.Count, form.QuerySelectorAll("input[name=reason][type=radio]").Length);
        Assert.Contains(participant.Reference, form.QuerySelector(".govuk-caption-l")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(await App.AuditAsync(a => a.Where(e => e.ParticipantId == participant.Id && e.Action == "viewed")));

        var empty = await client.PostFormAsync($"/participants/{participant.Id}/leave", new Dictionary<string, string> { ["version"] = participant.Version.ToString(CultureInfo.InvariantCulture) });
        var errors = await client.ParseAsync(empty);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(
            [("#leftOn", "Enter the date they left"), ("#reason", "Select why they left the programme")],
            errors.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())));
        Assert.NotNull(errors.QuerySelector("#leftOn"));
        Assert.NotNull(errors.QuerySelector("#reason"));

        var early = await client.PostFormAsync($"/participants/{participant.Id}/leave", LeaveForm(new DateOnly(2021, 2, 1), "healthReasons"));
        var earlyPage = await client.ParseAsync(early);
        Assert.Contains("on or after the date they registered", earlyPage.QuerySelector("#leftOn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("healthReasons", earlyPage.QuerySelector("input[name=reason][checked]")!.GetAttribute("value"));

        var response = await client.PostFormAsync($"/participants/{participant.Id}/leave", LeaveForm(new DateOnly(2021, 6, 1), "healthReasons", ("notes", "Long-term sick")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/participants/{participant.Id}", response.Headers.Location!.ToString());
        Assert.Equal(ParticipantStatus.Left, (await App.ParticipantAsync(participant.Id)).Status);

        var leaveAgain = await client.GetPageAsync($"/participants/{participant.Id}/leave");
        Assert.Null(leaveAgain.QuerySelector("form[method=post] input[name=reason]"));
        Assert.Contains("left the programme on 1 June 2021: Health reasons", leaveAgain.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);

        var rejoinPage = await client.GetPageAsync($"/participants/{participant.Id}/rejoin");
        Assert.Contains("Long-term sick", rejoinPage.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        var rejoin = await client.PostFormAsync($"/participants/{participant.Id}/rejoin", Fields(("rejoinedOn.Day", "1"), ("rejoinedOn.Month", "9"), ("rejoinedOn.Year", "2021"), ("reason", "Feeling better")));
        Assert.Equal(HttpStatusCode.Redirect, rejoin.StatusCode);
        var now = await App.ParticipantAsync(participant.Id);
        Assert.Equal(ParticipantStatus.Active, now.Status);
        Assert.Null(now.LeavingReason);
        Assert.Equal("Feeling better", Assert.Single(await App.AuditAsync(a => a.Where(e => e.ParticipantId == participant.Id && e.Action == "rejoined"))).Reason);
    }

    [Fact]
    public async Task The_rejoin_page_names_a_date_before_leaving()
    {
        var hasLeft = await App.AddAsync("WH", Left);
        using var client = await App.SignInAsync(DemoUsers.Manager("WH"));

        var response = await client.PostFormAsync($"/participants/{hasLeft.Id}/rejoin", Fields(("rejoinedOn.Day", "1"), ("rejoinedOn.Month", "5"), ("rejoinedOn.Year", "2021")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        var link = Assert.Single(page.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal("#rejoinedOn", link.GetAttribute("href"));
        Assert.Equal("The date they re-joined must be on or after the date they left, 1 June 2021", link.TextContent.Trim());
        Assert.Equal(ParticipantStatus.Left, (await App.ParticipantAsync(hasLeft.Id)).Status);
    }

    private static string Future => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Left(Participant participant)
    {
        participant.Status = ParticipantStatus.Left;
        participant.LeftOn = new DateOnly(2021, 6, 1);
        participant.LeavingReason = "lostContact";
        participant.LeavingNotes = "No answer to calls";
    }

    private static object LeaveBody(string leftOn, string reason) => new { leftOn, reason };

    private static List<KeyValuePair<string, string>> LeaveForm(DateOnly leftOn, string reason, params (string Key, string Value)[] extra) =>
        Fields(
            [
                ("leftOn.Day", leftOn.Day.ToString(CultureInfo.InvariantCulture)),
                ("leftOn.Month", leftOn.Month.ToString(CultureInfo.InvariantCulture)),
                ("leftOn.Year", leftOn.Year.ToString(CultureInfo.InvariantCulture)),
                ("reason", reason),
                .. extra,
            ]);

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
}
