using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Reference;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Participants;

/// <summary>
/// Who a participant is: what registration sends and an edit may change. Codes are strings so that
/// a wrong one is answered with the allowed values rather than a JSON error.
/// </summary>
public record ParticipantDetailsInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>National Insurance number, e.g. QQ 12 34 56 C (spaces optional).</summary>
    public string? Nino { get; init; }

    /// <summary>Why there is no National Insurance number: NotKnown, NotYetProvided, Applied, NotIssued or Declined.</summary>
    public string? NinoMissingReason { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? Town { get; init; }
    public string? Postcode { get; init; }

    /// <summary>female, male or preferNotToSay.</summary>
    public string? Sex { get; init; }

    /// <summary>Is their gender the same as their sex registered at birth: same, different or preferNotToSay.</summary>
    public string? GenderIdentity { get; init; }

    /// <summary>2021 Census ethnic group code, e.g. whiteBritish, pakistani, preferNotToSay.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Long-term physical or mental health condition (12 months or more): yes, no or preferNotToSay.</summary>
    public string? LongTermCondition { get; init; }

    /// <summary>Whether it reduces day-to-day activities: yesALot, yesALittle, notAtAll or preferNotToSay.</summary>
    public string? ActivityLimitation { get; init; }

    /// <summary>Highest qualification as an RQF level: none, entryLevel, level1 … level8, otherLevelUnknown.</summary>
    public string? HighestQualification { get; init; }
    public bool? HasChildcareResponsibilities { get; init; }
    public bool? HasCaringResponsibilities { get; init; }
    public bool? HasInternetAccess { get; init; }

    /// <summary>OutOfWork, NeverWorked or Employed.</summary>
    public string? EmploymentStatus { get; init; }

    /// <summary>The last day in paid work, when OutOfWork.</summary>
    public DateOnly? LastInWorkOn { get; init; }

    /// <summary>Hours a week, when Employed.</summary>
    public decimal? WeeklyHours { get; init; }

    /// <summary>Pounds an hour before tax, when Employed.</summary>
    public decimal? HourlyWage { get; init; }

    /// <summary>When Employed: permanent, fixedTerm, temporary, zeroHours, apprenticeship or selfEmployed.</summary>
    public string? ContractType { get; init; }

    /// <summary>How they came to the programme, e.g. leaflet, jobcentrePlus, otherOrganisationReferral, outreachFoodBank.</summary>
    public string? RecruitmentChannel { get; init; }

    /// <summary>The organisation or person that referred them.</summary>
    public string? Referrer { get; init; }

    /// <summary>Whether they agreed to be contacted by the programme's evaluators.</summary>
    public bool? EvaluationContactConsent { get; init; }
}

/// <summary>Checks and applies <see cref="ParticipantDetailsInput"/>, shared by registration and edits.</summary>
internal static class ParticipantDetails
{
    public const int MaxNameLength = 100;
    public const int OldestAge = 120;

    /// <summary>Checks the fields that do not depend on the registration date.</summary>
    public static void CheckPerson(ParticipantDetailsInput input, FieldErrors errors, out string? nino, out NinoMissingReason? ninoMissing, out string? postcode)
    {
        Validation.RequiredText(input.FirstName, "firstName", "first name", MaxNameLength, errors);
        Validation.RequiredText(input.LastName, "lastName", "last name", MaxNameLength, errors);
        if (input.DateOfBirth is null)
        {
            errors.Add("dateOfBirth", "Enter the date of birth, for example 1980-05-01");
        }

        nino = null;
        ninoMissing = Codes.Enum<NinoMissingReason>(input.NinoMissingReason, "ninoMissingReason", "reason for no National Insurance number", errors);
        if (!string.IsNullOrWhiteSpace(input.Nino))
        {
            var check = Nino.Check(input.Nino);
            if (check.IsValid)
            {
                nino = check.Nino.Value;
                ninoMissing = null;
            }
            else
            {
                errors.Add("nino", check.Error);
            }
        }
        else if (ninoMissing is null && !errors.Has("ninoMissingReason"))
        {
            errors.Add("nino", $"Enter a National Insurance number, like {Nino.Example}, or give a reason it is missing (ninoMissingReason: {Codes.Allowed<NinoMissingReason>()})");
        }

        Validation.OptionalText(input.Email, "email", "email address", 254, errors);
        if (!string.IsNullOrWhiteSpace(input.Email) && !LooksLikeEmail(input.Email.Trim()))
        {
            errors.Add("email", "Enter an email address in the correct format, like name@example.com");
        }

        Validation.OptionalText(input.Phone, "phone", "phone number", 30, errors);
        if (!string.IsNullOrWhiteSpace(input.Phone) && !LooksLikePhone(input.Phone))
        {
            errors.Add("phone", "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192");
        }

        Validation.OptionalText(input.AddressLine1, "addressLine1", "address line 1", 200, errors);
        Validation.OptionalText(input.AddressLine2, "addressLine2", "address line 2", 200, errors);
        Validation.OptionalText(input.Town, "town", "town or city", 100, errors);

        postcode = null;
        var postcodeCheck = Postcode.Check(input.Postcode);
        if (postcodeCheck.IsValid)
        {
            postcode = postcodeCheck.Postcode.Value;
        }
        else
        {
            errors.Add("postcode", postcodeCheck.Error);
        }

        Codes.Catalogue(input.Sex, Sexes.All, "sex", "sex", errors);
        Codes.Catalogue(input.GenderIdentity, GenderIdentityAnswers.All, "genderIdentity", "gender identity", errors);
        Codes.Catalogue(input.Ethnicity, Ethnicities.All, "ethnicity", "ethnic group", errors);
        Codes.Catalogue(input.LongTermCondition, LongTermConditionAnswers.All, "longTermCondition", "long-term condition", errors);
        Codes.Catalogue(input.ActivityLimitation, ActivityLimitations.All, "activityLimitation", "activity limitation", errors);
        Codes.Catalogue(input.HighestQualification, QualificationLevels.All, "highestQualification", "qualification level", errors);
        Codes.Catalogue(input.RecruitmentChannel, RecruitmentChannels.All, "recruitmentChannel", "recruitment channel", errors);
        Validation.OptionalText(input.Referrer, "referrer", "referrer", 200, errors);
    }

    /// <summary>
    /// Checks age and work against the registration date and works out the cohort. Null when
    /// something is wrong (an error is added).
    /// </summary>
    public static (Domain.Programme.Cohort Cohort, AgeBand AgeBand, EmploymentStatus Status)? CheckWork(
        ParticipantDetailsInput input, DateOnly registeredOn, DateOnly today, FieldErrors errors)
    {
        AgeBand? band = null;
        if (input.DateOfBirth is { } dob)
        {
            if (dob > today)
            {
                errors.Add("dateOfBirth", "The date of birth must be in the past");
            }
            else if (Age.On(dob, registeredOn) is var age && age < AgeBands.MinimumAge)
            {
                errors.Add("dateOfBirth", $"The participant must be {AgeBands.MinimumAge} or over on the registration date ({Formatting.Date(registeredOn)}); they were {Math.Max(age, 0)}");
            }
            else if (age > OldestAge)
            {
                errors.Add("dateOfBirth", $"The date of birth must be after {dob.Year - 1}: check the year");
            }
            else
            {
                band = AgeBands.On(dob, registeredOn);
            }
        }

        var status = Codes.Enum<EmploymentStatus>(input.EmploymentStatus, "employmentStatus", "employment status", errors, required: true);
        Domain.Programme.Cohort? cohort = null;
        switch (status)
        {
            case EmploymentStatus.OutOfWork when input.LastInWorkOn is not { } lastInWork:
                errors.Add("lastInWorkOn", "Enter the date they were last in paid work, or use employmentStatus NeverWorked");
                break;
            case EmploymentStatus.OutOfWork when input.LastInWorkOn > registeredOn:
                errors.Add("lastInWorkOn", $"The date last in work must be on or before the registration date ({Formatting.Date(registeredOn)})");
                break;
            case EmploymentStatus.OutOfWork when input.DateOfBirth is { } born && input.LastInWorkOn < born:
                errors.Add("lastInWorkOn", "The date last in work must be after the date of birth");
                break;
            case EmploymentStatus.OutOfWork:
                cohort = CohortClassifier.ForOutOfWorkSince(input.LastInWorkOn!.Value, registeredOn);
                break;
            case EmploymentStatus.NeverWorked:
                cohort = CohortClassifier.Classify(EmploymentAtRegistration.OutOfWorkForMonths(int.MaxValue / 2), registeredOn);
                break;
            case EmploymentStatus.Employed:
                CheckEmployment(input, errors);
                cohort = Domain.Programme.Cohort.Employed;
                break;
            default:
                break;
        }

        return band is { } b && cohort is { } c && status is { } s && !errors.Any ? (c, b, s) : null;
    }

    private static void CheckEmployment(ParticipantDetailsInput input, FieldErrors errors)
    {
        switch (input.WeeklyHours)
        {
            case null:
                errors.Add("weeklyHours", "Enter the hours they work a week, for example 16");
                break;
            case <= 0 or > 100:
                errors.Add("weeklyHours", "Hours a week must be more than 0 and no more than 100");
                break;
            default:
                if (decimal.Round(input.WeeklyHours.Value, 2) != input.WeeklyHours.Value)
                {
                    errors.Add("weeklyHours", "Hours a week can have at most 2 decimal places, for example 37.5");
                }

                break;
        }

        switch (input.HourlyWage)
        {
            case null:
                errors.Add("hourlyWage", "Enter their hourly wage before tax in pounds, for example 10.42");
                break;
            case < 0:
                errors.Add("hourlyWage", "The hourly wage must be 0 or more, in pounds and pence, for example 10.42");
                break;
            case >= 1000:
                errors.Add("hourlyWage", "The hourly wage must be less than £1,000 an hour: check it is the hourly rate");
                break;
            default:
                if (!FormParsing.HasAtMostPence(input.HourlyWage.Value))
                {
                    errors.Add("hourlyWage", "The hourly wage must be in pounds and pence, with at most 2 decimal places");
                }

                break;
        }

        Codes.Catalogue(input.ContractType, ContractTypes.All, "contractType", "contract type", errors);
    }

    /// <summary>Copies checked values onto the record.</summary>
    public static void Apply(Participant participant, ParticipantDetailsInput input, string? nino, NinoMissingReason? ninoMissing, string postcode,
        (Domain.Programme.Cohort Cohort, AgeBand AgeBand, EmploymentStatus Status) work)
    {
        participant.FirstName = input.FirstName!.Trim();
        participant.LastName = input.LastName!.Trim();
        participant.SearchFirstName = NameSimilarity.Normalise(participant.FirstName);
        participant.SearchLastName = NameSimilarity.Normalise(participant.LastName);
        participant.DateOfBirth = input.DateOfBirth!.Value;
        participant.Nino = nino;
        participant.NinoMissingReason = ninoMissing;
        participant.Email = Clean(input.Email);
        participant.Phone = Clean(input.Phone);
        participant.AddressLine1 = Clean(input.AddressLine1);
        participant.AddressLine2 = Clean(input.AddressLine2);
        participant.Town = Clean(input.Town);
        participant.Postcode = postcode;
        participant.Sex = Sexes.Find(input.Sex)?.Code;
        participant.GenderIdentity = GenderIdentityAnswers.Find(input.GenderIdentity)?.Code;
        participant.Ethnicity = Ethnicities.Find(input.Ethnicity)?.Code;
        participant.LongTermCondition = LongTermConditionAnswers.Find(input.LongTermCondition)?.Code;
        participant.ActivityLimitation = ActivityLimitations.Find(input.ActivityLimitation)?.Code;
        participant.HighestQualification = QualificationLevels.Find(input.HighestQualification)?.Code;
        participant.HasChildcareResponsibilities = input.HasChildcareResponsibilities;
        participant.HasCaringResponsibilities = input.HasCaringResponsibilities;
        participant.HasInternetAccess = input.HasInternetAccess;
        participant.EmploymentStatus = work.Status;
        participant.Cohort = work.Cohort;
        participant.AgeBand = work.AgeBand;
        var employed = work.Status == EmploymentStatus.Employed;
        participant.LastInWorkOn = work.Status == EmploymentStatus.OutOfWork ? input.LastInWorkOn : null;
        participant.WeeklyHours = employed ? input.WeeklyHours : null;
        participant.HourlyWage = employed ? input.HourlyWage : null;
        participant.EmploymentContractType = employed ? ContractTypes.Find(input.ContractType)?.Code : null;
        participant.RecruitmentChannel = RecruitmentChannels.Find(input.RecruitmentChannel)?.Code;
        participant.Referrer = Clean(input.Referrer);
        participant.EvaluationContactConsent = input.EvaluationContactConsent;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    private static bool LooksLikePhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 10 and <= 15 && phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-');
    }
}
