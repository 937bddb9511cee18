namespace ConnectingCommunities.Domain.Claims;

/// <summary>
/// A lot's value and how much of it is spent or committed. Spend is what has been paid less what
/// has been recovered; approved lines not yet paid are committed, because they will be paid in
/// the next run, so a new line is checked against spend plus approved.
/// </summary>
/// <param name="Value">The lot's value (the contract value for the lot), in pounds.</param>
/// <param name="Paid">Everything paid so far for the lot.</param>
/// <param name="Recovered">Everything recovered so far (a positive amount).</param>
/// <param name="ApprovedUnpaid">Lines approved and not yet paid.</param>
public sealed record LotBudget(decimal Value, decimal Paid = 0m, decimal Recovered = 0m, decimal ApprovedUnpaid = 0m)
{
    /// <summary>Net spend: paid less recovered.</summary>
    public decimal Spent => Paid - Recovered;

    /// <summary>What is left of the value after spend.</summary>
    public decimal Remaining => Value - Spent;

    /// <summary>Spend plus approved lines waiting for payment.</summary>
    public decimal Committed => Spent + ApprovedUnpaid;

    /// <summary>What is left after spend and approved lines: the most a new line can be.</summary>
    public decimal Uncommitted => Value - Committed;

    /// <summary>Whether a line of <paramref name="amount"/> would take the lot past its value; reaching it exactly is allowed.</summary>
    public bool WouldExceed(decimal amount) => Committed + amount > Value;

    /// <summary>The budget once a line of <paramref name="amount"/> is approved.</summary>
    public LotBudget WithApproved(decimal amount) => this with { ApprovedUnpaid = ApprovedUnpaid + amount };

    /// <summary>A lot's budget from the lines of its payment runs: payments add to Paid, recoveries (negative) to Recovered.</summary>
    public static LotBudget FromPaymentLines(decimal value, IEnumerable<PaymentLine> lines, decimal approvedUnpaid = 0m)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        return new LotBudget(
            value,
            list.Where(l => l.Kind == PaymentLineKind.Payment).Sum(l => l.Amount),
            -list.Where(l => l.Kind == PaymentLineKind.Recovery).Sum(l => l.Amount),
            approvedUnpaid);
    }
}
