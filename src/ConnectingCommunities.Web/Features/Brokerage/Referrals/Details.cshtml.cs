using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Referrals;

/// <summary>What the status form posts, as typed.</summary>
public sealed class ReferralStatusForm
{
    public string? Status { get; set; }
    public DateParts Date { get; set; } = new();
    public string? Reason { get; set; }
    public int? Version { get; set; }
}

public sealed class DetailsModel(ReferralHandler handler, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public ReferralStatusForm Form { get; set; } = new();

    public PlanParticipant Participant { get; private set; } = null!;

    public ReferralView Referral { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public IReadOnlyList<Choice> StatusChoices => [.. Referral.NextStatuses.Select(s => new Choice(s.ToString(), ReferralHandler.DisplayName(s), Hint(s)))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, logView: true, cancellationToken))
        {
            return NotFound();
        }

        Form = new ReferralStatusForm { Version = Referral.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, logView: false, cancellationToken))
        {
            return NotFound();
        }

        if (!CanChange)
        {
            return Forbid();
        }

        var errors = new FieldErrors();
        var date = (Form.Date ?? new DateParts()).Read("date", "date", errors, required: false);
        var result = await handler.ChangeStatusAsync(id, new ReferralStatusInput
        {
            Status = Form.Status,
            Date = date,
            Reason = Form.Reason,
            Version = Form.Version,
        }, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = result.Value!.Status switch
        {
            Data.Entities.ReferralStatus.Started => "Job start recorded from the referral. Add its evidence on the participant's record before it can be claimed",
            var status => $"Referral status changed to {ReferralHandler.DisplayName(status)}",
        };
        return Redirect($"/referrals/{id}");
    }

    private static string? Hint(Data.Entities.ReferralStatus status) => status switch
    {
        Data.Entities.ReferralStatus.Interview => "Enter the interview date; it may be ahead",
        Data.Entities.ReferralStatus.Started => "Records the job start from the vacancy's details, dated the start date",
        Data.Entities.ReferralStatus.Unsuccessful or Data.Entities.ReferralStatus.Withdrawn => "Give the reason",
        _ => null,
    };

    private async Task<bool> LoadAsync(Guid id, bool logView, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, logView, cancellationToken) is not { } found)
        {
            return false;
        }

        (Participant, Referral) = found;
        CanChange = await PlanDisplay.CanChangeAsync(authorization, User);
        return true;
    }
}
