using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants.Plan;

/// <summary>What the goal forms post, as typed.</summary>
public sealed class GoalForm
{
    public string? Description { get; set; }
    public DateParts AgreedOn { get; set; } = new();
    public DateParts TargetDate { get; set; } = new();
    public DateParts AchievedOn { get; set; } = new();
    public string? Reason { get; set; }
    public int? Version { get; set; }

    public static GoalForm From(GoalView goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return new GoalForm
        {
            Description = goal.Description,
            AgreedOn = DateParts.From(goal.AgreedOn),
            TargetDate = DateParts.From(goal.TargetDate),
            AchievedOn = DateParts.From(goal.AchievedOn),
            Version = goal.Version,
        };
    }

    public GoalInput ToInput(FieldErrors errors) => new()
    {
        // The page always sends the description, so an empty one is refused rather than kept.
        Description = Description ?? "",
        AgreedOn = (AgreedOn ?? new DateParts()).Read("agreedOn", "date agreed", errors),
        TargetDate = (TargetDate ?? new DateParts()).Read("targetDate", "target date", errors, required: false),
        AchievedOn = (AchievedOn ?? new DateParts()).Read("achievedOn", "date achieved", errors, required: false),
        Reason = Reason,
        Version = Version,
    };
}

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class AddGoalModel(ActionPlanHandler handler, ParticipantAccess access) : PageModel
{
    [BindProperty]
    public GoalForm Form { get; set; } = new();

    public PlanParticipant Participant { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }

        Participant = PlanParticipant.From(participant);
        Form = new GoalForm { AgreedOn = DateParts.From(access.Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }

        Participant = PlanParticipant.From(participant);
        var errors = new FieldErrors();
        var input = Form.ToInput(errors) with { AchievedOn = null };
        var result = await handler.AddGoalAsync(id, input, errors.Any ? SaveMode.CheckOnly : SaveMode.Save, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = "Goal added";
        return Redirect($"/participants/{id}/action-plan");
    }
}
