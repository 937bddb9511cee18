using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ConnectingCommunities.Web.Features.ProviderImports;

public static class ImportsApi
{
    /// <summary>The request limit: the 50 MB file and the form around it.</summary>
    public const long RequestLimitBytes = (50L * 1024 * 1024) + (1024 * 1024);

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var imports = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.Imports);

        imports.MapPost("", UploadAsync)
            .WithSummary("Upload a management-information file (multipart/form-data: file, type = participants | interventions | job-starts | "
                + "sustainment-checks, lotCode). 201 with the import's id; it is validated before the answer when small, otherwise status is "
                + "Validating until the preview is ready. A file that is not CSV or XLSX, empty, or missing required columns is refused with field errors.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimitBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = RequestLimitBytes });

        imports.MapGet("", async (ImportHandler handler, CancellationToken ct) => (IResult)TypedResults.Ok(new { items = await handler.ListAsync(ct) }))
            .WithSummary("Imports into your lots, newest first (the 200 latest).");

        imports.MapGet("/{id:guid}", async (Guid id, int? errorsPage, ImportHandler handler, CancellationToken ct) =>
                await handler.FindAsync(id, Math.Max(1, errorsPage ?? 1), ct) is { } view ? (IResult)TypedResults.Ok(view) : ApiResults.NotFound())
            .WithSummary("An import: status (Validating, Validated, Applied, Failed), counts of new, updated, unchanged and refused rows, "
                + $"and its errors ({ImportHandler.ErrorsPageSize} a page: errorsPage=2 for the next; errorsTotal says how many).")
            .Produces<ImportView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapPost("/{id:guid}/apply", async (Guid id, bool? validRowsOnly, ImportHandler handler, CancellationToken ct) =>
            {
                var result = await handler.ApplyAsync(id, validRowsOnly == true, inline: true, ct);
                return result.Status switch
                {
                    ResultStatus.Ok => (IResult)TypedResults.Ok(result.Value),
                    ResultStatus.NotFound => ApiResults.NotFound(),

                    // Rows that went bad since the preview: as much a conflict with the file's state as "has errors".
                    ResultStatus.Invalid => TypedResults.Problem(
                        title: "The import has errors", detail: result.Errors!.First().Value, statusCode: StatusCodes.Status409Conflict),
                    _ => TypedResults.Problem(title: "The import cannot be applied", detail: result.Detail, statusCode: StatusCodes.Status409Conflict),
                };
            })
            .WithSummary("Apply a validated import in one transaction. 409 when it has errors or is already applied; "
                + "?validRowsOnly=true applies the rows without errors and leaves the rest for the error file.")
            .Produces<ImportView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        imports.MapGet("/{id:guid}/errors.csv", async (Guid id, ImportHandler handler, CancellationToken ct) =>
                await handler.ErrorFileAsync(id, ct) is { } file ? (IResult)TypedResults.File(file.Content, "text/csv; charset=utf-8", file.FileName) : ApiResults.NotFound())
            .WithSummary("The refused rows as CSV: the file's columns, and an error column saying what is wrong with each row.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, ImportHandler handler, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ApiResults.Invalid(new FieldErrors().Add("file", "Send the file as multipart/form-data with the fields file, type and lotCode"));
        }

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
        var upload = file is null ? null : new ImportUpload(file.FileName, file.Length, file.OpenReadStream);
        var result = await handler.UploadAsync(form["lotCode"], form["type"], upload, cancellationToken: ct);
        return result.ToApi(view => TypedResults.Created($"/api/v1/imports/{view.Id}", view));
    }
}
