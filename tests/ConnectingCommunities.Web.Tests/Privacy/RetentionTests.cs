using System.Net;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Privacy;
using ConnectingCommunities.Web.Tests.Claims;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Privacy;

public sealed class RetentionTestsOnSqlite(SqliteApp fixture) : RetentionTests<SqliteApp>(fixture);

public sealed class RetentionTestsOnPostgres(PostgresApp fixture) : RetentionTests<PostgresApp>(fixture);

/// <summary>
/// The retention check and its confirmation. Confirming erases everyone past retention in the database,
/// so this class has a database of its own and its tests set the retention period they need.
/// </summary>
public abstract class RetentionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_check_lists_records_past_retention_and_a_commissioner_confirms_their_erasure()
    {
        await App.SetRetentionYearsAsync(7);
        var person = await App.PersonWithEverythingAsync("WH");
        var totals = await App.ReadAsync(async db => (await db.PaymentRuns.Select(r => r.Total).ToListAsync()).Sum());
        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);

        // Within retention (to 31 December 2028) nothing is listed.
        await commissioner.GetPageAsync("/retention");
        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.PostFormAsync("/retention?handler=Run", [])).StatusCode);
        Assert.Equal(0, await LatestListedAsync());

        await App.SetRetentionYearsAsync(3);
        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.PostFormAsync("/retention?handler=Run", [])).StatusCode);
        var listed = await LatestListedAsync();
        Assert.True(listed >= 1);
        var page = await commissioner.GetPageAsync("/retention");
        Assert.Contains(person.Participant.Reference, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("31 December 2024", page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Participant.LastName, page.Body.TextContent, StringComparison.Ordinal);
        Assert.Null((await Participant(person.Participant.Id)).ErasedAt);

        var reviewId = page.QuerySelector("input[name=reviewId]")!.GetAttribute("value")!;
        var confirmed = await commissioner.PostFormAsync("/retention?handler=Confirm", [new("reviewId", reviewId), new("reason", "Annual review")], tokenFrom: "/retention");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var erased = await Participant(person.Participant.Id);
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal(person.Participant.Reference, erased.Reference);
        foreach (var value in person.Identifiers)
        {
            Assert.Empty(await App.FindInDatabaseAsync(value));
        }

        var record = await App.ReadAsync(db => db.Erasures.AsNoTracking().SingleAsync(e => e.ParticipantId == person.Participant.Id));
        Assert.Equal(ErasureKind.RetentionExpired, record.Kind);
        var review = await App.ReadAsync(db => db.RetentionReviews.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(reviewId)));
        Assert.NotNull(review.ConfirmedAt);
        Assert.Equal(listed, review.ParticipantsErased);
        Assert.Equal(totals, await App.ReadAsync(async db => (await db.PaymentRuns.Select(r => r.Total).ToListAsync()).Sum()));

        var again = await commissioner.PostFormAsync("/retention?handler=Confirm", [new("reviewId", reviewId)], tokenFrom: "/retention");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("confirmed already", (await commissioner.ParseAsync(again)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reviewer_the_command_line_runs_lists_without_erasing()
    {
        await App.SetRetentionYearsAsync(2);
        var person = await App.AddAsync("SE");
        await using var scope = App.Services.CreateAsyncScope();
        var reviewer = scope.ServiceProvider.GetRequiredService<RetentionReviewer>();

        var review = await reviewer.RunAsync(TestContext.Current.CancellationToken);
        var candidates = await reviewer.CandidatesAsync(review.RetainUntil, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(candidates, c => c.ParticipantId == person.Id && c.RetainUntil == new DateOnly(2023, 12, 31));
        Assert.Equal(candidates.Count, review.ParticipantsListed);
        Assert.True(await reviewer.RanTodayAsync(TestContext.Current.CancellationToken));
        Assert.Null((await Participant(person.Id)).ErasedAt);
        await App.SetRetentionYearsAsync(7);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_commissioners_see_and_confirm_retention(string email)
    {
        using var pages = await App.SignInAsync(email);
        using var api = await App.ApiClientAsync(email);

        var page = await pages.GetAsync("/retention");
        var list = await api.GetAsync("/api/v1/retention");

        var expected = email == DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, page.StatusCode);
        Assert.Equal(expected, list.StatusCode);
    }

    [Fact]
    public async Task The_programme_set_up_page_shows_and_changes_the_retention_period()
    {
        await App.SetRetentionYearsAsync(7);
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var programme = await commissioner.GetJsonAsync("/api/v1/programme");
        Assert.Equal(7, programme.GetProperty("retentionYearsAfterEnd").GetInt32());
        using var pages = await App.SignInAsync(DemoUsers.Commissioner);
        var page = await pages.GetPageAsync("/setup/programme");
        Assert.Equal("7", page.QuerySelector("input[name=retentionYearsAfterEnd]")!.GetAttribute("value"));
        var fields = page.QuerySelectorAll("form[method=post] input, form[method=post] textarea")
            .Where(i => i.GetAttribute("name") is { } name && name != "__RequestVerificationToken" && (i.GetAttribute("type") != "radio" || i.HasAttribute("checked")))
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? i.TextContent))
            .Where(f => f.Key != "retentionYearsAfterEnd")
            .Append(new("retentionYearsAfterEnd", "10"))
            .ToList();

        var saved = await pages.PostFormAsync("/setup/programme", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(10, await App.ReadAsync(async db => (await db.Programmes.AsNoTracking().FirstAsync()).RetentionYearsAfterEnd));
        var (bad, problem) = await commissioner.SendJsonAsync(HttpMethod.Put, "/api/v1/programme", new
        {
            name = programme.GetProperty("name").GetString(),
            startDate = programme.GetProperty("startDate").GetString(),
            endDate = programme.GetProperty("endDate").GetString(),
            engagementThreshold = 3,
            progressionDefinition = programme.GetProperty("progressionDefinition").GetString(),
            sustainmentGapDays = programme.GetProperty("sustainmentGapDays").GetInt32(),
            retentionYearsAfterEnd = -1,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(problem.GetProperty("errors").TryGetProperty("retentionYearsAfterEnd", out _));
        await App.SetRetentionYearsAsync(7);
    }

    private Task<int> LatestListedAsync() =>
        App.ReadAsync(async db => (await db.RetentionReviews.AsNoTracking().ToListAsync()).OrderByDescending(r => r.RunAt).First().ParticipantsListed);

    private Task<Participant> Participant(Guid id) => App.ReadAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == id));
}
