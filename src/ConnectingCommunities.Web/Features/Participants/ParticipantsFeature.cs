using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Participants;

/// <summary>Registering, finding and supporting participants: handlers, extra page routes and API endpoints.</summary>
public static class ParticipantsFeature
{
    public static IServiceCollection AddParticipantsFeature(this IServiceCollection services)
    {
        services.AddScoped<ParticipantAccess>();
        services.AddScoped<ParticipantQueries>();
        services.AddScoped<RegistrationHandler>();
        services.AddScoped<EditHandler>();
        services.AddScoped<InterventionHandler>();
        services.AddScoped<TimelineQuery>();
        return services;
    }

    public static PageConventionCollection AddParticipantsFeatureRoutes(this PageConventionCollection conventions)
    {
        // Evaluators never see personal records; pages that change a record also ask for CaseworkWrite.
        conventions.AuthorizeFolder("/Participants", Policies.Casework);
        return conventions;
    }

    public static RouteGroupBuilder MapParticipantsFeatureApi(this RouteGroupBuilder api)
    {
        api.MapParticipantsApi();
        return api;
    }
}
