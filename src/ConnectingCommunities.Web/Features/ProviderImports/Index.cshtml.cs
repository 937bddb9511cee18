using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>A provider manager's imports, newest first, and the form to upload the next file.</summary>
[RequestSizeLimit(ImportsApi.RequestLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportsApi.RequestLimitBytes)]
public sealed class IndexModel(ImportHandler handler) : PageModel
{
    public IReadOnlyList<ImportView> All { get; private set; } = [];

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public IReadOnlyList<Choice> TypeChoices { get; } =
    [
        new("participants", "Participants"),
        new("interventions", "Interventions"),
        new("job-starts", "Job starts"),
        new("sustainment-checks", "Sustainment checks"),
    ];

    [BindProperty]
    public string? LotCode { get; set; }

    [BindProperty]
    public string? Type { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var upload = file is null ? null : new ImportUpload(file.FileName, file.Length, file.OpenReadStream);
        var result = await handler.UploadAsync(LotCode, Type, upload, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/imports/{result.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        All = await handler.ListAsync(cancellationToken);
        LotChoices = (await handler.OwnLotsAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})")).ToList();
        if (LotCode is null && LotChoices.Count == 1)
        {
            LotCode = LotChoices[0].Value;
        }
    }
}
