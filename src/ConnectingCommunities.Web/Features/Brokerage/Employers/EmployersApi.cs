using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Brokerage.Employers;

public static class EmployersApi
{
    public static void MapEmployersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var read = api.MapGroup("/employers").WithTags("Employers").RequireAuthorization(Policies.Casework);
        var write = api.MapGroup("/employers").WithTags("Employers").RequireAuthorization(Policies.CaseworkWrite);

        read.MapGet("/", async (string? search, string? sector, string? lot, int? page, int? pageSize, EmployerHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(search, sector, lot, page, pageSize, ct)))
            .WithSummary("Employers on the programme's list, by name; filter by name or postcode (search), SIC section (sector) or a lot that works with them (lot)");

        read.MapGet("/possible-duplicates", async (string? name, string? postcode, EmployerHandler handler, CancellationToken ct) =>
                TypedResults.Ok(new { items = await handler.PossibleDuplicatesAsync(name, postcode, ct) }))
            .WithSummary("Employers that may be the one about to be added: similar name or the same postcode");

        read.MapGet("/{id:guid}", async (Guid id, EmployerHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } employer ? Results.Ok(employer) : ApiResults.NotFound())
            .WithSummary("An employer with the relationships, contacts and activities of the caller's lots");

        write.MapPost("/", async (EmployerInput input, EmployerHandler handler, CancellationToken ct) =>
            {
                var result = await handler.CreateAsync(input, ct);
                if (result.Status == ResultStatus.Conflict && result.Value is { } existing)
                {
                    return TypedResults.Problem(
                        title: "The employer is already on the list",
                        detail: result.Detail,
                        statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?> { ["existingId"] = existing.Id, ["hint"] = $"GET /api/v1/employers/{existing.Id}" });
                }

                return result.ToApi(created => TypedResults.Created($"/api/v1/employers/{created.Id}", new { id = created.Id, existing = created.Existing }));
            })
            .WithSummary("Add an employer with the caller's lot's relationship; a name already on the list adds the lot to that employer (existing: true), or answers 409 with existingId when the lot already works with it");

        write.MapPut("/{id:guid}", async (Guid id, EmployerDetailsInput input, EmployerHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Change the organisation's details (shared by every lot)");

        write.MapPut("/{id:guid}/relationship", async (Guid id, RelationshipInput input, EmployerHandler handler, CancellationToken ct) =>
                (await handler.SaveRelationshipAsync(id, input, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Add or change the caller's lot's relationship with the employer");

        write.MapPost("/{id:guid}/contacts", async (Guid id, ContactInput input, EmployerHandler handler, CancellationToken ct) =>
                (await handler.AddContactAsync(id, input, ct)).ToApi(c => TypedResults.Created($"/api/v1/employers/{id}", c)))
            .WithSummary("Add a contact person for the caller's lot (other lots never see them)");

        write.MapPost("/{id:guid}/activities", async (Guid id, ActivityInput input, EmployerHandler handler, CancellationToken ct) =>
                (await handler.AddActivityAsync(id, input, ct)).ToApi(a => TypedResults.Created($"/api/v1/employers/{id}", a)))
            .WithSummary("Record a dated contact or activity (taster day, work experience, guaranteed interview, recruitment event...) for the caller's lot");
    }
}
