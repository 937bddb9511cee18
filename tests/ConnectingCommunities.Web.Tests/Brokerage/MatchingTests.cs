using System.Net;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Brokerage;

public sealed class MatchingTestsOnSqlite(SqliteApp fixture) : MatchingTests<SqliteApp>(fixture);

public sealed class MatchingTestsOnPostgres(PostgresApp fixture) : MatchingTests<PostgresApp>(fixture);

/// <summary>Matching over a real database: vacancies for a participant, candidates for a vacancy (lot-scoped), match reviews.</summary>
public abstract class MatchingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    private static List<System.Text.Json.JsonElement> Items(System.Text.Json.JsonElement body) => [.. body.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task A_participants_matches_are_ranked_explained_and_exclude_what_breaks_a_hard_constraint()
    {
        var seeker = await App.AddSeekerAsync("WH");
        var employer = await App.AddEmployerAsync();
        var near = await App.AddPostcodeAsync(2);
        var edge = await App.AddPostcodeAsync(9.9);
        var far = await App.AddPostcodeAsync(12);
        var unknown = await App.AddPostcodeAsync(null);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var best = await App.AddVacancyAsync(employer, near, v => v.Title = "Best");
        var atTheLimit = await App.AddVacancyAsync(employer, edge, v => (v.Title, v.WeeklyHours) = ("At the limits", 30));
        var noCoordinates = await App.AddVacancyAsync(employer, unknown, v => v.Title = "Somewhere");
        var tooManyHours = await App.AddVacancyAsync(employer, near, v => v.WeeklyHours = 30.5m);
        var tooFar = await App.AddVacancyAsync(employer, far);
        var licence = await App.AddVacancyAsync(employer, near, v => v.DrivingLicenceRequired = true);
        var closed = await App.AddVacancyAsync(employer, near, v => v.Status = VacancyStatus.Closed);
        var passed = await App.AddVacancyAsync(employer, near, v => v.ClosingOn = today.AddDays(-1));
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var body = await client.GetJsonAsync($"/api/v1/participants/{seeker.Id}/vacancy-matches?pageSize=200");
        var items = Items(body);
        var ids = items.Select(i => i.GetProperty("vacancyId").GetGuid()).ToList();
        // Other tests of the class add vacancies to the same database: rank this test's own against each other.
        Assert.Equal(best, ids.First(id => id == best || id == atTheLimit || id == noCoordinates));
        Assert.Contains(atTheLimit, ids);
        Assert.Contains(noCoordinates, ids);
        Assert.DoesNotContain(tooManyHours, ids);
        Assert.DoesNotContain(tooFar, ids);
        Assert.DoesNotContain(licence, ids);
        Assert.All(items, i => Assert.False(i.TryGetProperty("excluded", out _)));
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.GetProperty("score").GetInt32() >= p.Second.GetProperty("score").GetInt32()));

        var reasons = items.Single(i => i.GetProperty("vacancyId").GetGuid() == best).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("Wants work in this occupation: ", StringComparison.Ordinal) && r.EndsWith("(SOC 1112)", StringComparison.Ordinal));
        Assert.Contains("Has 1 of 1 required skills: Customer service", reasons);
        Assert.Contains("2.0 miles away (straight line), within the 10.0 they can travel", reasons);
        var somewhere = items.Single(i => i.GetProperty("vacancyId").GetGuid() == noCoordinates);
        Assert.Contains($"Distance unknown: no coordinates for {unknown}", somewhere.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var all = Items(await client.GetJsonAsync($"/api/v1/participants/{seeker.Id}/vacancy-matches?includeExcluded=true&pageSize=200"));
        string ReasonFor(Guid id) => all.Single(i => i.GetProperty("vacancyId").GetGuid() == id).GetProperty("reason").GetString()!;
        Assert.True(all.Single(i => i.GetProperty("vacancyId").GetGuid() == tooManyHours).GetProperty("excluded").GetBoolean());
        Assert.Equal("30.5 hours a week is more than the 30 they can work", ReasonFor(tooManyHours));
        Assert.StartsWith("12.0 miles away (straight line), more than the 10.0", ReasonFor(tooFar), StringComparison.Ordinal);
        Assert.Equal("Needs a driving licence, which they do not have", ReasonFor(licence));

        // Closed vacancies and those past their closing date are not matched at all.
        Assert.DoesNotContain(all, i => i.GetProperty("vacancyId").GetGuid() == closed || i.GetProperty("vacancyId").GetGuid() == passed);
    }

    [Fact]
    public async Task A_change_to_a_vacancy_is_seen_by_the_next_match_list()
    {
        var seeker = await App.AddSeekerAsync("WH");
        var near = await App.AddPostcodeAsync(1);
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), near);
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{seeker.Id}/vacancy-matches?pageSize=200";
        Assert.Contains(Items(await client.GetJsonAsync(url)), i => i.GetProperty("vacancyId").GetGuid() == vacancy);

        await App.DbAsync(async db =>
        {
            var v = await db.Vacancies.SingleAsync(x => x.Id == vacancy);
            v.Status = VacancyStatus.Closed;
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(Items(await client.GetJsonAsync(url)), i => i.GetProperty("vacancyId").GetGuid() == vacancy);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task A_vacancys_candidates_come_only_from_the_callers_lots(string email)
    {
        var inWh = await App.AddSeekerAsync("WH");
        var inSe = await App.AddSeekerAsync("SE");
        var withoutGoals = await App.AddAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        using var client = await App.ApiClientAsync(email);

        var response = await client.GetAsync($"/api/v1/vacancies/{vacancy}/candidates?pageSize=200");
        if (email == DemoUsers.Evaluator)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            return;
        }

        var body = await TestClient.ReadJsonAsync(response, HttpStatusCode.OK, "candidates");
        var ids = Items(body).Select(i => i.GetProperty("participantId").GetGuid()).ToList();
        Assert.Contains(inWh.Id, ids);
        Assert.DoesNotContain(withoutGoals.Id, ids);
        if (email == DemoUsers.Commissioner)
        {
            Assert.Contains(inSe.Id, ids);
        }
        else
        {
            Assert.DoesNotContain(inSe.Id, ids);
        }

        var candidate = Items(body).First(i => i.GetProperty("participantId").GetGuid() == inWh.Id);
        Assert.Contains("Has 1 of 1 required skills: Customer service", candidate.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/vacancies/{Guid.NewGuid()}/candidates")).StatusCode);
    }

    [Fact]
    public async Task Candidates_exclude_those_who_cannot_do_the_job_unless_asked()
    {
        var canDrive = await App.AddSeekerAsync("WH", g => g.HasDrivingLicence = true);
        var cannot = await App.AddSeekerAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1), v => v.DrivingLicenceRequired = true);
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var eligible = Items(await client.GetJsonAsync($"/api/v1/vacancies/{vacancy}/candidates?pageSize=200")).Select(i => i.GetProperty("participantId").GetGuid()).ToList();
        Assert.Contains(canDrive.Id, eligible);
        Assert.DoesNotContain(cannot.Id, eligible);

        var all = Items(await client.GetJsonAsync($"/api/v1/vacancies/{vacancy}/candidates?pageSize=200&includeExcluded=true"));
        var excluded = all.Single(i => i.GetProperty("participantId").GetGuid() == cannot.Id);
        Assert.True(excluded.GetProperty("excluded").GetBoolean());
        Assert.Equal("Needs a driving licence, which they do not have", excluded.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Reviewing_the_match_list_completes_the_open_identify_matching_jobs_action_or_adds_one()
    {
        var withAction = await App.AddSeekerAsync("WH");
        var without = await App.AddSeekerAsync("WH");
        var actionId = await App.DbAsync(async db =>
        {
            var action = new PlanAction
            {
                ParticipantId = withAction.Id,
                Action = "identifyMatchingJobs",
                ActivityType = ActivityType.InformationAdviceGuidance,
                Status = ActionStatus.Agreed,
                IdentifiedOn = new DateOnly(2021, 3, 2),
                AgreedOn = new DateOnly(2021, 3, 2),
            };
            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        var (status, review) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{withAction.Id}/match-reviews", new { vacanciesShown = 12 });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(actionId, review.GetProperty("planActionId").GetGuid());
        Assert.False(review.GetProperty("actionCreated").GetBoolean());

        var (status2, review2) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{without.Id}/match-reviews", new { });
        Assert.Equal(HttpStatusCode.Created, status2);
        Assert.True(review2.GetProperty("actionCreated").GetBoolean());

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var actions = await App.DbAsync(db => db.PlanActions.AsNoTracking()
            .Where(a => (a.ParticipantId == withAction.Id || a.ParticipantId == without.Id) && a.Action == "identifyMatchingJobs").ToListAsync());
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a => Assert.Equal(ActionStatus.Completed, a.Status));
        Assert.Contains(actions, a => a.Id == actionId);
        Assert.Equal(2, await App.DbAsync(db => db.MatchReviews.CountAsync(r => r.ParticipantId == withAction.Id || r.ParticipantId == without.Id)));
        Assert.Equal(12, await App.DbAsync(db => db.MatchReviews.Where(r => r.ParticipantId == withAction.Id).Select(r => r.VacanciesShown).SingleAsync()));

        // A second review the same day links to the action it completed rather than adding another.
        var (status3, review3) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{without.Id}/match-reviews", new { vacanciesShown = 3 });
        Assert.Equal(HttpStatusCode.Created, status3);
        Assert.Equal(review2.GetProperty("planActionId").GetGuid(), review3.GetProperty("planActionId").GetGuid());
        Assert.True(actions.All(a => a.CompletedOn <= today));
    }

    [Fact]
    public async Task Another_lots_participant_has_no_matches_and_reviews_are_not_written()
    {
        var inSe = await App.AddSeekerAsync("SE");
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/participants/{inSe.Id}/vacancy-matches")).StatusCode);
        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/participants/{inSe.Id}/match-reviews", new { vacanciesShown = 1 });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(0, await App.DbAsync(db => db.MatchReviews.CountAsync(r => r.ParticipantId == inSe.Id)));

        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/api/v1/participants/{inSe.Id}/vacancy-matches")).StatusCode);
    }

    [Fact]
    public async Task The_matches_page_shows_reasons_the_ruled_out_and_records_a_review()
    {
        // A desirable skill only this test's participant and vacancy share puts the vacancy first in a shared database.
        var seeker = await App.AddSeekerAsync("WH", g => g.Skills = ["Customer service", "Page skill"]);
        var employer = await App.AddEmployerAsync();
        var best = await App.AddVacancyAsync(employer, await App.AddPostcodeAsync(1), v => (v.Title, v.DesirableSkills) = ("Page best", ["Page skill"]));
        await App.AddVacancyAsync(employer, await App.AddPostcodeAsync(1), v => (v.Title, v.WeeklyHours) = ("Too long", 40));
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));
        var url = $"/participants/{seeker.Id}/vacancy-matches";

        var page = await client.GetPageAsync(url);
        var first = page.QuerySelector(".vacancy-match")!;
        Assert.Contains("Page best", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("miles away (straight line)", first.QuerySelector(".match-reasons")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("40 hours a week is more than the 30 they can work", page.QuerySelector("#excluded")!.TextContent, StringComparison.Ordinal);

        var reviewed = await client.PostFormAsync(url + "?handler=Review", [new("vacanciesShown", "5")], tokenFrom: url);
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        Assert.Equal(ActionStatus.Completed, await App.DbAsync(db => db.PlanActions
            .Where(a => a.ParticipantId == seeker.Id && a.Action == "identifyMatchingJobs").Select(a => a.Status).SingleAsync()));

        // Refer from the list: the referral page follows.
        var referred = await client.PostFormAsync(url + "?handler=Refer", [new("vacancyId", best.ToString())], tokenFrom: url);
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        Assert.StartsWith("/referrals/", referred.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);
        var readOnly = await commissioner.GetPageAsync(url);
        Assert.Null(readOnly.QuerySelector("#reviewed"));
    }

    [Fact]
    public async Task The_candidates_page_lists_only_the_lots_participants()
    {
        var inWh = await App.AddSeekerAsync("WH");
        var inSe = await App.AddSeekerAsync("SE");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        using var client = await App.SignInAsync(DemoUsers.Advisor("WH"));

        var page = await client.GetPageAsync($"/vacancies/{vacancy}/candidates");
        var table = page.QuerySelector("#candidates")!.InnerHtml;
        Assert.Contains(inWh.Id.ToString(), table, StringComparison.Ordinal);
        Assert.DoesNotContain(inSe.Id.ToString(), table, StringComparison.Ordinal);
        await client.GetPageAsync($"/vacancies/{Guid.NewGuid()}/candidates", HttpStatusCode.NotFound);
    }
}
