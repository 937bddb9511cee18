using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>Theory of Change indicators: advisors' baseline and follow-up assessments and their analysis; the evaluation report.</summary>
public static class EvaluationIndicatorsFeature
{
    public static IServiceCollection AddEvaluationIndicatorsFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddEvaluationIndicatorsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        return conventions;
    }

    public static RouteGroupBuilder MapEvaluationIndicatorsFeatureApi(this RouteGroupBuilder api) => api;
}
