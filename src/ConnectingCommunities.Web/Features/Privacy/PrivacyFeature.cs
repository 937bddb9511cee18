using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>Subject access, erasure and the retention review.</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddPrivacyFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        return conventions;
    }

    public static RouteGroupBuilder MapPrivacyFeatureApi(this RouteGroupBuilder api) => api;
}
