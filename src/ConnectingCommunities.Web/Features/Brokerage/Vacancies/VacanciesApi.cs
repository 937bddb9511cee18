using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Brokerage.Vacancies;

public static class VacanciesApi
{
    public static void MapVacanciesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var read = api.MapGroup("/vacancies").WithTags("Vacancies").RequireAuthorization(Policies.Casework);
        var write = api.MapGroup("/vacancies").WithTags("Vacancies").RequireAuthorization(Policies.CaseworkWrite);

        read.MapGet("/", async (
                    string? status, string? lot, string? soc, DateOnly? closingFrom, DateOnly? closingTo, Guid? employerId, string? search,
                    int? page, int? pageSize, VacancyHandler handler, CancellationToken ct) =>
                (await handler.ListAsync(status, lot, soc, closingFrom, closingTo, employerId, search, page, pageSize, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Vacancies across the programme, soonest closing first; filter by status (Open, Closed, Filled), lot that found them, SOC code or its first digits, closing dates, employer or title");

        read.MapGet("/{id:guid}", async (Guid id, VacancyHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } vacancy ? Results.Ok(vacancy) : ApiResults.NotFound())
            .WithSummary("A vacancy, with warnings such as a wage below the National Living Wage");

        write.MapPost("/", async (VacancyInput input, VacancyHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(input, ct)).ToApi(v => TypedResults.Created($"/api/v1/vacancies/{v.Id}", v)))
            .WithSummary("Add a vacancy found by the caller's lot; the answer's warnings say when the wage is below the National Living Wage");

        write.MapPut("/{id:guid}", async (Guid id, VacancyInput input, VacancyHandler handler, CancellationToken ct) =>
                await handler.IsReadOnlyForUserAsync(id, ct)
                    ? Forbidden()
                    : (await handler.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Change a vacancy (only the lot that found it)");

        write.MapPatch("/{id:guid}", async (Guid id, VacancyStatusInput input, VacancyHandler handler, CancellationToken ct) =>
                await handler.IsReadOnlyForUserAsync(id, ct)
                    ? Forbidden()
                    : (await handler.ChangeStatusAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Close, fill or reopen a vacancy: {\"status\":\"Closed\",\"reason\":\"...\"} (only the lot that found it)");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden() => TypedResults.Problem(
        title: "Forbidden", detail: "Only advisors and managers of the lot that found this vacancy can change it.", statusCode: StatusCodes.Status403Forbidden);
}
