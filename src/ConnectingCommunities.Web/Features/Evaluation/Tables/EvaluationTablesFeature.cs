using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>The evaluation's descriptive tables, caseload and cost tables, and the pseudonymised extract.</summary>
public static class EvaluationTablesFeature
{
    public static IServiceCollection AddEvaluationTablesFeature(this IServiceCollection services)
    {
        services.AddScoped<EvaluationTables>();
        services.AddScoped<EvaluationExtract>();
        services.AddScoped<PseudonymKeyStore>();
        return services;
    }

    public static PageConventionCollection AddEvaluationTablesFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);

        // Evaluators and commissioners only: aggregates and pseudonymised data, never a name.
        conventions.AuthorizePage("/Evaluation/Index", Policies.Evaluation);
        conventions.AuthorizeFolder("/Evaluation/Tables", Policies.Evaluation);
        return conventions;
    }

    public static RouteGroupBuilder MapEvaluationTablesFeatureApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapEvaluationTablesApi();
        return api;
    }
}
