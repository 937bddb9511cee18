using System.Net;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Evaluation;
using ConnectingCommunities.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Web.Tests.Evaluation;

public sealed class ModelsApiTestsOnSqlite(EvaluationDemoSqliteApp fixture) : ModelsApiTests<EvaluationDemoSqliteApp>(fixture);

public sealed class ModelsApiTestsOnPostgres(EvaluationDemoPostgresApp fixture) : ModelsApiTests<EvaluationDemoPostgresApp>(fixture);

/// <summary>The three models through the API and the pages, on a demo caseload; populations checked against raw rows.</summary>
public abstract class ModelsApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EvaluationDemoApp
{
    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Models = ["job-outcome", "sustainment-13-weeks", "progression"];

    private static JsonElement Term(JsonElement body, string name) =>
        body.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("term").GetString() == name);

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_evaluators_and_the_commissioner_may_run_the_models(string email)
    {
        using var api = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);
        var allowed = email is DemoUsers.Evaluator or DemoUsers.Commissioner;
        var expected = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        Assert.Equal(expected, (await api.GetAsync("/api/v1/evaluation/models/job-outcome")).StatusCode);
        foreach (var page in new[] { "/evaluation/models", "/evaluation/models/job-outcome", "/evaluation/models/progression?covariates=cohort" })
        {
            var response = await pages.GetAsync(page);
            Assert.True(expected == response.StatusCode, $"{email} {page}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Without_a_token_the_models_API_answers_401()
    {
        using var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/evaluation/models/job-outcome")).StatusCode);
    }

    [Fact]
    public async Task The_job_outcome_model_has_the_documents_terms_and_fit()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Evaluator);
        var body = await client.GetJsonAsync("/api/v1/evaluation/models/job-outcome");

        Assert.True(body.GetProperty("n").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Number, body.GetProperty("nDropped").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("warnings").ValueKind);
        foreach (var name in new[] { "cohort=RapidProgression", "cohort=HarderToReach", "ageBand=35-54", "ageBand=16-24", "healthCondition=Yes", "identifyMatchingJobs=Yes" })
        {
            var term = Term(body, name);
            var or = term.GetProperty("oddsRatio").GetDouble();
            Assert.InRange(or, term.GetProperty("ciLower").GetDouble(), term.GetProperty("ciUpper").GetDouble());
            Assert.InRange(term.GetProperty("p").GetDouble(), 0, 1);
            Assert.True(term.GetProperty("n").GetInt32() > 0, name);
        }

        // Out-of-work cohorts only: nobody of the Employed cohort, so no term for them.
        Assert.DoesNotContain(body.GetProperty("terms").EnumerateArray(), t => t.GetProperty("term").GetString() == "cohort=Employed");
        Assert.Equal("HardestToHelp", body.GetProperty("references").GetProperty("cohort").GetString());
        Assert.Equal("25-34", body.GetProperty("references").GetProperty("ageBand").GetString());
        var deviance = body.GetProperty("deviance").GetDouble();
        Assert.True(deviance < body.GetProperty("nullDeviance").GetDouble());
        Assert.True(body.GetProperty("aic").GetDouble() > deviance);
    }

    [Fact]
    public async Task Each_model_is_fitted_on_its_own_population_counted_from_raw_rows()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var end = await scope.ServiceProvider.GetRequiredService<EvaluationDataset>().FollowUpEndAsync(Ct);
        var people = await db.Participants.AsNoTracking().Where(p => p.ErasedAt == null).Select(p => new { p.Id, p.Cohort }).ToListAsync(Ct);
        var milestones = await db.ParticipantMilestones.AsNoTracking().Select(m => new { m.ParticipantId, m.Milestone, m.AchievedOn }).ToListAsync(Ct);
        var jobs = milestones.Where(m => m.Milestone == Milestone.JobOutcome).ToDictionary(m => m.ParticipantId, m => m.AchievedOn);
        bool Has(Guid id, Milestone milestone) => milestones.Exists(m => m.ParticipantId == id && m.Milestone == milestone);

        var jobPopulation = people.Where(p => p.Cohort != Cohort.Employed).ToList();
        var sustainPopulation = people.Where(p => jobs.TryGetValue(p.Id, out var on) && on.AddDays(91) <= end).ToList();
        var progressionPopulation = people.Where(p => p.Cohort == Cohort.Employed || jobs.ContainsKey(p.Id)).ToList();
        var expected = new Dictionary<string, (int N, int Events)>
        {
            ["job-outcome"] = (jobPopulation.Count, jobPopulation.Count(p => jobs.ContainsKey(p.Id))),
            ["sustainment-13-weeks"] = (sustainPopulation.Count, sustainPopulation.Count(p => Has(p.Id, Milestone.Sustained13Weeks))),
            ["progression"] = (progressionPopulation.Count, progressionPopulation.Count(p => Has(p.Id, Milestone.Progression))),
        };

        using var client = await App.ApiClientAsync(DemoUsers.Commissioner);
        foreach (var model in Models)
        {
            // Cohort and age band are never missing, so everyone in the population is used.
            var body = await client.GetJsonAsync($"/api/v1/evaluation/models/{model}?covariates=cohort,ageBand");
            Assert.True(expected[model].N > 0, model);
            Assert.Equal(expected[model].N, body.GetProperty("n").GetInt32());
            Assert.Equal(0, body.GetProperty("nDropped").GetInt32());
            Assert.Equal(expected[model].Events, body.GetProperty("events").GetInt32());

            // With every covariate, those used and those left out still make the population.
            var full = await client.GetJsonAsync($"/api/v1/evaluation/models/{model}");
            Assert.Equal(expected[model].N, full.GetProperty("n").GetInt32() + full.GetProperty("nDropped").GetInt32());
            Assert.Equal(expected[model].N, full.GetProperty("populationSize").GetInt32());
        }
    }

    [Fact]
    public async Task Changing_a_reference_level_inverts_the_odds_ratio_between_the_two_levels()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Evaluator);
        var usual = await client.GetJsonAsync("/api/v1/evaluation/models/job-outcome?covariates=cohort,ageBand");
        var changed = await client.GetJsonAsync("/api/v1/evaluation/models/job-outcome?covariates=cohort,ageBand&reference.ageBand=35-54");

        Assert.Equal("35-54", changed.GetProperty("references").GetProperty("ageBand").GetString());
        Assert.DoesNotContain(changed.GetProperty("terms").EnumerateArray(), t => t.GetProperty("term").GetString() == "ageBand=35-54");
        var before = Term(usual, "ageBand=35-54").GetProperty("oddsRatio").GetDouble();
        var after = Term(changed, "ageBand=25-34").GetProperty("oddsRatio").GetDouble();
        Assert.Equal(1 / before, after, 1e-6);
        Assert.Equal(usual.GetProperty("deviance").GetDouble(), changed.GetProperty("deviance").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task Bad_input_is_named_with_the_allowed_values()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Evaluator);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/evaluation/models/happiness")).StatusCode);

        var covariate = await client.GetJsonAsync("/api/v1/evaluation/models/job-outcome?covariates=cohort,shoeSize", HttpStatusCode.BadRequest);
        var message = covariate.GetProperty("errors").GetProperty("covariates")[0].GetString()!;
        Assert.Contains("shoeSize", message, StringComparison.Ordinal);
        Assert.Contains("ageBand", message, StringComparison.Ordinal);

        var level = await client.GetJsonAsync("/api/v1/evaluation/models/progression?reference.ageBand=99-100", HttpStatusCode.BadRequest);
        var levelMessage = level.GetProperty("errors").GetProperty("reference.ageBand")[0].GetString()!;
        Assert.Contains("25-34", levelMessage, StringComparison.Ordinal);
        Assert.Contains("35-54", levelMessage, StringComparison.Ordinal);

        var unknown = await client.GetJsonAsync("/api/v1/evaluation/models/progression?reference.height=tall", HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("reference.height", out _));

        var lot = await client.GetJsonAsync("/api/v1/evaluation/models/job-outcome?reference.lot=ZZ", HttpStatusCode.BadRequest);
        Assert.Contains("WH", lot.GetProperty("errors").GetProperty("reference.lot")[0].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_page_shows_the_table_forest_plot_and_fit_and_names_bad_input()
    {
        using var client = await App.SignInAsync(DemoUsers.Evaluator);
        var index = await client.GetPageAsync("/evaluation/models");
        Assert.Equal(3, index.QuerySelectorAll("a[href^='/evaluation/models/']").Length);

        var page = await client.GetPageAsync("/evaluation/models/job-outcome?covariates=cohort&covariates=ageBand&covariates=healthCondition&reference.ageBand=35-54");
        var svg = page.QuerySelector("#forest-plot svg");
        Assert.True(svg is not null, "forest plot");
        Assert.Equal("img", svg!.GetAttribute("role"));
        var table = page.QuerySelector("#model-terms");
        Assert.True(table is not null, "terms table");
        Assert.Contains("ageBand=25-34", table!.TextContent, StringComparison.Ordinal);
        Assert.Contains("35 to 54 (reference)", table.TextContent, StringComparison.Ordinal);
        Assert.Equal("35-54", page.QuerySelector("select[name='reference.ageBand'] option[selected]")?.GetAttribute("value"));
        Assert.True(page.QuerySelector("#model-fit") is not null, "fit");

        var bad = await client.GetPageAsync("/evaluation/models/job-outcome?reference.ageBand=99");
        Assert.True(bad.QuerySelector(".govuk-error-summary") is not null, "error summary");
        Assert.Null(bad.QuerySelector("#model-terms"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/evaluation/models/happiness")).StatusCode);
    }
}
