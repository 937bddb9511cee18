using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Exports;

/// <summary>GET /api/v1/exports (the tables) and GET /api/v1/exports/{table}?format=csv|xlsx&amp;lotCode=… (a download).</summary>
public static class ExportsApi
{
    public static void MapExportsApi(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/exports").WithTags("Exports");

        exports.MapGet("/", () => TypedResults.Ok(ExportCatalogue.Tables.Select(t => new ExportTableInfo(
                t.Name, t.Title, t.Filters, [.. t.Columns.Select(c => c.Heading)], t.ParticipantLevel))))
            // Every list is casework, claims or set-up data, none of which an evaluator may download.
            .RequireAuthorization(Policies.Casework)
            .WithSummary("The lists that can be downloaded")
            .WithDescription("Each table's code, title, the filters it takes (the same names as on its page) and its columns. "
                + "Whether you may download one depends on your role, as for its page.");

        exports.MapGet("/{table}", async (string table, string? format, HttpContext context, ExportService service, CancellationToken ct) =>
            {
                var (export, refusal, errors) = await service.PrepareAsync(table, format, ExportQuery.From(context.Request.Query), context.User, ct);
                return refusal switch
                {
                    ExportRefusal.UnknownTable => ApiResults.NotFound(),
                    ExportRefusal.Forbidden => Results.Forbid(),
                    ExportRefusal.Invalid => ApiResults.Invalid(errors!),
                    _ => new ExportResult(export!),
                };
            })
            .WithSummary("Download a list as CSV or XLSX")
            .WithDescription("format is csv (RFC 4180, UTF-8 with a byte order mark) or xlsx. Filters are the list's own (see GET /api/v1/exports); "
                + "lotCode (or lot) narrows to one lot. Rows are limited to what you may see: a provider manager or advisor gets their own lots only. "
                + "Text that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) is written with a leading apostrophe. "
                + "Every download is logged with the filters and the number of rows.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}

/// <summary>A downloadable list as GET /api/v1/exports describes it.</summary>
public sealed record ExportTableInfo(string Name, string Title, IReadOnlyList<string> Filters, IReadOnlyList<string> Columns, bool ParticipantLevel);
