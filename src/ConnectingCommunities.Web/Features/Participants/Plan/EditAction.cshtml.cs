using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>What the change-an-action form posts, as typed.</summary>
public sealed class ActionChangeForm
{
    public string? Status { get; set; }
    public DateParts CompletedOn { get; set; } = new();
    public string? NotDoneReason { get; set; }
    public DateParts DueOn { get; set; } = new();
    public string? Reason { get; set; }
    public int? Version { get; set; }

    public static ActionChangeForm From(ActionView action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new ActionChangeForm
        {
            Status = action.Status.ToString(),
            CompletedOn = DateParts.From(action.CompletedOn),
            NotDoneReason = action.NotDoneReason,
            DueOn = DateParts.From(action.DueOn),
            Version = action.Version,
        };
    }

    public ActionChangeInput ToInput(FieldErrors errors) => new()
    {
        Status = Status,
        CompletedOn = (CompletedOn ?? new DateParts()).Read("completedOn", "date completed", errors, required: false),
        NotDoneReason = NotDoneReason,
        DueOn = (DueOn ?? new DateParts()).Read("dueOn", "due date", errors, required: false),
        Reason = Reason,
        Version = Version,
    };
}

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class EditActionModel(ActionPlanHandler handler) : PageModel
{
    [BindProperty]
    public ActionChangeForm Form { get; set; } = new();

    public PlanParticipant Participant { get; private set; } = null!;

    public ActionView Action { get; private set; } = null!;

    /// <summary>Only the moves the plan allows from the action's status, its own included.</summary>
    public IReadOnlyList<Choice> Statuses => PlanDisplay.StatusChoices(PlanRules.NextStatuses(Action.Status));

    public async Task<IActionResult> OnGetAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, actionId, logView: true, cancellationToken))
        {
            return NotFound();
        }

        Form = ActionChangeForm.From(Action);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, actionId, logView: false, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        var result = await handler.UpdateActionAsync(id, actionId, input, errors.Any ? SaveMode.CheckOnly : SaveMode.Save, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = $"{result.Value!.DisplayName}: {result.Value.Status.DisplayName().ToLowerInvariant()}";
        return Redirect($"/participants/{id}/action-plan");
    }

    private async Task<bool> LoadAsync(Guid id, Guid actionId, bool logView, CancellationToken cancellationToken)
    {
        if (await handler.FindActionAsync(id, actionId, logView, cancellationToken) is not { } found)
        {
            return false;
        }

        (Participant, Action) = found;
        return true;
    }
}
