using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>Barriers, goals and actions of participants' action plans: handlers, extra page routes and API endpoints.</summary>
public static class PlanFeature
{
    /// <summary>The pages that change a plan: advisors and managers only, never commissioners or evaluators.</summary>
    private static readonly string[] WritePages =
    [
        "/Participants/Plan/AddBarrier", "/Participants/Plan/ReviewBarrier", "/Participants/Plan/AddGoal",
        "/Participants/Plan/EditGoal", "/Participants/Plan/AddAction", "/Participants/Plan/EditAction",
    ];

    public static IServiceCollection AddPlanFeature(this IServiceCollection services)
    {
        services.AddScoped<BarrierHandler>();
        services.AddScoped<ActionPlanHandler>();
        return services;
    }

    public static PageConventionCollection AddPlanFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Each page's @page directive holds its whole route (/participants/{id}/barriers, .../action-plan and
        // the pages under them), so a page has one address; the Participants folder already requires Casework.
        // Pages that change a plan also carry CaseworkWrite on their models; the convention keeps it should one be lost.
        foreach (var page in WritePages)
        {
            conventions.AuthorizePage(page, Policies.CaseworkWrite);
        }

        return conventions;
    }

    public static RouteGroupBuilder MapPlanFeatureApi(this RouteGroupBuilder api)
    {
        api.MapPlanApi();
        return api;
    }
}
