using ConnectingCommunities.Domain.Claims;

namespace ConnectingCommunities.Domain.Tests.Claims;

public sealed class PaymentRunTests
{
    [Fact]
    public void A_recovery_is_the_whole_amount_paid_as_a_negative_line()
    {
        var id = Guid.NewGuid();

        var recovery = PaymentLine.Recovery(id, 889m);

        Assert.Equal(new PaymentLine(id, PaymentLineKind.Recovery, -889m), recovery);
        Assert.Equal(0m, PaymentLine.Payment(id, 889m).Amount + recovery.Amount);
    }

    [Fact]
    public void Negative_amounts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentLine.Payment(Guid.NewGuid(), -1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentLine.Recovery(Guid.NewGuid(), -1m));
    }

    [Fact]
    public void A_run_total_is_new_approved_lines_less_recoveries()
    {
        PaymentLine[] lines =
        [
            PaymentLine.Payment(Guid.NewGuid(), 889m),
            PaymentLine.Payment(Guid.NewGuid(), 400m),
            PaymentLine.Payment(Guid.NewGuid(), 250.50m),
            PaymentLine.Recovery(Guid.NewGuid(), 400m),
        ];

        var totals = PaymentRunCalculator.Calculate(lines);

        Assert.Equal(1_539.50m, totals.Payments);
        Assert.Equal(400m, totals.Recoveries);
        Assert.Equal(1_139.50m, totals.Total);
        Assert.Equal(1_139.50m, totals.Payable);
        Assert.Equal(0m, totals.BalanceCarriedForward);
    }

    [Fact]
    public void When_recoveries_exceed_payments_nothing_is_paid_and_the_balance_is_carried_forward()
    {
        PaymentLine[] lines = [PaymentLine.Payment(Guid.NewGuid(), 400m), PaymentLine.Recovery(Guid.NewGuid(), 889m)];

        var totals = PaymentRunCalculator.Calculate(lines);

        Assert.Equal(-489m, totals.Total);
        Assert.Equal(0m, totals.Payable);
        Assert.Equal(-489m, totals.BalanceCarriedForward);
    }

    [Fact]
    public void A_balance_owed_is_set_against_the_next_run()
    {
        var next = PaymentRunCalculator.Calculate([PaymentLine.Payment(Guid.NewGuid(), 889m)], balanceBroughtForward: -489m);

        Assert.Equal(889m, next.Total);
        Assert.Equal(400m, next.Net);
        Assert.Equal(400m, next.Payable);
        Assert.Equal(0m, next.BalanceCarriedForward);

        var stillOwed = PaymentRunCalculator.Calculate([PaymentLine.Payment(Guid.NewGuid(), 100m)], balanceBroughtForward: -489m);
        Assert.Equal(0m, stillOwed.Payable);
        Assert.Equal(-389m, stillOwed.BalanceCarriedForward);
    }

    [Fact]
    public void A_balance_brought_forward_is_never_money_owed_to_the_provider() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentRunCalculator.Calculate([], balanceBroughtForward: 1m));

    [Fact]
    public void An_empty_run_totals_nothing()
    {
        var totals = PaymentRunCalculator.Calculate([]);

        Assert.Equal(0m, totals.Total);
        Assert.Equal(0m, totals.Payable);
    }

    [Fact]
    public void Lot_spend_is_paid_less_recovered_and_the_remaining_value_follows()
    {
        PaymentLine[] lines =
        [
            PaymentLine.Payment(Guid.NewGuid(), 889m),
            PaymentLine.Payment(Guid.NewGuid(), 889m),
            PaymentLine.Payment(Guid.NewGuid(), 400m),
            PaymentLine.Recovery(Guid.NewGuid(), 889m),
        ];

        var budget = LotBudget.FromPaymentLines(10_000m, lines, approvedUnpaid: 500m);

        Assert.Equal(2_178m, budget.Paid);
        Assert.Equal(889m, budget.Recovered);
        Assert.Equal(1_289m, budget.Spent);
        Assert.Equal(8_711m, budget.Remaining);
        Assert.Equal(1_789m, budget.Committed);
        Assert.Equal(8_211m, budget.Uncommitted);
        Assert.False(budget.WouldExceed(8_211m));
        Assert.True(budget.WouldExceed(8_211.01m));
    }
}
