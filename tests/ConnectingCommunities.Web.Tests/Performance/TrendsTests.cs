using System.Globalization;
using System.Net;
using System.Text;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Performance;

public sealed class TrendsTestsOnSqlite(SqliteApp fixture) : TrendsTests<SqliteApp>(fixture);

public sealed class TrendsTestsOnPostgres(PostgresApp fixture) : TrendsTests<PostgresApp>(fixture);

/// <summary>
/// The trends page. Each test puts its own participants, contacts and milestones into a lot in a
/// period no other test uses, then checks the page's figures (through its CSV downloads) against
/// counts worked out here from the raw rows.
/// </summary>
public abstract class TrendsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_commissioners_and_provider_managers_see_trends(string email)
    {
        using var client = await App.SignInAsync(email);
        var allowed = email == DemoUsers.Commissioner || email.StartsWith("manager.", StringComparison.Ordinal);
        foreach (var url in new[] { "/performance/trends", "/performance/trends?table=modes&format=csv" })
        {
            var response = await client.GetAsync(url);
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == response.StatusCode, $"{email} {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_provider_manager_gets_not_found_for_another_lot_its_downloads_included()
    {
        using var manager = await App.SignInAsync(DemoUsers.Manager("WH"));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/performance/trends?lotCode=WH")).StatusCode);
        foreach (var url in new[] { "/performance/trends?lotCode=SE", "/performance/trends?lotCode=SE&table=cohorts&format=csv", "/performance/trends?lotCode=SE&table=modes&format=xlsx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(url)).StatusCode);
        }

        var page = await manager.GetPageAsync("/performance/trends");
        // A manager of one lot has no lot choice to make, and the page names their lots.
        Assert.Null(page.QuerySelector("select[name=lotCode]"));
        Assert.Contains("Your lots", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_filters_are_named_and_nothing_is_charted()
    {
        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var page = await client.GetPageAsync("/performance/trends?from=1-4-2020&to=2020-02-30&milestone=Lunch&cohort=Nobody");
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("yyyy-MM-dd", summary, StringComparison.Ordinal);
        Assert.Contains("milestone", summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Cohort", summary, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("svg"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/performance/trends?table=modes&format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/performance/trends?table=nothing&format=csv")).StatusCode);
    }

    [Fact]
    public async Task Registrations_by_cohort_and_channel_match_the_raw_rows()
    {
        // Lot CN, January to March 2016: before the programme, so no other test's participants are in it.
        var cohorts = new[] { Cohort.HardestToHelp, Cohort.Employed, Cohort.RapidProgression, Cohort.HardestToHelp, Cohort.HarderToReach };
        var channels = new[] { "leaflet", "jobcentrePlus", null, "wordOfMouth", "jobcentrePlus" };
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            await App.AddAsync("CN", p =>
            {
                p.RegisteredOn = new DateOnly(2016, 1 + (n % 3), 5 + n);
                p.Cohort = cohorts[n % cohorts.Length];
                p.RecruitmentChannel = channels[n % channels.Length];
            });
        }

        var raw = await RawAsync(db => db.Participants.Where(p => p.Lot!.Code == "CN" && p.RegisteredOn >= new DateOnly(2016, 1, 1) && p.RegisteredOn <= new DateOnly(2016, 3, 31))
            .Select(p => new { p.RegisteredOn, p.Cohort, p.RecruitmentChannel }).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(10, raw.Count);

        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var cohortCsv = await PerformanceCsv.CsvAsync(client, "/performance/trends?lotCode=CN&from=2016-01-01&to=2016-03-31&table=cohorts&format=csv");
        Assert.Equal(["Month", "Hardest to Help", "Harder to Reach", "Rapid Progression", "Employed", "Total"], cohortCsv[0]);
        for (var month = 1; month <= 3; month++)
        {
            var row = cohortCsv[month];
            Assert.Equal(new DateOnly(2016, month, 1).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), row[0]);
            var inMonth = raw.Where(r => r.RegisteredOn.Month == month).ToList();
            Assert.Equal(inMonth.Count(r => r.Cohort == Cohort.HardestToHelp).ToString(CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(inMonth.Count(r => r.Cohort == Cohort.HarderToReach).ToString(CultureInfo.InvariantCulture), row[2]);
            Assert.Equal(inMonth.Count(r => r.Cohort == Cohort.RapidProgression).ToString(CultureInfo.InvariantCulture), row[3]);
            Assert.Equal(inMonth.Count(r => r.Cohort == Cohort.Employed).ToString(CultureInfo.InvariantCulture), row[4]);
            Assert.Equal(inMonth.Count.ToString(CultureInfo.InvariantCulture), row[5]);
        }

        var totals = await PerformanceCsv.CsvAsync(client, "/performance/trends?lotCode=CN&from=2016-01-01&to=2016-03-31&table=channel-totals&format=csv");
        string Total(string startsWith) => totals.Single(r => r[0].StartsWith(startsWith, StringComparison.Ordinal))[1];
        Assert.Equal(raw.Count(r => r.RecruitmentChannel == "jobcentrePlus").ToString(CultureInfo.InvariantCulture), Total("Jobcentre Plus referral"));
        Assert.Equal(raw.Count(r => r.RecruitmentChannel == "leaflet").ToString(CultureInfo.InvariantCulture), Total("Leaflet or poster"));
        Assert.Equal(raw.Count(r => r.RecruitmentChannel is null).ToString(CultureInfo.InvariantCulture), Total("Not recorded"));

        // The whole programme includes the lot's registrations; a cohort filter keeps only that cohort.
        var employed = await PerformanceCsv.CsvAsync(client, "/performance/trends?from=2016-01-01&to=2016-03-31&cohort=Employed&table=cohorts&format=csv");
        Assert.Equal(raw.Count(r => r.Cohort == Cohort.Employed).ToString(CultureInfo.InvariantCulture), employed.Skip(1).Select(r => int.Parse(r[^1], CultureInfo.InvariantCulture)).Sum().ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Contacts_by_mode_show_the_move_from_face_to_face_and_match_the_raw_rows()
    {
        var participant = await App.AddAsync("BB", p => p.RegisteredOn = new DateOnly(2015, 1, 2));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            void Contact(DateOnly date, InterventionMode mode) => db.Interventions.Add(new Intervention
            {
                ParticipantId = participant.Id,
                Date = date,
                Mode = mode,
                ActivityType = ActivityType.InformationAdviceGuidance,
                DurationMinutes = 30,
                IsMeaningful = true,
                RecordedAt = DateTimeOffset.UtcNow,
            });
            Contact(new DateOnly(2015, 2, 3), InterventionMode.FaceToFace);
            Contact(new DateOnly(2015, 2, 10), InterventionMode.FaceToFace);
            Contact(new DateOnly(2015, 2, 17), InterventionMode.Telephone);
            Contact(new DateOnly(2015, 4, 1), InterventionMode.Video);
            Contact(new DateOnly(2015, 4, 8), InterventionMode.OnlineMessage);
            Contact(new DateOnly(2015, 4, 30), InterventionMode.FaceToFace);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var raw = await RawAsync(db => db.Interventions.Where(i => i.Date >= new DateOnly(2015, 2, 1) && i.Date <= new DateOnly(2015, 4, 30)
                && db.Participants.Any(p => p.Id == i.ParticipantId && p.Lot!.Code == "BB"))
            .Select(i => new { i.Date, i.Mode }).ToListAsync(TestContext.Current.CancellationToken));

        using var manager = await App.SignInAsync(DemoUsers.Manager("BB"));
        var csv = await PerformanceCsv.CsvAsync(manager, "/performance/trends?from=2015-02-01&to=2015-04-30&table=modes&format=csv");
        Assert.Equal(["Month", "Face to face", "Telephone", "Video call", "Online message", "Group session", "Total"], csv[0]);
        Assert.Equal(4, csv.Count);
        foreach (var (row, month) in new[] { (csv[1], 2), (csv[2], 3), (csv[3], 4) })
        {
            var inMonth = raw.Where(r => r.Date.Month == month).ToList();
            Assert.Equal(inMonth.Count(r => r.Mode == InterventionMode.FaceToFace).ToString(CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(inMonth.Count(r => r.Mode == InterventionMode.Telephone).ToString(CultureInfo.InvariantCulture), row[2]);
            Assert.Equal(inMonth.Count(r => r.Mode == InterventionMode.Video).ToString(CultureInfo.InvariantCulture), row[3]);
            Assert.Equal(inMonth.Count(r => r.Mode == InterventionMode.OnlineMessage).ToString(CultureInfo.InvariantCulture), row[4]);
            Assert.Equal(inMonth.Count.ToString(CultureInfo.InvariantCulture), row[6]);
        }

        var xlsx = await manager.GetAsync("/performance/trends?from=2015-02-01&to=2015-04-30&table=modes&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task The_cumulative_actual_is_counted_from_the_period_start_against_the_profile_in_force()
    {
        // Engaged milestones in lot GL, which the seed gives targets for; dates before the programme so none but these count.
        var dates = new[] { new DateOnly(2014, 1, 10), new DateOnly(2014, 1, 20), new DateOnly(2014, 3, 5) };
        foreach (var date in dates)
        {
            var p = await App.AddAsync("GL", x => x.RegisteredOn = date.AddDays(-5));
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = p.Id, Milestone = Milestone.Engaged, AchievedOn = date });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var csv = await PerformanceCsv.CsvAsync(client, "/performance/trends?lotCode=GL&milestone=Engaged&from=2014-01-01&to=2014-03-31&table=cumulative&format=csv");
        Assert.Equal("Engaged: actual", csv[0][1]);
        Assert.Equal(["2", "2", "3"], csv.Skip(1).Select(r => r[1]));

        var page = await client.GetPageAsync("/performance/trends?lotCode=GL&milestone=Engaged&from=2014-01-01&to=2014-03-31");
        var svg = page.QuerySelector("#trend-cumulative-figure svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("trend-cumulative-title trend-cumulative-desc", svg.GetAttribute("aria-labelledby"));
        Assert.NotNull(page.GetElementById("trend-cumulative-title"));
        Assert.Contains("3 engaged milestones", page.GetElementById("trend-cumulative-desc")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#trend-cumulative-table caption"));
        Assert.All(page.QuerySelectorAll("#trend-cumulative-table tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        Assert.Equal(4, page.QuerySelectorAll("figure svg[role=img]").Length);

        // A cohort has no target of its own, so the profile is left out rather than compared with part of the caseload.
        var cohort = await PerformanceCsv.CsvAsync(client, "/performance/trends?lotCode=GL&milestone=Engaged&cohort=HardestToHelp&from=2014-01-01&to=2014-03-31&table=cumulative&format=csv");
        Assert.Equal(2, cohort[0].Count);
    }

    [Fact]
    public async Task The_profile_spreads_each_quarter_in_force_over_its_days_and_shows_the_original_after_a_variation()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            var lot = await db.Lots.SingleAsync(l => l.Code == "CH", TestContext.Current.CancellationToken);
            // Quarters in 2013, far from the seed's: 90 in Q1; Q2 agreed as 91 and varied to 182 from its start.
            db.Targets.Add(new Target { LotId = lot.Id, Milestone = Milestone.Progression, QuarterStart = new DateOnly(2013, 1, 1), Count = 90, EffectiveFrom = new DateOnly(2012, 12, 1) });
            db.Targets.Add(new Target { LotId = lot.Id, Milestone = Milestone.Progression, QuarterStart = new DateOnly(2013, 4, 1), Count = 91, EffectiveFrom = new DateOnly(2012, 12, 1) });
            db.Targets.Add(new Target { LotId = lot.Id, Milestone = Milestone.Progression, QuarterStart = new DateOnly(2013, 4, 1), Count = 182, EffectiveFrom = new DateOnly(2013, 4, 1), Reason = "Variation" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var client = await App.SignInAsync(DemoUsers.Commissioner);
        var csv = await PerformanceCsv.CsvAsync(client, "/performance/trends?lotCode=CH&milestone=Progression&from=2013-01-01&to=2013-06-30&table=cumulative&format=csv");
        Assert.Equal(["Month", "Progression: actual", "Profile in force", "Original profile"], csv[0]);
        // January: 31 of Q1's 90 days of 90; end of March: all 90; April: 30 of 91 days of 182 (60); June: 90 + 182.
        Assert.Equal("31", csv[1][2]);
        Assert.Equal("90", csv[3][2]);
        Assert.Equal("150", csv[4][2]);
        Assert.Equal("272", csv[6][2]);
        Assert.Equal("120", csv[4][3]);
        Assert.Equal("181", csv[6][3]);
    }

    private async Task<T> RawAsync<T>(Func<CcDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CcDbContext>());
    }
}

/// <summary>Reads the performance pages' CSV downloads.</summary>
internal static class PerformanceCsv
{
    /// <summary>The CSV download as rows of cells (no quoted commas in these tables).</summary>
    public static async Task<List<List<string>>> CsvAsync(TestClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',').Select(c => c.Trim('"')).ToList())];
    }
}
