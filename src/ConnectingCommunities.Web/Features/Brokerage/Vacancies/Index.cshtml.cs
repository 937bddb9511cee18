using System.Globalization;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.Brokerage.Employers;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Vacancies;

public sealed class IndexModel(VacancyHandler handler, BrokerageLots lots, CurrentUser user) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = nameof(VacancyStatus.Open);

    [BindProperty(SupportsGet = true)]
    public string? Lot { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Soc { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? EmployerId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts ClosingBy { get; set; } = new();

    public PagedList<VacancySummary> Vacancies { get; private set; } = new([], 0, 1, PageSize);

    public Pagination Pagination { get; private set; } = null!;

    public IReadOnlyList<Choice> Lots { get; private set; } = [];

    public IReadOnlyList<Choice> Statuses { get; } =
        [new(nameof(VacancyStatus.Open), "Open"), new(nameof(VacancyStatus.Closed), "Closed"), new(nameof(VacancyStatus.Filled), "Filled")];

    public bool CanAdd => user.IsLotScoped;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // "page" names the Razor page in route values, so the page number is read from the query string.
        var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        Lots = [.. (await lots.AllAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Code}: {l.Name}"))];
        var parsing = new FieldErrors();
        var closingBy = ClosingBy.Read("closingBy", "Closing date", parsing, required: false);
        var result = await handler.ListAsync(Status, Lot, Soc, null, closingBy, EmployerId, Search, page, PageSize, cancellationToken);
        if (result.Succeeded && !parsing.Any)
        {
            Vacancies = result.Value!;
        }
        else
        {
            ModelState.AddResult(parsing, result);
        }

        Pagination = new Pagination(Vacancies.Page, PageSize, Vacancies.Total, "/vacancies", new Dictionary<string, string?>
        {
            ["status"] = Status,
            ["lot"] = Lot,
            ["soc"] = Soc,
            ["search"] = Search,
            ["employerId"] = EmployerId?.ToString(),
            ["closingBy.Day"] = ClosingBy.Day,
            ["closingBy.Month"] = ClosingBy.Month,
            ["closingBy.Year"] = ClosingBy.Year,
        });
    }
}
