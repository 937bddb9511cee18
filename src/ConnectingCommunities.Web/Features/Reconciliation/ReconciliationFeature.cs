using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Reconciliation;

/// <summary>Management information against validated claims.</summary>
public static class ReconciliationFeature
{
    public static IServiceCollection AddReconciliationFeature(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection(ReconciliationOptions.Section).Get<ReconciliationOptions>() ?? new ReconciliationOptions());
        services.AddScoped<Reconciler>();
        return services;
    }

    public static PageConventionCollection AddReconciliationFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Reading is for commissioners (every lot) and provider managers (their lots), as claims are.
        conventions.AuthorizeFolder("/Reconciliation", Policies.Claims);

        // A query returns the line to the provider: a claim decision, so commissioners only.
        conventions.AuthorizePage("/Reconciliation/Query", Policies.ClaimValidation);
        return conventions;
    }

    public static RouteGroupBuilder MapReconciliationFeatureApi(this RouteGroupBuilder api)
    {
        api.MapReconciliationApi();
        return api;
    }
}
