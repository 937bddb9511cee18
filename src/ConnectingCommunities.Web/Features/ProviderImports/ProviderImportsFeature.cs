using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>Provider management-information imports: templates, uploads, previews and applying.</summary>
public static class ProviderImportsFeature
{
    public static IServiceCollection AddProviderImportsFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddProviderImportsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);

        // The templates hold no data: anyone signed in may read them.
        conventions.AuthorizePage("/ProviderImports/Templates", Policies.SignedIn);
        return conventions;
    }

    public static RouteGroupBuilder MapProviderImportsFeatureApi(this RouteGroupBuilder api)
    {
        api.MapImportTemplatesApi();
        return api;
    }
}
