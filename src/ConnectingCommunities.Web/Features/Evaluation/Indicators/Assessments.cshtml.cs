using ConnectingCommunities.Web.Features.Participants.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Evaluation.Indicators;

/// <summary>A participant's baseline and follow-up Theory of Change assessments.</summary>
[Authorize(Policy = Infrastructure.Policies.Casework)]
public sealed class AssessmentsModel(IndicatorAssessmentHandler handler, IAuthorizationService authorization) : PageModel
{
    public IndicatorAssessmentList List { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.ListAsync(id, logView: true, cancellationToken) is not { } list)
        {
            return NotFound();
        }

        List = list;
        CanChange = await PlanDisplay.CanChangeAsync(authorization, User);
        return Page();
    }
}
