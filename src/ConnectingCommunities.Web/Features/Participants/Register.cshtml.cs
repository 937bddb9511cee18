using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ConnectingCommunities.Web.Features.HelpRequests;
using Microsoft.EntityFrameworkCore;

namespace ConnectingCommunities.Web.Features.Participants;

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class RegisterModel(
    RegistrationHandler handler, CurrentUser user, HelpRequestHandler helpRequests, ParticipantAccess access, CcDbContext db) : PageModel
{
    [BindProperty]
    public RegisterForm Form { get; set; } = new();

    public IReadOnlyList<Choice> LotChoices { get; private set; } = [];

    public IReadOnlyList<DuplicateMatch> Duplicates { get; private set; } = [];

    public bool IsDefiniteDuplicate { get; private set; }

    public bool IsManager => user.IsInRole(Roles.ProviderManager);

    public string? HelpRequestReference { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? helpRequestId, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Form.RegisteredOn = DateParts.From(await DefaultRegistrationDateAsync(cancellationToken));
        if (LotChoices.Count == 1)
        {
            Form.LotCode = LotChoices[0].Value;
        }

        if (helpRequestId is { } id)
        {
            var request = await helpRequests.FindForRegistrationAsync(id, cancellationToken);
            if (request is null)
            {
                return NotFound();
            }

            HelpRequestReference = (await helpRequests.FindAsync(id, cancellationToken))?.Reference;
            Form.HelpRequestId = request.Id;
            Form.LotCode = request.LotCode;
            Form.FirstName = request.FirstName;
            Form.LastName = request.LastName;
            Form.Email = request.Email;
            Form.Phone = request.Phone;
            Form.Postcode = request.Postcode;
            Form.RecruitmentChannel = Domain.Reference.RecruitmentChannels.SelfReferralOnline.Code;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        if (!IsManager)
        {
            input = input with { EligibilityOverrideReason = null };
        }

        if (errors.Any)
        {
            // Unreadable dates and numbers: show them with the handler's checks of everything else.
            ModelState.AddResult(errors, Result<ParticipantView>.Invalid(await handler.CheckAsync(input, cancellationToken)));
            return Page();
        }

        var outcome = await handler.RegisterAsync(input, cancellationToken);
        if (outcome.Result.Succeeded)
        {
            var participant = outcome.Result.Value!;
            TempData["Success"] = $"{participant.FirstName} {participant.LastName} registered as {participant.Reference}, cohort {participant.Cohort.DisplayName()}";
            return Redirect($"/participants/{participant.Id}");
        }

        Duplicates = outcome.Duplicates;
        IsDefiniteDuplicate = outcome.IsDefiniteDuplicate;
        if (outcome.Result.Status == ResultStatus.Conflict && Duplicates.Count > 0)
        {
            ModelState.AddModelError(IsDefiniteDuplicate ? "nino" : "duplicateCheckReason", IsDefiniteDuplicate
                ? "This person is already registered: their National Insurance number is on another record"
                : "This person may already be registered. Check the possible matches below");
            return Page();
        }

        ModelState.AddResult(new FieldErrors(), outcome.Result);
        return Page();
    }

    /// <summary>Today, or the last day of the lot's contracts when they have all ended (a programme being wound up or replayed).</summary>
    private async Task<DateOnly> DefaultRegistrationDateAsync(CancellationToken cancellationToken)
    {
        var today = access.Today;
        var lotIds = await (await user.VisibleLotsAsync(cancellationToken)).Select(l => l.Id).ToListAsync(cancellationToken);
        var periods = await db.Contracts.AsNoTracking().Where(c => lotIds.Contains(c.LotId))
            .Select(c => new { c.StartDate, c.EndDate }).ToListAsync(cancellationToken);
        if (periods.Count == 0 || periods.Any(p => p.StartDate <= today && (p.EndDate == null || p.EndDate >= today)))
        {
            return today;
        }

        var lastEnd = periods.Where(p => p.EndDate < today).Max(p => p.EndDate);
        return lastEnd ?? today;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        LotChoices = await (await user.VisibleLotsAsync(cancellationToken)).AsNoTracking().OrderBy(l => l.Code)
            .Select(l => new Choice(l.Code, l.Name + " (" + l.Code + ")", null)).ToListAsync(cancellationToken);
    }
}
