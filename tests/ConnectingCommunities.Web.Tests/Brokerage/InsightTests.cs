using System.Net;
using System.Text;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Tests.Brokerage;

public sealed class InsightTestsOnSqlite(SqliteApp fixture) : InsightTests<SqliteApp>(fixture);

public sealed class InsightTestsOnPostgres(PostgresApp fixture) : InsightTests<PostgresApp>(fixture);

/// <summary>
/// The brokerage insight: counts against referrals inserted here, in a period long before any other test's
/// referrals (March and April 2011), roles and lot scoping.
/// </summary>
public abstract class InsightTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private const string Period = "from=2011-03-01&to=2011-04-30";

    private static readonly SemaphoreSlim Seeding = new(1, 1);

    private TestApp App => fixture.App;

    private static DateOnly D(int month, int day) => new(2011, month, day);

    /// <summary>
    /// Two employers found by WH: the first in sector G with a "reverse marketing" relationship with WH, the second
    /// with neither. WH: one started and one open referral to the first, one started referral to the second (started
    /// in April); SE: one started referral to the first. WH also has two match lists reviewed and one participant
    /// with the matching-jobs action completed (twice) and one with it only agreed.
    /// </summary>
    private async Task<(string First, string Second)> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            var existing = await App.DbAsync(db => db.Employers.Where(e => e.Name.StartsWith("Insight First")).Select(e => e.Name).FirstOrDefaultAsync());
            if (existing is not null)
            {
                return (existing, await App.DbAsync(db => db.Employers.Where(e => e.Name.StartsWith("Insight Second")).Select(e => e.Name).SingleAsync()));
            }

            var suffix = Guid.NewGuid().ToString("N")[..6];
            var (first, second) = ("Insight First " + suffix, "Insight Second " + suffix);
            var firstId = await App.AddEmployerAsync(first);
            var secondId = await App.AddEmployerAsync(second);
            var postcode = await App.AddPostcodeAsync(1);
            var firstVacancy = await App.AddVacancyAsync(firstId, postcode, v => v.Positions = 3);
            var secondVacancy = await App.AddVacancyAsync(secondId, postcode);
            var p1 = await App.AddAsync("WH");
            var p2 = await App.AddAsync("WH");
            var p3 = await App.AddAsync("WH");
            var p4 = await App.AddAsync("SE");
            await App.DbAsync(async db =>
            {
                var wh = await db.Lots.SingleAsync(l => l.Code == "WH");
                var se = await db.Lots.SingleAsync(l => l.Code == "SE");
                (await db.Employers.SingleAsync(e => e.Id == firstId)).SicSection = "G";
                db.EmployerRelationships.Add(new EmployerRelationship
                {
                    EmployerId = firstId,
                    LotId = wh.Id,
                    EngagementMethod = "reverseMarketing",
                    BeganOn = D(1, 10),
                    CreatedAt = DateTimeOffset.UtcNow,
                });
                db.Referrals.AddRange(
                    Referral(firstVacancy, p1.Id, wh.Id, D(3, 2), D(3, 20)),
                    Referral(firstVacancy, p2.Id, wh.Id, D(3, 5), null),
                    Referral(secondVacancy, p3.Id, wh.Id, D(3, 10), D(4, 2)),
                    Referral(firstVacancy, p4.Id, se.Id, D(3, 12), D(3, 15)),
                    // Outside the period: not counted.
                    Referral(secondVacancy, p1.Id, wh.Id, D(5, 2), null));
                db.MatchReviews.AddRange(
                    new MatchReview { ParticipantId = p1.Id, ReviewedOn = D(3, 3), VacanciesShown = 5, ReviewedAt = DateTimeOffset.UtcNow },
                    new MatchReview { ParticipantId = p2.Id, ReviewedOn = D(3, 4), VacanciesShown = 2, ReviewedAt = DateTimeOffset.UtcNow },
                    new MatchReview { ParticipantId = p4.Id, ReviewedOn = D(3, 4), VacanciesShown = 2, ReviewedAt = DateTimeOffset.UtcNow });
                db.PlanActions.AddRange(
                    Action(p1.Id, ActionStatus.Completed, D(3, 6)),
                    Action(p1.Id, ActionStatus.Completed, D(4, 6)),
                    Action(p2.Id, ActionStatus.Agreed, null),
                    Action(p4.Id, ActionStatus.Completed, D(3, 6)));
                return await db.SaveChangesAsync();
            });
            return (first, second);
        }
        finally
        {
            Seeding.Release();
        }
    }

    private static Referral Referral(Guid vacancy, Guid participant, Guid lot, DateOnly referredOn, DateOnly? startedOn) => new()
    {
        VacancyId = vacancy,
        ParticipantId = participant,
        LotId = lot,
        Status = startedOn is null ? ReferralStatus.Referred : ReferralStatus.Started,
        ReferredOn = referredOn,
        StartedOn = startedOn,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private static PlanAction Action(Guid participant, ActionStatus status, DateOnly? completedOn) => new()
    {
        ParticipantId = participant,
        Action = "identifyMatchingJobs",
        ActivityType = ActivityType.InformationAdviceGuidance,
        Status = status,
        IdentifiedOn = D(3, 1),
        CompletedOn = completedOn,
    };

    private static (int Referrals, int Starts)? Row(System.Text.Json.JsonElement body, string table, string name) =>
        body.GetProperty(table).EnumerateArray().Where(r => r.GetProperty("name").GetString() == name)
            .Select(r => ((int Referrals, int Starts)?)(r.GetProperty("referrals").GetInt32(), r.GetProperty("starts").GetInt32()))
            .SingleOrDefault();

    [Fact]
    public async Task A_provider_manager_sees_their_lots_referrals_and_starts_counted_by_employer_method_sector_and_month()
    {
        var (first, second) = await SeedAsync();
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        var body = await client.GetJsonAsync($"/api/v1/brokerage/insight?{Period}");

        Assert.Equal((3, 2), (body.GetProperty("referrals").GetInt32(), body.GetProperty("starts").GetInt32()));
        Assert.Equal((2, 1), Row(body, "byEmployer", first));
        Assert.Equal((1, 1), Row(body, "byEmployer", second));
        Assert.Equal((2, 1), Row(body, "byEngagementMethod", "Reverse marketing"));
        Assert.Equal((1, 1), Row(body, "byEngagementMethod", "Not recorded"));
        Assert.Equal((2, 1), Row(body, "bySector", "G: Wholesale and retail trade; repair of motor vehicles and motorcycles"));
        Assert.Equal((1, 1), Row(body, "bySector", "Sector not recorded"));
        var months = body.GetProperty("startsByMonth").EnumerateArray().Select(m => (m.GetProperty("label").GetString(), m.GetProperty("starts").GetInt32())).ToList();
        Assert.Equal([("March 2011", 1), ("April 2011", 1)], months);
        Assert.Equal(2, body.GetProperty("matchListsReviewed").GetInt32());
        Assert.Equal(1, body.GetProperty("participantsWithMatchingJobsActionCompleted").GetInt32());
    }

    [Fact]
    public async Task A_commissioner_sees_every_lot_or_one_lot()
    {
        var (first, _) = await SeedAsync();
        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);

        var all = await client.GetJsonAsync($"/api/v1/brokerage/insight?{Period}");
        Assert.Equal((4, 3), (all.GetProperty("referrals").GetInt32(), all.GetProperty("starts").GetInt32()));
        Assert.Equal((3, 2), Row(all, "byEmployer", first));
        // SE has no relationship with the employer, so its referral's method is not recorded.
        Assert.Equal((2, 2), Row(all, "byEngagementMethod", "Not recorded"));
        Assert.Equal(3, all.GetProperty("matchListsReviewed").GetInt32());
        Assert.Equal(2, all.GetProperty("participantsWithMatchingJobsActionCompleted").GetInt32());

        var se = await client.GetJsonAsync($"/api/v1/brokerage/insight?lotCode=se&{Period}");
        Assert.Equal("SE", se.GetProperty("lotCode").GetString());
        Assert.Equal((1, 1), (se.GetProperty("referrals").GetInt32(), se.GetProperty("starts").GetInt32()));
        Assert.Equal((1, 1), Row(se, "byEmployer", first));
        Assert.Equal(1, se.GetProperty("participantsWithMatchingJobsActionCompleted").GetInt32());
    }

    [Fact]
    public async Task A_provider_manager_gets_not_found_for_another_lot()
    {
        await SeedAsync();
        using var api = await App.ApiClientAsync(DemoUsers.Manager("WH"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/brokerage/insight?lotCode=SE&{Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/brokerage/insight?lotCode=ZZ")).StatusCode);
        using var page = await App.SignInAsync(DemoUsers.Manager("WH"));
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/brokerage/insight?lotCode=SE&{Period}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_provider_managers_and_commissioners_see_the_insight(string email)
    {
        var allowed = email == DemoUsers.Commissioner || email.StartsWith("manager.", StringComparison.Ordinal);
        using var page = await App.SignInAsync(email);
        foreach (var url in new[] { "/brokerage/insight", "/brokerage/insight?table=employers&format=csv" })
        {
            var response = await page.GetAsync(url);
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == response.StatusCode, $"{email} {url}: {(int)response.StatusCode}");
        }

        using var api = await App.ApiClientAsync(email);
        var answer = await api.GetAsync("/api/v1/brokerage/insight");
        Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == answer.StatusCode, $"{email} API: {(int)answer.StatusCode}");

        // The employers list (casework: not evaluators) links to the insight only for those who may read it.
        if (email != DemoUsers.Evaluator)
        {
            var employers = await page.GetPageAsync("/employers");
            Assert.Equal(allowed, employers.QuerySelector("a[href='/brokerage/insight']") is not null);
        }
    }

    [Fact]
    public async Task Dates_that_cannot_be_read_are_field_errors()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Commissioner);
        var (status, body) = await api.SendJsonAsync(HttpMethod.Get, "/api/v1/brokerage/insight?from=1%20March&to=2011-02-30", null);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("from", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("to", out _));

        var (reversed, reversedBody) = await api.SendJsonAsync(HttpMethod.Get, "/api/v1/brokerage/insight?from=2011-04-01&to=2011-03-01", null);
        Assert.Equal(HttpStatusCode.BadRequest, reversed);
        Assert.True(reversedBody.GetProperty("errors").TryGetProperty("from", out _));

        using var page = await App.SignInAsync(DemoUsers.Commissioner);
        var doc = await page.GetPageAsync("/brokerage/insight?from=nonsense");
        Assert.NotNull(doc.QuerySelector(".govuk-error-summary a[href='#from']"));
    }

    [Fact]
    public async Task The_page_shows_captioned_tables_and_downloads_each_as_csv_and_xlsx()
    {
        var (first, _) = await SeedAsync();
        using var page = await App.SignInAsync(DemoUsers.Manager("WH"));
        var doc = await page.GetPageAsync($"/brokerage/insight?{Period}");
        var captions = doc.QuerySelectorAll("caption").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(captions, c => c.StartsWith("Referrals and job starts by employer", StringComparison.Ordinal));
        Assert.Contains("Referrals and job starts by engagement method", captions);
        Assert.Contains("Referrals and job starts by sector", captions);
        Assert.Contains("Vacancies filled by month", captions);
        Assert.Contains("Matching activity", captions);
        var row = doc.QuerySelectorAll("tr").Single(r => r.QuerySelector("th[scope=row]")?.TextContent.Trim() == first);
        Assert.Equal(["2", "1"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Contains("counted as one referral that reached", doc.Body!.TextContent, StringComparison.Ordinal);

        foreach (var table in new[] { "employers", "methods", "sectors", "months", "matching" })
        {
            var csv = await page.GetAsync($"/brokerage/insight?{Period}&table={table}&format=csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var xlsx = await page.GetAsync($"/brokerage/insight?{Period}&table={table}&format=xlsx");
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        }

        var employers = Encoding.UTF8.GetString(await (await page.GetAsync($"/brokerage/insight?{Period}&table=employers&format=csv")).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"{first},2,1", employers, StringComparison.Ordinal);
        var months = Encoding.UTF8.GetString(await (await page.GetAsync($"/brokerage/insight?{Period}&table=months&format=csv")).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("March 2011,1", months, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/brokerage/insight?{Period}&table=nothing&format=csv")).StatusCode);
    }
}
