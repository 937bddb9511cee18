using ConnectingCommunities.Domain.Claims;

namespace ConnectingCommunities.Domain.Tests.Claims;

public sealed class AuditSamplingTests
{
    private static readonly Guid Flagged = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static List<AuditCandidate> Lines(int count, Guid provider, decimal amount = 400m) =>
        [.. Enumerable.Range(0, count).Select(_ => new AuditCandidate(Guid.NewGuid(), provider, amount))];

    [Fact]
    public void Every_line_of_a_flagged_provider_and_every_line_above_the_value_is_picked()
    {
        var flagged = Lines(5, Flagged);
        var large = Lines(3, Other, 889.01m);
        var atLimit = Lines(3, Other, 889m);
        var policy = new AuditSamplePolicy(0m, 889m, new HashSet<Guid> { Flagged });

        var picked = AuditSampling.Select([.. flagged, .. large, .. atLimit], policy, "2021-04");

        Assert.Equal(8, picked.Count);
        Assert.All(flagged, l => Assert.Equal(AuditSelectionReason.FlaggedProvider, picked[l.LineId]));
        Assert.All(large, l => Assert.Equal(AuditSelectionReason.AboveValue, picked[l.LineId]));
    }

    [Fact]
    public void The_random_pick_is_near_the_percentage_and_the_same_for_the_same_seed()
    {
        var lines = Lines(10_000, Other);
        var policy = new AuditSamplePolicy(10m, null, new HashSet<Guid>());

        var first = AuditSampling.Select(lines, policy, "run-1");
        var again = AuditSampling.Select(lines, policy, "run-1");
        var otherSeed = AuditSampling.Select(lines, policy, "run-2");

        Assert.InRange(first.Count, 850, 1150);
        Assert.Equal(first.Keys.Order(), again.Keys.Order());
        Assert.NotEqual(first.Keys.Order(), otherSeed.Keys.Order());
        Assert.All(first.Values, r => Assert.Equal(AuditSelectionReason.Random, r));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 200)]
    public void None_and_all_are_exact(int percentage, int expected) =>
        Assert.Equal(expected, AuditSampling.Select(Lines(200, Other), new AuditSamplePolicy(percentage, null, new HashSet<Guid>()), "s").Count);

    [Fact]
    public void A_percentage_outside_0_to_100_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditSampling.Select([], new AuditSamplePolicy(101m, null, new HashSet<Guid>()), "s"));

    [Fact]
    public void A_draw_is_between_0_and_1() =>
        Assert.All(Enumerable.Range(0, 1000).Select(_ => AuditSampling.Draw("s", Guid.NewGuid())), d => Assert.InRange(d, 0m, 0.9999999999m));
}
