using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

/// <summary>Reassigning participants, transferring caseloads, leaving and re-joining: handlers, extra page routes and API endpoints.</summary>
public static class MovesFeature
{
    public static IServiceCollection AddMovesFeature(this IServiceCollection services) => services;

    public static PageConventionCollection AddMovesFeatureRoutes(this PageConventionCollection conventions) => conventions;

    public static RouteGroupBuilder MapMovesFeatureApi(this RouteGroupBuilder api) => api;
}
