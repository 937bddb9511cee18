using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>Payments: handlers, page routes and API endpoints.</summary>
public static class PaymentsFeature
{
    public static IServiceCollection AddPaymentsFeature(this IServiceCollection services)
    {
        services.AddScoped<PaymentRunHandler>();
        services.AddScoped<RecoveryHandler>();
        services.AddScoped<SpendHandler>();
        return services;
    }

    public static PageConventionCollection AddPaymentsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Reading runs and spend: provider managers (their providers and lots) and commissioners. Making runs
        // and asking for recoveries: commissioners only. Each page's @page directive holds its route.
        conventions.AuthorizeFolder("/Payments", Policies.Claims);
        conventions.AuthorizePage("/Payments/New", Policies.ClaimValidation);
        conventions.AuthorizePage("/Payments/Recovery", Policies.ClaimValidation);
        return conventions;
    }

    public static RouteGroupBuilder MapPaymentsFeatureApi(this RouteGroupBuilder api)
    {
        api.MapPaymentsApi();
        return api;
    }
}
