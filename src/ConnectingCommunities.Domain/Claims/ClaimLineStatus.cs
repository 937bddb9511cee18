namespace ConnectingCommunities.Domain.Claims;

/// <summary>Where a claim line is in its life cycle.</summary>
public enum ClaimLineStatus
{
    /// <summary>On a claim the provider has not yet submitted.</summary>
    Draft = 1,

    /// <summary>Failed validation: kept on the claim with its reason codes, not dropped.</summary>
    Held = 2,

    /// <summary>Submitted and waiting for the commissioner's decision.</summary>
    Submitted = 3,

    /// <summary>Sent back to the provider for correction.</summary>
    Returned = 4,

    /// <summary>Approved and waiting for a payment run.</summary>
    Approved = 5,

    /// <summary>Rejected by the commissioner, with a reason.</summary>
    Rejected = 6,

    /// <summary>Paid in a payment run.</summary>
    Paid = 7,

    /// <summary>Paid, later found invalid, and recovered in a later payment run.</summary>
    Recovered = 8,
}

public static class ClaimLineStatuses
{
    /// <summary>
    /// Whether a line in this status stops the same milestone being claimed again. Rejected and
    /// recovered lines do not: nothing is paid for them (a recovery returns the money), so a
    /// corrected claim may be made and is validated afresh.
    /// </summary>
    public static bool BlocksAnotherClaim(this ClaimLineStatus status) =>
        status is not (ClaimLineStatus.Rejected or ClaimLineStatus.Recovered);

    /// <summary>Whether the commissioner may still decide a line in this status.</summary>
    public static bool AwaitsDecision(this ClaimLineStatus status) => status == ClaimLineStatus.Submitted;
}
