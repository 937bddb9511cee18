using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>A participant's assessments as the API returns them (no name: the caller knows whose record it asked for).</summary>
public sealed record IndicatorAssessmentsResponse(Guid ParticipantId, IndicatorAssessmentView? Baseline, IndicatorAssessmentView? FollowUp);

/// <summary>Theory of Change assessments under /api/v1/participants/{id} and their analysis under /api/v1/evaluation.</summary>
public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var participant = api.MapGroup("/participants/{id:guid}/indicator-assessments")
            .WithTags("Participants")
            .RequireAuthorization(Policies.Casework);

        participant.MapGet("", async (Guid id, IndicatorAssessmentHandler handler, CancellationToken ct) =>
                await handler.ListAsync(id, logView: true, ct) is { } list
                    ? Results.Ok(new IndicatorAssessmentsResponse(id, list.Baseline, list.FollowUp))
                    : ApiResults.NotFound())
            .WithSummary("The participant's baseline and follow-up Theory of Change assessments (null when not recorded), "
                + "each with every scale's item answers and total");

        participant.MapPost("", async (Guid id, IndicatorAssessmentInput input, IndicatorAssessmentHandler handler, CancellationToken ct) =>
                (await handler.RecordAsync(id, input, SaveMode.Save, ct)).ToApi(recorded => recorded.Created
                    ? TypedResults.Created($"/api/v1/participants/{id}/indicator-assessments", recorded.Assessment)
                    : TypedResults.Ok(recorded.Assessment)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Record an assessment: {\"point\":\"Baseline|FollowUp\",\"assessedOn\":\"2021-03-01\",\"selfEsteem\":[10 answers 0-3],"
                + "\"locusOfControl\":[7 answers 1-4],\"attitudeToWork\":[5 answers 1-5],\"labourMarketAwareness\":[5 answers 1-5]}; "
                + "a scale left out or [] was not asked. Recording a point already recorded replaces it (200; give \"reason\" and \"version\"). "
                + "Errors name the field, e.g. \"selfEsteem-4\" for item 4");

        api.MapGet("/evaluation/indicators", async (IndicatorAnalysis analysis, CurrentUser user, CancellationToken ct) =>
                Results.Ok(await analysis.AnalyseAsync(suppressSmallGroups: user.IsInRole(Roles.Evaluator), ct)))
            .WithTags("Evaluation")
            .RequireAuthorization(Policies.Evaluation)
            .WithSummary("Theory of Change indicators: per scale, baseline and follow-up means, mean change with 95% CI, paired t-test p, "
                + "Wilcoxon signed-rank p, Cohen's d_z and pairs, for all participants and by cohort. Groups of fewer than 10 pairs are "
                + "withheld from evaluators");
    }
}
