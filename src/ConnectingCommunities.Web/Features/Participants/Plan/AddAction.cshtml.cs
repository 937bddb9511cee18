using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>What the add-an-action form posts, as typed.</summary>
public sealed class ActionForm
{
    public string? Action { get; set; }
    public string? Details { get; set; }
    public string? Status { get; set; }
    public DateParts IdentifiedOn { get; set; } = new();
    public DateParts DueOn { get; set; } = new();
    public string? GoalId { get; set; }

    public ActionInput ToInput(FieldErrors errors)
    {
        Guid? goalId = null;
        if (!string.IsNullOrWhiteSpace(GoalId))
        {
            if (Guid.TryParse(GoalId, out var id))
            {
                goalId = id;
            }
            else
            {
                errors.Add("goalId", "Select a goal from the list, or no goal");
            }
        }

        return new ActionInput
        {
            Action = Action,
            Details = Details,
            Status = Status,
            IdentifiedOn = (IdentifiedOn ?? new DateParts()).Read("identifiedOn", "date identified", errors),
            DueOn = (DueOn ?? new DateParts()).Read("dueOn", "due date", errors, required: false),
            GoalId = goalId,
        };
    }
}

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class AddActionModel(ActionPlanHandler handler) : PageModel
{
    /// <summary>A new action is identified, or already agreed with the participant.</summary>
    public static IReadOnlyList<Choice> Statuses { get; } = PlanDisplay.StatusChoices([ActionStatus.Identified, ActionStatus.Agreed]);

    [BindProperty]
    public ActionForm Form { get; set; } = new();

    public PlanParticipant Participant { get; private set; } = null!;

    public IReadOnlyList<Choice> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, logView: true, cancellationToken))
        {
            return NotFound();
        }

        Form = new ActionForm { Action = action, Status = nameof(ActionStatus.Identified), IdentifiedOn = DateParts.From(handler.Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, logView: false, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Form.Status))
        {
            errors.Add("status", "Select whether the action is identified or agreed");
        }

        var input = Form.ToInput(errors);
        var result = await handler.AddActionAsync(id, input, errors.Any ? SaveMode.CheckOnly : SaveMode.Save, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = $"{result.Value!.DisplayName} added to the plan";
        return Redirect($"/participants/{id}/action-plan");
    }

    private async Task<bool> LoadAsync(Guid id, bool logView, CancellationToken cancellationToken)
    {
        // The goals to link to are part of the plan, so the page reads the plan (and a first view logs it).
        if (await handler.PlanAsync(id, logView, cancellationToken) is not { } plan)
        {
            return false;
        }

        Participant = plan.Participant;
        Goals = plan.Goals.Where(g => !g.IsAchieved).Select(g => new Choice(g.Id.ToString(), g.Description)).ToList();
        return true;
    }
}
