using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants;

/// <summary>The caseload: an advisor's own list by default, the lot's list for managers, searchable and filtered.</summary>
public sealed class IndexModel(ParticipantQueries queries, CurrentUser user, CcDbContext db) : PageModel
{
    public const string Mine = "me";
    public const string Nobody = "unassigned";

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "lot")]
    public string? Lot { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cohort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Engaged { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Barrier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Advisor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string[] Needs { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    // From the query only: Razor Pages puts the page's own name in the route value "page".
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<ParticipantListItem> Participants { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public Pagination Pagination { get; private set; } = null!;

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public IReadOnlyList<Choice> AdvisorChoices { get; private set; } = [];

    public bool CanRegister => user.IsInRole(Roles.Advisor) || user.IsInRole(Roles.ProviderManager);

    public bool CanReassign => user.IsInRole(Roles.ProviderManager);

    public string Heading { get; private set; } = "Caseload";

    public static IReadOnlyList<Choice> CohortChoices { get; } = Enum.GetValues<Cohort>().Select(c => new Choice(c.ToString(), c.DisplayName())).ToList();

    public static IReadOnlyList<Choice> StatusChoices { get; } =
        Enum.GetValues<ParticipantStatus>().Select(s => new Choice(s.ToString(), s.DisplayName())).ToList();

    public static IReadOnlyList<Choice> EngagedChoices { get; } = [new("yes", "Engaged"), new("no", "Not yet engaged")];

    public static IReadOnlyList<Choice> BarrierChoices { get; } = Barriers.All.Select(b => new Choice(b.Code, b.DisplayName)).ToList();

    public static IReadOnlyList<Choice> NeedChoices { get; } =
    [
        new("noContact", $"No contact for {ParticipantQueries.NoContactDays} days"),
        new("overdue", "Overdue actions"),
    ];

    public static IReadOnlyList<Choice> SortChoices { get; } =
    [
        new(nameof(CaseloadSort.Name), "Last name"),
        new(nameof(CaseloadSort.Reference), "Reference"),
        new(nameof(CaseloadSort.RegisteredOn), "Newest registrations"),
        new(nameof(CaseloadSort.LastContact), "Longest without contact"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var lots = await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking().OrderBy(l => l.Code)
            .Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(cancellationToken);
        LotChoices = lots.Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})")).ToList();
        var lotIds = lots.Select(l => l.Id).ToList();
        var advisorRole = db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id);
        var advisors = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && advisorRole.Contains(r.RoleId)) && db.UserLots.Any(l => l.UserId == u.Id && lotIds.Contains(l.LotId)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.IsActive }).ToListAsync(cancellationToken);
        AdvisorChoices = new[] { new Choice(Mine, "My caseload"), new Choice(Nobody, "No advisor assigned") }
            .Concat(advisors.Select(a => new Choice(a.Id.ToString(), a.IsActive ? a.DisplayName : $"{a.DisplayName} (inactive)"))).ToList();

        // An advisor starts from their own caseload; anyone can widen the list to the whole lot.
        if (Advisor is null && user.IsInRole(Roles.Advisor) && Request.Query.Count == 0)
        {
            Advisor = Mine;
        }

        var errors = new FieldErrors();
        var filter = new CaseloadFilter
        {
            LotCode = string.IsNullOrWhiteSpace(Lot) ? null : Lot,
            Search = Search,
            Cohort = Codes.Enum<Cohort>(Cohort, "cohort", "cohort", errors),
            Status = Codes.Enum<ParticipantStatus>(Status, "status", "status", errors),
            Engaged = Engaged switch { "yes" => true, "no" => false, _ => null },
            Barrier = string.IsNullOrWhiteSpace(Barrier) ? null : Barrier,
            AdvisorId = Advisor == Mine ? user.UserId : Guid.TryParse(Advisor, out var advisorId) ? advisorId : null,
            Unassigned = Advisor == Nobody,
            NoContactFor30Days = Needs.Contains("noContact"),
            OverdueActions = Needs.Contains("overdue"),
            Sort = Codes.Enum<CaseloadSort>(Sort, "sort", "sort order", errors) ?? CaseloadSort.Name,
            Descending = Sort == nameof(CaseloadSort.RegisteredOn),
            Page = PageNumber,
        };
        if (filter.Sort == CaseloadSort.LastContact)
        {
            filter = filter with { Descending = false };
        }

        Heading = Advisor == Mine ? "Your caseload" : "Caseload";
        var result = errors.Any ? Result<PagedList<ParticipantListItem>>.Invalid(errors) : await queries.SearchAsync(filter, cancellationToken);
        if (result.Succeeded)
        {
            Participants = result.Value!;
        }
        else
        {
            ModelState.AddResult(new FieldErrors(), result);
        }

        var query = Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        Pagination = new Pagination(Participants.Page, Participants.PageSize, Participants.Total, "/participants", query);
        return Page();
    }
}
