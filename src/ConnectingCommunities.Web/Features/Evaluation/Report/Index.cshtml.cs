using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Evaluation.Report;

/// <summary>/evaluation/report: one click produces the dated report, as a web page to print or as a Word document.</summary>
[Authorize(Policy = Policies.Evaluation)]
public sealed class IndexModel(EvaluationReportBuilder builder) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>/evaluation/report/html or /evaluation/report/docx.</summary>
    public async Task<IActionResult> OnGetFileAsync(string format, CancellationToken cancellationToken)
    {
        var kind = format?.ToLowerInvariant();
        if (kind is not ("html" or "docx"))
        {
            return NotFound();
        }

        var report = await builder.BuildAsync(cancellationToken);
        var name = $"evaluation-report-{Formatting.IsoDate(report.Date)}";
        return kind == "docx"
            ? File(ReportDocx.Write(report), ReportDocx.ContentType, name + ".docx")
            : Content(ReportHtml.Write(report), "text/html; charset=utf-8");
    }
}
