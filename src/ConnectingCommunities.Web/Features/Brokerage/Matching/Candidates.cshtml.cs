using System.Globalization;
using ConnectingCommunities.Web.Features.Brokerage.Referrals;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

/// <summary>A vacancy's candidates: only the participants of the user's lots, ranked by the same rules as their matches.</summary>
public sealed class CandidatesModel(MatchingHandler handler, ReferralHandler referrals, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    public CandidateList Candidates { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Candidates.Eligible + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReferAsync(Guid id, Guid participantId, CancellationToken cancellationToken)
    {
        if (!await PlanDisplay.CanChangeAsync(authorization, User))
        {
            return Forbid();
        }

        var result = await referrals.ReferAsync(id, new ReferralInput { ParticipantId = participantId }, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var referral = result.Value!.Referral;
        TempData["Success"] = result.Value.Created
            ? $"{referral.ParticipantName} referred to {referral.VacancyTitle}; a job brokerage contact was recorded"
            : $"{referral.ParticipantName} was already referred to {referral.VacancyTitle}";
        return Redirect($"/referrals/{referral.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        if (await handler.CandidatesAsync(id, includeExcluded: false, PageNumber, PageSize, cancellationToken) is not { } found)
        {
            return false;
        }

        Candidates = found;
        CanChange = await PlanDisplay.CanChangeAsync(authorization, User);
        return true;
    }
}
