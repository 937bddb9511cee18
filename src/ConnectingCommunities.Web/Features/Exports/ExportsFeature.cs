using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Exports;

/// <summary>Downloads of lists and tables as CSV and XLSX.</summary>
public static class ExportsFeature
{
    public static IServiceCollection AddExportsFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddExportsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        return conventions;
    }

    public static RouteGroupBuilder MapExportsFeatureApi(this RouteGroupBuilder api) => api;
}
