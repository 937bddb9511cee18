using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.SetUp.Providers;

public static class ProvidersApi
{
    public static void MapProvidersApi(this RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/providers").WithTags("Providers").RequireAuthorization(Policies.SetUp);

        providers.MapGet("/", async (int? page, int? pageSize, ProviderHandler handler, CancellationToken ct) =>
                TypedResults.Ok((await handler.ListAsync(ct)).ToPage(page, pageSize)))
            .WithSummary("Provider organisations with their contracts");

        providers.MapGet("/{id:guid}", async (Guid id, ProviderHandler handler, CancellationToken ct) =>
            await handler.FindAsync(id, ct) is { } provider ? Results.Ok(provider) : ApiResults.NotFound());

        providers.MapPost("/", async (ProviderInput input, ProviderHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToApi(p => TypedResults.Created($"/api/v1/providers/{p.Id}", p)))
            .WithSummary("Add a provider organisation");

        providers.MapPut("/{id:guid}", async (Guid id, ProviderInput input, ProviderHandler handler, CancellationToken ct) =>
            (await handler.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok));
    }
}
