using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Infrastructure;

namespace ConnectingCommunities.Web.Features.Participants;

/// <summary>
/// Registration's checks given what they need already loaded (the lot's contracts, whether the postcode is in
/// its area, the candidates for a duplicate), so that registering one person and importing a file of
/// 200,000 apply the same rules with the same words.
/// </summary>
internal static class RegistrationRules
{
    public const int MaxReasonLength = 1000;

    /// <summary>The checks that need nothing from the database: registration date, privacy notice, reasons.</summary>
    public static void Check(RegistrationInput input, DateOnly registeredOn, DateOnly today, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (registeredOn > today)
        {
            errors.Add("registeredOn", $"The registration date cannot be in the future (today is {Formatting.Date(today)})");
        }

        if (input.PrivacyNoticeAcknowledged != true)
        {
            errors.Add("privacyNoticeAcknowledged", "Confirm the participant has been given the privacy notice (privacyNoticeAcknowledged must be true)");
        }

        Validation.OptionalText(input.EligibilityOverrideReason, "eligibilityOverrideReason", "reason for the eligibility override", MaxReasonLength, errors);
        Validation.OptionalText(input.DuplicateCheckReason, "duplicateCheckReason", "reason they are a different person", MaxReasonLength, errors);
    }

    /// <summary>The contract of the lot in force on the day, or an error naming the contracts' periods.</summary>
    public static Contract? ContractOn(Lot lot, IReadOnlyList<Contract> contracts, DateOnly day, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(contracts);
        var active = contracts.FirstOrDefault(c => c.Period.Contains(day));
        if (active is null && !errors.Has("registeredOn"))
        {
            var periods = contracts.Count == 0
                ? "the lot has no contracts yet"
                : "its contracts run " + string.Join(" and ", contracts.Select(c => $"{Formatting.Date(c.StartDate)} to {Formatting.Date(c.EndDate, "no end date")}"));
            errors.Add("registeredOn", $"The registration date must fall within a contract of {lot.Name}: {periods}");
        }

        return active;
    }

    /// <summary>
    /// Someone living outside the lot's area joins only with a provider manager's reason.
    /// <paramref name="elsewhere"/> is the lot whose area has the postcode, if any.
    /// </summary>
    public static void CheckEligibility(Lot lot, string postcode, bool inArea, string? overrideReason, bool isManager, string? elsewhere, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (inArea)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(overrideReason))
        {
            if (!isManager)
            {
                errors.Add("eligibilityOverrideReason", "Only a provider manager can register someone who lives outside the lot's area");
            }

            return;
        }

        var where = elsewhere is null ? "It is not in any of the programme's neighbourhoods." : $"It is in the {elsewhere} area: refer them to that lot's provider.";
        errors.Add("postcode", $"{postcode} is outside the {lot.Name} area, so they cannot join in this lot. {where} "
            + "If they do live in the area, a provider manager can register them with a reason (eligibility override).");
    }

    /// <summary>
    /// Why an existing record may be the same person, or null: the same National Insurance number (definite), the
    /// same date of birth and a similar name, or the same name and postcode (possible). Names are the stored search names.
    /// </summary>
    public static (string Reason, bool Definite)? DuplicateOf(
        string? firstName, string? lastName, DateOnly dateOfBirth, string? nino, string postcode,
        string candidateFirstName, string candidateLastName, string candidateSearchFirst, string candidateSearchLast,
        DateOnly candidateDateOfBirth, string candidatePostcode, string? candidateNino)
    {
        var sameNino = nino is not null && candidateNino == nino;
        var similarName = candidateDateOfBirth == dateOfBirth && NameSimilarity.IsSimilar(firstName, lastName, candidateFirstName, candidateLastName);
        var sameNameAndPostcode = candidatePostcode == postcode
            && candidateSearchFirst == NameSimilarity.Normalise(firstName) && candidateSearchLast == NameSimilarity.Normalise(lastName);
        if (!sameNino && !similarName && !sameNameAndPostcode)
        {
            return null;
        }

        var why = sameNino ? "Same National Insurance number"
            : similarName ? "Same date of birth and a similar name"
            : "Same name and postcode";
        return (why, sameNino);
    }
}
