using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

/// <summary>Reassigning participants, transferring caseloads, leaving and re-joining: handlers, extra page routes and API endpoints.</summary>
public static class MovesFeature
{
    public static IServiceCollection AddMovesFeature(this IServiceCollection services)
    {
        services.AddScoped<ReassignHandler>();
        services.AddScoped<CaseloadTransferHandler>();
        services.AddScoped<LeavingHandler>();
        return services;
    }

    /// <summary>
    /// The pages' addresses are in their @page directives (/caseload/reassign,
    /// /setup/lots/{code}/caseload-transfer, /participants/{id}/leave and /rejoin), which replace the
    /// folder-based ones. Their policies are set here as well as on the page models, on top of the
    /// Casework policy of the Participants folder: the transfer is a set-up task for commissioners.
    /// </summary>
    public static PageConventionCollection AddMovesFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AuthorizePage("/Participants/Moves/Reassign", Policies.CaseloadManagement);
        conventions.AuthorizePage("/Participants/Moves/CaseloadTransfer", Policies.SetUp);
        conventions.AuthorizePage("/Participants/Moves/Leave", Policies.CaseworkWrite);
        conventions.AuthorizePage("/Participants/Moves/Rejoin", Policies.CaseworkWrite);
        return conventions;
    }

    public static RouteGroupBuilder MapMovesFeatureApi(this RouteGroupBuilder api)
    {
        api.MapMovesApi();
        return api;
    }
}
