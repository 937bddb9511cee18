using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.SetUp.Programme;

public static class ProgrammeApi
{
    public static void MapProgrammeApi(this RouteGroupBuilder api)
    {
        var programme = api.MapGroup("/programme").WithTags("Programme").RequireAuthorization(Policies.SetUp);

        programme.MapGet("/", async (ProgrammeHandler handler, CancellationToken ct) =>
                await handler.GetAsync(ct) is { } p ? Results.Ok(p) : ApiResults.NotFound("The programme has not been set up."))
            .WithSummary("The programme and its rules");

        programme.MapPut("/", async (ProgrammeInput input, ProgrammeHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Change the programme's dates and rules (progressionDefinition: strict or wider)");
    }
}
