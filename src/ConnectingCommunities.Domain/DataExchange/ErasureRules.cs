using System.Globalization;

namespace ConnectingCommunities.Domain.DataExchange;

/// <summary>Why an erasure was asked for: mirrors the data model's ErasureKind.</summary>
public enum ErasureGround
{
    RetentionExpired = 1,
    PersonRequested = 2,
}

/// <summary>Something kept after an erasure and the duty that needs it.</summary>
public sealed record KeptFact(string What, string Why);

/// <summary>Whether an erasure may go ahead, and if not, why.</summary>
public sealed record ErasureDecision(bool Allowed, string? Refusal, IReadOnlyList<KeptFact> MustKeep);

/// <summary>
/// The rules for erasing a participant's personal data. UK GDPR Article 17(3)(b) and (e): the right to
/// erasure does not apply while the data is needed to meet a legal obligation or for legal claims, which
/// the funders' audit duty over claims and payments is, for the retention period. After it, everything
/// identifying goes; what is left is the tombstone and non-identifying facts.
/// </summary>
public static class ErasureRules
{
    /// <summary>The personal fields of a participant that an erasure removes (or, for dates of birth and postcodes, coarsens).</summary>
    public static IReadOnlyList<string> ErasedFields { get; } =
    [
        "FirstName", "LastName", "Nino", "Email", "Phone", "AddressLine1", "AddressLine2", "Town",
        "Postcode (district kept)", "DateOfBirth (year kept)", "Referrer", "EligibilityOverrideReason", "DuplicateCheckReason",
        "LeavingNotes", "free text of barriers, reviews, goals, actions, contacts, transfers, jobs, checks, progressions and referrals",
        "help request (name, contact details, postcode, message)", "evidence files", "values in the audit trail",
    ];

    /// <summary>What an erasure keeps, and why.</summary>
    public static IReadOnlyList<KeptFact> Kept { get; } =
    [
        new("Reference (e.g. WH-000123)", "Claims, payments and recoveries point at it; the funder's audit traces each payment to a record"),
        new("Lot, contract, cohort, registration and leaving dates, status", "The tariff each claim line was paid at depends on the cohort and dates; performance counts use them"),
        new("Milestones, claim lines and payment lines", "What was paid and why: the programme's accounts and the funder's audit"),
        new("Age band, year of birth, district of the postcode", "The evaluation's counts by age and area; neither identifies a person"),
        new("Equality characteristics, employment facts, interventions' dates, modes and durations, job starts' hours, wages and employer", "The evaluation's counts and models; without name, contact details or full postcode they do not identify a person"),
        new("Indicator assessments", "The evaluation's before-and-after measures, held against the reference only"),
        new("Evidence files' records (kind, size, SHA-256), without the files or their names", "Shows that evidence was held for each paid line"),
        new("The audit trail's events, with erased values replaced by (erased)", "Who did what and when must stay provable; the values themselves are removed"),
    ];

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static ErasureDecision Decide(ErasureGround ground, DateOnly retainUntil, DateOnly today, bool hasClaimsOrPayments)
    {
        var past = today > retainUntil;
        if (past)
        {
            return new ErasureDecision(true, null, Kept);
        }

        var until = retainUntil.ToString("d MMMM yyyy", EnGb);
        var due = $"the retention period runs to {until}";
        if (ground == ErasureGround.RetentionExpired)
        {
            return new ErasureDecision(false, $"The record is not past retention: {due}.", Kept);
        }

        var must = new List<KeptFact>
        {
            new("Name, National Insurance number, date of birth, address and evidence files",
                $"Kept until {until}: the programme's funders may audit every participant's eligibility and outcomes until then "
                + "(UK GDPR Article 17(3)(b), a legal obligation)"),
        };
        if (hasClaimsOrPayments)
        {
            must.Add(new("The record behind each claim line and payment",
                "Outcomes were claimed or paid for this person: the claim must stay provable against the evidence (Article 17(3)(b) and (e))"));
        }

        return new ErasureDecision(false,
            $"The person's request was refused for now: {due}, and the data is needed to meet the programme's legal audit duty"
            + (hasClaimsOrPayments ? " and to support the claims and payments made for them" : "") + ". It will be erased when the period ends.",
            must);
    }
}
