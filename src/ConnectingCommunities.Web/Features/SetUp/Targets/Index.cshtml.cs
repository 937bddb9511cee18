using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.SetUp.Targets;

public sealed class IndexModel(TargetHandler handler) : PageModel
{
    private Dictionary<(Milestone, DateOnly), ProfileEntry> cells = [];

    /// <summary>The lot's code from ?lot=WH; the first lot when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lot { get; set; }

    public IReadOnlyList<Choice> Lots { get; private set; } = [];

    public TargetProfile? Profile { get; private set; }

    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];

    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];

    /// <summary>Every target shown is a demo value: one tag on the table says so, rather than one in every cell.</summary>
    public bool AllDemo { get; private set; }

    public ProfileEntry? Cell(Milestone milestone, Quarter quarter) => cells.GetValueOrDefault((milestone, quarter.Start));

    public int Total(Milestone milestone) =>
        Profile?.Current.Where(e => e.Target.Milestone == milestone).Sum(e => e.Target.Count) ?? 0;

    /// <summary>The variation that replaced an earlier target in this quarter, if any, e.g. the Covid-19 adjustment.</summary>
    public TargetView? VariationIn(Quarter quarter) =>
        Profile?.Current.Where(e => e.Target.QuarterStart == quarter.Start && e.Superseded is not null)
            .Select(e => e.Target)
            .OrderByDescending(t => t.EffectiveFrom)
            .FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var lots = await handler.LotChoicesAsync(cancellationToken);
        Lots = lots.Select(l => new Choice(l.Code, $"{l.Name} ({l.Code})")).ToList();
        if (lots.Count == 0)
        {
            return Page();
        }

        Profile = await handler.ProfileAsync(string.IsNullOrWhiteSpace(Lot) ? lots[0].Code : Lot, cancellationToken);
        if (Profile is null)
        {
            return NotFound();
        }

        Lot = Profile.Lot;
        cells = Profile.Current.ToDictionary(e => (e.Target.Milestone, e.Target.QuarterStart));
        Quarters = Profile.Current.Select(e => Quarter.Containing(e.Target.QuarterStart)).Distinct().Order().ToList();
        Milestones = Profile.Current.Select(e => e.Target.Milestone).Distinct().Order().ToList();
        AllDemo = Profile.Current.Count > 0 && Profile.Current.All(e => e.Target.IsDemo);
        return Page();
    }
}
