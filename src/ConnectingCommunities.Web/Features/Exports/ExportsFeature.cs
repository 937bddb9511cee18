using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Exports;

/// <summary>Downloads of lists and tables as CSV and XLSX.</summary>
public static class ExportsFeature
{
    public static IServiceCollection AddExportsFeature(this IServiceCollection services) => services.AddScoped<ExportService>();

    public static PageConventionCollection AddExportsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);

        // Signed in (the root folder's rule); each table then checks its own page's policy.
        return conventions;
    }

    public static RouteGroupBuilder MapExportsFeatureApi(this RouteGroupBuilder api)
    {
        api.MapExportsApi();
        return api;
    }
}
