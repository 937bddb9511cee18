using System.Globalization;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Web.Features.Participants.Plan;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConnectingCommunities.Web.Features.Brokerage.JobGoals;

/// <summary>What the job goals form posts, as typed.</summary>
public sealed class JobGoalsForm
{
    public List<string> Occupations { get; set; } = [];
    public string? OccupationSearch { get; set; }
    public List<string> Skills { get; set; } = [];
    public string? OtherSkills { get; set; }
    public string? MinWeeklyHours { get; set; }
    public string? MaxWeeklyHours { get; set; }
    public List<string> AvailableDays { get; set; } = [];
    public List<string> Flags { get; set; } = [];
    public string? MaxTravelMinutes { get; set; }
    public string? MaxTravelMiles { get; set; }
    public string? AvailableFrom { get; set; }
    public string? AvailableUntil { get; set; }
    public string? Reason { get; set; }
    public int? Version { get; set; }

    public static JobGoalsForm From(JobGoalsView goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        var flags = new List<string>();
        if (goals.CanWorkNights)
        {
            flags.Add("canWorkNights");
        }

        if (goals.CanWorkWeekends)
        {
            flags.Add("canWorkWeekends");
        }

        if (goals.HasDrivingLicence)
        {
            flags.Add("hasDrivingLicence");
        }

        if (goals.HasOwnTransport)
        {
            flags.Add("hasOwnTransport");
        }

        return new JobGoalsForm
        {
            Occupations = [.. goals.Occupations.Select(o => o.Code)],
            Skills = [.. goals.Skills.Where(s => Domain.Brokerage.Skills.Catalogue.Any(c => Domain.Brokerage.Skills.AreSame(c, s)))],
            OtherSkills = string.Join(", ", goals.Skills.Where(s => !Domain.Brokerage.Skills.Catalogue.Any(c => Domain.Brokerage.Skills.AreSame(c, s)))),
            MinWeeklyHours = goals.MinWeeklyHours?.ToString("0.##", CultureInfo.InvariantCulture),
            MaxWeeklyHours = goals.MaxWeeklyHours?.ToString("0.##", CultureInfo.InvariantCulture),
            AvailableDays = [.. goals.AvailableDays],
            Flags = flags,
            MaxTravelMinutes = goals.MaxTravelMinutes?.ToString(CultureInfo.InvariantCulture),
            MaxTravelMiles = goals.MaxTravelMiles?.ToString("0.#", CultureInfo.InvariantCulture),
            AvailableFrom = goals.AvailableFrom,
            AvailableUntil = goals.AvailableUntil,
            Version = goals.Recorded ? goals.Version : null,
        };
    }

    public JobGoalsInput ToInput(FieldErrors errors) => new()
    {
        Occupations = Occupations,
        Skills = [.. Skills, .. (OtherSkills ?? "").Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        MinWeeklyHours = Number(MinWeeklyHours, "minWeeklyHours", "fewest weekly hours", errors),
        MaxWeeklyHours = Number(MaxWeeklyHours, "maxWeeklyHours", "most weekly hours", errors),
        AvailableDays = AvailableDays,
        CanWorkNights = Flags.Contains("canWorkNights"),
        CanWorkWeekends = Flags.Contains("canWorkWeekends"),
        HasDrivingLicence = Flags.Contains("hasDrivingLicence"),
        HasOwnTransport = Flags.Contains("hasOwnTransport"),
        MaxTravelMinutes = FormParsing.WholeNumber(MaxTravelMinutes, "maxTravelMinutes", "longest journey", errors, required: false),
        MaxTravelMiles = Number(MaxTravelMiles, "maxTravelMiles", "farthest distance", errors),
        AvailableFrom = AvailableFrom,
        AvailableUntil = AvailableUntil,
        Reason = Reason,
        Version = Version,
    };

    private static decimal? Number(string? text, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"The {label} must be a number, like 16 or 37.5");
        return null;
    }
}

[Authorize(Policy = Policies.CaseworkWrite)]
public sealed class EditModel(JobGoalsHandler handler) : PageModel
{
    [BindProperty]
    public JobGoalsForm Form { get; set; } = new();

    public PlanParticipant Participant { get; private set; } = null!;

    public bool Recorded { get; private set; }

    public IReadOnlyList<SocUnitGroup> SearchResults { get; private set; } = [];

    public bool Searched { get; private set; }

    /// <summary>The occupations to offer as checkboxes: those chosen, then the search results.</summary>
    public IReadOnlyList<Choice> OccupationChoices =>
    [
        .. Form.Occupations.Select(Soc2020.Find).OfType<SocUnitGroup>()
            .Concat(SearchResults)
            .DistinctBy(g => g.Code)
            .Select(g => new Choice(g.Code, $"{g.Title} (SOC {g.Code})")),
    ];

    public static IReadOnlyList<Choice> SkillChoices { get; } = [.. Skills.Catalogue.Select(s => new Choice(s, s))];

    public static IReadOnlyList<Choice> DayChoices { get; } = [.. JobGoalsHandler.Days.Select(d => new Choice(d.Code, d.Name))];

    public static IReadOnlyList<Choice> FlagChoices { get; } =
    [
        new("canWorkNights", "Can work nights"),
        new("canWorkWeekends", "Can work weekends"),
        new("hasDrivingLicence", "Has a full driving licence"),
        new("hasOwnTransport", "Has their own transport"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, logView: true, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Participant = found.Participant;
        Recorded = found.Goals.Recorded;
        Form = JobGoalsForm.From(found.Goals);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, logView: false, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Participant = found.Participant;
        Recorded = found.Goals.Recorded;
        if (action == "search")
        {
            // Searching keeps everything typed so far: the form is shown again with the results to tick.
            Searched = true;
            SearchResults = Soc2020.Search(Form.OccupationSearch, 30);
            ModelState.Clear();
            return Page();
        }

        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        if (errors.Any)
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        var result = await handler.SaveAsync(id, input, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddResult(errors, result);
            return Page();
        }

        TempData["Success"] = "Job goals saved";
        return Redirect($"/participants/{id}/job-goals");
    }
}
