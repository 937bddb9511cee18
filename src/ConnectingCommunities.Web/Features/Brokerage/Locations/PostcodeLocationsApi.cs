using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Brokerage.Locations;

public static class PostcodeLocationsApi
{
    public static void MapPostcodeLocationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/postcode-locations").WithTags("Postcode locations").RequireAuthorization(Policies.SetUp);

        group.MapGet("/", async (PostcodeLocationImporter importer, CancellationToken ct) =>
            {
                var (total, demo) = await importer.CountAsync(ct);
                return TypedResults.Ok(new { total, demo });
            })
            .WithSummary("How many postcodes have coordinates");

        // The request body is the CSV itself (text/csv), read as a stream so a file of every UK postcode fits.
        group.MapPost("/", async (HttpRequest request, PostcodeLocationImporter importer, CancellationToken ct) =>
            {
                var result = await importer.ImportAsync(request.Body, ct);
                return result.Succeeded
                    ? Results.Ok(new { added = result.Added, updated = result.Updated })
                    : ApiResults.Invalid(new FieldErrors().Add("file", $"{result.ErrorCount} rows cannot be imported, so nothing was: {string.Join("; ", result.Errors)}"));
            })
            .WithSummary("Import postcode,latitude,longitude rows (text/csv body); any bad row imports nothing");
    }
}
