using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Govuk;

namespace ConnectingCommunities.Web.Features.Participants;

/// <summary>The participant's details as typed into the register and change pages.</summary>
public class ParticipantForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? Nino { get; set; }
    public string? NinoMissingReason { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? Sex { get; set; }
    public string? GenderIdentity { get; set; }
    public string? Ethnicity { get; set; }
    public string? LongTermCondition { get; set; }
    public string? ActivityLimitation { get; set; }
    public string? HighestQualification { get; set; }
    public string? HasChildcareResponsibilities { get; set; }
    public string? HasCaringResponsibilities { get; set; }
    public string? HasInternetAccess { get; set; }
    public string? EmploymentStatus { get; set; }
    public DateParts LastInWorkOn { get; set; } = new();
    public string? WeeklyHours { get; set; }
    public string? HourlyWage { get; set; }
    public string? ContractType { get; set; }
    public string? RecruitmentChannel { get; set; }
    public string? Referrer { get; set; }
    public string? EvaluationContactConsent { get; set; }
    public string? EligibilityOverrideReason { get; set; }

    public static IReadOnlyList<Choice> YesNo { get; } = [new("yes", "Yes"), new("no", "No")];

    public static IReadOnlyList<Choice> NinoMissingChoices { get; } =
        Enum.GetValues<NinoMissingReason>().Select(r => new Choice(r.ToString(), r.DisplayName())).ToList();

    public static IReadOnlyList<Choice> SexChoices { get; } = Choices(Sexes.All);

    public static IReadOnlyList<Choice> GenderIdentityChoices { get; } = Choices(GenderIdentityAnswers.All);

    public static IReadOnlyList<Choice> EthnicityChoices { get; } =
        Ethnicities.All.Select(e => new Choice(e.Code, e.Group is null ? e.DisplayName : $"{e.Group.DisplayName}: {e.DisplayName}")).ToList();

    public static IReadOnlyList<Choice> ConditionChoices { get; } = Choices(LongTermConditionAnswers.All);

    public static IReadOnlyList<Choice> LimitationChoices { get; } = Choices(ActivityLimitations.All);

    public static IReadOnlyList<Choice> QualificationChoices { get; } = Choices(QualificationLevels.All);

    public static IReadOnlyList<Choice> ContractTypeChoices { get; } = Choices(ContractTypes.All);

    public static IReadOnlyList<Choice> ChannelChoices { get; } = Choices(RecruitmentChannels.All);

    public static IReadOnlyList<Choice> EmploymentChoices { get; } =
    [
        new(nameof(Domain.People.EmploymentStatus.OutOfWork), "Out of work", "Give the date they were last in paid work"),
        new(nameof(Domain.People.EmploymentStatus.NeverWorked), "Never had a paid job"),
        new(nameof(Domain.People.EmploymentStatus.Employed), "In work", "Employed or self-employed, and looking to progress"),
    ];

    protected void ReadInto(ParticipantDetailsInput input, FieldErrors errors, out ParticipantDetailsInput result)
    {
        ArgumentNullException.ThrowIfNull(input);
        result = input with
        {
            FirstName = FirstName,
            LastName = LastName,
            DateOfBirth = (DateOfBirth ?? new DateParts()).Read("dateOfBirth", "date of birth", errors),
            Nino = Nino,
            NinoMissingReason = string.IsNullOrWhiteSpace(Nino) ? NinoMissingReason : null,
            Email = Email,
            Phone = Phone,
            AddressLine1 = AddressLine1,
            AddressLine2 = AddressLine2,
            Town = Town,
            Postcode = Postcode,
            Sex = Sex,
            GenderIdentity = GenderIdentity,
            Ethnicity = Ethnicity,
            LongTermCondition = LongTermCondition,
            ActivityLimitation = LongTermCondition == LongTermConditionAnswers.Yes.Code ? ActivityLimitation : null,
            HighestQualification = HighestQualification,
            HasChildcareResponsibilities = Bool(HasChildcareResponsibilities),
            HasCaringResponsibilities = Bool(HasCaringResponsibilities),
            HasInternetAccess = Bool(HasInternetAccess),
            EmploymentStatus = EmploymentStatus,
            LastInWorkOn = EmploymentStatus == nameof(Domain.People.EmploymentStatus.OutOfWork)
                ? (LastInWorkOn ?? new DateParts()).Read("lastInWorkOn", "date last in work", errors, required: false)
                : null,
            WeeklyHours = IsEmployed ? Number(WeeklyHours, "weeklyHours", "Hours a week must be a number, for example 16 or 37.5", errors) : null,
            HourlyWage = IsEmployed ? Number(HourlyWage?.TrimStart('£'), "hourlyWage", "The hourly wage must be an amount in pounds and pence, for example 10.42", errors) : null,
            ContractType = IsEmployed ? ContractType : null,
            RecruitmentChannel = RecruitmentChannel,
            Referrer = Referrer,
            EvaluationContactConsent = Bool(EvaluationContactConsent),
        };
    }

    protected void Fill(ParticipantView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        FirstName = view.FirstName;
        LastName = view.LastName;
        DateOfBirth = DateParts.From(view.DateOfBirth);
        Nino = view.Nino is { } nino ? Domain.People.Nino.Parse(nino).Formatted : null;
        NinoMissingReason = view.NinoMissingReason?.ToString();
        Email = view.Email;
        Phone = view.Phone;
        AddressLine1 = view.AddressLine1;
        AddressLine2 = view.AddressLine2;
        Town = view.Town;
        Postcode = view.Postcode;
        Sex = view.Sex;
        GenderIdentity = view.GenderIdentity;
        Ethnicity = view.Ethnicity;
        LongTermCondition = view.LongTermCondition;
        ActivityLimitation = view.ActivityLimitation;
        HighestQualification = view.HighestQualification;
        HasChildcareResponsibilities = YesNoText(view.HasChildcareResponsibilities);
        HasCaringResponsibilities = YesNoText(view.HasCaringResponsibilities);
        HasInternetAccess = YesNoText(view.HasInternetAccess);
        EmploymentStatus = view.EmploymentStatus.ToString();
        LastInWorkOn = DateParts.From(view.LastInWorkOn);
        WeeklyHours = view.WeeklyHours?.ToString("0.##", Formatting.EnGb);
        HourlyWage = view.HourlyWage?.ToString("0.00", Formatting.EnGb);
        ContractType = view.ContractType;
        RecruitmentChannel = view.RecruitmentChannel;
        Referrer = view.Referrer;
        EvaluationContactConsent = YesNoText(view.EvaluationContactConsent);
    }

    private bool IsEmployed => EmploymentStatus == nameof(Domain.People.EmploymentStatus.Employed);

    private static List<Choice> Choices(IEnumerable<IReferenceItem> items) => items.Select(i => new Choice(i.Code, i.DisplayName)).ToList();

    private static bool? Bool(string? text) => text switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    private static string? YesNoText(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => null,
    };

    private static decimal? Number(string? text, string field, string message, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), System.Globalization.NumberStyles.Number, Formatting.EnGb, out var value))
        {
            return value;
        }

        errors.Add(field, message);
        return null;
    }
}

public sealed class RegisterForm : ParticipantForm
{
    public string? LotCode { get; set; }
    public DateParts RegisteredOn { get; set; } = new();
    public bool PrivacyNoticeAcknowledged { get; set; }
    public string? DuplicateCheckReason { get; set; }
    public Guid? HelpRequestId { get; set; }

    public RegistrationInput ToInput(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ReadInto(new RegistrationInput(), errors, out var details);
        return (RegistrationInput)details with
        {
            LotCode = LotCode,
            RegisteredOn = (RegisteredOn ?? new DateParts()).Read("registeredOn", "registration date", errors, required: false),
            PrivacyNoticeAcknowledged = PrivacyNoticeAcknowledged,
            EligibilityOverrideReason = EligibilityOverrideReason,
            DuplicateCheckReason = DuplicateCheckReason,
            HelpRequestId = HelpRequestId,
        };
    }
}

public sealed class EditForm : ParticipantForm
{
    public string? Reason { get; set; }
    public int? Version { get; set; }

    public static EditForm From(ParticipantView view)
    {
        var form = new EditForm { Version = view?.Version };
        form.Fill(view!);
        return form;
    }

    public EditInput ToInput(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ReadInto(new EditInput(), errors, out var details);
        return (EditInput)details with { Reason = Reason, Version = Version, EligibilityOverrideReason = EligibilityOverrideReason };
    }
}
