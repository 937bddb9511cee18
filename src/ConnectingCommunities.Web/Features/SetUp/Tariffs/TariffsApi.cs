using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConnectingCommunities.Web.Features.SetUp.Tariffs;

public static class TariffsApi
{
    public static void MapTariffsApi(this RouteGroupBuilder api)
    {
        var tariffs = api.MapGroup("/tariffs").WithTags("Tariffs").RequireAuthorization(Policies.SetUp);

        tariffs.MapGet("/", ListAsync)
            .WithSummary("Payment rates by milestone and cohort: every rate ever set, or with ?on=YYYY-MM-DD those in force that day; "
                + "filter with ?milestone=JobOutcome&cohort=HardestToHelp");

        tariffs.MapGet("/{id:guid}", async (Guid id, TariffHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } tariff ? Results.Ok(tariff) : ApiResults.NotFound())
            .WithSummary("One payment rate");

        tariffs.MapPost("/", async (TariffInput input, TariffHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToApi(t => TypedResults.Created($"/api/v1/tariffs/{t.Id}", t)))
            .WithSummary("Add a rate for a milestone and cohort from a date; it supersedes the earlier rate from that date");

        tariffs.MapPut("/{id:guid}", async (Guid id, TariffInput input, TariffHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Change a rate's amount, effective date or reason; send the version you read to detect conflicting edits");
    }

    private static async Task<Results<Ok<PagedList<TariffView>>, ValidationProblem>> ListAsync(
        string? on, string? milestone, string? cohort, int? page, int? pageSize, TariffHandler handler, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = new TariffQuery(
            ProgrammeChoices.ReadIsoDate(on, "on", errors),
            ProgrammeChoices.ReadFilter<Milestone>(milestone, "milestone", errors),
            ProgrammeChoices.ReadFilter<Cohort>(cohort, "cohort", errors));
        if (errors.Any)
        {
            return ApiResults.Invalid(errors);
        }

        return TypedResults.Ok((await handler.ListAsync(query, ct)).ToPage(page, pageSize));
    }
}
