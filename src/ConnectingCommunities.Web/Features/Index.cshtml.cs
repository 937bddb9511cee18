using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Performance;
using ConnectingCommunities.Web.Features.SetUp.Lots;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features;

/// <summary>The start page: what the service is for before sign-in, the role's own start page after.</summary>
public sealed class IndexModel(CurrentUser user, LotHandler lots, ParticipantQueries participants, PerformanceQueries performance) : PageModel
{
    /// <summary>A count on the start page that links to the caseload list it counts.</summary>
    public sealed record CaseloadCount(string Label, int Count, string Href);

    public bool SignedIn => user.IsSignedIn;

    public string? Role => user.Role;

    public bool IsCommissioner => user.IsCommissioner;

    public bool IsLotScoped => user.IsLotScoped;

    public string Heading => Role switch
    {
        Roles.Commissioner => "Programme overview",
        Roles.Evaluator => "Evaluation",
        Roles.ProviderManager => "Your lot",
        Roles.Advisor => "Your caseload",
        _ => "Home",
    };

    public IReadOnlyList<LotView> Lots { get; private set; } = [];

    public IReadOnlyList<CaseloadCount> Caseload { get; private set; } = [];

    /// <summary>The headline figures to date: the programme's for a commissioner, their own lots' for a provider manager.</summary>
    public PerformanceReport? Headline { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (SignedIn)
        {
            Lots = await lots.ListAsync(cancellationToken);
        }

        if (user.IsCommissioner || user.IsInRole(Roles.ProviderManager))
        {
            Headline = (await performance.GetAsync(new PerformanceFilter(), cancellationToken)).Value;
        }

        if (user.IsInRole(Roles.Advisor) || user.IsInRole(Roles.ProviderManager))
        {
            Caseload = await CaseloadCountsAsync(cancellationToken);
        }
    }

    /// <summary>What needs attention: an advisor's own caseload, a manager's whole lot.</summary>
    private async Task<IReadOnlyList<CaseloadCount>> CaseloadCountsAsync(CancellationToken cancellationToken)
    {
        var mine = user.IsInRole(Roles.Advisor);
        var scope = new CaseloadFilter { AdvisorId = mine ? user.UserId : null, Status = ParticipantStatus.Active, PageSize = 1 };
        var advisor = mine ? "advisor=me&" : "advisor=&";
        var counts = new List<CaseloadCount>();
        foreach (var (label, filter, href) in new (string, CaseloadFilter, string)[]
                 {
                     ("Active participants", scope, $"/participants?{advisor}status=Active"),
                     ("Not yet engaged", scope with { Engaged = false }, $"/participants?{advisor}status=Active&engaged=no"),
                     ($"No contact for {ParticipantQueries.NoContactDays} days", scope with { NoContactFor30Days = true }, $"/participants?{advisor}status=Active&needs=noContact&sort=LastContact"),
                     ("With overdue actions", scope with { OverdueActions = true }, $"/participants?{advisor}status=Active&needs=overdue"),
                 })
        {
            var result = await participants.SearchAsync(filter, cancellationToken);
            counts.Add(new CaseloadCount(label, result.Value?.Total ?? 0, href));
        }

        return counts;
    }
}
