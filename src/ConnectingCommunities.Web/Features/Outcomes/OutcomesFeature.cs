using ConnectingCommunities.Web.Features.Outcomes.Progression;
using ConnectingCommunities.Web.Features.Outcomes.Sustainment;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>
/// Outcomes: job starts and endings, sustainment checks and the checks-due worklist, in-work progression,
/// each with evidence files; handlers, page routes and API endpoints.
/// </summary>
public static class OutcomesFeature
{
    public static IServiceCollection AddOutcomesFeature(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection(EvidenceOptions.Section).Get<EvidenceOptions>() ?? new EvidenceOptions());
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<OutcomeEvidence>();
        services.AddScoped<OutcomeFacts>();
        services.AddScoped<JobStartHandler>();
        services.AddScoped<SustainmentHandler>();
        services.AddScoped<SustainmentWorklist>();
        services.AddScoped<ProgressionHandler>();
        return services;
    }

    public static PageConventionCollection AddOutcomesFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Each page's @page directive holds its whole route under /participants/{id}. Evaluators never see
        // these records; recording a job start is for the lot's advisors and managers only.
        conventions.AuthorizeFolder("/Outcomes", Policies.Casework);
        conventions.AuthorizePage("/Outcomes/RecordJobStart", Policies.CaseworkWrite);
        conventions.AuthorizePage("/Outcomes/AddEvidence", Policies.CaseworkWrite);
        conventions.AuthorizePage("/Outcomes/EndJob", Policies.CaseworkWrite);
        conventions.AuthorizePage("/Outcomes/Sustainment/Record", Policies.CaseworkWrite);
        conventions.AuthorizePage("/Outcomes/Sustainment/AddEvidence", Policies.CaseworkWrite);
        conventions.AuthorizePage("/Outcomes/Progression/Record", Policies.CaseworkWrite);
        conventions.AuthorizePage("/Outcomes/Progression/AddEvidence", Policies.CaseworkWrite);
        return conventions;
    }

    public static RouteGroupBuilder MapOutcomesFeatureApi(this RouteGroupBuilder api)
    {
        api.MapJobStartsApi();
        api.MapSustainmentApi();
        api.MapProgressionApi();
        return api;
    }
}
