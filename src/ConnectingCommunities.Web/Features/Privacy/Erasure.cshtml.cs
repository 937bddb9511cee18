using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Privacy;

/// <summary>
/// /participants/{id}/erasure: records a person's request for erasure. Within the retention period it is
/// refused for what must be kept, and the page says why; after it, the personal data is erased.
/// </summary>
public sealed class ErasureModel(ParticipantAccess access, ErasureHandler handler) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public Participant Participant { get; private set; } = null!;

    public DateOnly RetainUntil { get; private set; }

    public ErasureOutcome? Outcome { get; private set; }

    public IReadOnlyList<KeptFact> Kept => ErasureRules.Kept;

    public IReadOnlyList<string> ErasedFields => ErasureRules.ErasedFields;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Outcome = await handler.EraseAsync(id, new ErasureInput { Reason = Reason, Kind = nameof(ErasureKind.PersonRequested) }, cancellationToken);
        switch (Outcome.Status)
        {
            case ErasureOutcomeStatus.NotFound:
                return NotFound();
            case ErasureOutcomeStatus.Invalid:
                ModelState.AddErrors(Outcome.Errors!);
                return Page();
            case ErasureOutcomeStatus.Erased:
                TempData["Success"] = $"The personal data of {Outcome.Value!.Reference} was erased";
                return Redirect($"/participants/{id}");
            default:
                await LoadAsync(id, cancellationToken);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var participant = await access.FindAsync(id, cancellationToken);
        if (participant is null)
        {
            return false;
        }

        Participant = participant;
        RetainUntil = await handler.RetainUntilAsync(participant.LotId, cancellationToken);
        return true;
    }
}
