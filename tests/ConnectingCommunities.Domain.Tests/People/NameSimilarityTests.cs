using ConnectingCommunities.Domain.People;

namespace ConnectingCommunities.Domain.Tests.People;

public sealed class NameSimilarityTests
{
    [Theory]
    [InlineData("Mohammed", "Khan", "Muhammad", "Khan")]
    [InlineData("Jon", "Smith", "John", "Smith")]
    [InlineData("Siobhán", "O'Brien", "siobhan", "OBrien")]
    [InlineData("Mary-Jane", "Watson", "mary jane", "WATSON")]
    [InlineData("Wei", "Zhang", "Zhang", "Wei")]
    [InlineData("Katherine", "Jones", "Katharine", "Jones")]
    public void Names_that_may_be_the_same_person_are_similar(string firstA, string lastA, string firstB, string lastB) =>
        Assert.True(NameSimilarity.IsSimilar(firstA, lastA, firstB, lastB));

    [Theory]
    [InlineData("John", "Smith", "Jane", "Brown")]
    [InlineData("Amir", "Khan", "Aisha", "Patel")]
    [InlineData("John", "Smith", "John", "Taylor")]
    [InlineData("Ann", "Lee", "", "Lee")]
    [InlineData(null, "Lee", "Ann", "Lee")]
    public void Different_or_missing_names_are_not_similar(string? firstA, string lastA, string firstB, string lastB) =>
        Assert.False(NameSimilarity.IsSimilar(firstA, lastA, firstB, lastB));

    [Fact]
    public void Jaro_Winkler_matches_the_published_examples()
    {
        // Winkler's examples: MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813.
        Assert.Equal(0.961, NameSimilarity.JaroWinkler("martha", "marhta"), 3);
        Assert.Equal(0.840, NameSimilarity.JaroWinkler("dwayne", "duane"), 3);
        Assert.Equal(0.813, NameSimilarity.JaroWinkler("dixon", "dicksonx"), 3);
        Assert.Equal(1.0, NameSimilarity.JaroWinkler("same", "same"));
        Assert.Equal(0.0, NameSimilarity.JaroWinkler("abc", "xyz"));
    }

    [Theory]
    [InlineData("O'Brien-Smith", "obriensmith")]
    [InlineData("  José  ", "jose")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalising_keeps_lower_case_letters_without_accents(string? name, string expected) =>
        Assert.Equal(expected, NameSimilarity.Normalise(name));
}
