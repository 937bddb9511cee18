using ConnectingCommunities.Domain.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

public sealed class ActionPlanModel(ActionPlanHandler handler, IAuthorizationService authorization) : PageModel
{
    public ActionPlanView Plan { get; private set; } = null!;

    public bool CanChange { get; private set; }

    /// <summary>The plan's actions by activity type, in the order of the six types; types without actions are left out.</summary>
    public IReadOnlyList<IGrouping<ActivityType, ActionView>> ActionsByType { get; private set; } = [];

    public string? GoalOf(ActionView action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.GoalId is { } id ? Plan.Goals.FirstOrDefault(g => g.Id == id)?.Description : null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.PlanAsync(id, logView: true, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        ActionsByType = plan.Actions.GroupBy(a => a.ActivityType).OrderBy(g => g.Key).ToList();
        CanChange = await PlanDisplay.CanChangeAsync(authorization, User);
        return Page();
    }
}
