using ConnectingCommunities.Domain.Reference;

namespace ConnectingCommunities.Domain.Tests.Reference;

public class QualificationLevelTests
{
    [Theory]
    [InlineData(1, "level1")]
    [InlineData(2, "level2")]
    [InlineData(8, "level8")]
    public void Numbered_levels_are_found_by_number(int level, string code)
    {
        Assert.Equal(code, QualificationLevels.ForRqfLevel(level).Code);
        Assert.Equal($"Level {level}", QualificationLevels.ForRqfLevel(level).DisplayName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Only_levels_1_to_8_exist(int level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QualificationLevels.ForRqfLevel(level));
    }

    [Theory]
    [InlineData("level2", "level2", true)]
    [InlineData("level3", "level2", true)]
    [InlineData("level1", "level2", false)]
    [InlineData("entryLevel", "level1", false)]
    [InlineData("entryLevel", "entryLevel", true)]
    [InlineData("none", "entryLevel", false)]
    [InlineData("entryLevel", "none", true)]
    [InlineData("level8", "none", true)]
    [InlineData("otherLevelUnknown", "level2", null)]
    [InlineData("level2", "otherLevelUnknown", null)]
    public void Levels_compare_in_rqf_order_and_unknown_stays_unknown(string level, string minimum, bool? expected)
    {
        Assert.Equal(expected, QualificationLevels.IsAtLeast(QualificationLevels.Find(level)!, QualificationLevels.Find(minimum)!));
    }

    [Fact]
    public void Examples_follow_the_rqf()
    {
        Assert.Contains("GCSE grades 9 to 4", QualificationLevels.Level2.Examples, StringComparison.Ordinal);
        Assert.Contains("T level", QualificationLevels.Level3.Examples, StringComparison.Ordinal);
        Assert.Contains("HNC", QualificationLevels.Level4.Examples, StringComparison.Ordinal);
        Assert.Contains("Doctorate", QualificationLevels.Level8.Examples, StringComparison.Ordinal);
        Assert.All(QualificationLevels.All.Skip(1), q => Assert.NotEmpty(q.Examples));
    }
}
