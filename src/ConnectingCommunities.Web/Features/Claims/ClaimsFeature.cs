using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>Claims: handlers, page routes and API endpoints.</summary>
public static class ClaimsFeature
{
    public static IServiceCollection AddClaimsFeature(this IServiceCollection services)
    {
        services.AddScoped<ClaimAccess>();
        services.AddScoped<ClaimFactsLoader>();
        services.AddScoped<ClaimQueries>();
        services.AddScoped<ClaimHandler>();
        services.AddScoped<SamplingHandler>();
        return services;
    }

    public static PageConventionCollection AddClaimsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Each page's @page directive holds its whole route under /claims. Reading is for managers of the
        // lot and commissioners; making and submitting for managers; deciding and sampling for commissioners.
        conventions.AuthorizeFolder("/Claims", Policies.Claims);
        conventions.AuthorizePage("/Claims/New", Policies.ClaimMaking);
        conventions.AuthorizePage("/Claims/Submit", Policies.ClaimMaking);
        conventions.AuthorizePage("/Claims/Line", Policies.ClaimValidation);
        conventions.AuthorizePage("/Claims/ApproveUnsampled", Policies.ClaimValidation);
        conventions.AuthorizePage("/Claims/Queue", Policies.ClaimValidation);
        conventions.AuthorizePage("/Claims/Sampling", Policies.ClaimValidation);
        return conventions;
    }

    public static RouteGroupBuilder MapClaimsFeatureApi(this RouteGroupBuilder api)
    {
        api.MapClaimsApi();
        return api;
    }
}
