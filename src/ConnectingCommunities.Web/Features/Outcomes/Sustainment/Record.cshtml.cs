using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes.Sustainment;

/// <summary>Records the result of a sustainment check, with evidence if the advisor has it.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class RecordModel(SustainmentHandler handler, JobStartHandler jobStarts, ParticipantAccess access) : PageModel
{
    public static readonly IReadOnlyList<Choice> MilestoneChoices =
        SustainmentSchedule.Milestones.Select(m => new Choice(m.ToString(), $"{SustainmentNames.CheckName(m)} ({m.DisplayName().ToLowerInvariant()})")).ToList();

    public static readonly IReadOnlyList<Choice> ResultChoices =
    [
        new(nameof(SustainmentCheckResult.InWork), "In work", "In the same job, or another one started within the allowed gap"),
        new(nameof(SustainmentCheckResult.NotInWork), "Not in work", "Record when the job ended first"),
    ];

    [BindProperty(SupportsGet = true, Name = "milestone")]
    public string? Milestone { get; set; }

    [BindProperty(Name = "result")]
    public string? Result { get; set; }

    [BindProperty(Name = "checkedOn")]
    public DateParts CheckedOn { get; set; } = new();

    [BindProperty(Name = "notes")]
    public string? Notes { get; set; }

    [BindProperty(SupportsGet = true, Name = "jobStartId")]
    public string? JobStartId { get; set; }

    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public PlanParticipant Participant { get; private set; } = null!;

    /// <summary>The checks still to record, shown so the advisor knows which is due.</summary>
    public IReadOnlyList<SustainmentCheckView> Outstanding { get; private set; } = [];

    public IReadOnlyList<Choice> JobChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        CheckedOn = DateParts.From(access.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        Guid? jobStartId = null;
        if (!string.IsNullOrWhiteSpace(JobStartId))
        {
            if (Guid.TryParse(JobStartId, out var parsed))
            {
                jobStartId = parsed;
            }
            else
            {
                errors.Add("jobStartId", "Select a job from the list");
            }
        }

        var input = new SustainmentCheckInput
        {
            Milestone = Milestone,
            Result = Result,
            CheckedOn = (CheckedOn ?? new DateParts()).Read("checkedOn", "date of the check", errors),
            Notes = Notes,
            JobStartId = jobStartId,
        };
        var evidence = EvidenceUpload.From(Upload, Kind);
        var result = await handler.RecordAsync(id, input, evidence, errors.Any ? SaveMode.CheckOnly : SaveMode.Save, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (errors.Any || !result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            if (evidence is not null && !ModelState.ContainsKey("file"))
            {
                // A browser never sends a file back: say so, rather than let it look kept.
                ModelState.AddModelError("file", "Choose the evidence file again: nothing was saved");
            }

            return Page();
        }

        TempData["Success"] = result.Value!.Message;
        return Redirect($"/participants/{id}#sustainment");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant
            || await handler.ListAsync(id, logView: false, cancellationToken) is not { } checks)
        {
            return false;
        }

        Participant = PlanParticipant.From(participant);
        Outstanding = checks.Where(c => c.Status is SustainmentCheckState.Due or SustainmentCheckState.Overdue or SustainmentCheckState.Upcoming).ToList();
        var jobs = await jobStarts.ListAsync(id, logView: false, cancellationToken) ?? [];
        JobChoices = jobs.Where(j => j.StartDate >= participant.RegisteredOn)
            .Select(j => new Choice(j.Id.ToString(), $"{j.JobTitle} at {j.EmployerName}, started {Formatting.Date(j.StartDate)}")).ToList();
        return true;
    }
}
