using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Evaluation.Models;

/// <summary>The evaluation's logistic regression models: page, API and forest plot.</summary>
public static class EvaluationModelsFeature
{
    public static IServiceCollection AddEvaluationModelsFeature(this IServiceCollection services)
    {
        // The shared participant-level dataset of every evaluation view (tables, models, extract, report).
        services.AddScoped<EvaluationDataset>();
        return services;
    }

    public static PageConventionCollection AddEvaluationModelsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        return conventions;
    }

    public static RouteGroupBuilder MapEvaluationModelsFeatureApi(this RouteGroupBuilder api) => api;
}
