using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Evaluation;

public sealed class TablesTestsOnSqlite(SqliteApp fixture) : TablesTests<SqliteApp>(fixture);

public sealed class TablesTestsOnPostgres(PostgresApp fixture) : TablesTests<PostgresApp>(fixture);

/// <summary>
/// The descriptive tables against counts made here from the raw rows (participants, milestones, barriers,
/// actions, contacts) with this test's own mapping of codes to levels, never the app's; small-cell
/// suppression in what an evaluator sees and downloads; access by role.
/// </summary>
public abstract class TablesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly string[] Cohorts = ["HardestToHelp", "HarderToReach", "RapidProgression", "Employed"];

    private TestApp App => fixture.App;

    private sealed record Raw(
        List<Participant> People, List<ParticipantMilestone> Milestones, List<ParticipantBarrier> Barriers, List<PlanAction> Actions,
        List<Intervention> Contacts, List<Lot> Lots);

    private async Task<Raw> RawAsync()
    {
        await TablesSeed.EnsureAsync(App);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var people = await db.Participants.AsNoTracking().Where(p => p.ErasedAt == null).ToListAsync();
        var ids = people.Select(p => p.Id).ToHashSet();
        return new Raw(
            people,
            [.. (await db.ParticipantMilestones.AsNoTracking().ToListAsync()).Where(m => ids.Contains(m.ParticipantId))],
            [.. (await db.ParticipantBarriers.AsNoTracking().ToListAsync()).Where(m => ids.Contains(m.ParticipantId))],
            [.. (await db.PlanActions.AsNoTracking().ToListAsync()).Where(m => ids.Contains(m.ParticipantId))],
            [.. (await db.Interventions.AsNoTracking().ToListAsync()).Where(m => ids.Contains(m.ParticipantId))],
            await db.Lots.AsNoTracking().ToListAsync());
    }

    /// <summary>This test's own reading of each characteristic's level.</summary>
    private static string LevelOf(string slug, Participant p, Raw raw) => slug switch
    {
        "lot" => raw.Lots.Single(l => l.Id == p.LotId).Code,
        "cohort" => p.Cohort.ToString(),
        "age-band" => p.AgeBand switch { AgeBand.Age16To24 => "16-24", AgeBand.Age25To34 => "25-34", AgeBand.Age35To54 => "35-54", _ => "55+" },
        "sex" => p.Sex ?? "notRecorded",
        "ethnic-group" => p.Ethnicity switch { "whiteBritish" => "white", "pakistani" or "indian" => "asian", "african" => "black", _ => "notRecorded" },
        "health-condition" => p.LongTermCondition ?? "notRecorded",
        "qualification" => p.HighestQualification switch { "level2" => "Level1To2", "level3" => "Level3", "none" => "NoneOrEntry", _ => "notRecorded" },
        "childcare" => p.HasChildcareResponsibilities switch { true => "yes", false => "no", null => "notRecorded" },
        _ => throw new ArgumentOutOfRangeException(nameof(slug)),
    };

    public static TheoryData<string> Slugs => new("lot", "cohort", "age-band", "sex", "ethnic-group", "health-condition", "qualification", "childcare");

    private static Dictionary<(string Row, string Column), JsonElement> Cells(JsonElement table)
    {
        var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToList();
        var cells = new Dictionary<(string, string), JsonElement>();
        foreach (var row in table.GetProperty("rows").EnumerateArray())
        {
            var values = row.GetProperty("cells").EnumerateArray().ToList();
            for (var i = 0; i < columns.Count; i++)
            {
                cells[(row.GetProperty("key").GetString()!, columns[i])] = values[i];
            }
        }

        return cells;
    }

    private static int? Int(JsonElement cell, string name) => cell.GetProperty(name).ValueKind == JsonValueKind.Null ? null : cell.GetProperty(name).GetInt32();

    [Theory]
    [MemberData(nameof(Slugs))]
    public async Task Participants_by_each_characteristic_and_cohort_match_counts_from_the_raw_rows(string slug)
    {
        var raw = await RawAsync();
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var table = await commissioner.GetJsonAsync($"/api/v1/evaluation/tables/participants-by-{slug}");
        Assert.False(table.GetProperty("suppressionApplied").GetBoolean());
        var cells = Cells(table);
        var levels = raw.People.Select(p => LevelOf(slug, p, raw)).Distinct().ToList();

        foreach (var level in levels)
        {
            var inLevel = raw.People.Where(p => LevelOf(slug, p, raw) == level).ToList();
            if (slug == "cohort")
            {
                Assert.Equal(inLevel.Count, Int(cells[(level, "all")], "n"));
                continue;
            }

            Assert.Equal(inLevel.Count, Int(cells[(level, "all")], "n"));
            foreach (var cohort in Cohorts)
            {
                Assert.Equal(inLevel.Count(p => p.Cohort.ToString() == cohort), Int(cells[(level, cohort)], "n"));
            }
        }

        Assert.Equal(raw.People.Count, Int(cells[("total", "all")], "n"));

        // Levels with nobody in them are shown as 0, and everything adds up to the total.
        var rows = table.GetProperty("rows").EnumerateArray().Where(r => !r.GetProperty("isTotal").GetBoolean()).ToList();
        Assert.Equal(raw.People.Count, rows.Sum(r => Int(r.GetProperty("cells").EnumerateArray().Last(), "n")));
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public async Task Job_outcome_sustainment_and_progression_rates_by_each_characteristic_match_the_raw_rows(string slug)
    {
        var raw = await RawAsync();
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        var cells = Cells(await commissioner.GetJsonAsync($"/api/v1/evaluation/tables/outcomes-by-{slug}"));

        bool Has(Participant p, Milestone m) => raw.Milestones.Any(x => x.ParticipantId == p.Id && x.Milestone == m);

        // Every seeded job outcome is in 2019 or 2020, long enough before the programme's end for 13 weeks of follow-up.
        void Check(string row, IReadOnlyCollection<Participant> people)
        {
            var outOfWork = people.Where(p => p.Cohort != Cohort.Employed).ToList();
            var jobs = people.Where(p => Has(p, Milestone.JobOutcome)).ToList();
            var inWork = people.Where(p => p.Cohort == Cohort.Employed || Has(p, Milestone.JobOutcome)).ToList();
            Assert.Equal(outOfWork.Count, Int(cells[(row, "jobOutcome")], "n"));
            Assert.Equal(outOfWork.Count(p => Has(p, Milestone.JobOutcome)), Int(cells[(row, "jobOutcome")], "count"));
            Assert.Equal(jobs.Count, Int(cells[(row, "sustained13Weeks")], "n"));
            Assert.Equal(jobs.Count(p => Has(p, Milestone.Sustained13Weeks)), Int(cells[(row, "sustained13Weeks")], "count"));
            Assert.Equal(inWork.Count, Int(cells[(row, "progression")], "n"));
            Assert.Equal(inWork.Count(p => Has(p, Milestone.Progression)), Int(cells[(row, "progression")], "count"));
            var rate = cells[(row, "jobOutcome")].GetProperty("rate");
            if (outOfWork.Count > 0)
            {
                Assert.Equal(Math.Round((decimal)outOfWork.Count(p => Has(p, Milestone.JobOutcome)) / outOfWork.Count, 4), rate.GetDecimal());
            }
        }

        foreach (var level in raw.People.Select(p => LevelOf(slug, p, raw)).Distinct())
        {
            Check(level, [.. raw.People.Where(p => LevelOf(slug, p, raw) == level)]);
        }

        Check("total", raw.People);
    }

    [Fact]
    public async Task Barriers_actions_channels_and_delivery_modes_match_the_raw_rows()
    {
        var raw = await RawAsync();
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var barriers = Cells(await commissioner.GetJsonAsync("/api/v1/evaluation/tables/barriers"));
        foreach (var barrier in new[] { "lowConfidence", "debt", "transport" })
        {
            foreach (var cohort in Cohorts)
            {
                var people = raw.People.Where(p => p.Cohort.ToString() == cohort).ToList();
                Assert.Equal(people.Count, Int(barriers[(barrier, cohort)], "n"));
                Assert.Equal(people.Count(p => raw.Barriers.Any(b => b.ParticipantId == p.Id && b.Barrier == barrier)), Int(barriers[(barrier, cohort)], "count"));
            }

            Assert.Equal(raw.People.Count, Int(barriers[(barrier, "all")], "n"));
            Assert.Equal(raw.Barriers.Where(b => b.Barrier == barrier).Select(b => b.ParticipantId).Distinct().Count(), Int(barriers[(barrier, "all")], "count"));
        }

        var actions = Cells(await commissioner.GetJsonAsync("/api/v1/evaluation/tables/actions"));
        foreach (var action in new[] { "workExperience", "identifyMatchingJobs", "cv" })
        {
            var identified = raw.Actions.Where(a => a.Action == action).Select(a => a.ParticipantId).Distinct().Count();
            var done = raw.Actions.Where(a => a.Action == action && a.Status == ActionStatus.Completed).Select(a => a.ParticipantId).Distinct().Count();
            Assert.Equal(identified, Int(actions[(action, "implemented")], "n"));
            Assert.Equal(done, Int(actions[(action, "implemented")], "count"));
        }

        // More participants had work experience identified than implemented it, as the documents found.
        Assert.True(Int(actions[("workExperience", "implemented")], "n") > Int(actions[("workExperience", "implemented")], "count"));

        var channels = Cells(await commissioner.GetJsonAsync("/api/v1/evaluation/tables/recruitment-channels"));
        foreach (var channel in new[] { "jobcentrePlus", "wordOfMouth", "leaflet" })
        {
            foreach (var cohort in Cohorts)
            {
                Assert.Equal(raw.People.Count(p => p.RecruitmentChannel == channel && p.Cohort.ToString() == cohort), Int(channels[(channel, cohort)], "n"));
            }
        }

        Assert.Equal(raw.People.Count(p => p.RecruitmentChannel is null), Int(channels[("notRecorded", "all")], "n"));

        var modes = Cells(await commissioner.GetJsonAsync("/api/v1/evaluation/tables/delivery-modes"));
        var lockdown = new DateOnly(2020, 3, 23);
        var reopened = new DateOnly(2021, 7, 19);
        foreach (var mode in Enum.GetValues<InterventionMode>())
        {
            var contacts = raw.Contacts.Where(c => c.Mode == mode).ToList();
            Assert.Equal(contacts.Count(c => c.Date < lockdown), Int(modes[(mode.ToString(), "beforeRestrictions")], "n"));
            Assert.Equal(contacts.Count(c => c.Date >= lockdown && c.Date < reopened), Int(modes[(mode.ToString(), "restrictions")], "n"));
            Assert.Equal(contacts.Count(c => c.Date >= reopened), Int(modes[(mode.ToString(), "afterRestrictions")], "n"));
            Assert.Equal(contacts.Count, Int(modes[(mode.ToString(), "all")], "n"));
        }

        Assert.Equal(raw.Contacts.Count, Int(modes[("total", "all")], "n"));
    }

    [Fact]
    public async Task Caseload_bands_and_cost_per_outcome_count_every_participant_and_outcome()
    {
        var raw = await RawAsync();
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);

        var caseload = Cells(await commissioner.GetJsonAsync("/api/v1/evaluation/tables/outcomes-by-caseload"));
        Assert.Equal(raw.People.Count(p => p.Cohort != Cohort.Employed), Int(caseload[("total", "jobOutcome")], "n"));

        // Each seeded lot's advisor has about 47 participants: all of them in the "1 to 49" band.
        var withAdvisor = raw.People.Where(p => p.AdvisorId is not null && p.Cohort != Cohort.Employed).ToList();
        Assert.Equal(withAdvisor.Count, Int(caseload[("1 to 49", "jobOutcome")], "n"));
        Assert.Equal(
            withAdvisor.Count(p => raw.Milestones.Any(m => m.ParticipantId == p.Id && m.Milestone == Milestone.JobOutcome)),
            Int(caseload[("1 to 49", "jobOutcome")], "count"));

        // Cost per outcome: N is each lot's outcomes to date (erased participants' milestones included, as Performance counts them).
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var allMilestones = await db.ParticipantMilestones.AsNoTracking().Join(db.Participants, m => m.ParticipantId, p => p.Id, (m, p) => new { p.LotId, m.Milestone }).ToListAsync(TestContext.Current.CancellationToken);
        var costs = Cells(await commissioner.GetJsonAsync("/api/v1/evaluation/tables/cost-per-outcome"));
        foreach (var lot in raw.Lots)
        {
            Assert.Equal(allMilestones.Count(m => m.LotId == lot.Id && m.Milestone == Milestone.JobOutcome), Int(costs[(lot.Code, "jobOutcome")], "n"));
            Assert.Equal(allMilestones.Count(m => m.LotId == lot.Id && m.Milestone == Milestone.Sustained13Weeks), Int(costs[(lot.Code, "sustained13Weeks")], "n"));
        }

        Assert.Equal(allMilestones.Count(m => m.Milestone == Milestone.JobOutcome), Int(costs[("total", "jobOutcome")], "n"));
    }

    [Fact]
    public async Task An_evaluator_gets_small_cells_hidden_and_the_cell_a_total_would_give_away_hidden_too()
    {
        await TablesSeed.EnsureAsync(App);
        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
        var table = await evaluator.GetJsonAsync("/api/v1/evaluation/tables/participants-by-sex");
        Assert.True(table.GetProperty("suppressionApplied").GetBoolean());
        Assert.Contains("[c]", table.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var cells = Cells(table);

        // 3 men in work (primary); then 15 men in Rapid Progression (the row would give the 3 away), 12 women in work
        // (the column would), and 15 women in Rapid Progression (their row would give the 12 away).
        (string, string)[] hidden = [("male", "Employed"), ("male", "RapidProgression"), ("female", "Employed"), ("female", "RapidProgression")];
        foreach (var (key, cell) in cells)
        {
            var isHidden = hidden.Contains(key);
            Assert.Equal(isHidden, cell.GetProperty("suppressed").GetBoolean());
            Assert.Equal(isHidden, cell.GetProperty("n").ValueKind == JsonValueKind.Null);
        }

        Assert.Equal(30, Int(cells[("female", "HardestToHelp")], "n"));
        Assert.Equal(77, Int(cells[("female", "all")], "n"));
        Assert.Equal(63, Int(cells[("male", "all")], "n"));
        Assert.Equal(15, Int(cells[("total", "Employed")], "n"));
        Assert.Equal(4, table.GetProperty("suppressedCells").GetInt32());

        // The commissioner sees the whole table unless asking for the evaluator's view.
        using var commissioner = await App.ApiClientAsync(DemoUsers.Commissioner);
        Assert.Equal(3, Int(Cells(await commissioner.GetJsonAsync("/api/v1/evaluation/tables/participants-by-sex"))[("male", "Employed")], "n"));
        var asEvaluator = Cells(await commissioner.GetJsonAsync("/api/v1/evaluation/tables/participants-by-sex?asEvaluator=true"));
        Assert.True(asEvaluator[("male", "Employed")].GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task No_table_shows_an_evaluator_a_count_from_1_to_9_nor_one_a_total_gives_away()
    {
        await TablesSeed.EnsureAsync(App);
        using var evaluator = await App.ApiClientAsync(DemoUsers.Evaluator);
        var list = await evaluator.GetJsonAsync("/api/v1/evaluation/tables");
        Assert.True(list.GetProperty("suppressionApplied").GetBoolean());
        var ids = list.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
        Assert.Equal(22, ids.Count);
        static bool Small(int? value) => value is > 0 and < 10;
        foreach (var id in ids)
        {
            var table = await evaluator.GetJsonAsync($"/api/v1/evaluation/tables/{id}");
            Assert.True(table.GetProperty("suppressionApplied").GetBoolean(), id);
            var kinds = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ToList();
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                foreach (var (cell, kind) in row.GetProperty("cells").EnumerateArray().Zip(kinds))
                {
                    var n = Int(cell, "n");
                    Assert.False(Small(n), $"{id}: {row.GetProperty("key")} shows n = {n}");
                    if (kind == "Rate" && Int(cell, "count") is { } count)
                    {
                        Assert.False(Small(count), $"{id}: {row.GetProperty("key")} shows count = {count}");
                        Assert.False(Small(n - count), $"{id}: {row.GetProperty("key")} gives away {n - count} without the outcome");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Pages_show_the_evaluator_c_for_hidden_cells_and_downloads_are_always_suppressed()
    {
        await TablesSeed.EnsureAsync(App);
        using var evaluator = await App.SignInAsync(DemoUsers.Evaluator);
        var landing = await evaluator.GetPageAsync("/evaluation");
        foreach (var href in new[] { "/evaluation/tables", "/evaluation/models", "/evaluation/indicators", "/evaluation/report", "/api/v1/evaluation/extract?format=csv", "/api/v1/evaluation/extract?format=xlsx" })
        {
            Assert.NotNull(landing.QuerySelector($"main a[href='{href}']"));
        }

        var list = await evaluator.GetPageAsync("/evaluation/tables");
        Assert.Equal(22, list.QuerySelectorAll("main ul.govuk-list a").Length);

        var page = await evaluator.GetPageAsync("/evaluation/tables/participants-by-sex");
        var cell = page.QuerySelector("tr[data-row='male'] td[data-column='Employed']")!;
        Assert.Equal("true", cell.GetAttribute("data-suppressed"));
        Assert.Contains("[c]", cell.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#suppression"));
        Assert.Null(page.QuerySelector("a[href$='?view=evaluator']"));

        using var commissioner = await App.SignInAsync(DemoUsers.Commissioner);
        var whole = await commissioner.GetPageAsync("/evaluation/tables/participants-by-sex");
        Assert.Equal("3", whole.QuerySelector("tr[data-row='male'] td[data-column='Employed'] .app-figure")!.TextContent.Trim());
        var asEvaluator = await commissioner.GetPageAsync("/evaluation/tables/participants-by-sex?view=evaluator");
        Assert.Contains("[c]", asEvaluator.QuerySelector("tr[data-row='male'] td[data-column='Employed']")!.TextContent, StringComparison.Ordinal);

        var csv = await commissioner.GetAsync("/evaluation/tables/participants-by-sex?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var male = text.Split("\r\n").Single(l => l.StartsWith("Male,", StringComparison.Ordinal));
        Assert.Contains("[c]", male, StringComparison.Ordinal);
        Assert.DoesNotContain(",3,", male, StringComparison.Ordinal);
        var xlsx = await evaluator.GetAsync("/evaluation/tables/participants-by-sex?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_evaluators_and_commissioners_may_see_the_tables(string email)
    {
        using var api = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);
        var allowed = email is DemoUsers.Evaluator or DemoUsers.Commissioner;
        var expected = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        Assert.Equal(expected, (await api.GetAsync("/api/v1/evaluation/tables")).StatusCode);
        Assert.Equal(expected, (await api.GetAsync("/api/v1/evaluation/tables/participants-by-lot")).StatusCode);
        Assert.Equal(allowed ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/evaluation/tables/no-such-table")).StatusCode);
        foreach (var url in new[] { "/evaluation", "/evaluation/tables", "/evaluation/tables/participants-by-lot" })
        {
            var response = await pages.GetAsync(url);
            if (allowed)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                // Pages send a signed-in user without the role to the access denied page.
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.Contains("denied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync("/evaluation/tables/no-such-table")).StatusCode);
        }
    }
}
