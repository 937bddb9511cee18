using System.Globalization;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web.Features.Participants;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Outcomes;

/// <summary>What the job start form posts, as typed.</summary>
public sealed class JobStartForm
{
    public string? EmployerName { get; set; }
    public string? JobTitle { get; set; }
    public string? SocCode { get; set; }
    public DateParts StartDate { get; set; } = new();
    public string? WeeklyHours { get; set; }
    public string? HourlyWage { get; set; }
    public string? ContractType { get; set; }
    public IFormFile? File { get; set; }
    public string? Kind { get; set; }

    public JobStartInput ToInput(FieldErrors errors) => new()
    {
        EmployerName = EmployerName,
        JobTitle = JobTitle,
        SocCode = SocCode,
        StartDate = (StartDate ?? new DateParts()).Read("startDate", "start date", errors),
        WeeklyHours = Hours(WeeklyHours, errors),
        HourlyWage = FormParsing.Money(HourlyWage, "hourlyWage", "hourly wage", errors),
        ContractType = ContractType,
    };

    public static decimal? Hours(string? text, FieldErrors errors)
    {
        var cleaned = text?.Trim();
        if (string.IsNullOrEmpty(cleaned))
        {
            errors.Add("weeklyHours", "Enter the weekly hours");
            return null;
        }

        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours))
        {
            errors.Add("weeklyHours", "The weekly hours must be a number, like 37.5");
            return null;
        }

        return hours;
    }
}

/// <summary>Records a job start, with a first evidence file if the advisor has one.</summary>
[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class RecordJobStartModel(JobStartHandler handler, ParticipantAccess access) : PageModel
{
    public static readonly IReadOnlyList<Choice> ContractTypeChoices =
        Enum.GetValues<JobContractType>().Select(t => new Choice(t.ToString(), t.DisplayName())).ToList();

    public static readonly IReadOnlyList<Choice> KindChoices =
        Enum.GetValues<EvidenceKind>().Select(k => new Choice(k.ToString(), k.DisplayName())).ToList();

    [BindProperty]
    public JobStartForm Form { get; set; } = new();

    public PlanParticipant Participant { get; private set; } = null!;

    public IReadOnlyList<string> Employers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, cancellationToken) is not { } participant)
        {
            return NotFound();
        }

        Participant = PlanParticipant.From(participant);
        Employers = await handler.EmployerNamesAsync(cancellationToken);
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
        var input = Form.ToInput(errors);
        var evidence = EvidenceUpload.From(Form.File, Form.Kind);
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

            Employers = await handler.EmployerNamesAsync(cancellationToken);
            return Page();
        }

        var recorded = result.Value!.Evidence.Count > 0 ? "Job start recorded with its evidence" : "Job start recorded";
        TempData["Success"] = result.Value.Notice is { } notice ? $"{recorded}. {notice}" : recorded;
        return Redirect($"/participants/{id}#jobs");
    }
}
