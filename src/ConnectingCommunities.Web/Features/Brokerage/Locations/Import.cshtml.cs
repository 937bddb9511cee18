using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Locations;

/// <summary>Commissioners import postcode coordinates for the matching's straight-line distances.</summary>
[Authorize(Policy = Policies.SetUp)]
[RequestSizeLimit(200_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = 200_000_000)]
public sealed class ImportModel(PostcodeLocationImporter importer) : PageModel
{
    public int Total { get; private set; }

    public int Demo { get; private set; }

    public PostcodeImportResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => (Total, Demo) = await importer.CountAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Select a CSV file of postcode,latitude,longitude");
            (Total, Demo) = await importer.CountAsync(cancellationToken);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Result = await importer.ImportAsync(stream, cancellationToken);
        if (!Result.Succeeded)
        {
            ModelState.AddModelError("file", $"The file has {Result.ErrorCount} rows that cannot be imported, so nothing was imported");
            (Total, Demo) = await importer.CountAsync(cancellationToken);
            return Page();
        }

        TempData["Success"] = $"{Result.Added:N0} postcodes added and {Result.Updated:N0} updated";
        return Redirect("/setup/postcode-locations");
    }
}
