using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>The remittance advice as a download, for anyone who may see the run (the same lines as on screen).</summary>
public sealed class RemittanceModel(PaymentRunHandler handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string format, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx") || await handler.FindAsync(id, cancellationToken) is not { } run)
        {
            return NotFound();
        }

        return format == "csv"
            ? File(RemittanceExport.Csv(run), RemittanceExport.CsvContentType, RemittanceExport.FileName(run, "csv"))
            : File(RemittanceExport.Xlsx(run), RemittanceExport.XlsxContentType, RemittanceExport.FileName(run, "xlsx"));
    }
}
