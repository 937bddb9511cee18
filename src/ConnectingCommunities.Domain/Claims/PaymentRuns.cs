namespace ConnectingCommunities.Domain.Claims;

/// <summary>Whether a payment run line pays a claim line or takes back an earlier payment.</summary>
public enum PaymentLineKind
{
    /// <summary>An approved claim line paid for the first time (amount zero or more).</summary>
    Payment = 1,

    /// <summary>A paid claim line found invalid later, taken back (negative amount).</summary>
    Recovery = 2,
}

/// <summary>One line of a payment run, in pounds: positive for a payment, negative for a recovery.</summary>
public sealed record PaymentLine(Guid ClaimLineId, PaymentLineKind Kind, decimal Amount)
{
    /// <summary>A payment of an approved line at its tariff amount.</summary>
    public static PaymentLine Payment(Guid claimLineId, decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return new(claimLineId, PaymentLineKind.Payment, amount);
    }

    /// <summary>
    /// Clawback: the recovery of a line that was paid <paramref name="paidAmount"/> and later found
    /// invalid. It is the whole amount paid, as a negative line in the provider's next payment run,
    /// so the original payment stays on record unchanged and the two lines net to nothing.
    /// </summary>
    public static PaymentLine Recovery(Guid claimLineId, decimal paidAmount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(paidAmount);
        return new(claimLineId, PaymentLineKind.Recovery, -paidAmount);
    }
}

/// <summary>The totals of one provider's payment run.</summary>
/// <param name="Payments">The sum of the run's payment lines.</param>
/// <param name="Recoveries">The sum of the run's recoveries, as a positive amount.</param>
/// <param name="BalanceBroughtForward">What the provider still owed from earlier runs (zero or negative).</param>
public sealed record PaymentRunTotals(decimal Payments, decimal Recoveries, decimal BalanceBroughtForward)
{
    /// <summary>The run's total: new approved lines less recoveries. It can be negative.</summary>
    public decimal Total => Payments - Recoveries;

    /// <summary>The total after the balance owed from earlier runs.</summary>
    public decimal Net => Total + BalanceBroughtForward;

    /// <summary>What is paid to the provider: the net amount, or nothing when it is negative.</summary>
    public decimal Payable => Math.Max(0m, Net);

    /// <summary>
    /// What the provider owes after this run (zero or negative). When recoveries exceed payments
    /// nothing is paid and the shortfall is carried as a balance owed, set against the provider's
    /// next run, rather than demanded as an invoice.
    /// </summary>
    public decimal BalanceCarriedForward => Math.Min(0m, Net);
}

/// <summary>Payment run arithmetic.</summary>
public static class PaymentRunCalculator
{
    /// <summary>The totals of a run's lines, after any balance the provider owed from earlier runs.</summary>
    /// <param name="lines">The run's payment and recovery lines.</param>
    /// <param name="balanceBroughtForward">The balance owed from the provider's previous run: zero or negative.</param>
    public static PaymentRunTotals Calculate(IEnumerable<PaymentLine> lines, decimal balanceBroughtForward = 0m)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(balanceBroughtForward, 0m);
        var list = lines.ToList();
        return new PaymentRunTotals(
            list.Where(l => l.Kind == PaymentLineKind.Payment).Sum(l => l.Amount),
            -list.Where(l => l.Kind == PaymentLineKind.Recovery).Sum(l => l.Amount),
            balanceBroughtForward);
    }
}
