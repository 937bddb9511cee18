using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class EditGoalModel(ActionPlanHandler handler) : PageModel
{
    [BindProperty]
    public GoalForm Form { get; set; } = new();

    public PlanParticipant Participant { get; private set; } = null!;

    public GoalView Goal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid goalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, goalId, logView: true, cancellationToken))
        {
            return NotFound();
        }

        Form = GoalForm.From(Goal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid goalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, goalId, logView: false, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        var result = await handler.UpdateGoalAsync(id, goalId, input, errors.Any ? SaveMode.CheckOnly : SaveMode.Save, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = "Goal saved";
        return Redirect($"/participants/{id}/action-plan");
    }

    private async Task<bool> LoadAsync(Guid id, Guid goalId, bool logView, CancellationToken cancellationToken)
    {
        if (await handler.FindGoalAsync(id, goalId, logView, cancellationToken) is not { } found)
        {
            return false;
        }

        (Participant, Goal) = found;
        return true;
    }
}
