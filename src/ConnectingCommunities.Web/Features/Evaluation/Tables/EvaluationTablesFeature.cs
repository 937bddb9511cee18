using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>The evaluation's descriptive tables, caseload and cost tables, and the pseudonymised extract.</summary>
public static class EvaluationTablesFeature
{
    public static IServiceCollection AddEvaluationTablesFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddEvaluationTablesFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        return conventions;
    }

    public static RouteGroupBuilder MapEvaluationTablesFeatureApi(this RouteGroupBuilder api) => api;
}
