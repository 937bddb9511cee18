using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Tariffs;

public sealed class IndexModel(TariffHandler handler, TimeProvider clock) : PageModel
{
    private Dictionary<(Milestone, Cohort), TariffView> inForce = [];

    /// <summary>The day whose rates the table shows, typed into a date input; today when empty.</summary>
    [BindProperty(SupportsGet = true, Name = "on")]
    public DateParts On { get; set; } = new();

    public DateOnly Day { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<TariffView> History { get; private set; } = [];

    public IReadOnlyList<Milestone> Milestones { get; } = Enum.GetValues<Milestone>();

    public IReadOnlyList<Cohort> Cohorts { get; } = Enum.GetValues<Cohort>();

    public TariffView? RateFor(Milestone milestone, Cohort cohort) => inForce.GetValueOrDefault((milestone, cohort));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = Formatting.TodayInLondon(clock);
        var errors = new FieldErrors();
        var chosen = On.Read("on", "date", errors, required: false);
        ModelState.AddErrors(errors);
        if (On.IsEmpty)
        {
            On = DateParts.From(Today);
        }

        Day = chosen ?? Today;
        var rates = await handler.ListAsync(new TariffQuery(On: Day), cancellationToken);
        inForce = rates.ToDictionary(r => (r.Milestone, r.Cohort));
        History = await handler.ListAsync(new TariffQuery(), cancellationToken);
    }
}
