using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.OpenApi;

namespace ConnectingCommunities.Web.Features.SetUp.Areas;

/// <summary>The answer to "which lot's area is this postcode in?".</summary>
public sealed record PostcodeLot(string Postcode, string Lot);

public static class AreasApi
{
    public static void MapAreasApi(this RouteGroupBuilder api)
    {
        var postcodes = api.MapGroup("/lots/{code}/postcodes").WithTags("Areas").RequireAuthorization(Policies.SetUp);

        postcodes.MapGet("/", async (string code, string? search, int? page, int? pageSize, AreaHandler handler, CancellationToken ct) =>
                await handler.ListAsync(code, search, page, pageSize, ct) is { } list ? Results.Ok(list) : ApiResults.NotFound())
            .WithSummary("The postcodes of a lot's area in order, optionally those starting with ?search= (for example B8 or B8 1)")
            .Produces<PagedList<LotPostcodeView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        postcodes.MapPost("/", UploadAsync)
            .WithSummary("Add postcodes to a lot's area (mode=add) or make them its whole area (mode=replace), from a CSV file "
                + "(multipart/form-data: file, mode) or JSON ({\"postcodes\": [...], \"mode\": \"add\"}). "
                + "Every row is checked first: if any is refused nothing is saved and \"rows\" lists the first 100 with their problems")
            .Accepts<AreaPostcodesInput>("application/json", "multipart/form-data")
            .Produces<AreaChange>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                DescribeMultipartUpload(operation);
                return Task.CompletedTask;
            });

        postcodes.MapDelete("/{postcode}", async (string code, string postcode, AreaHandler handler, CancellationToken ct) =>
                (await handler.RemoveAsync(code, postcode, cancellationToken: ct)).ToApi(_ => TypedResults.NoContent()))
            .WithSummary("Remove one postcode from a lot's area")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/postcodes/{postcode}/lot", async (string postcode, AreaHandler handler, CancellationToken ct) =>
            {
                var check = Postcode.Check(postcode);
                if (!check.IsValid)
                {
                    return ApiResults.Invalid(new FieldErrors().Add("postcode", check.Error));
                }

                var normalised = check.Postcode.Value;
                return await handler.LotCodeForPostcodeAsync(normalised, ct) is { } lot
                    ? Results.Ok(new PostcodeLot(normalised, lot))
                    : ApiResults.NotFound($"No lot's area contains {normalised}.");
            })
            .WithTags("Areas")
            .WithSummary("Which lot's area contains a postcode: the eligibility check for a resident (any signed-in user)")
            .Produces<PostcodeLot>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The multipart form is read by hand, so say what it holds: a file, the mode and a reason.</summary>
    private static void DescribeMultipartUpload(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "file" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["file"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Format = "binary",
                        Description = "CSV, UTF-8 with or without a byte order mark, up to 5 MB and 100,000 rows: one postcode a row, "
                            + "in the first column or the column headed \"postcode\"; the header is optional.",
                    },
                    ["mode"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = [JsonValue.Create("add"), JsonValue.Create("replace")],
                        Description = "add (the default) keeps the area's postcodes; replace removes those not in the file.",
                    },
                    ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Kept in the audit trail." },
                },
            },
        };
    }

    private static async Task<IResult> UploadAsync(string code, HttpRequest request, AreaHandler handler, CancellationToken ct)
    {
        AreaImport import;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException exception)
            {
                return ApiResults.Invalid(new FieldErrors().Add("file", $"The form could not be read: {exception.Message}"));
            }

            var file = form.Files.GetFile("file");
            await using var stream = file?.OpenReadStream();
            import = await handler.ImportCsvAsync(code, stream, form["mode"], form["reason"], ct);
        }
        else if (request.HasJsonContentType())
        {
            AreaPostcodesInput? input;
            try
            {
                input = await request.ReadFromJsonAsync<AreaPostcodesInput>(ct);
            }
            catch (JsonException)
            {
                return ApiResults.Invalid(new FieldErrors().Add("postcodes", "The body must be JSON like {\"postcodes\": [\"B8 1AA\"], \"mode\": \"add\"}"));
            }

            import = await handler.ImportListAsync(code, input?.Postcodes, input?.Mode, input?.Reason, ct);
        }
        else
        {
            return TypedResults.Problem(
                title: "Unsupported media type",
                detail: "Send multipart/form-data with a \"file\" field, or application/json with a \"postcodes\" array.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        return ToApi(import);
    }

    private static IResult ToApi(AreaImport import)
    {
        if (import.Result.Status != ResultStatus.Invalid || import.Rows.Count == 0)
        {
            return import.Result.ToApi(TypedResults.Ok);
        }

        return TypedResults.ValidationProblem(
            import.Result.Errors!.ToDictionary(),
            title: "Some postcodes were refused, so nothing was saved",
            detail: import.RowErrorCount == 1
                ? "1 row has a problem: see rows."
                : $"{Formatting.Number(import.RowErrorCount)} rows have problems: see rows (the first {AreaHandler.MaxRowErrorsShown}).",
            extensions: new Dictionary<string, object?>
            {
                ["rows"] = import.Rows,
                ["rowErrorCount"] = import.RowErrorCount,
            });
    }
}
