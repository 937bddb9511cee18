using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.SetUp.Contracts;

public static class ContractsApi
{
    public static void MapContractsApi(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Contracts").RequireAuthorization(Policies.SetUp);

        contracts.MapGet("/", async (string? lot, int? page, int? pageSize, ContractHandler handler, CancellationToken ct) =>
                TypedResults.Ok((await handler.ListAsync(lot, ct)).ToPage(page, pageSize)))
            .WithSummary("Contracts, optionally for one lot (?lot=WH), oldest first");

        contracts.MapGet("/{id:guid}", async (Guid id, ContractHandler handler, CancellationToken ct) =>
            await handler.FindAsync(id, ct) is { } contract ? Results.Ok(contract) : ApiResults.NotFound());

        contracts.MapPost("/", async (ContractInput input, ContractHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToApi(c => TypedResults.Created($"/api/v1/contracts/{c.Id}", c)))
            .WithSummary("Add a contract; dates may not overlap another contract of the same lot");

        contracts.MapPut("/{id:guid}", async (Guid id, ContractInput input, ContractHandler handler, CancellationToken ct) =>
            (await handler.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok));

        contracts.MapPost("/{id:guid}/variations", async (Guid id, VariationInput input, ContractHandler handler, CancellationToken ct) =>
                (await handler.AddVariationAsync(id, input, ct)).ToApi(c => TypedResults.Created($"/api/v1/contracts/{c.Id}", c)))
            .WithSummary("Record a contract variation, such as the Covid-19 adjustment of April 2020");
    }
}
