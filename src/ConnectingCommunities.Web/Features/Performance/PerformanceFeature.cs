using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Performance;

/// <summary>Performance against profile: handlers, page routes and API endpoints.</summary>
public static class PerformanceFeature
{
    public static IServiceCollection AddPerformanceFeature(this IServiceCollection services)
    {
        services.AddScoped<PerformanceQueries>();
        services.AddHostedService<PerformanceCountsCompaction>();
        return services;
    }

    public static PageConventionCollection AddPerformanceFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Provider managers see their own lots; commissioners the whole programme. Each page's @page directive holds its route.
        conventions.AuthorizeFolder("/Performance", Policies.Performance);
        return conventions;
    }

    public static RouteGroupBuilder MapPerformanceFeatureApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPerformanceApi();
        return api;
    }
}
