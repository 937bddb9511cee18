using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>Payments: handlers, page routes and API endpoints.</summary>
public static class PaymentsFeature
{
    public static IServiceCollection AddPaymentsFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddPaymentsFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AuthorizeFolder("/Payments", Policies.Claims);
        return conventions;
    }

    public static RouteGroupBuilder MapPaymentsFeatureApi(this RouteGroupBuilder api) => api;
}
