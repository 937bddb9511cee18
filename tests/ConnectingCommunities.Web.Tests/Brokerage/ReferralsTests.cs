using System.Net;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Brokerage;

public sealed class ReferralsTestsOnSqlite(SqliteApp fixture) : ReferralsTests<SqliteApp>(fixture);

public sealed class ReferralsTestsOnPostgres(PostgresApp fixture) : ReferralsTests<PostgresApp>(fixture);

/// <summary>Referrals from a vacancy to a job start, and the bad requests that write nothing.</summary>
public abstract class ReferralsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> ReferralsOfAsync(Guid participantId) => App.DbAsync(db => db.Referrals.CountAsync(r => r.ParticipantId == participantId));

    private Task<int> BrokerageContactsOfAsync(Guid participantId) =>
        App.DbAsync(db => db.Interventions.CountAsync(i => i.ParticipantId == participantId && i.ActivityType == ActivityType.JobBrokerage));

    [Fact]
    public async Task A_referral_goes_through_interview_and_offer_to_a_job_start_with_its_job_outcome()
    {
        var seeker = await App.AddSeekerAsync("WH");
        var employerName = "Referral Employer " + Guid.NewGuid().ToString("N")[..8];
        var employer = await App.AddEmployerAsync(employerName);
        var vacancy = await App.AddVacancyAsync(employer, await App.AddPostcodeAsync(3), v => (v.Title, v.HourlyWage, v.WeeklyHours) = ("Receptionist", 13.25m, 25));
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { participantId = seeker.Id });
        Assert.Equal(HttpStatusCode.Created, created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("Referred", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("matchScore").GetInt32() > 50);
        Assert.Equal(1, await BrokerageContactsOfAsync(seeker.Id));
        var contact = await App.DbAsync(db => db.Interventions.SingleAsync(i => i.ParticipantId == seeker.Id));
        Assert.Equal(15, contact.DurationMinutes);
        Assert.Equal(1, await App.DbAsync(db => db.Participants.Where(p => p.Id == seeker.Id).Select(p => p.MeaningfulInterventions).SingleAsync()));

        // Referring again finds the first referral and records nothing more.
        var (again, same) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { participantId = seeker.Id });
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(id, same.GetProperty("id").GetGuid());
        Assert.Equal(1, await BrokerageContactsOfAsync(seeker.Id));

        var (interview, afterInterview) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/referrals/{id}/status", new { status = "Interview", date = Iso(Today.AddDays(3)) });
        Assert.Equal(HttpStatusCode.OK, interview);
        Assert.Equal(Iso(Today.AddDays(3)), afterInterview.GetProperty("interviewOn").GetString());

        // Offered before the interview day is out of order in time.
        var (early, earlyBody) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/referrals/{id}/status", new { status = "Offered", date = Iso(Today) });
        Assert.Equal(HttpStatusCode.BadRequest, early);
        Assert.True(earlyBody.GetProperty("errors").TryGetProperty("date", out _));
        await App.DbAsync(async db =>
        {
            var r = await db.Referrals.SingleAsync(x => x.Id == id);
            (r.ReferredOn, r.InterviewOn) = (Today.AddDays(-3), Today.AddDays(-2));
            return await db.SaveChangesAsync();
        });

        var (offered, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/referrals/{id}/status", new { status = "Offered", date = Iso(Today.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.OK, offered);
        var (started, afterStart) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/referrals/{id}/status", new { status = "Started", date = Iso(Today) });
        Assert.True(started == HttpStatusCode.OK, afterStart.ToString());
        Assert.Equal("Started", afterStart.GetProperty("status").GetString());
        Assert.Empty(afterStart.GetProperty("nextStatuses").EnumerateArray());

        var jobStart = await App.DbAsync(db => db.JobStarts.Include(j => j.Employer).SingleAsync(j => j.ParticipantId == seeker.Id));
        Assert.Equal(afterStart.GetProperty("jobStartId").GetGuid(), jobStart.Id);
        Assert.Equal(employer, jobStart.EmployerId);
        Assert.Equal(("Receptionist", "1112", 25m, 13.25m, Today), (jobStart.JobTitle, jobStart.SocCode, jobStart.WeeklyHours, jobStart.HourlyWage, jobStart.StartDate));
        var milestone = await App.DbAsync(db => db.ParticipantMilestones.SingleAsync(m => m.ParticipantId == seeker.Id && m.Milestone == Milestone.JobOutcome));
        Assert.Equal(Today, milestone.AchievedOn);
        Assert.Equal(0, await App.DbAsync(db => db.EvidenceFiles.CountAsync(e => e.JobStartId == jobStart.Id)));

        // One position, now started: the vacancy is filled.
        Assert.Equal(VacancyStatus.Filled, await App.DbAsync(db => db.Vacancies.Where(v => v.Id == vacancy).Select(v => v.Status).SingleAsync()));
        var history = (await client.GetJsonAsync($"/api/v1/referrals/{id}")).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString());
        Assert.Equal(["Referred", "Interview", "Offered", "Started"], history);
    }

    [Fact]
    public async Task Another_lots_participant_cannot_be_referred_and_nothing_is_written()
    {
        var inSe = await App.AddSeekerAsync("SE");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { participantId = inSe.Id });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(0, await ReferralsOfAsync(inSe.Id));
        Assert.Equal(0, await BrokerageContactsOfAsync(inSe.Id));

        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { participantId = inSe.Id })).Status);
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { participantId = inSe.Id })).Status);
        Assert.Equal(0, await ReferralsOfAsync(inSe.Id));
    }

    [Theory]
    [InlineData(VacancyStatus.Closed, 30)]
    [InlineData(VacancyStatus.Filled, 30)]
    [InlineData(VacancyStatus.Open, -1)]
    public async Task A_vacancy_not_open_takes_no_referral_and_nothing_is_written(VacancyStatus vacancyStatus, int closesInDays)
    {
        var seeker = await App.AddSeekerAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1),
            v => (v.Status, v.ClosingOn) = (vacancyStatus, Today.AddDays(closesInDays)));
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { participantId = seeker.Id });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("only open vacancies take referrals", body.GetProperty("errors").GetProperty("vacancyId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await ReferralsOfAsync(seeker.Id));
        Assert.Equal(0, await BrokerageContactsOfAsync(seeker.Id));
    }

    [Fact]
    public async Task Bad_referral_requests_name_the_field()
    {
        var seeker = await App.AddSeekerAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (missing, missingBody) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.True(missingBody.GetProperty("errors").TryGetProperty("participantId", out _));

        var (future, futureBody) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals",
            new { participantId = seeker.Id, date = Iso(Today.AddDays(1)) });
        Assert.Equal(HttpStatusCode.BadRequest, future);
        Assert.True(futureBody.GetProperty("errors").TryGetProperty("date", out _));

        var (badMode, modeBody) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { participantId = seeker.Id, mode = "Pigeon" });
        Assert.Equal(HttpStatusCode.BadRequest, badMode);
        Assert.True(modeBody.GetProperty("errors").TryGetProperty("mode", out _));
        Assert.Equal(0, await ReferralsOfAsync(seeker.Id));
        Assert.Equal(0, await BrokerageContactsOfAsync(seeker.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{Guid.NewGuid()}/referrals", new { participantId = seeker.Id })).Status);
    }

    [Theory]
    [InlineData("Offered", null, "status", "can move only to Interview, Unsuccessful, Withdrawn")]
    [InlineData("Started", null, "status", "can move only to Interview")]
    [InlineData("Referred", null, "status", "can move only to")]
    [InlineData("Hired", null, "status", "is not a status")]
    [InlineData("Interview", null, "date", "Enter the interview date")]
    [InlineData("Unsuccessful", null, "reason", "Enter why the referral was unsuccessful")]
    [InlineData("Withdrawn", "   ", "reason", "Enter why the referral was withdrawn")]
    public async Task A_status_out_of_order_or_incomplete_is_refused_and_nothing_changes(string newStatus, string? reason, string field, string message)
    {
        var seeker = await App.AddSeekerAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var (_, referral) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { participantId = seeker.Id });
        var id = referral.GetProperty("id").GetGuid();

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/referrals/{id}/status", new { status = newStatus, reason });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        var stored = await App.DbAsync(db => db.Referrals.Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(ReferralStatus.Referred, stored.Status);
        Assert.Single(stored.Events);
        Assert.Equal(0, await App.DbAsync(db => db.JobStarts.CountAsync(j => j.ParticipantId == seeker.Id)));
    }

    [Fact]
    public async Task An_ended_referral_cannot_move_and_another_lot_cannot_see_it()
    {
        var seeker = await App.AddSeekerAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var (_, referral) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/vacancies/{vacancy}/referrals", new { participantId = seeker.Id });
        var id = referral.GetProperty("id").GetGuid();

        var (withdrawn, body) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/referrals/{id}/status", new { status = "Withdrawn", reason = "Found other work" });
        Assert.Equal(HttpStatusCode.OK, withdrawn);
        Assert.Equal("Found other work", body.GetProperty("reason").GetString());
        var (again, againBody) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/referrals/{id}/status", new { status = "Interview", date = Iso(Today) });
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Contains("cannot change", againBody.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);

        using var se = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        Assert.Equal(HttpStatusCode.NotFound, (await se.GetAsync($"/api/v1/referrals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await se.SendJsonAsync(HttpMethod.Post, $"/api/v1/referrals/{id}/status", new { status = "Interview", date = Iso(Today) })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await se.GetAsync($"/api/v1/participants/{seeker.Id}/referrals")).StatusCode);
        var list = await client.GetJsonAsync($"/api/v1/participants/{seeker.Id}/referrals");
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_referral_page_records_an_interview_and_a_start()
    {
        var seeker = await App.AddSeekerAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1), v => v.Positions = 2);
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var candidates = $"/vacancies/{vacancy}/candidates";
        var referred = await client.PostFormAsync(candidates + "?handler=Refer", [new("participantId", seeker.Id.ToString())], tokenFrom: candidates);
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        var url = referred.Headers.Location!.OriginalString;

        var page = await client.GetPageAsync(url);
        Assert.Equal("Referred", page.QuerySelector("#referral-status")!.TextContent.Trim());

        var missingDate = await client.PostFormAsync(url, [new("status", "Interview")]);
        Assert.Equal(HttpStatusCode.OK, missingDate.StatusCode);
        Assert.Contains("Enter the interview date", (await client.ParseAsync(missingDate)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var steps = new[] { ("Interview", Today), ("Offered", Today), ("Started", Today) };
        foreach (var (status, date) in steps)
        {
            var response = await client.PostFormAsync(url,
                [new("status", status), new("date.Day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                 new("date.Month", date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                 new("date.Year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{status}: {(int)response.StatusCode}");
        }

        var done = await client.GetPageAsync(url);
        Assert.Equal("Started", done.QuerySelector("#referral-status")!.TextContent.Trim());
        Assert.Null(done.QuerySelector("#save-status"));
        Assert.Equal(1, await App.DbAsync(db => db.JobStarts.CountAsync(j => j.ParticipantId == seeker.Id)));

        // Two positions and one start: still open.
        Assert.Equal(VacancyStatus.Open, await App.DbAsync(db => db.Vacancies.Where(v => v.Id == vacancy).Select(v => v.Status).SingleAsync()));
        var list = await client.GetPageAsync($"/participants/{seeker.Id}/referrals");
        Assert.Contains("Started", list.QuerySelector("#referrals")!.TextContent, StringComparison.Ordinal);
    }
}
