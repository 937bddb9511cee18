using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>The public Get help finding work form and each lot's triage list: handlers, extra page routes and API endpoints.</summary>
public static class HelpRequestsFeature
{
    public static IServiceCollection AddHelpRequestsFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddHelpRequestsFeatureRoutes(this PageConventionCollection conventions) => conventions;

    public static RouteGroupBuilder MapHelpRequestsFeatureApi(this RouteGroupBuilder api) => api;
}
