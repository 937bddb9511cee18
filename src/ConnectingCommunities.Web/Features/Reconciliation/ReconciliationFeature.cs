using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Reconciliation;

/// <summary>Management information against validated claims.</summary>
public static class ReconciliationFeature
{
    public static IServiceCollection AddReconciliationFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddReconciliationFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        return conventions;
    }

    public static RouteGroupBuilder MapReconciliationFeatureApi(this RouteGroupBuilder api) => api;
}
