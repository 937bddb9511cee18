using ConnectingCommunities.Web.Features.Evaluation.Report;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>Theory of Change indicators: advisors' baseline and follow-up assessments and their analysis; the evaluation report.</summary>
public static class EvaluationIndicatorsFeature
{
    public static IServiceCollection AddEvaluationIndicatorsFeature(this IServiceCollection services)
    {
        services.AddScoped<IndicatorAssessmentHandler>();
        services.AddScoped<IndicatorAnalysis>();
        services.AddScoped<EvaluationReportBuilder>();
        return services;
    }

    public static PageConventionCollection AddEvaluationIndicatorsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // The entry pages live with the evaluation but are casework: each carries its own policy.
        conventions.AuthorizePage("/Evaluation/Indicators/Assessments", Policies.Casework);
        conventions.AuthorizePage("/Evaluation/Indicators/Record", Policies.CaseworkWrite);
        conventions.AuthorizePage("/Evaluation/Indicators/Analysis", Policies.Evaluation);
        conventions.AuthorizeFolder("/Evaluation/Report", Policies.Evaluation);
        return conventions;
    }

    public static RouteGroupBuilder MapEvaluationIndicatorsFeatureApi(this RouteGroupBuilder api)
    {
        api.MapIndicatorsApi();
        api.MapEvaluationReportApi();
        return api;
    }
}
