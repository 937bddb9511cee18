using ConnectingCommunities.Domain.Performance;

namespace ConnectingCommunities.Domain.Tests.Performance;

public class RagThresholdsTests
{
    [Theory]
    [InlineData("0.95", Rag.Green)]
    [InlineData("1.06", Rag.Green)]
    [InlineData("0.9499", Rag.Amber)]
    [InlineData("0.80", Rag.Amber)]
    [InlineData("0.7999", Rag.Red)]
    [InlineData("0", Rag.Red)]
    public void Default_thresholds_give_green_from_95_percent_and_amber_from_80(string percent, Rag expected)
    {
        Assert.Equal(expected, RagThresholds.Default.Of(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void No_target_has_no_status()
    {
        Assert.Equal(Rag.None, RagThresholds.Default.Of(null));
    }

    [Theory]
    [InlineData("0.90", Rag.Green)]
    [InlineData("0.8999", Rag.Amber)]
    [InlineData("0.50", Rag.Amber)]
    [InlineData("0.4999", Rag.Red)]
    public void The_programme_may_set_its_own_thresholds(string percent, Rag expected)
    {
        var thresholds = new RagThresholds(90m, 50m);

        Assert.Equal(expected, thresholds.Of(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Amber_must_be_below_green()
    {
        Assert.Empty(RagThresholds.Check(95m, 80m));
        Assert.Equal("Amber from must be lower than green from", RagThresholds.Check(80m, 80m)["ragAmberFromPercent"]);
        Assert.True(RagThresholds.Check(0m, 0m).ContainsKey("ragGreenFromPercent"));
        Assert.True(RagThresholds.Check(95m, -1m).ContainsKey("ragAmberFromPercent"));
    }
}
