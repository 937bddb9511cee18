using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes.Progression;

/// <summary>Records a change in work (pay, hours, role or contract); the result page then shows both assessments.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class RecordModel(ProgressionHandler handler, ParticipantAccess access) : PageModel
{
    public static readonly IReadOnlyList<Choice> ChangeChoices =
    [
        new("promotion", "It was a promotion"),
        new("lateralMove", "It was a lateral move that improves their prospects", "For example, a move to a role with training or a route to promotion"),
    ];

    [BindProperty(Name = "changedOn")]
    public DateParts ChangedOn { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "jobStartId")]
    public string? JobStartId { get; set; }

    [BindProperty(Name = "jobTitle")]
    public string? JobTitle { get; set; }

    [BindProperty(Name = "weeklyHours")]
    public string? WeeklyHours { get; set; }

    [BindProperty(Name = "hourlyWage")]
    public string? HourlyWage { get; set; }

    [BindProperty(Name = "contractType")]
    public string? ContractType { get; set; }

    [BindProperty(Name = "changes")]
    public string[] Changes { get; set; } = [];

    [BindProperty(Name = "lateralMoveReason")]
    public string? LateralMoveReason { get; set; }

    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public PlanParticipant Participant { get; private set; } = null!;

    public IReadOnlyList<Choice> JobChoices { get; private set; } = [];

    /// <summary>What the change is compared with when no job is chosen, in words; null when they have no job at registration.</summary>
    public string? RegistrationJob { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

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

        var input = new ProgressionInput
        {
            ChangedOn = (ChangedOn ?? new DateParts()).Read("changedOn", "date of the change", errors),
            JobStartId = jobStartId,
            JobTitle = JobTitle,
            WeeklyHours = JobStartForm.Hours(WeeklyHours, errors),
            HourlyWage = FormParsing.Money(HourlyWage, "hourlyWage", "hourly wage", errors),
            ContractType = ContractType,
            Promotion = Changes.Contains("promotion"),
            LateralMove = Changes.Contains("lateralMove"),
            LateralMoveReason = LateralMoveReason,
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

        TempData["Success"] = $"Change in work recorded. {result.Value!.Message}";
        return Redirect($"/participants/{id}/progressions/{result.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant)
        {
            return false;
        }

        Participant = PlanParticipant.From(participant);
        var jobs = await handler.JobStartsAsync(id, cancellationToken);
        JobChoices = jobs.OrderByDescending(j => j.StartDate)
            .Select(j => new Choice(j.Id.ToString(), $"{j.JobTitle} at {j.Employer?.Name}, started {Formatting.Date(j.StartDate)}"
                + $"{(j.EndDate is { } end ? $", ended {Formatting.Date(end)}" : "")}: {j.WeeklyHours.ToString("0.##", Formatting.EnGb)} hours at {Formatting.Money(j.HourlyWage)} an hour"))
            .ToList();
        if (participant.Cohort == Cohort.Employed && participant.WeeklyHours is { } hours && participant.HourlyWage is { } wage)
        {
            RegistrationJob = $"their job when they registered: {hours.ToString("0.##", Formatting.EnGb)} hours a week at {Formatting.Money(wage)} an hour";
        }

        return true;
    }
}
