using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Brokerage.Matching;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectingCommunities.Web.Tests.Brokerage;

public sealed class MatchingCacheTestsOnSqlite(SqliteApp fixture) : MatchingCacheTests<SqliteApp>(fixture);

public sealed class MatchingCacheTestsOnPostgres(PostgresApp fixture) : MatchingCacheTests<PostgresApp>(fixture);

/// <summary>
/// The matching caches (open vacancies, a lot's seekers) kept between requests: whatever is changed through the app is in
/// the very next ranking, a change is published only once committed, lot scoping holds even when a change bypassed the
/// app, and changes made elsewhere are picked up once the cache is older than its maximum age.
/// </summary>
public abstract class MatchingCacheTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly string NextYear = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private TestApp App => fixture.App;

    private static List<JsonElement> Items(JsonElement body) => [.. body.GetProperty("items").EnumerateArray()];

    private static JsonElement? Find(JsonElement body, string idProperty, Guid id) =>
        Items(body).Where(i => i.GetProperty(idProperty).GetGuid() == id).Select(i => (JsonElement?)i).FirstOrDefault();

    private static JsonObject VacancyBody(Guid employerId, string postcode, decimal weeklyHours) => new()
    {
        ["employerId"] = employerId,
        ["title"] = "Cache test role",
        ["socCode"] = MatchingTestSupport.Soc,
        ["postcode"] = postcode,
        ["weeklyHours"] = weeklyHours,
        ["hourlyWage"] = 13.50m,
        ["contractType"] = "Permanent",
        ["closingOn"] = NextYear,
        ["requiredSkills"] = new JsonArray("Customer service"),
        ["drivingLicenceRequired"] = false,
    };

    [Fact]
    public async Task A_vacancy_added_changed_or_closed_through_the_api_is_in_the_next_match_list()
    {
        var seeker = await App.AddSeekerAsync("WH");
        var employer = await App.AddEmployerAsync();

        var near = await RealShapedPostcodeAsync(milesNorth: 1);
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/participants/{seeker.Id}/vacancy-matches?includeExcluded=true&pageSize=200";
        await client.GetJsonAsync(url);

        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/vacancies", VacancyBody(employer, near, 20));
        Assert.True(created == HttpStatusCode.Created, body.ToString());
        var vacancy = body.GetProperty("id").GetGuid();
        var added = Find(await client.GetJsonAsync(url), "vacancyId", vacancy);
        Assert.NotNull(added);
        Assert.False(added.Value.TryGetProperty("excluded", out _));

        // More hours than the participant can work: excluded, with the reason, in the very next list.
        var (changed, _) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/vacancies/{vacancy}", VacancyBody(employer, near, 35));
        Assert.Equal(HttpStatusCode.OK, changed);
        var excluded = Find(await client.GetJsonAsync(url), "vacancyId", vacancy);
        Assert.NotNull(excluded);
        Assert.Equal("35 hours a week is more than the 30 they can work", excluded.Value.GetProperty("reason").GetString());

        var (closed, _) = await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/vacancies/{vacancy}", new { status = "Closed", reason = "Filled elsewhere" });
        Assert.Equal(HttpStatusCode.OK, closed);
        Assert.Null(Find(await client.GetJsonAsync(url), "vacancyId", vacancy));
    }

    [Fact]
    public async Task Job_goals_changed_through_the_api_are_in_the_next_candidate_list()
    {
        var seeker = await App.AddSeekerAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1), v => v.DrivingLicenceRequired = true);
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/vacancies/{vacancy}/candidates?includeExcluded=true&pageSize=200";
        var before = Find(await client.GetJsonAsync(url), "participantId", seeker.Id);
        Assert.Equal("Needs a driving licence, which they do not have", before!.Value.GetProperty("reason").GetString());

        object Goals(bool licence, int maxHours) => new
        {
            occupations = new[] { MatchingTestSupport.Soc },
            skills = new[] { "Customer service" },
            maxWeeklyHours = maxHours,
            maxTravelMiles = 10,
            hasDrivingLicence = licence,
        };

        var (saved, _) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/participants/{seeker.Id}/job-goals", Goals(licence: true, maxHours: 30));
        Assert.Equal(HttpStatusCode.OK, saved);
        var eligible = Find(await client.GetJsonAsync(url), "participantId", seeker.Id);
        Assert.False(eligible!.Value.TryGetProperty("excluded", out _));
        Assert.Contains("Has the driving licence the job needs", eligible.Value.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        (saved, _) = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/participants/{seeker.Id}/job-goals", Goals(licence: true, maxHours: 16));
        Assert.Equal(HttpStatusCode.OK, saved);
        var tooManyHours = Find(await client.GetJsonAsync(url), "participantId", seeker.Id);
        Assert.Equal("30 hours a week is more than the 16 they can work", tooManyHours!.Value.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_participant_who_leaves_or_moves_to_another_lot_drops_out_of_the_next_candidate_list()
    {
        var leaving = await App.AddSeekerAsync("WH");
        var moving = await App.AddSeekerAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        using var wh = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        using var se = await App.ApiClientAsync(DemoUsers.Advisor("SE"));
        var url = $"/api/v1/vacancies/{vacancy}/candidates?includeExcluded=true&pageSize=200";
        var before = await wh.GetJsonAsync(url);
        Assert.NotNull(Find(before, "participantId", leaving.Id));
        Assert.NotNull(Find(before, "participantId", moving.Id));
        await se.GetJsonAsync(url);

        await App.DbAsync(async db =>
        {
            var left = await db.Participants.SingleAsync(p => p.Id == leaving.Id);
            left.Status = ParticipantStatus.Left;
            left.LeftOn = DateOnly.FromDateTime(DateTime.UtcNow);
            left.LeavingReason = "Moved away";
            var moved = await db.Participants.SingleAsync(p => p.Id == moving.Id);
            await MoveAsync(db, moved, "SE");
            return await db.SaveChangesAsync();
        });

        var after = await wh.GetJsonAsync(url);
        Assert.Null(Find(after, "participantId", leaving.Id));
        Assert.Null(Find(after, "participantId", moving.Id));
        Assert.NotNull(Find(await se.GetJsonAsync(url), "participantId", moving.Id));
    }

    [Fact]
    public async Task Lot_scoping_holds_when_a_participant_is_moved_by_a_bulk_update_the_caches_do_not_see()
    {
        var seeker = await App.AddSeekerAsync("WH");
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        using var wh = await App.ApiClientAsync(DemoUsers.Advisor("WH"));
        var url = $"/api/v1/vacancies/{vacancy}/candidates?includeExcluded=true&pageSize=200";
        Assert.NotNull(Find(await wh.GetJsonAsync(url), "participantId", seeker.Id));

        // ExecuteUpdate bypasses the change tracker, so no change is published: the lot's cached list still holds them,
        // but the page is read through the advisor's visible participants.
        await App.DbAsync(async db =>
        {
            var moved = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == seeker.Id);
            await MoveAsync(db, moved, "SE");
            return await db.Participants.Where(p => p.Id == seeker.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LotId, moved.LotId).SetProperty(p => p.Number, moved.Number).SetProperty(p => p.Reference, moved.Reference));
        });

        Assert.Null(Find(await wh.GetJsonAsync(url), "participantId", seeker.Id));
    }

    /// <summary>
    /// A postcode the API accepts (the tests' usual made-up ones start "ZZ", which no real postcode does), unused so far,
    /// with coordinates <paramref name="milesNorth"/> of the participants' home.
    /// </summary>
    private async Task<string> RealShapedPostcodeAsync(double milesNorth)
    {
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        return await App.DbAsync(async db =>
        {
            while (true)
            {
                var n = Random.Shared.Next(0, 89 * 9 * 400);
                var postcode = $"YO{10 + (n % 89)} {1 + (n / 89 % 9)}{letters[n / 801 % 20]}{letters[n / 16020 % 20]}";
                Assert.True(Postcode.IsValid(postcode), postcode);
                if (await db.PostcodeLocations.AnyAsync(l => l.Postcode == postcode))
                {
                    continue;
                }

                db.PostcodeLocations.Add(new PostcodeLocation
                {
                    Postcode = postcode,
                    Latitude = MatchingTestSupport.HomeLatitude + (milesNorth * MatchingTestSupport.DegreesPerMile),
                    Longitude = MatchingTestSupport.HomeLongitude,
                });
                await db.SaveChangesAsync();
                return postcode;
            }
        });
    }

    /// <summary>Into another lot, with that lot's next number and reference (the test helpers number each lot's participants).</summary>
    private static async Task MoveAsync(CcDbContext db, Participant participant, string lotCode)
    {
        participant.LotId = await db.Lots.Where(l => l.Code == lotCode).Select(l => l.Id).SingleAsync();
        participant.Number = (await db.Participants.Where(p => p.LotId == participant.LotId).MaxAsync(p => (int?)p.Number) ?? 0) + 1;
        participant.Reference = $"{lotCode}-{participant.Number:D6}";
    }

    [Fact]
    public async Task A_change_is_published_to_the_caches_only_once_its_transaction_commits()
    {
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        var changes = App.Services.GetRequiredService<MatchingChanges>();

        var ct = TestContext.Current.CancellationToken;
        var rolledBack = changes.Generation;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            (await db.Vacancies.SingleAsync(v => v.Id == vacancy, ct)).Title = "Never saved";
            await db.SaveChangesAsync(ct);
            await transaction.RollbackAsync(ct);
        }

        Assert.Equal(rolledBack, changes.Generation);

        var before = changes.Generation;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            (await db.Vacancies.SingleAsync(v => v.Id == vacancy, ct)).Title = "Renamed";
            await db.SaveChangesAsync(ct);
            Assert.Equal(before, changes.Generation);
            await transaction.CommitAsync(ct);
        }

        Assert.True(changes.Generation > before);
        Assert.Contains(vacancy, changes.Since(before)!.Vacancies);
    }

    [Fact]
    public async Task A_change_the_app_did_not_make_is_picked_up_once_the_cache_is_older_than_its_maximum_age()
    {
        var vacancy = await App.AddVacancyAsync(await App.AddEmployerAsync(), await App.AddPostcodeAsync(1));
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = new OpenVacancyCache(
            App.Services.GetRequiredService<MatchingChanges>(), App.Services.GetRequiredService<IServiceScopeFactory>(), clock,
            NullLogger<OpenVacancyCache>.Instance);
        var today = Formatting.TodayInLondon(TimeProvider.System);
        async Task<bool> HeldAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            return (await cache.OpenVacanciesAsync(db, today, CancellationToken.None)).Any(v => v.Id == vacancy);
        }

        Assert.True(await HeldAsync());

        // Closed by SQL (as another server or the command line might): not seen within the maximum age.
        await App.DbAsync(db => db.Vacancies.Where(v => v.Id == vacancy).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VacancyStatus.Closed)));
        Assert.True(await HeldAsync());

        // Older than that: the list is read again in the background while the one held answers.
        clock.Now += OpenVacancyCacheMaxAge + TimeSpan.FromSeconds(1);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await HeldAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "The closed vacancy was still held 30 seconds after the cache's maximum age.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static TimeSpan OpenVacancyCacheMaxAge => ProfileCache<Domain.Brokerage.Matching.VacancyProfile>.MaxAge;

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

/// <summary>The change feed on its own: what a cache at a given generation has to catch up with.</summary>
public sealed class MatchingChangesTests
{
    [Fact]
    public void A_cache_catches_up_with_the_ids_changed_since_its_generation()
    {
        var changes = new MatchingChanges();
        var (v1, v2, p1) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        changes.Publish([v1], [], everything: false);
        var after1 = changes.Generation;
        changes.Publish([v2], [p1], everything: false);
        changes.Publish([], [], everything: false);

        Assert.Equal(after1 + 1, changes.Generation);
        var since = changes.Since(after1)!;
        Assert.Equal([v2], since.Vacancies);
        Assert.Equal([p1], since.Participants);
        Assert.Equal(changes.Generation, since.Generation);
        Assert.True(changes.Since(changes.Generation)!.IsEmpty);
        Assert.Equal(2, changes.Since(0)!.Vacancies.Count);
    }

    [Fact]
    public void New_coordinates_or_more_changes_than_are_held_make_a_cache_read_everything()
    {
        var changes = new MatchingChanges();
        changes.Publish([Guid.NewGuid()], [], everything: false);
        var before = changes.Generation;
        changes.PublishEverything();
        Assert.Null(changes.Since(before));
        Assert.NotNull(changes.Since(changes.Generation));

        var start = changes.Generation;
        for (var i = 0; i < MatchingChanges.MaxHeld + 10; i++)
        {
            changes.Publish([Guid.NewGuid()], [], everything: false);
        }

        Assert.Null(changes.Since(start));
        var recent = changes.Generation - 5;
        Assert.Equal(5, changes.Since(recent)!.Vacancies.Count);
    }
}
