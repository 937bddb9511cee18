using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Exports;

/// <summary>
/// /exports/{table}?format=csv|xlsx&amp;…the list page's own filters…: the "Download as CSV / XLSX" links
/// under each list. The same service as the API, with the page's sign-in; a table the caller's role cannot
/// list is 403, and a filter the list would not accept is 400 naming it.
/// </summary>
public sealed class DownloadModel(ExportService service) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string table, string? format, CancellationToken cancellationToken)
    {
        var (export, refusal, errors) = await service.PrepareAsync(table, format, ExportQuery.From(Request.Query), User, cancellationToken);
        return refusal switch
        {
            ExportRefusal.UnknownTable => NotFound(),
            ExportRefusal.Forbidden => Forbid(),
            ExportRefusal.Invalid => BadRequest(string.Join(" ", errors!.Select(e => $"{e.Key}: {e.Value}."))),
            _ => new ExportResult(export!),
        };
    }
}
