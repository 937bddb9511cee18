using System.Globalization;
using ConnectingCommunities.Web.Features.Brokerage.Referrals;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.Matching;

public sealed class VacancyMatchesModel(MatchingHandler handler, ReferralHandler referrals, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 20;
    public const int ExcludedToShow = 50;

    public PlanParticipant Participant { get; private set; } = null!;

    public VacancyMatchList Matches { get; private set; } = null!;

    public IReadOnlyList<VacancyMatch> Excluded { get; private set; } = [];

    public bool CanChange { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Matches.Eligible + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, logView: true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReferAsync(Guid id, Guid vacancyId, CancellationToken cancellationToken)
    {
        if (!await PlanDisplay.CanChangeAsync(authorization, User))
        {
            return Forbid();
        }

        var result = await referrals.ReferAsync(vacancyId, new ReferralInput { ParticipantId = id }, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return await LoadAsync(id, logView: false, cancellationToken) ? Page() : NotFound();
        }

        var referral = result.Value!.Referral;
        TempData["Success"] = result.Value.Created
            ? $"Referred to {referral.VacancyTitle} at {referral.EmployerName}; a job brokerage contact was recorded"
            : $"Already referred to {referral.VacancyTitle} at {referral.EmployerName}";
        return Redirect($"/referrals/{referral.Id}");
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, int? vacanciesShown, CancellationToken cancellationToken)
    {
        if (!await PlanDisplay.CanChangeAsync(authorization, User))
        {
            return Forbid();
        }

        var result = await handler.ReviewAsync(id, new MatchReviewInput { VacanciesShown = vacanciesShown }, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(new FieldErrors(), result);
            return await LoadAsync(id, logView: false, cancellationToken) ? Page() : NotFound();
        }

        TempData["Success"] = $"Match list review recorded: the action ‘Identify jobs that match skills’ is completed ({result.Value!.VacanciesShown} vacancies shown)";
        return Redirect($"/participants/{id}/vacancy-matches");
    }

    private async Task<bool> LoadAsync(Guid id, bool logView, CancellationToken cancellationToken)
    {
        // The route value "page" names the Razor page, so the page number is read from the query.
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        if (await handler.MatchPageAsync(id, PageNumber, PageSize, ExcludedToShow, logView, cancellationToken) is not { } found)
        {
            return false;
        }

        (Participant, Matches, Excluded) = found;
        CanChange = await PlanDisplay.CanChangeAsync(authorization, User) && !Participant.HasLeft;
        return true;
    }
}
