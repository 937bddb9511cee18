using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>One import: its progress, the preview's counts, a page of its errors, and the buttons to apply it.</summary>
public sealed class DetailsModel(ImportHandler handler) : PageModel
{
    /// <summary>Seconds between refreshes while the file is being checked or applied: the page works without JavaScript.</summary>
    public const int RefreshSeconds = 2;

    public ImportView Import { get; private set; } = null!;

    public int ErrorsPage { get; private set; } = 1;

    public int ErrorPages => Math.Max(1, (Import.ErrorsTotal + ImportHandler.ErrorsPageSize - 1) / ImportHandler.ErrorsPageSize);

    public int ProgressPercent => Import.RowsTotal > 0 && !Import.InProgress
        ? 100
        : (int)Math.Clamp(Import.RowsProcessed * 100L / Math.Max(1, Import.Applying ? Import.RowsTotal : Math.Max(Import.RowsProcessed, 1)), 0, 100);

    public async Task<IActionResult> OnGetAsync(Guid id, int? errorsPage, CancellationToken cancellationToken)
    {
        ErrorsPage = Math.Max(1, errorsPage ?? 1);
        if (await handler.FindAsync(id, ErrorsPage, cancellationToken) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        if (import.InProgress)
        {
            Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, bool validRowsOnly, CancellationToken cancellationToken)
    {
        var result = await handler.ApplyAsync(id, validRowsOnly, inline: false, cancellationToken);
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Ok when result.Value!.Applying:
                TempData["Success"] = "Applying the file: this page shows its progress";
                break;
            case ResultStatus.Ok:
                var view = result.Value;
                TempData["Success"] = $"Applied: {view.RowsNew:N0} new, {view.RowsUpdated:N0} updated, {view.RowsUnchanged:N0} unchanged"
                    + (view.AppliedValidRowsOnly ? $"; {view.RowsInError:N0} rows with errors left out" : "");
                break;
            default:
                TempData["Error"] = result.Detail ?? result.Errors?.FirstOrDefault().Value;
                break;
        }

        return Redirect($"/imports/{id}");
    }

    public async Task<IActionResult> OnGetErrorsAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.ErrorFileAsync(id, cancellationToken) is { } file ? File(file.Content, "text/csv; charset=utf-8", file.FileName) : NotFound();
}
