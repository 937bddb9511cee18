using System.Net;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using ConnectingCommunities.Web.Tests.Participants.Plan;
using static ConnectingCommunities.Web.Tests.Outcomes.JobStartTestSupport;
using static ConnectingCommunities.Web.Tests.Outcomes.OutcomeTestSupport;
using static ConnectingCommunities.Web.Tests.Participants.Plan.PlanTestSupport;

namespace ConnectingCommunities.Web.Tests.Outcomes;

public sealed class JobEndingTestsOnSqlite(SqliteApp fixture) : JobEndingTests<SqliteApp>(fixture);

public sealed class JobEndingTestsOnPostgres(PostgresApp fixture) : JobEndingTests<PostgresApp>(fixture);

/// <summary>
/// Recording that a job ended (API and page), the records it must not contradict, and the job
/// outcome milestone: only for someone out of work at registration, and its date frozen once claimed.
/// </summary>
public abstract class JobEndingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    public static TheoryData<string> Everyone => new([.. DemoUsers.OnePerRole, DemoUsers.Manager("SE"), DemoUsers.Advisor("SE")]);

    public static TheoryData<string, object, string, string> BadEndings => new()
    {
        { "no end date", new { reason = "Contract ended" }, "endDate", "Enter the date the job ended" },
        { "before the start", new { endDate = "2021-06-13", reason = "Contract ended" }, "endDate", "on or after the day the job started, 14 June 2021" },
        { "in the future", new { endDate = Iso(Today.AddDays(1)), reason = "Contract ended" }, "endDate", "today or in the past" },
        { "no reason", new { endDate = "2021-08-01", reason = " " }, "reason", "Enter the reason the job ended" },
        { "a reason too long", new { endDate = "2021-08-01", reason = new string('x', 1001) }, "reason", "1000 characters or fewer" },
    };

    [Fact]
    public async Task Ending_a_job_records_its_last_day_and_reason_audited_and_sending_it_again_changes_nothing()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var jobStartId = await client.JobStartAsync(participant.Id, "2021-06-14");
        var url = $"/api/v1/participants/{participant.Id}/job-starts/{jobStartId}/end";

        var (status, ended) = await client.SendJsonAsync(HttpMethod.Post, url, new { endDate = "2021-08-01", reason = "Temporary contract came to an end" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2021-08-01", ended.GetProperty("endDate").GetString());
        Assert.Equal("Temporary contract came to an end", ended.GetProperty("endReason").GetString());

        var again = await client.SendJsonAsync(HttpMethod.Post, url, new { endDate = "2021-08-01", reason = "Temporary contract came to an end" });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var audit = await App.AuditAsync(participant.Id);
        var change = Assert.Single(audit, a => a.EntityType == "JobStart" && a.Action != "created");
        Assert.Equal("Temporary contract came to an end", change.Reason);

        // A correction is a change like any other, with its own reason.
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, url, new { endDate = "2021-08-06", reason = "Last payslip shows 6 August" })).Status);
        var list = await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/job-starts");
        Assert.Equal("2021-08-06", Items(list)[0].GetProperty("endDate").GetString());
    }

    [Theory]
    [MemberData(nameof(BadEndings))]
    public async Task A_bad_ending_is_refused_naming_the_field_and_nothing_is_written(string what, object body, string field, string message)
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        var jobStartId = await client.JobStartAsync(participant.Id, "2021-06-14");
        var before = await App.OutcomeRowsAsync(participant.Id);

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/job-starts/{jobStartId}/end", body);

        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {problem}");
        AssertFieldError(problem, field, message);
        Assert.Equal(before, await App.OutcomeRowsAsync(participant.Id));
    }

    [Fact]
    public async Task An_end_before_a_check_recorded_in_work_is_refused_but_one_after_it_is_accepted()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var jobStartId = await client.JobStartAsync(participant.Id, "2021-06-14");
        await client.CheckedAsync(participant.Id, "Sustained13Weeks", "2021-09-20");
        var url = $"/api/v1/participants/{participant.Id}/job-starts/{jobStartId}/end";
        var before = await App.OutcomeRowsAsync(participant.Id);

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, url, new { endDate = "2021-09-12", reason = "Dismissed" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, "endDate", "13-week check recorded them in work on 13 September 2021");
        Assert.Equal(before, await App.OutcomeRowsAsync(participant.Id));

        // Ending on the due day itself, or later, fits the check.
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, url, new { endDate = "2021-09-13", reason = "Dismissed" })).Status);
    }

    [Fact]
    public async Task An_end_that_another_job_within_the_gap_covers_is_accepted()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var first = await client.JobStartAsync(participant.Id, "2021-06-14");
        await client.JobStartAsync(participant.Id, "2021-09-01");
        await client.CheckedAsync(participant.Id, "Sustained13Weeks", "2021-09-20");

        // The first job ends 20 August; the next started 1 September, within 28 days, so the check still holds.
        Assert.Equal(HttpStatusCode.OK, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/job-starts/{first}/end",
            new { endDate = "2021-08-20", reason = "Moved to a better job" })).Status);
    }

    [Fact]
    public async Task An_end_before_a_recorded_change_in_work_is_refused()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var jobStartId = await client.JobStartAsync(participant.Id, "2021-06-14");
        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/progressions", Change("2021-10-01"));
        Assert.True(created == HttpStatusCode.Created, body.ToString());

        var (status, problem) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/job-starts/{jobStartId}/end",
            new { endDate = "2021-09-30", reason = "Left" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertFieldError(problem, "endDate", "change in work was recorded on 1 October 2021");
    }

    [Fact]
    public async Task A_claimed_job_outcome_keeps_its_date_when_an_earlier_job_start_is_recorded_and_the_response_says_so()
    {
        var participant = await App.ParticipantAsync("WH");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await client.JobStartAsync(participant.Id, "2021-06-14");
        await App.ClaimAsync(participant.Id, Milestone.JobOutcome, ClaimLineStatus.Submitted);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/job-starts", Body(startDate: "2021-05-03", employerName: "Corner Shop"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains("stays dated 14 June 2021, as it is already claimed", body.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal("JobOutcome 2021-06-14", await App.MilestonesAsync(participant.Id));

        // Unclaimed (or only on a rejected line), an earlier start still moves it.
        var other = await App.ParticipantAsync("WH");
        await client.JobStartAsync(other.Id, "2021-06-14");
        await App.ClaimAsync(other.Id, Milestone.JobOutcome, ClaimLineStatus.Rejected);
        var moved = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{other.Id}/job-starts", Body(startDate: "2021-05-03"));
        Assert.Contains("now dated 3 May 2021", moved.Body.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal("JobOutcome 2021-05-03", await App.MilestonesAsync(other.Id));
    }

    [Fact]
    public async Task The_job_start_page_says_when_a_claimed_job_outcome_keeps_its_date()
    {
        var participant = await App.ParticipantAsync("WH");
        using var api = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await api.JobStartAsync(participant.Id, "2021-06-14");
        await App.ClaimAsync(participant.Id, Milestone.JobOutcome, ClaimLineStatus.Paid);
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));

        var response = await client.PostPageAsync($"/participants/{participant.Id}/job-starts/new", Form(
            ("employerName", "Corner Shop"), ("jobTitle", "Shop assistant"), ("startDate", new DateOnly(2021, 5, 3)),
            ("weeklyHours", "20"), ("hourlyWage", "9.00"), ("contractType", "Temporary")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync($"/participants/{participant.Id}");
        Assert.Contains("stays dated 14 June 2021", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("JobOutcome 2021-06-14", await App.MilestonesAsync(participant.Id));
    }

    [Fact]
    public async Task Someone_in_work_at_registration_gets_no_job_outcome_from_a_new_job()
    {
        var participant = await App.AddAsync("WH", p =>
        {
            p.Cohort = Cohort.Employed;
            p.EmploymentStatus = Domain.People.EmploymentStatus.Employed;
            p.WeeklyHours = 20m;
            p.HourlyWage = 9m;
            p.EmploymentContractType = "zeroHours";
        });
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        await client.JobStartAsync(participant.Id, "2021-06-14");

        Assert.Equal("", await App.MilestonesAsync(participant.Id));
        Assert.Empty(Items(await client.GetJsonAsync($"/api/v1/participants/{participant.Id}/sustainment-checks")));
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Ending_a_job_answers_each_role_and_lot_in_the_API_and_the_page(string email)
    {
        using var api = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);
        foreach (var lot in new[] { "WH", "SE" })
        {
            var participant = await App.ParticipantAsync(lot);
            using var advisor = await App.ApiClientAsync(DemoUsers.Advisor(lot));
            var jobStartId = await advisor.JobStartAsync(participant.Id, "2021-06-14");
            var before = await App.OutcomeRowsAsync(participant.Id);
            var (_, write) = Expected(email, lot);

            var post = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{participant.Id}/job-starts/{jobStartId}/end", new { endDate = "2021-08-01", reason = "Ended" });
            AssertStatus(write, post.Status, $"{email} POST end of a job of a {lot} participant");
            var pageUrl = $"/participants/{participant.Id}/job-starts/{jobStartId}/end";
            AssertStatus(write, (await pages.GetAsync(pageUrl)).StatusCode, $"{email} end job page of a {lot} participant");
            var postPage = await pages.PostFormAsync(pageUrl, Form(("endDate", new DateOnly(2021, 8, 2)), ("reason", "Ended")));
            AssertStatus(write == HttpStatusCode.OK ? HttpStatusCode.Redirect : write, postPage.StatusCode, $"{email} posting the end job page of a {lot} participant");
            Assert.Equal(write == HttpStatusCode.OK ? before with { Ended = 1 } : before, await App.OutcomeRowsAsync(participant.Id));
        }
    }

    [Fact]
    public async Task The_end_job_page_shows_every_error_and_saves_nothing_then_records_the_end()
    {
        var participant = await App.ParticipantAsync("WH");
        using var api = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var jobStartId = await api.JobStartAsync(participant.Id, "2021-06-14");
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{participant.Id}/job-starts/{jobStartId}/end";
        var form = await client.GetPageAsync(url);
        Assert.NotNull(form.QuerySelector("input[name='endDate.Day']"));

        var refused = await client.PostFormAsync(url, Form(("endDate.Day", "31"), ("endDate.Month", "2"), ("endDate.Year", "2021"), ("reason", "")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await client.ParseAsync(refused);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("real date", summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Enter the reason the job ended", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#reason-error"));
        Assert.Equal(0, (await App.OutcomeRowsAsync(participant.Id)).Ended);

        var saved = await client.PostFormAsync(url, Form(("endDate", new DateOnly(2021, 8, 1)), ("reason", "Contract ended")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await client.GetPageAsync($"/participants/{participant.Id}");
        Assert.Contains("Recorded that the job ended on 1 August 2021", details.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 August 2021: Contract ended", details.QuerySelector("#jobs")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }
}
