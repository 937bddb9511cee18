using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>
/// Barriers, goals and actions under /api/v1/participants/{id}, and the count of actions across
/// lots. Reading needs Casework, changing needs CaseworkWrite; a participant of a lot the user
/// cannot see is 404.
/// </summary>
public static class PlanApi
{
    public static void MapPlanApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var participant = api.MapGroup("/participants/{id:guid}").WithTags("Participants").RequireAuthorization(Policies.Casework);
        MapBarriers(participant);
        MapGoals(participant);
        MapActions(participant);

        api.MapGet("/action-plans/summary", async (string? lotCode, ActionPlanHandler handler, CancellationToken ct) =>
                (await handler.SummaryAsync(lotCode, ct)).ToApi(TypedResults.Ok))
            .WithTags("Action plans")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser()
                .RequireRole(Roles.Advisor, Roles.ProviderManager, Roles.Commissioner, Roles.Evaluator))
            .WithSummary("Actions counted by status across the action plans of the lots you can see (or ?lotCode=WH): identified, agreed, "
                + "completed, not done, notImplemented (identified or not done) and overdue. Counts only, so evaluators may call it");
    }

    private static void MapBarriers(RouteGroupBuilder participant)
    {
        participant.MapGet("/barriers", async (Guid id, int? page, int? pageSize, BarrierHandler handler, CancellationToken ct) =>
                await handler.ListAsync(id, logView: true, ct) is { } list
                    ? Results.Ok(list.Barriers.ToPage(page, pageSize))
                    : ApiResults.NotFound())
            .WithSummary("The participant's barriers to work, open ones first, each with its history of reviews");

        participant.MapGet("/barriers/{barrierId:guid}", async (Guid id, Guid barrierId, BarrierHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, barrierId, logView: true, ct) is { } found ? Results.Ok(found.Barrier) : ApiResults.NotFound())
            .WithSummary("One of the participant's barriers with its history of reviews");

        participant.MapPost("/barriers", async (Guid id, BarrierInput input, BarrierHandler handler, CancellationToken ct) =>
                (await handler.AddAsync(id, input, SaveMode.Save, ct)).ToApi(added => added.Reopened
                    ? TypedResults.Ok(added.Barrier)
                    : TypedResults.Created($"/api/v1/participants/{id}/barriers/{added.Barrier.Id}", added.Barrier)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Add a barrier: {\"barrier\":\"lowConfidence\",\"severity\":\"High\",\"identifiedOn\":\"2021-03-01\",\"notes\":\"...\"}. "
                + "A barrier still open cannot be added twice; adding a resolved one again reopens it (200) with its history");

        participant.MapPost("/barriers/{barrierId:guid}/reviews", async (Guid id, Guid barrierId, BarrierReviewInput input, BarrierHandler handler, CancellationToken ct) =>
                (await handler.ReviewAsync(id, barrierId, input, SaveMode.Save, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Review a barrier: {\"reviewedOn\",\"severity\",\"resolved\",\"notes\",\"reason\",\"version\"}. "
                + "Updates the barrier and adds the review to its history");
    }

    private static void MapGoals(RouteGroupBuilder participant)
    {
        participant.MapGet("/goals", async (Guid id, int? page, int? pageSize, ActionPlanHandler handler, CancellationToken ct) =>
                await handler.PlanAsync(id, logView: true, ct) is { } plan ? Results.Ok(plan.Goals.ToPage(page, pageSize)) : ApiResults.NotFound())
            .WithSummary("The goals of the participant's action plan, oldest first");

        participant.MapGet("/goals/{goalId:guid}", async (Guid id, Guid goalId, ActionPlanHandler handler, CancellationToken ct) =>
                await handler.FindGoalAsync(id, goalId, logView: true, ct) is { } found ? Results.Ok(found.Goal) : ApiResults.NotFound())
            .WithSummary("One goal of the participant's action plan");

        participant.MapPost("/goals", async (Guid id, GoalInput input, ActionPlanHandler handler, CancellationToken ct) =>
                (await handler.AddGoalAsync(id, input, SaveMode.Save, ct))
                    .ToApi(goal => TypedResults.Created($"/api/v1/participants/{id}/goals/{goal.Id}", goal)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Add a goal: {\"description\",\"agreedOn\",\"targetDate\",\"achievedOn\"}");

        participant.MapPatch("/goals/{goalId:guid}", async (Guid id, Guid goalId, GoalInput input, ActionPlanHandler handler, CancellationToken ct) =>
                (await handler.UpdateGoalAsync(id, goalId, input, SaveMode.Save, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Change a goal (fields left out stay as they are), e.g. {\"achievedOn\":\"2021-06-01\",\"reason\":\"...\",\"version\":0}");
    }

    private static void MapActions(RouteGroupBuilder participant)
    {
        participant.MapGet("/actions", async (Guid id, int? page, int? pageSize, ActionPlanHandler handler, CancellationToken ct) =>
                await handler.PlanAsync(id, logView: true, ct) is { } plan ? Results.Ok(plan.Actions.ToPage(page, pageSize)) : ApiResults.NotFound())
            .WithSummary("The actions of the participant's plan by activity type, with isOverdue and isNotImplemented");

        participant.MapGet("/actions/{actionId:guid}", async (Guid id, Guid actionId, ActionPlanHandler handler, CancellationToken ct) =>
                await handler.FindActionAsync(id, actionId, logView: true, ct) is { } found ? Results.Ok(found.Action) : ApiResults.NotFound())
            .WithSummary("One action of the participant's plan");

        participant.MapPost("/actions", async (Guid id, ActionInput input, ActionPlanHandler handler, CancellationToken ct) =>
                (await handler.AddActionAsync(id, input, SaveMode.Save, ct))
                    .ToApi(action => TypedResults.Created($"/api/v1/participants/{id}/actions/{action.Id}", action)))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Add an action from the catalogue: {\"action\":\"cv\",\"details\",\"status\":\"Identified\",\"dueOn\",\"goalId\"}; "
                + "its activity type comes from the catalogue");

        participant.MapPatch("/actions/{actionId:guid}", async (Guid id, Guid actionId, ActionChangeInput input, ActionPlanHandler handler, CancellationToken ct) =>
                (await handler.UpdateActionAsync(id, actionId, input, SaveMode.Save, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Change an action: {\"status\",\"dueOn\",\"completedOn\",\"notDoneReason\",\"reason\",\"version\"}. "
                + "Identified may move to Agreed, Completed or NotDone; Agreed to Completed or NotDone; a stale version is 409");
    }
}
