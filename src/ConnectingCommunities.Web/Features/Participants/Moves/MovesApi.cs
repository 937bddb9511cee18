using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Participants.Moves;

public static class MovesApi
{
    public static void MapMovesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        var caseload = api.MapGroup("/caseload").WithTags("Caseload").RequireAuthorization(Policies.CaseloadManagement);
        caseload.MapGet("/advisors", async (int? page, int? pageSize, ReassignHandler handler, CancellationToken ct) =>
                TypedResults.Ok((await handler.CaseloadsAsync(ct)).ToPage(page, pageSize)))
            .WithSummary("Advisors of your lots with the participants each holds (provider managers); advisorId null counts those with no advisor");

        api.MapPost("/participants/reassign", async (ReassignInput input, ReassignHandler handler, CancellationToken ct) =>
                (await handler.ReassignAsync(input, ct)).ToApi(TypedResults.Ok))
            .WithTags("Caseload")
            .RequireAuthorization(Policies.CaseloadManagement)
            .WithSummary("Reassign participants to an active advisor of their lot (provider managers); all move or none does");

        var participant = api.MapGroup("/participants/{id:guid}").WithTags("Participants").RequireAuthorization(Policies.CaseworkWrite);
        participant.MapPost("/leave", async (Guid id, LeaveInput input, LeavingHandler handler, CancellationToken ct) =>
                (await handler.LeaveAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Record that a participant left the programme: leftOn, reason (a leaving reason code) and notes");
        participant.MapPost("/rejoin", async (Guid id, RejoinInput input, LeavingHandler handler, CancellationToken ct) =>
                (await handler.RejoinAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Record that a participant who left re-joined the programme on rejoinedOn");

        var lots = api.MapGroup("/lots/{code}").WithTags("Lots").RequireAuthorization(Policies.SetUp);
        lots.MapGet("/caseload", async (string code, CaseloadTransferHandler handler, CancellationToken ct) =>
                await handler.CaseloadAsync(code, ct) is { } lot ? Results.Ok(lot) : ApiResults.NotFound())
            .WithSummary("A lot's contracts with the active and left participants each is responsible for (commissioners)");
        lots.MapPost("/caseload-transfer", async (string code, CaseloadTransferInput input, CaseloadTransferHandler handler, CancellationToken ct) =>
                (await handler.TransferAsync(code, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Move every participant of one contract to another contract of the lot, with history (commissioners)");
    }
}
