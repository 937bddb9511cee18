using System.Globalization;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Areas;

public sealed class IndexModel(AreaHandler handler) : PageModel
{
    public const int PageSize = 50;

    public AreaSummary Summary { get; private set; } = null!;

    public PagedList<LotPostcodeView> Postcodes { get; private set; } = new([], 0, 1, PageSize);

    public Pagination Pagination { get; private set; } = null!;

    public string? Search { get; private set; }

    public string Mode { get; private set; } = "add";

    public string? Reason { get; private set; }

    /// <summary>The first rows of a refused upload, and how many rows were refused in all.</summary>
    public IReadOnlyList<PostcodeRowError> RowErrors { get; private set; } = [];

    public int RowErrorCount { get; private set; }

    public IReadOnlyList<Choice> Modes { get; } =
    [
        new("add", "Add them to the area", "Postcodes already in the area stay in it"),
        new("replace", "Replace the area with them", "Postcodes of the area that are not in the file are removed from it"),
    ];

    public string AreaPath => $"/setup/lots/{Summary.Code.ToLowerInvariant()}/area";

    /// <summary>"page" is read from the query string by name: Razor Pages' route values use that name too.</summary>
    public async Task<IActionResult> OnGetAsync(
        string code, string? search, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken) =>
        await LoadAsync(code, search, PageNumber(pageNumber), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(
        string code, IFormFile? file, string? mode, string? reason, CancellationToken cancellationToken)
    {
        AreaImport import;
        await using (var stream = file?.OpenReadStream())
        {
            import = await handler.ImportCsvAsync(code, stream, mode, reason, cancellationToken);
        }

        if (import.Result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!import.Result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), import.Result);
            RowErrors = import.Rows;
            RowErrorCount = import.RowErrorCount;
            Mode = mode ?? "add";
            Reason = reason;
            return await LoadAsync(code, null, null, cancellationToken) ? Page() : NotFound();
        }

        var change = import.Result.Value!;
        TempData["Success"] = Describe(change);
        return Redirect($"/setup/lots/{code.ToLowerInvariant()}/area");
    }

    public async Task<IActionResult> OnPostAddAsync(string code, string? postcode, CancellationToken cancellationToken)
    {
        var result = await handler.AddAsync(code, postcode, cancellationToken: cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return await LoadAsync(code, null, null, cancellationToken) ? Page() : NotFound();
        }

        TempData["Success"] = $"{result.Value!.Postcode} added to the area";
        return Redirect($"/setup/lots/{code.ToLowerInvariant()}/area");
    }

    public async Task<IActionResult> OnPostRemoveAsync(
        string code, string? postcode, string? search, string? returnPage, CancellationToken cancellationToken)
    {
        var page = PageNumber(returnPage);
        if (await handler.FindLotAsync(code, cancellationToken) is null)
        {
            return NotFound();
        }

        var result = await handler.RemoveAsync(code, postcode, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            var errors = new FieldErrors();
            if (result.Status == ResultStatus.NotFound)
            {
                errors.Add("", $"{postcode} is not in this lot's area: it may have been removed already");
            }

            ModelState.AddResult(errors, result);
            return await LoadAsync(code, search, page, cancellationToken) ? Page() : NotFound();
        }

        TempData["Success"] = $"{result.Value!.Postcode} removed from the area";
        var back = new Pagination(page, PageSize, int.MaxValue, $"/setup/lots/{code.ToLowerInvariant()}/area",
            new Dictionary<string, string?> { ["search"] = search });
        return Redirect(back.Href(page));
    }

    private static string Describe(AreaChange change)
    {
        var parts = new List<string> { $"{Formatting.Number(change.Added)} {Plural(change.Added, "postcode")} added" };
        if (change.Removed > 0)
        {
            parts.Add($"{Formatting.Number(change.Removed)} removed");
        }

        if (change.Unchanged > 0)
        {
            parts.Add($"{Formatting.Number(change.Unchanged)} already in the area");
        }

        if (change.Duplicates > 0)
        {
            parts.Add($"{Formatting.Number(change.Duplicates)} repeated in the file and counted once");
        }

        return $"{string.Join(", ", parts)}. The area now has {Formatting.Number(change.Total)} {Plural(change.Total, "postcode")}.";
    }

    private static int PageNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    private async Task<bool> LoadAsync(string code, string? search, int? page, CancellationToken cancellationToken)
    {
        if (await handler.SummaryAsync(code, cancellationToken) is not { } summary)
        {
            return false;
        }

        Summary = summary;
        Search = search;
        Postcodes = (await handler.ListAsync(code, search, page, PageSize, cancellationToken))!;
        Pagination = new Pagination(Postcodes.Page, Postcodes.PageSize, Postcodes.Total, AreaPath,
            new Dictionary<string, string?> { ["search"] = search });
        return true;
    }
}
