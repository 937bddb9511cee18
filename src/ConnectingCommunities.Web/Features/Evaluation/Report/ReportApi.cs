using System.Text;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Evaluation.Report;

/// <summary>GET /api/v1/evaluation/report?format=html|docx: the dated evaluation report.</summary>
public static class ReportApi
{
    public static RouteGroupBuilder MapEvaluationReportApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/evaluation/report", async (string? format, EvaluationReportBuilder builder, CancellationToken ct) =>
            {
                var kind = (format ?? "html").Trim().ToLowerInvariant();
                if (kind is not ("html" or "docx"))
                {
                    return ApiResults.Invalid(new FieldErrors().Add("format", "Format must be html or docx"));
                }

                var report = await builder.BuildAsync(ct);
                return ReportFiles.File(report, kind);
            })
            .WithTags("Evaluation")
            .RequireAuthorization(Policies.Evaluation)
            .WithSummary("The evaluation report, dated today: performance against targets, participants' characteristics and outcomes, "
                + "the three models and the Theory of Change indicators. ?format=html (default, one print-friendly page) or docx (Word). "
                + "Aggregates only, small cells suppressed");
        return api;
    }
}

/// <summary>The report as a download named with its date.</summary>
public static class ReportFiles
{
    public static IResult File(EvaluationReport report, string kind)
    {
        ArgumentNullException.ThrowIfNull(report);
        var name = $"evaluation-report-{Formatting.IsoDate(report.Date)}";
        return kind == "docx"
            ? Results.File(ReportDocx.Write(report), ReportDocx.ContentType, name + ".docx")
            : Results.Content(ReportHtml.Write(report), "text/html; charset=utf-8", Encoding.UTF8);
    }
}
