using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Tests.Outcomes;

public sealed class ProgressionRulesTests
{
    private static readonly JobTerms Baseline = new(20m, 10m, ContractTypes.ZeroHours);

    private static ProgressionChange To(decimal hours, decimal wage, ContractType? contract = null) =>
        new(new JobTerms(hours, wage, contract ?? ContractTypes.ZeroHours));

    [Fact]
    public void Weekly_earnings_are_hours_times_wage_unrounded() =>
        Assert.Equal(123.4567m, new JobTerms(12.5m, 9.876536m, ContractTypes.Permanent).WeeklyEarnings);

    [Theory]
    [InlineData(22, 10, true)]
    [InlineData(20, 11, true)]
    [InlineData(20, 10.99, false)]
    [InlineData(21.99, 10, false)]
    [InlineData(30, 10, true)]
    public void Strict_needs_weekly_earnings_up_at_least_ten_percent(double hours, double wage, bool met)
    {
        var result = ProgressionRules.Evaluate(Baseline, To((decimal)hours, (decimal)wage), ProgressionDefinition.Strict);

        Assert.Equal(met, result.IsMet);
        Assert.Equal(met ? [ProgressionGround.EarningsUpTenPercent] : [], result.Grounds);
    }

    [Fact]
    public void Exactly_ten_percent_counts_even_when_the_baseline_has_pence()
    {
        // 30 x £9.50 = £285.00; 33 x £9.50 = £313.50, exactly 10% more.
        var baseline = new JobTerms(30m, 9.50m, ContractTypes.Permanent);

        var exact = ProgressionRules.Evaluate(baseline, To(33m, 9.50m), ProgressionDefinition.Strict);
        var penny = ProgressionRules.Evaluate(baseline, To(30m, 10.4499m), ProgressionDefinition.Strict);

        Assert.True(exact.IsMet);
        Assert.Equal(0.1m, exact.EarningsChange);
        Assert.False(penny.IsMet);
    }

    [Fact]
    public void More_hours_alone_is_progression_only_under_the_wider_definition()
    {
        var change = To(21m, 10m);

        Assert.False(ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Strict).IsMet);
        Assert.Equal([ProgressionGround.MoreHours], ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Wider).Grounds);
    }

    [Fact]
    public void A_move_to_a_more_secure_contract_counts_under_the_wider_definition()
    {
        var change = To(20m, 10m, ContractTypes.Permanent);

        Assert.False(ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Strict).IsMet);
        Assert.Equal([ProgressionGround.BetterContract], ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Wider).Grounds);
    }

    [Theory]
    [InlineData("zeroHours", "fixedTerm", true)]
    [InlineData("temporary", "permanent", true)]
    [InlineData("fixedTerm", "permanent", true)]
    [InlineData("apprenticeship", "permanent", true)]
    [InlineData("zeroHours", "temporary", false)]
    [InlineData("temporary", "zeroHours", false)]
    [InlineData("fixedTerm", "apprenticeship", false)]
    [InlineData("permanent", "fixedTerm", false)]
    [InlineData("permanent", "permanent", false)]
    [InlineData("selfEmployed", "permanent", false)]
    [InlineData("zeroHours", "selfEmployed", false)]
    public void Better_contract_follows_the_security_order(string from, string to, bool better) =>
        Assert.Equal(better, ContractSecurity.IsBetter(ContractTypes.Find(from)!, ContractTypes.Find(to)!));

    [Fact]
    public void Self_employment_has_no_rank() => Assert.Null(ContractSecurity.Rank(ContractTypes.SelfEmployed));

    [Fact]
    public void A_lateral_move_counts_with_a_reason()
    {
        var change = To(20m, 10m) with { LateralMove = true, LateralMoveReason = "Moved to a team with a supervisor training route" };

        var result = ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Wider);

        Assert.Equal([ProgressionGround.LateralMoveImprovingProspects], result.Grounds);
        Assert.Empty(result.Notes);
        Assert.False(ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Strict).IsMet);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_lateral_move_without_a_reason_does_not_count_and_says_why(string? reason)
    {
        var change = To(20m, 10m) with { LateralMove = true, LateralMoveReason = reason };

        var result = ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Wider);

        Assert.False(result.IsMet);
        Assert.Contains("reason", Assert.Single(result.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_promotion_counts_under_the_wider_definition()
    {
        var change = To(20m, 10m) with { Promotion = true };

        Assert.Equal([ProgressionGround.Promotion], ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Wider).Grounds);
        Assert.False(ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Strict).IsMet);
    }

    [Fact]
    public void The_wider_definition_lists_every_ground_met()
    {
        var change = To(25m, 10m, ContractTypes.Permanent) with { Promotion = true };

        Assert.Equal(
            [ProgressionGround.EarningsUpTenPercent, ProgressionGround.Promotion, ProgressionGround.MoreHours, ProgressionGround.BetterContract],
            ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Wider).Grounds);
    }

    [Fact]
    public void Paid_work_from_a_baseline_of_nothing_is_progression()
    {
        var result = ProgressionRules.Evaluate(new JobTerms(0m, 10m, ContractTypes.ZeroHours), To(8m, 10m), ProgressionDefinition.Strict);

        Assert.True(result.IsMet);
        Assert.Null(result.EarningsChange);
    }

    [Fact]
    public void Lower_earnings_are_not_progression()
    {
        var change = To(18m, 10m);

        Assert.All(ProgressionRules.EvaluateAll(Baseline, change), a => Assert.False(a.IsMet));
        Assert.Equal(-0.1m, ProgressionRules.Evaluate(Baseline, change, ProgressionDefinition.Strict).EarningsChange);
    }

    [Fact]
    public void Both_definitions_are_computed()
    {
        var results = ProgressionRules.EvaluateAll(Baseline, To(21m, 10m));

        Assert.Equal([ProgressionDefinition.Strict, ProgressionDefinition.Wider], results.Select(r => r.Definition));
        Assert.Equal([false, true], results.Select(r => r.IsMet));
    }

    [Fact]
    public void Every_ground_has_a_description() =>
        Assert.All(Enum.GetValues<ProgressionGround>(), g => Assert.False(string.IsNullOrWhiteSpace(g.Describe())));
}
