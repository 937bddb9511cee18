using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>Barriers, goals and actions of participants' action plans: handlers, extra page routes and API endpoints.</summary>
public static class PlanFeature
{
    public static IServiceCollection AddPlanFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddPlanFeatureRoutes(this PageConventionCollection conventions) => conventions;

    public static RouteGroupBuilder MapPlanFeatureApi(this RouteGroupBuilder api) => api;
}
