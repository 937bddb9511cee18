using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>A table in the API's list, with where to get it.</summary>
public sealed record TableLinkJson(string Id, string Title, string Description, string Group, string Href);

/// <summary>The answer of GET /api/v1/evaluation/tables.</summary>
public sealed record TablesJson(IReadOnlyList<TableLinkJson> Tables, bool SuppressionApplied, int Threshold, string Symbol, string Explanation);

public static class EvaluationTablesApi
{
    public static void MapEvaluationTablesApi(this RouteGroupBuilder api)
    {
        var evaluation = api.MapGroup("/evaluation").WithTags("Evaluation").RequireAuthorization(Policies.Evaluation);

        evaluation.MapGet("/tables", (bool? asEvaluator, EvaluationTables tables) => TypedResults.Ok(new TablesJson(
                [.. EvaluationTables.All.Select(t => new TableLinkJson(t.Id, t.Title, t.Description, t.Group, $"/api/v1/evaluation/tables/{t.Id}"))],
                tables.MustSuppress(asEvaluator == true), SmallCells.Threshold, SmallCells.Symbol, SmallCells.Explanation)))
            .WithSummary("The evaluation's descriptive tables")
            .WithDescription("Evaluators always get suppressed tables (counts 1 to 9, and any figure a total would give away, are hidden); "
                + "commissioners get whole figures unless they pass asEvaluator=true.");

        evaluation.MapGet("/tables/{table}", async (string table, bool? asEvaluator, EvaluationTables tables, CancellationToken ct) =>
                await tables.GetAsync(table, tables.MustSuppress(asEvaluator == true), ct) is { } result
                    ? Results.Ok(result)
                    : ApiResults.NotFound($"There is no table '{table}'. GET /api/v1/evaluation/tables lists them."))
            .WithSummary("One descriptive table with N in every cell")
            .WithDescription("Cells: n (count, or the rate's population, or the outcomes a cost is divided by), count and rate (fraction) for rates, "
                + "share (fraction of the column's total) for counts, amount (pounds) for costs; suppressed and nSuppressed say what is hidden (null).");

        evaluation.MapGet("/extract", async (string? format, HttpContext http, EvaluationExtract extract, CancellationToken ct) =>
            {
                format = format?.Trim().ToLowerInvariant() ?? "csv";
                if (!TableExport.IsFormat(format))
                {
                    return ApiResults.Invalid(new FieldErrors().Add("format", "Format must be csv or xlsx"));
                }

                if (format == "xlsx")
                {
                    return Results.Stream(body => extract.WriteXlsxAsync(body, ct), TableExport.XlsxContentType, extract.FileName + ".xlsx");
                }

                return Results.Stream(body => extract.WriteCsvAsync(body, ct), TableExport.CsvContentType, extract.FileName + ".csv");
            })
            .WithSummary("The pseudonymised extract: one row per participant")
            .WithDescription("format=csv (default) or xlsx, both streamed. A stable pseudonym instead of any identifier; age band, postcode district, "
                + "months rather than dates; coded values only. Every download is logged.");
    }
}
