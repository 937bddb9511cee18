using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>The public Get help finding work form and each lot's triage list: handlers, extra page routes and API endpoints.</summary>
public static class HelpRequestsFeature
{
    public static IServiceCollection AddHelpRequestsFeature(this IServiceCollection services)
    {
        services.AddScoped<HelpRequestHandler>();
        services.AddSingleton<HelpRequestFormGuard>();
        return services;
    }

    public static PageConventionCollection AddHelpRequestsFeatureRoutes(this PageConventionCollection conventions)
    {
        // The triage list holds residents' contact details: casework roles only, never evaluators.
        // Pages that change a request add CaseworkWrite. The form and its confirmation are public.
        conventions.AuthorizeFolder("/HelpRequests", Policies.Casework);
        conventions.AllowAnonymousToPage("/HelpRequests/GetHelp");
        conventions.AllowAnonymousToPage("/HelpRequests/Sent");
        return conventions;
    }

    public static RouteGroupBuilder MapHelpRequestsFeatureApi(this RouteGroupBuilder api)
    {
        HelpRequestsApi.Map(api);
        return api;
    }
}
