using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ConnectingCommunities.Web.Features.Exports;

/// <summary>
/// Sends a prepared export as a download, writing rows to the response as they are read (for pages and
/// the API alike). Headers go first, so a failure after the first row ends the response early rather than
/// turning into an error page.
/// </summary>
public sealed class ExportResult(PreparedExport export) : IResult, IActionResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = export.ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(export.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        var service = httpContext.RequestServices.GetRequiredService<ExportService>();
        await service.WriteAsync(export, response.Body, httpContext.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }
}
