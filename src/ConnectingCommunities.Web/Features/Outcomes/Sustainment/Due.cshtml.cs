using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Outcomes.Sustainment;

/// <summary>
/// "Checks due": sustainment checks overdue, due today or due soon. An advisor starts from their own
/// caseload and can widen it to the lot; a manager sees the lot and can pick an advisor; a
/// commissioner sees every lot and can pick one.
/// </summary>
public sealed class DueModel(SustainmentWorklist worklist, CurrentUser user, CcDbContext db) : PageModel
{
    public const string Mine = "me";

    [BindProperty(SupportsGet = true, Name = "lot")]
    public string? Lot { get; set; }

    [BindProperty(SupportsGet = true, Name = "advisor")]
    public string? Advisor { get; set; }

    [BindProperty(SupportsGet = true, Name = "within")]
    public string? Within { get; set; }

    // From the query only: Razor Pages puts the page's own name in the route value "page".
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<DueCheckView> Checks { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public Pagination Pagination { get; private set; } = null!;

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public IReadOnlyList<Choice> AdvisorChoices { get; private set; } = [];

    public string Heading { get; private set; } = "Sustainment checks due";

    public int WithinDays { get; private set; } = SustainmentWorklist.DefaultWithinDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var lots = await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking().OrderBy(l => l.Code)
            .Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(cancellationToken);
        LotChoices = lots.Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})")).ToList();
        var lotIds = lots.Select(l => l.Id).ToList();
        var advisorRole = db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id);
        var advisors = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && advisorRole.Contains(r.RoleId)) && db.UserLots.Any(l => l.UserId == u.Id && lotIds.Contains(l.LotId)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var mine = user.IsInRole(Roles.Advisor) ? new[] { new Choice(Mine, "My caseload") } : [];
        AdvisorChoices = mine.Concat(advisors.Select(a => new Choice(a.Id.ToString(), a.DisplayName))).ToList();

        // An advisor starts from their own caseload; the filter widens it to the whole lot.
        if (Advisor is null && user.IsInRole(Roles.Advisor) && Request.Query.Count == 0)
        {
            Advisor = Mine;
        }

        var errors = new FieldErrors();
        int? within = null;
        if (!string.IsNullOrWhiteSpace(Within))
        {
            within = FormParsing.WholeNumber(Within, "within", "Number of days ahead", errors);
        }

        Guid? advisorId = Advisor == Mine ? user.UserId : Guid.TryParse(Advisor, out var parsed) ? parsed : null;
        Heading = Advisor == Mine ? "Your sustainment checks due" : "Sustainment checks due";
        var result = errors.Any
            ? Result<PagedList<DueCheckView>>.Invalid(new FieldErrors())
            : await worklist.DueAsync(new DueChecksFilter
            {
                LotCode = string.IsNullOrWhiteSpace(Lot) ? null : Lot,
                AdvisorId = advisorId,
                Within = within,
                Page = PageNumber,
            }, cancellationToken);
        if (result.Succeeded)
        {
            Checks = result.Value!;
            WithinDays = within ?? SustainmentWorklist.DefaultWithinDays;
        }
        else
        {
            ModelState.AddResult(errors, result);
        }

        var query = Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());

        // The next pages keep the advisor's own caseload when that was the default.
        query["advisor"] = Advisor ?? "";
        Pagination = new Pagination(Checks.Page, Checks.PageSize, Checks.Total, "/sustainment-checks", query);
        return Page();
    }
}
