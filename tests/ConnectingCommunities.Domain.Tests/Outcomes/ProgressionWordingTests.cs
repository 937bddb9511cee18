using ConnectingCommunities.Domain.Outcomes;
using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Tests.Outcomes;

public sealed class ProgressionWordingTests
{
    private static readonly JobTerms Baseline = new(20m, 10m, ContractTypes.ZeroHours);

    private static (string Strict, string Wider) Words(JobTerms after, bool promotion = false, bool lateral = false, string? reason = null)
    {
        var assessments = ProgressionRules.EvaluateAll(Baseline, new ProgressionChange(after, promotion, lateral, reason));
        return (ProgressionWording.Strict(Baseline, after, assessments[0]), ProgressionWording.Wider(assessments[1]));
    }

    [Fact]
    public void A_rise_of_twelve_and_a_half_percent_meets_the_strict_definition() =>
        Assert.Equal(
            "Weekly earnings up 12.5% (from £200.00 to £225.00): meets the strict definition",
            Words(new JobTerms(20m, 11.25m, ContractTypes.ZeroHours)).Strict);

    [Fact]
    public void Exactly_ten_percent_reads_as_ten_percent_and_meets_it() =>
        Assert.Equal(
            "Weekly earnings up 10% (from £200.00 to £220.00): meets the strict definition",
            Words(new JobTerms(22m, 10m, ContractTypes.ZeroHours)).Strict);

    [Fact]
    public void Just_under_ten_percent_never_reads_as_ten_percent()
    {
        // £219.90 is 9.95% more: shown as 9.9%, not rounded up beside "does not meet".
        var words = Words(new JobTerms(20m, 10.995m, ContractTypes.ZeroHours)).Strict;

        Assert.StartsWith("Weekly earnings up 9.9% (from £200.00 to £219.90): does not meet the strict definition", words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fall_and_no_change_are_said_plainly()
    {
        Assert.StartsWith("Weekly earnings down 5%", Words(new JobTerms(19m, 10m, ContractTypes.ZeroHours)).Strict, StringComparison.Ordinal);
        Assert.StartsWith("Weekly earnings unchanged (from £200.00 to £200.00)", Words(Baseline).Strict, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wider_definition_names_each_ground_and_why_a_lateral_move_did_not_count()
    {
        var (strict, wider) = Words(new JobTerms(24m, 10m, ContractTypes.Permanent), promotion: true);
        Assert.Contains("meets the strict definition", strict, StringComparison.Ordinal);
        Assert.Equal("Meets the wider definition: weekly earnings up by 10% or more; promotion; more hours a week; moved to a more secure contract", wider);

        var lateral = Words(Baseline, lateral: true).Wider;
        Assert.StartsWith("Does not meet the wider definition", lateral, StringComparison.Ordinal);
        Assert.Contains("A lateral move counts only with a reason why it improves prospects", lateral, StringComparison.Ordinal);
    }

    [Fact]
    public void Work_from_a_baseline_of_nothing_is_up_from_nothing() =>
        Assert.Equal(
            "Weekly earnings up from nothing (from £0.00 to £90.00)",
            ProgressionWording.EarningsChange(new JobTerms(10m, 0m, ContractTypes.Temporary), new JobTerms(10m, 9m, ContractTypes.Temporary)));
}
