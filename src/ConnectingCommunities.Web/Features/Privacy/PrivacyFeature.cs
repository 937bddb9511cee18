using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>Subject access, erasure and the retention review.</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions());
        services.AddScoped<SubjectAccessBuilder>();
        services.AddScoped<ErasureHandler>();
        services.AddScoped<RetentionReviewer>();
        services.AddScoped<RetentionHandler>();
        services.AddHostedService<RetentionReviewService>();
        return services;
    }

    public static PageConventionCollection AddPrivacyFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Subject access and erasure: commissioners, and managers of the participant's lot. Retention: commissioners.
        conventions.AuthorizeFolder("/Privacy", Policies.RecordsManagement);
        conventions.AuthorizePage("/Privacy/Retention", Policies.SetUp);
        return conventions;
    }

    public static RouteGroupBuilder MapPrivacyFeatureApi(this RouteGroupBuilder api)
    {
        api.MapPrivacyApi();
        return api;
    }
}
