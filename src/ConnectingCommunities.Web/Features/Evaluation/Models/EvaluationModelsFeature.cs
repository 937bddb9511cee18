using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Evaluation.Models;

/// <summary>The evaluation's logistic regression models: page, API and forest plot.</summary>
public static class EvaluationModelsFeature
{
    public static IServiceCollection AddEvaluationModelsFeature(this IServiceCollection services)
    {
        // The shared participant-level dataset of every evaluation view (tables, models, extract, report).
        services.AddScoped<EvaluationDataset>();
        services.AddScoped<ModelRunner>();
        return services;
    }

    public static PageConventionCollection AddEvaluationModelsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Evaluators and the commissioner: the models are aggregates of the whole programme.
        conventions.AuthorizeFolder("/Evaluation/Models", Policies.Evaluation);
        return conventions;
    }

    public static RouteGroupBuilder MapEvaluationModelsFeatureApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.MapModelsApi();
    }
}
