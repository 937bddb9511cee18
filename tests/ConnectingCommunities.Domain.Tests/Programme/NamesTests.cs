using ConnectingCommunities.Domain.Programme;

namespace ConnectingCommunities.Domain.Tests.Programme;

public class NamesTests
{
    [Theory]
    [InlineData(Cohort.HardestToHelp, "Hardest to Help", "Out of work for 2 years or more")]
    [InlineData(Cohort.HarderToReach, "Harder to Reach", "Out of work for 1 to 2 years")]
    [InlineData(Cohort.RapidProgression, "Rapid Progression", "Out of work for less than 1 year")]
    [InlineData(Cohort.Employed, "Employed", "In work and seeking progression")]
    public void Cohorts_have_the_programme_names(Cohort cohort, string name, string description)
    {
        Assert.Equal(name, cohort.DisplayName());
        Assert.Equal(description, cohort.Description());
    }

    [Fact]
    public void Unknown_enum_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Cohort)0).DisplayName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Cohort)0).Description());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Milestone)0).DisplayName());
    }

    [Fact]
    public void Every_milestone_has_a_distinct_name()
    {
        var names = Enum.GetValues<Milestone>().Select(m => m.DisplayName()).ToList();

        Assert.Equal(6, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("Sustained 13 weeks", Milestone.Sustained13Weeks.DisplayName());
    }

    [Theory]
    [InlineData("WH", true)]
    [InlineData(" wh ", true)]
    [InlineData("ABCD", true)]
    [InlineData("A", false)]
    [InlineData("ABCDE", false)]
    [InlineData("W1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Lot_codes_are_2_to_4_letters(string? code, bool expected)
    {
        Assert.Equal(expected, LotCode.IsValid(code));
    }

    [Fact]
    public void Lot_codes_normalise_to_trimmed_capitals()
    {
        Assert.Equal("WH", LotCode.Normalise(" wh "));
        Assert.Throws<ArgumentNullException>(() => LotCode.Normalise(null!));
    }
}
