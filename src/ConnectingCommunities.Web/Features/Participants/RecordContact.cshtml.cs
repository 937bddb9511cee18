using ConnectingCommunities.Domain.Support;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Participants;

public sealed class ContactForm
{
    public DateParts Date { get; set; } = new();
    public string? Mode { get; set; }
    public string? ActivityType { get; set; }
    public string? DurationMinutes { get; set; }
    public string? Notes { get; set; }
}

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class RecordContactModel(InterventionHandler handler, ParticipantQueries queries, ParticipantAccess access) : PageModel
{
    [BindProperty]
    public ContactForm Form { get; set; } = new();

    public ParticipantView Participant { get; private set; } = null!;

    public int MeaningfulMinutes { get; private set; }

    public static IReadOnlyList<Choice> ModeChoices { get; } = InterventionModes.All.Select(m => new Choice(m.ToString(), m.DisplayName())).ToList();

    public static IReadOnlyList<Choice> ActivityChoices { get; } =
        ActivityTypes.All.Select(a => new Choice(a.ToString(), a.DisplayName(), a.Description())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form.Date = DateParts.From(access.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var date = (Form.Date ?? new DateParts()).Read("date", "date of the contact", errors);
        var minutes = FormParsing.WholeNumber(Form.DurationMinutes, "durationMinutes", "duration in minutes", errors);
        var input = new InterventionInput { Date = date, Mode = Form.Mode, ActivityType = Form.ActivityType, DurationMinutes = minutes, Notes = Form.Notes };
        if (errors.Any)
        {
            ModelState.AddResult(errors, Result<InterventionRecorded>.Invalid(new FieldErrors()));
            return Page();
        }

        var result = await handler.RecordAsync(id, input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        var recorded = result.Value!;
        TempData["Success"] = recorded.BecameEngaged
            ? $"Contact recorded. {Participant.FirstName} is now engaged, from {Formatting.Date(recorded.EngagedOn!.Value)}"
            : $"Contact recorded{(recorded.Intervention.IsMeaningful ? " as meaningful" : " (not meaningful: shorter than " + MeaningfulMinutes + " minutes)")}";
        return Redirect($"/participants/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } participant)
        {
            return false;
        }

        Participant = participant;
        MeaningfulMinutes = (await handler.RuleAsync(cancellationToken)).Rule.MinimumMinutes;
        return true;
    }
}
