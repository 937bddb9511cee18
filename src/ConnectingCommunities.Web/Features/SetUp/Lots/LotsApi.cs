using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.SetUp.Lots;

public static class LotsApi
{
    public static void MapLotsApi(this RouteGroupBuilder api)
    {
        var lots = api.MapGroup("/lots").WithTags("Lots");

        lots.MapGet("/", async (LotHandler handler, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok((await handler.ListAsync(ct)).ToPage(page, pageSize)))
            .WithSummary("Lots the caller may see (all for commissioners and evaluators, their own for provider staff)");

        lots.MapGet("/{code}", async (string code, LotHandler handler, CancellationToken ct) =>
                await handler.FindAsync(code, ct) is { } lot ? Results.Ok(lot) : ApiResults.NotFound())
            .WithSummary("One lot by its code");

        lots.MapPost("/", async (LotInput input, LotHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToApi(lot => TypedResults.Created($"/api/v1/lots/{lot.Code}", lot)))
            .RequireAuthorization(Policies.SetUp)
            .WithSummary("Add a lot (commissioners)");

        lots.MapPut("/{code}", async (string code, LotInput input, LotHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(code, input, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(Policies.SetUp)
            .WithSummary("Change a lot (commissioners); send the version you read to detect conflicting edits");
    }
}
