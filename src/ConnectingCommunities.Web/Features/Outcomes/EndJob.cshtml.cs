using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>Records that a job ended, and why.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class EndJobModel(JobStartHandler handler, ParticipantAccess access) : PageModel
{
    [BindProperty(Name = "endDate")]
    public DateParts EndDate { get; set; } = new();

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    public PlanParticipant Participant { get; private set; } = null!;

    public JobStartView JobStart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid jobStartId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, jobStartId, cancellationToken))
        {
            return NotFound();
        }

        EndDate = DateParts.From(JobStart.EndDate);
        Reason = JobStart.EndReason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid jobStartId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, jobStartId, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        var input = new JobEndInput { EndDate = (EndDate ?? new DateParts()).Read("endDate", "date the job ended", errors), Reason = Reason };
        // An unreadable date reaches the handler as missing, so it saves nothing and still checks the reason.
        var result = await handler.EndAsync(id, jobStartId, input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = $"Recorded that the job ended on {Formatting.Date(result.Value!.EndDate!.Value)}";
        return Redirect($"/participants/{id}#jobs");
    }

    private async Task<bool> LoadAsync(Guid id, Guid jobStartId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant
            || await handler.ListAsync(id, logView: false, cancellationToken) is not { } jobStarts
            || jobStarts.FirstOrDefault(j => j.Id == jobStartId) is not { } jobStart)
        {
            return false;
        }

        Participant = PlanParticipant.From(participant);
        JobStart = jobStart;
        return true;
    }
}
