using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Web.Features.SetUp.Areas;
using ConnectingCommunities.Web.Features.SetUp.Tariffs;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Claims;

/// <summary>Claims by lot, period and status: a manager's lots' claims, every claim for commissioners.</summary>
public sealed class IndexModel(ClaimQueries queries, ClaimAccess access, ClaimHandler handler, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lotCode")]
    public string? LotCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>?page=N, read from the query itself: "page" is also the route value naming the Razor page.</summary>
    public int? PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : null;

    public PagedList<ClaimSummary> Claims { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public Pagination Pagination { get; private set; } = null!;

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public IReadOnlyList<Choice> PeriodChoices { get; private set; } = [];

    public bool CanClaim => user.IsInRole(Roles.ProviderManager);

    public bool IsCommissioner => user.IsCommissioner;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        LotChoices = [.. (await access.LotsAsync(cancellationToken)).Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})"))];
        PeriodChoices = [.. (await handler.OpenPeriodsAsync(cancellationToken)).Select(p => new Choice(p.ToString(), ClaimHandler.Month(p.Start)))];
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(Period) && !ClaimPeriod.TryParse(Period, out _))
        {
            errors.Add("period", "Choose a month from the list");
        }

        var status = ProgrammeChoices.ReadFilter<ClaimStatus>(Status, "status", errors);
        ModelState.AddErrors(errors);
        if (!errors.Any)
        {
            Claims = await queries.ListAsync(new ClaimQuery(LotCode, Period?.Trim(), status), PageNumber, Paging.DefaultPageSize, cancellationToken: cancellationToken);
        }

        Pagination = new Pagination(Claims.Page, Claims.PageSize, Claims.Total, "/claims",
            new Dictionary<string, string?> { ["lotCode"] = LotCode, ["period"] = Period, ["status"] = Status });
    }
}
