using System.Net;
using System.Text.Json;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConnectingCommunities.Web.Tests.Participants.Plan.PlanTestSupport;

namespace ConnectingCommunities.Web.Tests.Participants.Plan;

public sealed class BarriersTestsOnSqlite(SqliteApp fixture) : BarriersTests<SqliteApp>(fixture);

public sealed class BarriersTestsOnPostgres(PostgresApp fixture) : BarriersTests<PostgresApp>(fixture);

/// <summary>
/// Barriers to work: the catalogue, severity, reviews kept as history, and who may see and change
/// them. Each test works on participants of its own.
/// </summary>
public abstract class BarriersTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly DateOnly Registered = new(2021, 3, 1);

    private TestApp App => fixture.App;

    public static TheoryData<string> Everyone => new([.. DemoUsers.OnePerRole, DemoUsers.Manager("SE"), DemoUsers.Advisor("SE")]);

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_barriers_API_answers_each_role_and_lot(string email)
    {
        using var client = await App.ApiClientAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var barrier = await AddBarrierDirectlyAsync(participant.Id, lot, "debt");
            var before = await App.PlanRowsAsync(participant.Id);

            var list = await client.GetAsync($"/api/v1/participants/{participant.Id}/barriers");
            var one = await client.GetAsync($"/api/v1/participants/{participant.Id}/barriers/{barrier}");
            var (added, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/barriers",
                new { barrier = "transport", severity = "Low", identifiedOn = "2021-03-02" });
            var (reviewed, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/barriers/{barrier}/reviews",
                new { reviewedOn = "2021-03-03", severity = "Low" });

            var (read, write) = Expected(email, lot);
            AssertStatus(read, list.StatusCode, $"{email} GET barriers of a {lot} participant");
            AssertStatus(read, one.StatusCode, $"{email} GET a barrier of a {lot} participant");
            AssertStatus(write == HttpStatusCode.OK ? HttpStatusCode.Created : write, added, $"{email} POST a barrier to a {lot} participant");
            AssertStatus(write, reviewed, $"{email} POST a review for a {lot} participant");
            var after = await App.PlanRowsAsync(participant.Id);
            Assert.Equal(write == HttpStatusCode.OK ? before with { Barriers = before.Barriers + 1, Reviews = before.Reviews + 2 } : before, after);
        }
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task The_barrier_pages_answer_each_role_and_lot(string email)
    {
        using var client = await App.SignInAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            var barrier = await AddBarrierDirectlyAsync(participant.Id, lot, "housing");
            var before = await App.PlanRowsAsync(participant.Id);

            var list = await client.GetAsync($"/participants/{participant.Id}/barriers");
            var add = await client.GetAsync($"/participants/{participant.Id}/barriers/new");
            var review = await client.GetAsync($"/participants/{participant.Id}/barriers/{barrier}/review");
            var postAdd = await client.PostFormAsync($"/participants/{participant.Id}/barriers/new",
                Form(("barrier", "childcare"), ("severity", "Medium"), ("identifiedOn", Registered)), tokenFrom: "/");
            var postReview = await client.PostFormAsync($"/participants/{participant.Id}/barriers/{barrier}/review",
                Form(("reviewedOn", Registered), ("severity", "Low"), ("resolved", "false")), tokenFrom: "/");

            var (read, write) = Expected(email, lot);
            var posted = write == HttpStatusCode.OK ? HttpStatusCode.Redirect : write;
            AssertStatus(read, list.StatusCode, $"{email} barriers page of a {lot} participant");
            AssertStatus(write, add.StatusCode, $"{email} add barrier page of a {lot} participant");
            AssertStatus(write, review.StatusCode, $"{email} review page of a {lot} participant");
            AssertStatus(posted, postAdd.StatusCode, $"{email} adding a barrier to a {lot} participant");
            AssertStatus(posted, postReview.StatusCode, $"{email} reviewing a barrier of a {lot} participant");
            if (write != HttpStatusCode.OK)
            {
                Assert.Equal(before, await App.PlanRowsAsync(participant.Id));
            }

            if (read == HttpStatusCode.OK)
            {
                var page = await client.ParseAsync(list);
                Assert.Contains("Housing", page.QuerySelector("#barriers")!.TextContent, StringComparison.Ordinal);
                // Only those who may change the plan are offered to.
                Assert.Equal(write == HttpStatusCode.OK, page.QuerySelector($"a[href='/participants/{participant.Id}/barriers/new']") is not null);
            }
        }
    }

    [Fact]
    public async Task Without_signing_in_the_API_answers_401_and_the_pages_send_people_to_sign_in()
    {
        var wh = await App.ParticipantAsync("WH");
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/participants/{wh.Id}/barriers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{wh.Id}/barriers", new { barrier = "debt", severity = "Low" })).Status);
        var page = await client.GetAsync($"/participants/{wh.Id}/barriers");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/sign-in", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_advisor_adds_a_barrier_reviews_it_over_time_and_the_history_is_kept()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{participant.Id}/barriers";

        var (created, barrier) = await client.SendJsonAsync(HttpMethod.Post, url,
            new { barrier = "lowConfidence", severity = "High", identifiedOn = "2021-03-01", notes = "Has not worked for years" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("lowConfidence", barrier.GetProperty("barrier").GetString());
        Assert.Equal("Low confidence", barrier.GetProperty("displayName").GetString());
        Assert.Equal("High", barrier.GetProperty("severity").GetString());
        var id = barrier.GetProperty("id").GetString();

        var (firstReview, afterFirst) = await client.SendJsonAsync(HttpMethod.Post, $"{url}/{id}/reviews",
            new { reviewedOn = "2021-04-01", severity = "Medium", notes = "Went to a confidence course", reason = "Review at week 4", version = barrier.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, firstReview);
        Assert.Equal("Medium", afterFirst.GetProperty("severity").GetString());
        var (secondReview, afterSecond) = await client.SendJsonAsync(HttpMethod.Post, $"{url}/{id}/reviews",
            new { reviewedOn = "2021-05-01", resolved = true, notes = "Confident at interviews" });
        Assert.Equal(HttpStatusCode.OK, secondReview);

        Assert.Equal("Medium", afterSecond.GetProperty("severity").GetString());
        Assert.True(afterSecond.GetProperty("isResolved").GetBoolean());
        Assert.Equal("2021-05-01", afterSecond.GetProperty("resolvedOn").GetString());
        var list = await client.GetJsonAsync(url);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var history = list.GetProperty("items")[0].GetProperty("reviews").EnumerateArray().ToList();
        Assert.Equal(["2021-03-01", "2021-04-01", "2021-05-01"], history.Select(r => r.GetProperty("reviewedOn").GetString()));
        Assert.Equal(["Identified", "Reviewed", "Resolved"], history.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(["High", "Medium", "Medium"], history.Select(r => r.GetProperty("severity").GetString()));
        Assert.Equal("Went to a confidence course", history[1].GetProperty("notes").GetString());

        var audit = await App.AuditAsync(participant.Id);
        var update = audit.First(a => a.EntityType == "ParticipantBarrier" && a.Action == "updated");
        Assert.Equal("Review at week 4", update.Reason);
        Assert.Equal(DemoUsers.Advisor("WH"), update.UserName);
        Assert.Contains("Severity", update.Changes, StringComparison.Ordinal);
        Assert.Contains(audit, a => a.Action == "viewed" && a.Summary == "barriers");
    }

    [Fact]
    public async Task An_open_barrier_cannot_be_added_twice_and_a_resolved_one_reopens_with_its_history()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        var url = $"/api/v1/participants/{participant.Id}/barriers";
        var (_, barrier) = await client.SendJsonAsync(HttpMethod.Post, url, new { barrier = "transport", severity = "High", identifiedOn = "2021-03-01" });
        var before = await App.PlanRowsAsync(participant.Id);

        var (duplicate, problem) = await client.SendJsonAsync(HttpMethod.Post, url, new { barrier = "TRANSPORT", severity = "Low", identifiedOn = "2021-03-05" });

        Assert.Equal(HttpStatusCode.BadRequest, duplicate);
        AssertFieldError(problem, "barrier", "Transport is already recorded, since 1 March 2021, and is not resolved: review it instead");
        Assert.Equal(before, await App.PlanRowsAsync(participant.Id));

        var id = barrier.GetProperty("id").GetString();
        await client.SendJsonAsync(HttpMethod.Post, $"{url}/{id}/reviews", new { reviewedOn = "2021-04-01", resolved = true });
        var (tooEarly, early) = await client.SendJsonAsync(HttpMethod.Post, url, new { barrier = "transport", severity = "Low", identifiedOn = "2021-03-20" });
        var (reopened, again) = await client.SendJsonAsync(HttpMethod.Post, url,
            new { barrier = "transport", severity = "Medium", identifiedOn = "2021-06-01", notes = "Bus route withdrawn", reason = "New problem" });

        Assert.Equal(HttpStatusCode.BadRequest, tooEarly);
        AssertFieldError(early, "identifiedOn", "last reviewed on 1 April 2021");
        Assert.Equal(HttpStatusCode.OK, reopened);
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.False(again.GetProperty("isResolved").GetBoolean());
        Assert.Equal("Medium", again.GetProperty("severity").GetString());
        Assert.Equal("2021-03-01", again.GetProperty("identifiedOn").GetString());
        Assert.Equal(["Identified", "Resolved", "Reopened"],
            again.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(1, (await App.PlanRowsAsync(participant.Id)).Barriers);
    }

    public static TheoryData<string, string, string> BadBarriers => new()
    {
        { """{"barrier":"shyness","severity":"High"}""", "barrier", "'shyness' is not a barrier code. Allowed values: employabilitySupport, lowConfidence" },
        { """{"severity":"High"}""", "barrier", "Select the barrier. Allowed values: employabilitySupport" },
        { """{"barrier":"debt","severity":"Severe"}""", "severity", "Allowed values: Low, Medium, High" },
        { """{"barrier":"debt"}""", "severity", "Allowed values: Low, Medium, High" },
        { """{"barrier":"debt","severity":"3"}""", "severity", "Allowed values: Low, Medium, High" },
        { """{"barrier":"debt","severity":"High","identifiedOn":"2021-02-28"}""", "identifiedOn", "on or after the day they registered, 1 March 2021" },
        { """{"barrier":"debt","severity":"High","identifiedOn":"2099-01-01"}""", "identifiedOn", "today or in the past" },
        { """{"barrier":"debt","severity":"High","identifiedOn":"2021-02-30"}""", "identifiedOn", "YYYY-MM-DD" },
        { """{"barrier":"other","severity":"High"}""", "notes", "Describe the barrier" },
        { """{"barrier":"debt","severity":"High","notes":12}""", "notes", "text" },
    };

    [Theory]
    [MemberData(nameof(BadBarriers))]
    public async Task A_bad_barrier_gives_a_field_error_and_writes_nothing(string body, string field, string message)
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var before = await App.PlanRowsAsync(participant.Id);

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/barriers", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, field, message);
        Assert.Equal(before, await App.PlanRowsAsync(participant.Id));
    }

    public static TheoryData<string, string, string> BadReviews => new()
    {
        { """{"reviewedOn":"2021-03-31"}""", "reviewedOn", "last reviewed on 1 April 2021" },
        { """{"reviewedOn":"2099-01-01"}""", "reviewedOn", "today or in the past" },
        { """{"reviewedOn":"2021-05-01","severity":"Extreme"}""", "severity", "Allowed values: Low, Medium, High" },
        { """{"reviewedOn":"2021-05-01","resolved":"perhaps"}""", "resolved", "true or false" },
    };

    [Theory]
    [MemberData(nameof(BadReviews))]
    public async Task A_bad_review_gives_a_field_error_and_changes_nothing(string body, string field, string message)
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var (_, barrier) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/barriers",
            new { barrier = "debt", severity = "High", identifiedOn = "2021-04-01" });
        var url = $"/api/v1/participants/{participant.Id}/barriers/{barrier.GetProperty("id").GetString()}";
        var before = await App.PlanRowsAsync(participant.Id);

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"{url}/reviews", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, field, message);
        Assert.Equal(before, await App.PlanRowsAsync(participant.Id));
        Assert.Equal("High", (await client.GetJsonAsync(url)).GetProperty("severity").GetString());
    }

    [Fact]
    public async Task A_review_from_a_stale_version_is_a_conflict()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var (_, barrier) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/barriers",
            new { barrier = "childcare", severity = "High", identifiedOn = "2021-03-01" });
        var url = $"/api/v1/participants/{participant.Id}/barriers/{barrier.GetProperty("id").GetString()}/reviews";
        var version = barrier.GetProperty("version").GetInt32();
        await client.SendJsonAsync(HttpMethod.Post, url, new { reviewedOn = "2021-04-01", severity = "Medium", version });

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, url, new { reviewedOn = "2021-04-02", severity = "Low", version });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("changed", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, (await App.PlanRowsAsync(participant.Id)).Reviews);
    }

    [Fact]
    public async Task Someone_who_left_the_programme_gets_no_new_barriers()
    {
        var participant = await App.LeftParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        using var pages = await App.SignInAsync(DemoUsers.Advisor("WH"));

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/barriers",
            new { barrier = "debt", severity = "High", identifiedOn = "2021-03-01" });
        var page = await pages.GetPageAsync($"/participants/{participant.Id}/barriers");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, "barrier", "left the programme on 1 May 2021");
        Assert.Equal(0, (await App.PlanRowsAsync(participant.Id)).Barriers);
        Assert.Contains("left the programme on 1 May 2021", page.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/participants/{participant.Id}/barriers/new']"));
    }

    [Fact]
    public async Task An_unknown_participant_or_barrier_is_404()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        using var pages = await App.SignInAsync(DemoUsers.Advisor("WH"));

        await client.GetJsonAsync($"/api/v1/participants/{Guid.NewGuid()}/barriers", HttpStatusCode.NotFound);
        await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/barriers/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Post,
            $"/api/v1/participants/{participant.Id}/barriers/{Guid.NewGuid()}/reviews", new { severity = "Low" })).Status);
        await pages.GetPageAsync($"/participants/{Guid.NewGuid()}/barriers", HttpStatusCode.NotFound);
        await pages.GetPageAsync($"/participants/{participant.Id}/barriers/{Guid.NewGuid()}/review", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_advisor_adds_and_reviews_barriers_on_the_pages_and_sees_tags_and_history()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var addUrl = $"/participants/{participant.Id}/barriers/new";
        var form = await client.GetPageAsync(addUrl);
        Assert.Equal(16, form.QuerySelectorAll("input[name=barrier]").Length);
        Assert.Equal(PlanTestSupport.Today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("#identifiedOn")!.GetAttribute("value"));

        var added = await client.PostFormAsync(addUrl, Form(("barrier", "lowConfidence"), ("severity", "High"), ("identifiedOn", Registered), ("notes", "Nervous in groups")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/participants/{participant.Id}/barriers", added.Headers.Location!.ToString());

        var list = await client.GetPageAsync($"/participants/{participant.Id}/barriers");
        Assert.Contains("Low confidence added", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector("#barriers tbody tr")!;
        Assert.Contains("Low confidence", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("High", row.QuerySelector(".govuk-tag--red")!.TextContent.Trim());
        var review = row.QuerySelector("a[href$='/review']")!.GetAttribute("href")!;

        var reviewForm = await client.GetPageAsync(review);
        Assert.Equal("High", reviewForm.QuerySelector("input[name=severity][checked]")!.GetAttribute("value"));
        var saved = await client.PostFormAsync(review, Form(
            ("reviewedOn", new DateOnly(2021, 4, 1)), ("severity", "Low"), ("resolved", "true"), ("notes", "Much better"),
            ("reason", "Quarterly review"), ("version", reviewForm.QuerySelector("input[name=version]")!.GetAttribute("value"))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await client.GetPageAsync($"/participants/{participant.Id}/barriers");
        var afterRow = after.QuerySelector("#barriers tbody tr")!;
        Assert.Equal("Low", afterRow.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Contains("Resolved", afterRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("on 1 April 2021", afterRow.TextContent, StringComparison.Ordinal);
        var history = after.QuerySelectorAll("table")[1].QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains("1 March 2021", history[0], StringComparison.Ordinal);
        Assert.Contains("Identified", history[0], StringComparison.Ordinal);
        Assert.Contains("Nervous in groups", history[0], StringComparison.Ordinal);
        Assert.Contains("Resolved", history[1], StringComparison.Ordinal);
        Assert.Contains("Much better", history[1], StringComparison.Ordinal);
        var audit = await App.AuditAsync(participant.Id);
        Assert.Equal("Quarterly review", audit.Single(a => a.EntityType == "ParticipantBarrier" && a.Action == "updated").Reason);
        Assert.True(audit.Count(a => a.Action == "viewed" && a.Summary == "barriers") >= 3);
    }

    [Fact]
    public async Task The_add_page_shows_each_error_by_its_field_and_writes_nothing()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{participant.Id}/barriers/new";

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["barrier"] = "shyness",
            ["identifiedOn.Day"] = "31",
            ["identifiedOn.Month"] = "2",
            ["identifiedOn.Year"] = "2021",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#barrier", "#severity", "#identifiedOn"], links);
        Assert.Contains("must be a real date", page.QuerySelector("#identifiedOn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not a barrier code", page.QuerySelector("#barrier-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31", page.QuerySelector("#identifiedOn")!.GetAttribute("value"));
        Assert.Equal(0, (await App.PlanRowsAsync(participant.Id)).Barriers);
    }

    [Fact]
    public async Task A_date_the_page_cannot_read_is_never_saved_as_today()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));

        var response = await client.PostFormAsync($"/participants/{participant.Id}/barriers/new", new Dictionary<string, string>
        {
            ["barrier"] = "debt",
            ["severity"] = "Low",
            ["identifiedOn.Day"] = "1",
            ["identifiedOn.Month"] = "March",
            ["identifiedOn.Year"] = "2021",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await client.ParseAsync(response);
        Assert.Equal(["#identifiedOn"], page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(0, (await App.PlanRowsAsync(participant.Id)).Barriers);
    }

    /// <summary>A barrier put in through the API as the lot's advisor, for tests of who may do what with it.</summary>
    private async Task<string> AddBarrierDirectlyAsync(Guid participantId, string lot, string code)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Advisor(lot));
        var (status, barrier) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participantId}/barriers",
            new { barrier = code, severity = "High", identifiedOn = "2021-03-01" });
        Assert.Equal(HttpStatusCode.Created, status);
        return barrier.GetProperty("id").GetString()!;
    }
}
