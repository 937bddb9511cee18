using ConnectingCommunities.Domain.DataExchange;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>The published import templates: the list, and each template's columns with its downloads.</summary>
public sealed class TemplatesModel : PageModel
{
    public IReadOnlyList<ImportTemplate> All { get; } = ImportTemplates.All;

    public ImportTemplate? Template { get; private set; }

    public IActionResult OnGet(string? type)
    {
        if (type is null)
        {
            return Page();
        }

        Template = ImportTemplates.Find(type);
        return Template is null ? NotFound() : Page();
    }

    public IActionResult OnGetDownload(string? type, string? format) => type is null
        ? NotFound()
        : new HttpResultAdapter(ImportTemplatesApi.Download(type, format));

    /// <summary>Lets the page hand back the same file (or problem) as the API, so the two never differ.</summary>
    private sealed class HttpResultAdapter(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
