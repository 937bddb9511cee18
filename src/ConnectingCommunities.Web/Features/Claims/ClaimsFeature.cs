using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>Claims: handlers, page routes and API endpoints.</summary>
public static class ClaimsFeature
{
    public static IServiceCollection AddClaimsFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddClaimsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AuthorizeFolder("/Claims", Policies.Claims);
        return conventions;
    }

    public static RouteGroupBuilder MapClaimsFeatureApi(this RouteGroupBuilder api) => api;
}
