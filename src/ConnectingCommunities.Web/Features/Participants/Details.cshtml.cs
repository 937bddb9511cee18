using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.Outcomes;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants;

/// <summary>A participant's summary, details, contacts and timeline. Every view is logged.</summary>
public sealed class DetailsModel(
    ParticipantQueries queries, InterventionHandler interventions, TimelineQuery timeline, ParticipantAccess access, CurrentUser user, JobStartHandler jobStarts)
    : PageModel
{
    public ParticipantView Participant { get; private set; } = null!;

    public IReadOnlyList<InterventionView> Interventions { get; private set; } = [];

    public IReadOnlyList<MilestoneView> Milestones { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<JobStartView> JobStarts { get; private set; } = [];

    public int EngagementThreshold { get; private set; } = 3;

    public int MeaningfulMinutes { get; private set; }

    public bool CanEdit => user.IsInRole(Roles.Advisor) || user.IsInRole(Roles.ProviderManager);

    public bool CanReassign => user.IsInRole(Roles.ProviderManager);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }

        Participant = participant;
        Interventions = (await interventions.ListAsync(id, cancellationToken))!;
        Milestones = (await interventions.MilestonesAsync(id, cancellationToken))!;
        Timeline = (await timeline.ForAsync(id, cancellationToken))!;
        JobStarts = (await jobStarts.ListAsync(id, logView: false, cancellationToken))!;
        var (rule, threshold) = await interventions.RuleAsync(cancellationToken);
        EngagementThreshold = threshold;
        MeaningfulMinutes = rule.MinimumMinutes;
        await access.LogViewAsync(id, "record", cancellationToken);
        return Page();
    }
}
