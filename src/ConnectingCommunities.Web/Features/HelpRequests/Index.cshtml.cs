using System.Globalization;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.HelpRequests;

/// <summary>The triage list: residents' requests for help in the user's lots, newest first.</summary>
public sealed class IndexModel(HelpRequestHandler handler) : PageModel
{
    public const int PageSize = 25;

    public PagedList<HelpRequestView> Requests { get; private set; } = new([], 0, 1, PageSize);

    public Pagination Pagination { get; private set; } = null!;

    public string? Status { get; private set; }

    public string? Lot { get; private set; }

    public IReadOnlyList<Choice> Statuses { get; } = Enum.GetValues<HelpRequestStatus>()
        .Select(s => new Choice(s.ToString(), StatusText(s)))
        .ToList();

    public IReadOnlyList<Choice> Lots { get; private set; } = [];

    public bool CanChange => handler.CanChange;

    public static string StatusText(HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.New => "New",
        HelpRequestStatus.Contacted => "Contacted",
        HelpRequestStatus.Registered => "Registered",
        HelpRequestStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    /// <summary>The GOV.UK tag colour for a status: new requests stand out, closed ones recede.</summary>
    public static string StatusTagClass(HelpRequestStatus status) => status switch
    {
        HelpRequestStatus.Contacted => "govuk-tag govuk-tag--yellow",
        HelpRequestStatus.Registered => "govuk-tag govuk-tag--green",
        HelpRequestStatus.Closed => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag",
    };

    public static string PreferenceText(string? preference) => preference switch
    {
        nameof(ContactPreference.Email) => "Email",
        nameof(ContactPreference.Telephone) => "Phone call",
        nameof(ContactPreference.TextMessage) => "Text message",
        _ => "Not given",
    };

    /// <summary>"page" is read from the query string by name: Razor Pages' route values use that name too.</summary>
    public async Task<IActionResult> OnGetAsync(string? status, string? lot, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        var page = int.TryParse(pageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        var lots = await handler.LotsAsync(cancellationToken);
        Lots = lots.Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})")).ToList();
        Status = status;
        Lot = lot;
        var result = await handler.ListAsync(lot, status, page, PageSize, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            // An unknown status in the address: say so, and show every status.
            ModelState.AddResult(new FieldErrors(), result);
            Status = null;
            result = await handler.ListAsync(lot, null, page, PageSize, cancellationToken);
        }

        Requests = result.Value!;
        Pagination = new Pagination(Requests.Page, Requests.PageSize, Requests.Total, "/help-requests",
            new Dictionary<string, string?> { ["status"] = Status, ["lot"] = Lot });
        return Page();
    }
}
