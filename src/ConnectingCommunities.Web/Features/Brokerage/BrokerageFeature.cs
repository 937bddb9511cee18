using ConnectingCommunities.Web.Features.Brokerage.Employers;
using ConnectingCommunities.Web.Features.Brokerage.Insight;
using ConnectingCommunities.Web.Features.Brokerage.Locations;
using ConnectingCommunities.Web.Features.Brokerage.Matching;
using ConnectingCommunities.Web.Features.Brokerage.Vacancies;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Brokerage;

/// <summary>Employers, vacancies, job goals, matching and referrals: handlers, page routes and API endpoints.</summary>
public static class BrokerageFeature
{
    public static IServiceCollection AddBrokerageFeature(this IServiceCollection services)
    {
        services.AddScoped<BrokerageLots>();
        services.AddScoped<EmployerHandler>();
        services.AddScoped<VacancyHandler>();
        services.AddScoped<PostcodeLocationImporter>();
        services.AddScoped<InsightHandler>();
        services.AddBrokerageMatching();   // job goals, matching, referrals (helper B)
        return services;
    }

    public static PageConventionCollection AddBrokerageFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Reading: advisors, managers (their lots' contacts and participants) and commissioners. Writing pages add
        // [Authorize(Policy = Policies.CaseworkWrite)]. Each page's @page directive holds its route.
        conventions.AuthorizeFolder("/Brokerage", Policies.Casework);
        return conventions;
    }

    public static RouteGroupBuilder MapBrokerageFeatureApi(this RouteGroupBuilder api)
    {
        api.MapEmployersApi();
        api.MapVacanciesApi();
        api.MapPostcodeLocationsApi();
        api.MapBrokerageInsightApi();
        api.MapBrokerageMatchingApi();     // job goals, vacancy matches, candidates, referrals (helper B)
        return api;
    }
}
