using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>Provider management-information imports: templates, uploads, previews and applying.</summary>
public static class ProviderImportsFeature
{
    public static IServiceCollection AddProviderImportsFeature(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new ImportOptions());
        services.AddSingleton(provider => new ImportStore(provider.GetRequiredService<ImportOptions>(), provider.GetRequiredService<EvidenceOptions>()));
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportStartupSweep>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped<ImportProcessor>();
        services.AddScoped<ImportBulkWriter>();
        services.AddScoped<ImportHandler>();
        return services;
    }

    public static PageConventionCollection AddProviderImportsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);

        // The templates hold no data: anyone signed in may read them.
        conventions.AuthorizePage("/ProviderImports/Templates", Policies.SignedIn);
        conventions.AuthorizePage("/ProviderImports/Index", Policies.Imports);
        conventions.AuthorizePage("/ProviderImports/Details", Policies.Imports);
        return conventions;
    }

    public static RouteGroupBuilder MapProviderImportsFeatureApi(this RouteGroupBuilder api)
    {
        api.MapImportTemplatesApi();
        api.MapImportsApi();
        return api;
    }
}
