using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Domain.Support;

namespace ConnectingCommunities.Domain.DataExchange;

/// <summary>A published import template: its API type code and its columns, in the order the template file lists them.</summary>
public sealed record ImportTemplate(string Type, string Title, string Description, IReadOnlyList<ImportColumn> Columns)
{
    public ImportColumn this[string name] => Columns.First(c => c.Name == name);
}

/// <summary>
/// The four templates providers send their management information in. Column names and codes are the
/// API's, so one set of words serves the API, the files and the exports.
/// </summary>
public static class ImportTemplates
{
    public const int ExternalIdMaxLength = 100;

    private static readonly ImportColumn ExternalId = new(
        "externalId", true, ColumnFormat.Text,
        "Your own identifier for this row's record. Sending the same identifier again updates the record instead of adding another.",
        [], "MI-000123")
    { MaxLength = ExternalIdMaxLength };

    private static readonly ImportColumn ParticipantExternalId = new(
        "participantExternalId", false, ColumnFormat.Text,
        "Your identifier of the participant, as sent in the participants file. Give this or participantReference.",
        [], "MI-000123")
    { MaxLength = ExternalIdMaxLength };

    private static readonly ImportColumn ParticipantReference = new(
        "participantReference", false, ColumnFormat.Text,
        "The programme's reference of the participant, e.g. WH-000123. Give this or participantExternalId.",
        [], "WH-000123")
    { MaxLength = 20 };

    public static ImportTemplate Participants { get; } = new(
        "participants", "Participants",
        "One row per participant: who they are, their characteristics and their situation when they registered.",
        [
            ExternalId,
            new("firstName", true, ColumnFormat.Text, "First name.", [], "Amina") { MaxLength = 100 },
            new("lastName", true, ColumnFormat.Text, "Last name.", [], "Khan") { MaxLength = 100 },
            new("dateOfBirth", true, ColumnFormat.Date, "Date of birth. Participants are 16 or older when they register.", [], "1990-05-17"),
            new("nino", false, ColumnFormat.Text, "National Insurance number, e.g. QQ123456C (spaces allowed). Give this or ninoMissingReason.", [], "QQ123456C") { MaxLength = 13 },
            new("ninoMissingReason", false, ColumnFormat.Code, "Why there is no National Insurance number.", Enum.GetNames<NinoMissingReason>(), ""),
            new("email", false, ColumnFormat.Text, "Email address.", [], "amina.khan@example.com") { MaxLength = 254 },
            new("phone", false, ColumnFormat.Text, "Phone number.", [], "07700 900123") { MaxLength = 30 },
            new("addressLine1", false, ColumnFormat.Text, "First line of the address.", [], "12 Example Road") { MaxLength = 200 },
            new("addressLine2", false, ColumnFormat.Text, "Second line of the address.", [], "") { MaxLength = 200 },
            new("town", false, ColumnFormat.Text, "Town or city.", [], "Birmingham") { MaxLength = 100 },
            new("postcode", true, ColumnFormat.Text, "Home postcode: it must be in the lot's area unless an eligibility override reason is given.", [], "B8 1AA") { MaxLength = 8 },
            new("registeredOn", true, ColumnFormat.Date, "The day they registered: within a contract of the lot, not in the future.", [], "2021-03-01"),
            new("employmentStatus", true, ColumnFormat.Code, "Their situation when they registered: it decides the cohort.", Enum.GetNames<EmploymentStatus>(), "OutOfWork"),
            new("lastInWorkOn", false, ColumnFormat.Date, "The last day in paid work, when OutOfWork.", [], "2019-11-30"),
            new("weeklyHours", false, ColumnFormat.Number, "Hours a week, when Employed.", [], ""),
            new("hourlyWage", false, ColumnFormat.Money, "Pounds an hour before tax, when Employed.", [], ""),
            new("contractType", false, ColumnFormat.Code, "Contract, when Employed.", Codes(ContractTypes.All), ""),
            new("sex", false, ColumnFormat.Code, "Sex.", Codes(Sexes.All), "female"),
            new("genderIdentity", false, ColumnFormat.Code, "Is their gender the same as their sex registered at birth.", Codes(GenderIdentityAnswers.All), "same"),
            new("ethnicity", false, ColumnFormat.Code, "Ethnic group (2021 Census categories).", Codes(Ethnicities.All), "pakistani"),
            new("longTermCondition", false, ColumnFormat.Code, "A physical or mental health condition or illness lasting 12 months or more.", Codes(LongTermConditionAnswers.All), "no"),
            new("activityLimitation", false, ColumnFormat.Code, "Whether the condition reduces day-to-day activities.", Codes(ActivityLimitations.All), ""),
            new("highestQualification", false, ColumnFormat.Code, "Highest qualification (RQF level).", Codes(QualificationLevels.All), "level2"),
            new("hasChildcareResponsibilities", false, ColumnFormat.YesNo, "Looks after children.", [], "yes"),
            new("hasCaringResponsibilities", false, ColumnFormat.YesNo, "Cares for an adult.", [], "no"),
            new("hasInternetAccess", false, ColumnFormat.YesNo, "Has access to the internet at home.", [], "yes"),
            new("recruitmentChannel", false, ColumnFormat.Code, "How they came to the programme.", Codes(RecruitmentChannels.All), "jobcentrePlus"),
            new("referrer", false, ColumnFormat.Text, "The organisation or person that referred them.", [], "") { MaxLength = 200 },
            new("privacyNoticeAcknowledged", true, ColumnFormat.YesNo, "They were given the privacy notice: must be yes.", [], "yes"),
            new("evaluationContactConsent", false, ColumnFormat.YesNo, "They agreed to be contacted by the programme's evaluators.", [], "yes"),
            new("eligibilityOverrideReason", false, ColumnFormat.Text, "Why someone living outside the lot's area is registered (provider managers only).", [], "") { MaxLength = 1000 },
            new("duplicateCheckReason", false, ColumnFormat.Text, "Why a possible duplicate is a different person.", [], "") { MaxLength = 1000 },
        ]);

    public static ImportTemplate Interventions { get; } = new(
        "interventions", "Interventions",
        "One row per contact with a participant. The third meaningful contact records the Engaged milestone.",
        [
            ExternalId,
            ParticipantExternalId,
            ParticipantReference,
            new("date", true, ColumnFormat.Date, "The day of the contact: on or after registration, not in the future.", [], "2021-03-08"),
            new("mode", true, ColumnFormat.Code, "How the contact was delivered.", Enum.GetNames<InterventionMode>(), "FaceToFace"),
            new("activityType", true, ColumnFormat.Code, "What kind of support it was.", Enum.GetNames<ActivityType>(), "InformationAdviceGuidance"),
            new("durationMinutes", true, ColumnFormat.WholeNumber, "How long it lasted, in minutes (1 to 600).", [], "45"),
            new("notes", false, ColumnFormat.Text, "What was done.", [], "Action plan agreed") { MaxLength = 4000 },
        ]);

    public static ImportTemplate JobStarts { get; } = new(
        "job-starts", "Job starts",
        "One row per job a participant started. Evidence is still added on the participant's record before a claim.",
        [
            ExternalId,
            ParticipantExternalId,
            ParticipantReference,
            new("employerName", true, ColumnFormat.Text, "The employer.", [], "Example Foods Ltd") { MaxLength = 200 },
            new("jobTitle", true, ColumnFormat.Text, "Job title.", [], "Warehouse operative") { MaxLength = 200 },
            new("socCode", false, ColumnFormat.Text, "SOC 2020 unit group, 4 digits.", [], "9252") { MaxLength = 4 },
            new("startDate", true, ColumnFormat.Date, "The first day of work: on or after registration, not in the future.", [], "2021-04-12"),
            new("weeklyHours", true, ColumnFormat.Number, "Contracted hours a week (up to 100).", [], "30"),
            new("hourlyWage", true, ColumnFormat.Money, "Pounds an hour before tax.", [], "9.50"),
            new("contractType", true, ColumnFormat.Code, "The contract.", ["Permanent", "FixedTerm", "Temporary", "ZeroHours", "Apprenticeship", "SelfEmployed"], "Permanent"),
        ]);

    public static ImportTemplate SustainmentChecks { get; } = new(
        "sustainment-checks", "Sustainment checks",
        "One row per 13, 26 or 52-week check of a participant in work.",
        [
            ExternalId,
            ParticipantExternalId,
            ParticipantReference,
            new("milestone", true, ColumnFormat.Code, "Which check.", [nameof(Milestone.Sustained13Weeks), nameof(Milestone.Sustained26Weeks), nameof(Milestone.Sustained52Weeks)], "Sustained13Weeks"),
            new("result", true, ColumnFormat.Code, "Whether they were in work on the day the check fell due.", ["InWork", "NotInWork"], "InWork"),
            new("checkedOn", true, ColumnFormat.Date, "The day the check was made: not before it fell due, not in the future.", [], "2021-07-12"),
            new("notes", false, ColumnFormat.Text, "How it was checked.", [], "Payslip seen") { MaxLength = 2000 },
        ]);

    public static IReadOnlyList<ImportTemplate> All { get; } = [Participants, Interventions, JobStarts, SustainmentChecks];

    /// <summary>The template for an API type code ("participants", "job-starts", ...), ignoring case; null when unknown.</summary>
    public static ImportTemplate? Find(string? type) =>
        All.FirstOrDefault(t => string.Equals(t.Type, type?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string[] Codes(IEnumerable<IReferenceItem> items) => [.. items.Select(i => i.Code)];
}

/// <summary>The templates' column lists as Markdown: docs/IMPORT-TEMPLATES.md is this text, checked by a test.</summary>
public static class ImportTemplatesDocument
{
    public static string Markdown()
    {
        var text = new System.Text.StringBuilder();
        text.Append("# Import templates\n\n");
        text.Append("Generated from `src/ConnectingCommunities.Domain/DataExchange/ImportTemplates.cs`; a test fails when the two differ ");
        text.Append("(run the Domain tests with `CC_UPDATE_DOCS=1` to rewrite this file).\n\n");
        text.Append("Files are CSV (UTF-8, with or without a byte order mark) or XLSX (the first worksheet). The first row names the columns: ");
        text.Append("order does not matter, case, spaces and underscores are ignored, unknown columns are ignored with a warning, and every ");
        text.Append("missing required column is reported at once. The templates are served at `/imports/templates` and ");
        text.Append("`GET /api/v1/imports/templates/{type}?format=csv|xlsx`.\n");
        foreach (var template in ImportTemplates.All)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n## {template.Title} (`{template.Type}`)\n\n{template.Description}\n\n");
            text.Append("| Column | Required | Format | Allowed values | What it holds |\n|---|---|---|---|---|\n");
            foreach (var column in template.Columns)
            {
                var allowed = column.AllowedValues.Count == 0 ? "" : string.Join(", ", column.AllowedValues.Select(v => $"`{v}`"));
                text.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"| `{column.Name}` | {(column.Required ? "Yes" : "No")} | {column.FormatDescription} | {allowed} | {column.Description} |\n");
            }
        }

        return text.ToString();
    }
}
