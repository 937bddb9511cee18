using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.ProviderImports;

public static class ImportTemplatesApi
{
    public static RouteGroupBuilder MapImportTemplatesApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/imports/templates").WithTags("Imports");
        templates.MapGet("", () => TypedResults.Ok(new { items = ImportTemplates.All.Select(Describe) }))
            .WithSummary("The import templates and their columns: name, required, format, allowed values.");
        templates.MapGet("/{type}", (string type, string? format) => Download(type, format))
            .WithSummary("A blank template: ?format=csv (default) or xlsx. type: participants, interventions, job-starts or sustainment-checks.");
        return api;
    }

    /// <summary>The template file, or a problem naming what is allowed.</summary>
    public static IResult Download(string type, string? format)
    {
        var template = ImportTemplates.Find(type);
        if (template is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "There is no such import template",
                detail: $"'{type}' is not an import type. Allowed values: {string.Join(", ", ImportTemplates.All.Select(t => t.Type))}");
        }

        switch ((format ?? "csv").Trim().ToUpperInvariant())
        {
            case "CSV":
                return TypedResults.File(ImportTemplateFiles.Csv(template), ImportTemplateFiles.CsvContentType, ImportTemplateFiles.FileName(template, "csv"));
            case "XLSX":
                return TypedResults.File(ImportTemplateFiles.Xlsx(template), ImportTemplateFiles.XlsxContentType, ImportTemplateFiles.FileName(template, "xlsx"));
            default:
                var errors = new FieldErrors();
                errors.Add("format", $"'{format}' is not a template format. Allowed values: csv, xlsx");
                return ApiResults.Invalid(errors);
        }
    }

    private static object Describe(ImportTemplate template) => new
    {
        type = template.Type,
        title = template.Title,
        description = template.Description,
        columns = template.Columns.Select(c => new
        {
            name = c.Name,
            required = c.Required,
            format = c.FormatDescription,
            allowedValues = c.AllowedValues,
            description = c.Description,
        }),
    };
}
