using ConnectingCommunities.Web.Features.Account;
using ConnectingCommunities.Web.Features.Brokerage;
using ConnectingCommunities.Web.Features.Evaluation.Indicators;
using ConnectingCommunities.Web.Features.Evaluation.Models;
using ConnectingCommunities.Web.Features.Evaluation.Tables;
using ConnectingCommunities.Web.Features.Exports;
using ConnectingCommunities.Web.Features.Health;
using ConnectingCommunities.Web.Features.Claims;
using ConnectingCommunities.Web.Features.HelpRequests;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Moves;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Features.Payments;
using ConnectingCommunities.Web.Features.Performance;
using ConnectingCommunities.Web.Features.Privacy;
using ConnectingCommunities.Web.Features.ProviderImports;
using ConnectingCommunities.Web.Features.Reconciliation;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Features.SetUp.Contracts;
using ConnectingCommunities.Web.Features.SetUp.Lots;
using ConnectingCommunities.Web.Features.SetUp.Programme;
using ConnectingCommunities.Web.Features.SetUp.Providers;
using ConnectingCommunities.Web.Features.SetUp.Tariffs;
using ConnectingCommunities.Web.Features.SetUp.Targets;
using ConnectingCommunities.Web.Features.SetUp.Users;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ConnectingCommunities.Web.Features;

/// <summary>One place that lists every feature's handlers, pages' extra routes and API endpoints.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        services.AddScoped<LotHandler>();
        services.AddScoped<ContractHandler>();
        services.AddScoped<ProviderHandler>();
        services.AddScoped<TariffHandler>();
        services.AddScoped<TargetHandler>();
        services.AddScoped<AreaHandler>();
        services.AddScoped<UserHandler>();
        services.AddScoped<ProgrammeHandler>();
        services.AddScoped<SignInHandler>();
        services.AddParticipantsFeature();
        services.AddPlanFeature();
        services.AddMovesFeature();
        services.AddHelpRequestsFeature();
        services.AddOutcomesFeature();
        services.AddClaimsFeature();
        services.AddPaymentsFeature();
        services.AddPerformanceFeature();
        services.AddBrokerageFeature();
        services.AddProviderImportsFeature();
        services.AddEvaluationModelsFeature();
        services.AddEvaluationTablesFeature();
        services.AddEvaluationIndicatorsFeature();
        services.AddPrivacyFeature();
        services.AddReconciliationFeature();
        services.AddExportsFeature();
        return services;
    }

    public static void AddFeatureRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AddPageRoute("/SetUp/Lots/Edit", "/setup/lots/new");
        conventions.AddPageRoute("/SetUp/Contracts/Edit", "/setup/contracts/new");
        conventions.AddPageRoute("/SetUp/Providers/Edit", "/setup/providers/new");
        conventions.AddParticipantsFeatureRoutes();
        conventions.AddPlanFeatureRoutes();
        conventions.AddMovesFeatureRoutes();
        conventions.AddHelpRequestsFeatureRoutes();
        conventions.AddOutcomesFeatureRoutes();
        conventions.AddClaimsFeatureRoutes();
        conventions.AddPaymentsFeatureRoutes();
        conventions.AddPerformanceFeatureRoutes();
        conventions.AddBrokerageFeatureRoutes();
        conventions.AddProviderImportsFeatureRoutes();
        conventions.AddEvaluationModelsFeatureRoutes();
        conventions.AddEvaluationTablesFeatureRoutes();
        conventions.AddEvaluationIndicatorsFeatureRoutes();
        conventions.AddPrivacyFeatureRoutes();
        conventions.AddReconciliationFeatureRoutes();
        conventions.AddExportsFeatureRoutes();
    }

    public static void MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").RequireAuthorization(Infrastructure.Policies.SignedIn);
        api.MapAuthApi();
        api.MapProgrammeApi();
        api.MapLotsApi();
        api.MapAreasApi();
        api.MapProvidersApi();
        api.MapContractsApi();
        api.MapTariffsApi();
        api.MapTargetsApi();
        api.MapUsersApi();
        api.MapParticipantsFeatureApi();
        api.MapPlanFeatureApi();
        api.MapMovesFeatureApi();
        api.MapHelpRequestsFeatureApi();
        api.MapOutcomesFeatureApi();
        api.MapClaimsFeatureApi();
        api.MapPaymentsFeatureApi();
        api.MapPerformanceFeatureApi();
        api.MapBrokerageFeatureApi();
        api.MapProviderImportsFeatureApi();
        api.MapEvaluationModelsFeatureApi();
        api.MapEvaluationTablesFeatureApi();
        api.MapEvaluationIndicatorsFeatureApi();
        api.MapPrivacyFeatureApi();
        api.MapReconciliationFeatureApi();
        api.MapExportsFeatureApi();
    }

    public static void MapHealth(this WebApplication app) => HealthEndpoint.Map(app);
}
