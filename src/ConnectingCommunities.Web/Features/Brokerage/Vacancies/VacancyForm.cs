using System.Globalization;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Brokerage;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;

namespace ConnectingCommunities.Web.Features.Brokerage.Vacancies;

/// <summary>The vacancy form's fields as typed; <see cref="ToInput"/> reads them into the handler's input.</summary>
public sealed class VacancyForm
{
    public string? EmployerId { get; set; }
    public string? Title { get; set; }
    public string? SocCode { get; set; }
    public string? Postcode { get; set; }
    public string? WeeklyHours { get; set; }
    public string? ShiftPattern { get; set; }
    public List<string> WorkingDays { get; set; } = [];
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? HourlyWage { get; set; }
    public string? ContractType { get; set; }
    public string? Positions { get; set; }
    public List<string> RequiredSkills { get; set; } = [];

    /// <summary>Required skills outside the catalogue, separated by commas.</summary>
    public string? OtherRequiredSkills { get; set; }

    /// <summary>Desirable skills, separated by commas.</summary>
    public string? DesirableSkills { get; set; }
    public string? MinimumQualification { get; set; }
    public string? DrivingLicenceRequired { get; set; }
    public DateParts ClosingOn { get; set; } = new();
    public DateParts StartsOn { get; set; } = new();
    public string? Description { get; set; }
    public string? Lot { get; set; }
    public int? Version { get; set; }
    public string? Reason { get; set; }

    public static IReadOnlyList<Choice> ShiftPatternChoices { get; } = [.. ShiftPatterns.All.Select(s => new Choice(s.Code, s.DisplayName))];

    public static IReadOnlyList<Choice> DayChoices { get; } =
        [.. VacancyHandler.Days.Zip(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], (code, name) => new Choice(code, name))];

    public static IReadOnlyList<Choice> ContractTypeChoices { get; } =
    [
        new(nameof(JobContractType.Permanent), "Permanent"),
        new(nameof(JobContractType.FixedTerm), "Fixed term"),
        new(nameof(JobContractType.Temporary), "Temporary"),
        new(nameof(JobContractType.ZeroHours), "Zero hours"),
        new(nameof(JobContractType.Apprenticeship), "Apprenticeship"),
        new(nameof(JobContractType.SelfEmployed), "Self-employed"),
    ];

    public static IReadOnlyList<Choice> SkillChoices { get; } = [.. Skills.Catalogue.Select(s => new Choice(s, s))];

    public static IReadOnlyList<Choice> QualificationChoices { get; } =
        [.. QualificationLevels.All.Where(q => q.Code is not ("none" or "otherLevelUnknown")).Select(q => new Choice(q.Code, q.DisplayName))];

    public static IReadOnlyList<Choice> YesNo { get; } = [new("yes", "Yes"), new("no", "No")];

    public static VacancyForm From(VacancyView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new VacancyForm
        {
            EmployerId = v.EmployerId.ToString(),
            Title = v.Title,
            SocCode = v.SocCode,
            Postcode = v.Postcode,
            WeeklyHours = v.WeeklyHours.ToString(CultureInfo.InvariantCulture),
            ShiftPattern = v.ShiftPattern,
            WorkingDays = [.. v.WorkingDays],
            StartsAt = v.StartsAt,
            EndsAt = v.EndsAt,
            HourlyWage = v.HourlyWage.ToString("0.00", CultureInfo.InvariantCulture),
            ContractType = v.ContractType.ToString(),
            Positions = v.Positions.ToString(CultureInfo.InvariantCulture),
            RequiredSkills = [.. v.RequiredSkills.Where(s => Skills.Catalogue.Contains(s))],
            OtherRequiredSkills = string.Join(", ", v.RequiredSkills.Where(s => !Skills.Catalogue.Contains(s))),
            DesirableSkills = string.Join(", ", v.DesirableSkills),
            MinimumQualification = v.MinimumQualification,
            DrivingLicenceRequired = v.DrivingLicenceRequired ? "yes" : "no",
            ClosingOn = DateParts.From(v.ClosingOn),
            StartsOn = DateParts.From(v.StartsOn),
            Description = v.Description,
            Version = v.Version,
        };
    }

    /// <summary>The handler's input, with what could not be read as a number or date in <paramref name="parsing"/>.</summary>
    public VacancyInput ToInput(FieldErrors parsing)
    {
        ArgumentNullException.ThrowIfNull(parsing);
        decimal? hours = null;
        if (!string.IsNullOrWhiteSpace(WeeklyHours))
        {
            if (decimal.TryParse(WeeklyHours.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var h))
            {
                hours = h;
            }
            else
            {
                parsing.Add("weeklyHours", "The weekly hours must be a number, like 37.5");
            }
        }

        var licence = DrivingLicenceRequired switch
        {
            "yes" => true,
            "no" => false,
            _ => (bool?)null,
        };
        return new VacancyInput
        {
            EmployerId = Guid.TryParse(EmployerId, out var employer) ? employer : null,
            Title = Title,
            SocCode = SocCode,
            Postcode = Postcode,
            WeeklyHours = hours,
            ShiftPattern = ShiftPattern,
            WorkingDays = WorkingDays,
            StartsAt = StartsAt,
            EndsAt = EndsAt,
            HourlyWage = FormParsing.Money(HourlyWage, "hourlyWage", "Hourly wage", parsing, required: false),
            ContractType = ContractType,
            Positions = FormParsing.WholeNumber(Positions, "positions", "number of positions", parsing, required: false),
            RequiredSkills = [.. RequiredSkills, .. Split(OtherRequiredSkills)],
            DesirableSkills = Split(DesirableSkills),
            MinimumQualification = MinimumQualification,
            DrivingLicenceRequired = licence,
            ClosingOn = ClosingOn.Read("closingOn", "Closing date", parsing),
            StartsOn = StartsOn.Read("startsOn", "Start date", parsing, required: false),
            Description = Description,
            Lot = Lot,
            Version = Version,
            Reason = Reason,
        };
    }

    private static List<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
