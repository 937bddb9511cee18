namespace ConnectingCommunities.Domain.Claims;

/// <summary>The commissioner's decision on one submitted claim line.</summary>
public enum ClaimDecision
{
    Approve = 1,
    Reject = 2,

    /// <summary>Send back to the provider for correction.</summary>
    Return = 3,
}

/// <summary>Why a decision on a line is refused.</summary>
public enum ClaimDecisionRefusal
{
    /// <summary>The line is not waiting for a decision: it was decided already, or never submitted.</summary>
    NotAwaitingDecision = 1,

    /// <summary>Maker-checker: whoever submitted the claim cannot decide its lines.</summary>
    SubmitterCannotDecide = 2,

    /// <summary>A rejection or return must say why, so the provider can act on it.</summary>
    ReasonRequired = 3,
}

/// <summary>
/// The rules for deciding a claim line. Maker-checker separates who claims money from who
/// approves it, so no one person can both claim and approve a payment.
/// </summary>
public static class ClaimDecisions
{
    /// <summary>Empty when the decision may be made; otherwise every reason it may not.</summary>
    public static IReadOnlyList<ClaimDecisionRefusal> Check(
        ClaimLineStatus status, ClaimDecision decision, string submittedBy, string decidedBy, string? reason)
    {
        var refusals = new List<ClaimDecisionRefusal>();
        if (!status.AwaitsDecision())
        {
            refusals.Add(ClaimDecisionRefusal.NotAwaitingDecision);
        }

        if (string.Equals(submittedBy?.Trim(), decidedBy?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            refusals.Add(ClaimDecisionRefusal.SubmitterCannotDecide);
        }

        if (decision != ClaimDecision.Approve && string.IsNullOrWhiteSpace(reason))
        {
            refusals.Add(ClaimDecisionRefusal.ReasonRequired);
        }

        return refusals;
    }

    /// <summary>The line's status after the decision.</summary>
    public static ClaimLineStatus Outcome(this ClaimDecision decision) => decision switch
    {
        ClaimDecision.Approve => ClaimLineStatus.Approved,
        ClaimDecision.Reject => ClaimLineStatus.Rejected,
        ClaimDecision.Return => ClaimLineStatus.Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision."),
    };
}
