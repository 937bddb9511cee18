using ConnectingCommunities.Data;
using ConnectingCommunities.Web.Features.Brokerage.JobGoals;
using ConnectingCommunities.Web.Features.Brokerage.Referrals;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>
/// Job goals, matching and referrals: their handlers and API endpoints, called from BrokerageFeature. Reading needs
/// Casework (commissioners read every lot), changing needs CaseworkWrite; a participant the user cannot see is 404.
/// </summary>
public static class BrokerageMatchingFeature
{
    public static IServiceCollection AddBrokerageMatching(this IServiceCollection services)
    {
        services.AddScoped<JobGoalsHandler>();
        services.AddScoped<MatchingHandler>();
        services.AddScoped<ReferralHandler>();
        services.AddSingleton<OpenVacancyCache>();
        services.AddSingleton<SeekerCache>();

        // Every save through the app's context tells the matching caches which vacancies and participants changed,
        // once committed, so the next ranking re-reads just those (see MatchingChanges).
        services.AddSingleton<MatchingChanges>();
        services.AddScoped<MatchingChangesInterceptor>();
        services.ConfigureDbContext<CcDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<MatchingChangesInterceptor>()));
        return services;
    }

    public static RouteGroupBuilder MapBrokerageMatchingApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var participant = api.MapGroup("/participants/{id:guid}").WithTags("Job brokerage").RequireAuthorization(Policies.Casework);
        participant.MapGet("/job-goals", async (Guid id, JobGoalsHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, logView: true, ct) is { } found ? Results.Ok(found.Goals) : ApiResults.NotFound())
            .WithSummary("The participant's job goals (\"recorded\": false when none yet), with their highest qualification from registration");

        participant.MapPut("/job-goals", async (Guid id, JobGoalsInput input, JobGoalsHandler handler, CancellationToken ct) =>
                (await handler.SaveAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Record or replace the job goals: {\"occupations\":[\"6135\"],\"skills\":[\"Customer service\"],\"minWeeklyHours\":16,"
                + "\"maxWeeklyHours\":30,\"availableDays\":[\"Mon\",\"Tue\"],\"canWorkNights\":false,\"canWorkWeekends\":false,\"maxTravelMinutes\":45,"
                + "\"maxTravelMiles\":10,\"hasDrivingLicence\":false,\"hasOwnTransport\":false,\"availableFrom\":\"09:30\",\"availableUntil\":\"14:30\","
                + "\"reason\",\"version\"}. Fields left out are cleared");

        participant.MapGet("/vacancy-matches", async (Guid id, bool? includeExcluded, int? page, int? pageSize, MatchingHandler handler, CancellationToken ct) =>
                await handler.VacancyMatchesAsync(id, includeExcluded ?? false, page, pageSize, logView: true, ct) is { } found
                    ? Results.Ok(found.Matches)
                    : ApiResults.NotFound())
            .WithSummary("Open vacancies for the participant, best first: items {vacancyId, score 0-100, reasons}; ?includeExcluded=true adds "
                + "those a hard constraint rules out, after the eligible ones, with \"excluded\": true and the \"reason\". Paged (?page, ?pageSize, default 20)");

        participant.MapPost("/match-reviews", async (Guid id, MatchReviewInput? input, MatchingHandler handler, CancellationToken ct) =>
                (await handler.ReviewAsync(id, input ?? new MatchReviewInput(), ct))
                    .ToApi(review => TypedResults.Created($"/api/v1/participants/{id}/vacancy-matches", review)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Record that the match list was reviewed with the participant today ({\"vacanciesShown\": 12}, or the number of eligible "
                + "matches when left out): completes their \"Identify jobs that match skills\" action, adding it when they have none open");

        participant.MapGet("/referrals", async (Guid id, int? page, int? pageSize, ReferralHandler handler, CancellationToken ct) =>
                await handler.ListAsync(id, logView: true, ct) is { } found ? Results.Ok(found.Referrals.ToPage(page, pageSize)) : ApiResults.NotFound())
            .WithSummary("The participant's referrals to vacancies, latest first, each with its history");

        api.MapGet("/vacancies/{id:guid}/candidates", async (Guid id, bool? includeExcluded, int? page, int? pageSize, MatchingHandler handler, CancellationToken ct) =>
                await handler.CandidatesAsync(id, includeExcluded ?? false, page, pageSize, ct) is { } found ? Results.Ok(found) : ApiResults.NotFound())
            .WithTags("Job brokerage")
            .RequireAuthorization(Policies.Casework)
            .WithSummary("Participants of your lots (with job goals, still on the programme) for the vacancy, best first: items {participantId, score, "
                + "reasons}; never another lot's participants. ?includeExcluded=true adds those ruled out, with the reason");

        api.MapPost("/vacancies/{id:guid}/referrals", async (Guid id, ReferralInput input, ReferralHandler handler, CancellationToken ct) =>
                (await handler.ReferAsync(id, input, ct)).ToApi(made => made.Created
                    ? TypedResults.Created($"/api/v1/referrals/{made.Referral.Id}", made.Referral)
                    : TypedResults.Ok(made.Referral)))
            .WithTags("Job brokerage")
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Refer a participant to an open vacancy: {\"participantId\"} (optional \"date\", \"mode\", \"durationMinutes\" (15), \"notes\"). "
                + "Records a JobBrokerage contact. 201 with the referral; 200 with the existing one if already referred; 404 for another lot's participant");

        api.MapGet("/referrals/{id:guid}", async (Guid id, ReferralHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, logView: true, ct) is { } found ? Results.Ok(found.Referral) : ApiResults.NotFound())
            .WithTags("Job brokerage")
            .RequireAuthorization(Policies.Casework)
            .WithSummary("One referral with its history and the statuses it may move to");

        api.MapPost("/referrals/{id:guid}/status", async (Guid id, ReferralStatusInput input, ReferralHandler handler, CancellationToken ct) =>
                (await handler.ChangeStatusAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithTags("Job brokerage")
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Move a referral on: {\"status\",\"date\",\"reason\"}. Referred -> Interview (date, may be ahead) -> Offered -> Started "
                + "(records the job start and its Job outcome milestone; evidence is still needed for a claim); Unsuccessful or Withdrawn from any "
                + "open step, with a reason. Out of order is 400 naming the allowed next statuses");
        return api;
    }
}
