using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Evaluation.Models;

/// <summary>One term in the API: the odds ratio of a level against the reference, its 95% CI, p and N.</summary>
public sealed record ModelTermJson(
    string Term, string Covariate, string Level, string Reference, double? OddsRatio, double? CiLower, double? CiUpper, double? P,
    int N, int Events, double? Estimate, double? StandardError);

public sealed record ModelReferenceJson(string Covariate, string Level, int N, int Events);

public sealed record ModelDroppedJson(string Covariate, int N);

/// <summary>The answer of GET /api/v1/evaluation/models/{model}.</summary>
public sealed record ModelJson(
    string Model,
    string Title,
    string Population,
    string Outcome,
    int PopulationSize,
    int N,
    int NDropped,
    int Events,
    IReadOnlyList<ModelDroppedJson> DroppedBecause,
    int ErasedExcluded,
    IReadOnlyList<string> Covariates,
    IReadOnlyDictionary<string, string> References,
    IReadOnlyList<ModelTermJson> Terms,
    IReadOnlyList<ModelReferenceJson> ReferenceLevels,
    double? Deviance,
    double? NullDeviance,
    double? Aic,
    bool Converged,
    IReadOnlyList<string> Warnings,
    double FittedInSeconds)
{
    public static ModelJson Of(ModelResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ModelJson(
            result.Model.Slug, result.Model.Title, result.Model.Population, result.Model.Outcome,
            result.Population, result.N, result.NDropped, result.Events,
            [.. result.DroppedBecause.Select(d => new ModelDroppedJson(d.Covariate, d.N))],
            result.ErasedExcluded,
            [.. result.Covariates.Select(c => c.Name)],
            result.References,
            [.. result.Terms.Select(t => new ModelTermJson(
                t.Term, t.Covariate, t.Level, t.Reference, Finite(t.OddsRatio), Finite(t.CiLower), Finite(t.CiUpper), Finite(t.P), t.N, t.Events,
                Finite(t.Estimate), Finite(t.StandardError)))],
            [.. result.ReferenceLevels.Select(r => new ModelReferenceJson(r.Covariate, r.Level, r.N, r.Events))],
            Finite(result.Deviance), Finite(result.NullDeviance), Finite(result.Aic), result.Converged, result.Warnings,
            Math.Round(result.FittedIn.TotalSeconds, 3));
    }

    /// <summary>
    /// JSON has no infinity: an interval that runs off to infinity (separation, which a warning explains) is null.
    /// </summary>
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}

public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluation/models").WithTags("Evaluation").RequireAuthorization(Policies.Evaluation);
        group.MapGet("/{model}", GetAsync)
            .WithSummary("Fits one of the evaluation's three logistic regressions (job-outcome, sustainment-13-weeks, progression)")
            .WithDescription("Query: covariates=cohort,ageBand (default: all of cohort, ageBand, healthCondition, identifyMatchingJobs, sex, ethnicGroup, qualification, childcare, lot); reference.NAME=LEVEL chooses a reference level, e.g. reference.ageBand=35-54.");
        return api;
    }

    private static async Task<IResult> GetAsync(string model, HttpRequest request, ModelRunner runner, CancellationToken cancellationToken)
    {
        var definition = ModelDefinitions.Find(model);
        if (definition is null)
        {
            return ApiResults.NotFound($"There is no model '{model}': the models are {string.Join(", ", ModelDefinitions.All.Select(m => m.Slug))}.");
        }

        var parsed = await runner.ParseAsync(
            request.Query["covariates"],
            request.Query.Where(q => q.Key.StartsWith("reference.", StringComparison.OrdinalIgnoreCase))
                .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())),
            cancellationToken);
        if (!parsed.Succeeded)
        {
            return ApiResults.Invalid(parsed.Errors!);
        }

        var result = await runner.FitAsync(definition, parsed.Value!, cancellationToken);
        return TypedResults.Ok(ModelJson.Of(result));
    }
}
