using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>
/// Residents' requests for help on the lots' triage lists. Advisors and provider managers see and
/// change their own lots' requests; commissioners read every lot's; evaluators get none (403).
/// Requests are made through the public page only, never anonymously through the API.
/// </summary>
public static class HelpRequestsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var requests = api.MapGroup("/help-requests").WithTags("Help requests").RequireAuthorization(Policies.Casework);

        requests.MapGet("/", async (string? lotCode, string? status, int? page, int? pageSize, HelpRequestHandler handler, CancellationToken ct) =>
                (await handler.ListAsync(lotCode, status, page, pageSize, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Residents' requests for help in the lots you can see, newest first; ?lotCode= and ?status= "
                + "(New, Contacted, Registered or Closed) narrow the list")
            .Produces<PagedList<HelpRequestView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        requests.MapGet("/{id:guid}", async (Guid id, HelpRequestHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } request ? Results.Ok(request) : ApiResults.NotFound())
            .WithSummary("One request for help, with the resident's contact details (the view is logged)")
            .Produces<HelpRequestView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        requests.MapPatch("/{id:guid}", async (Guid id, HelpRequestStatusInput input, HelpRequestHandler handler, CancellationToken ct) =>
                (await handler.ChangeStatusAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseworkWrite)
            .WithSummary("Mark a request Contacted, or Closed with an outcome (required to close); the optional reason is kept "
                + "in the audit trail. Send the version you read to detect conflicting changes")
            .Produces<HelpRequestView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
