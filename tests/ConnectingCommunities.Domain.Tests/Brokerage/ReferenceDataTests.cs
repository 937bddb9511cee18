using ConnectingCommunities.Domain.Brokerage;

namespace ConnectingCommunities.Domain.Tests.Brokerage;

public class ReferenceSocTests
{
    [Theory]
    [InlineData("6135", "Care workers and home carers")]
    [InlineData("7111", "Sales and retail assistants")]
    [InlineData("1111", "Chief executives and senior officials")]
    [InlineData("9269", "Other elementary services occupations n.e.c.")]
    [InlineData(" 9264 ", "Waiters and waitresses")]
    public void Finds_unit_groups_by_code(string code, string title)
    {
        Assert.Equal(title, Soc2020.Find(code)?.Title);
        Assert.True(Soc2020.IsUnitGroup(code));
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("0000")]
    [InlineData("1110")]
    [InlineData("711")]
    [InlineData("71111")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abcd")]
    public void Rejects_codes_that_are_not_unit_groups(string? code)
    {
        Assert.Null(Soc2020.Find(code));
        Assert.False(Soc2020.IsUnitGroup(code));
    }

    [Fact]
    public void Says_which_code_is_unknown()
    {
        Assert.Equal("9999 is not a SOC 2020 unit group", Soc2020.NotAUnitGroup("9999"));
    }

    [Fact]
    public void Codes_are_unique_four_digits_in_order_and_groups_derive_from_them()
    {
        Assert.True(Soc2020.All.Count > 400);
        Assert.All(Soc2020.All, g => Assert.Matches("^[1-9][0-9]{3}$", g.Code));
        Assert.Equal(Soc2020.All.Count, Soc2020.All.Select(g => g.Code).Distinct().Count());
        Assert.Equal(Soc2020.All.Select(g => g.Code).Order(StringComparer.Ordinal), Soc2020.All.Select(g => g.Code));
        var care = Soc2020.Find("6135")!;
        Assert.Equal(("6", "61", "613"), (care.MajorGroup, care.SubMajorGroup, care.MinorGroup));
        Assert.Equal("Care workers and home carers (SOC 6135)", care.ToString());
    }

    [Fact]
    public void Searches_titles_by_word_starts_ignoring_case_and_plurals()
    {
        Assert.Contains(Soc2020.Search("care worker"), g => g.Code == "6135");
        Assert.Contains(Soc2020.Search("CARE"), g => g.Code == "6136");
        Assert.Equal("7111", Soc2020.Search("retail assistant")[0].Code);
        Assert.Contains(Soc2020.Search("fork"), g => g.Code == "8222");
        Assert.Empty(Soc2020.Search("astronaut"));
        Assert.Empty(Soc2020.Search("  "));
    }

    [Fact]
    public void Searches_codes_by_prefix_and_limits_results()
    {
        Assert.All(Soc2020.Search("613"), g => Assert.StartsWith("613", g.Code, StringComparison.Ordinal));
        Assert.Equal(8, Soc2020.Search("613").Count);
        Assert.Equal(3, Soc2020.Search("managers", 3).Count);
    }
}

public class ReferenceSicTests
{
    [Theory]
    [InlineData("A", "A")]
    [InlineData("a", "A")]
    [InlineData(" u ", "U")]
    [InlineData("Construction", "F")]
    [InlineData("accommodation and food service activities", "I")]
    public void Finds_sections_by_letter_or_title(string input, string letter)
    {
        Assert.Equal(letter, SicSections.Find(input)?.Letter);
    }

    [Theory]
    [InlineData("V")]
    [InlineData("Z")]
    [InlineData("AB")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_what_is_not_a_section(string? input)
    {
        Assert.Null(SicSections.Find(input));
    }

    [Fact]
    public void There_are_21_sections_A_to_U()
    {
        Assert.Equal(Enumerable.Range('A', 21).Select(c => ((char)c).ToString()), SicSections.All.Select(s => s.Letter));
    }
}

public class ReferenceCompaniesHouseTests
{
    [Theory]
    [InlineData("01234567", "01234567")]
    [InlineData("1234567", "01234567")]
    [InlineData("123", "00000123")]
    [InlineData("1", "00000001")]
    [InlineData("sc123456", "SC123456")]
    [InlineData("SC 123 456", "SC123456")]
    [InlineData("NI000001", "NI000001")]
    [InlineData("oc301234", "OC301234")]
    [InlineData("R0000123", "R0000123")]
    [InlineData("99999999", "99999999")]
    public void Normalises_valid_numbers(string input, string expected)
    {
        Assert.True(CompaniesHouseNumber.TryNormalise(input, out var normalised));
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("00000000")]
    [InlineData("0")]
    [InlineData("SC12345")]
    [InlineData("SC1234567")]
    [InlineData("XX123456")]
    [InlineData("S1234567")]
    [InlineData("SC12345A")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_invalid_numbers(string? input)
    {
        Assert.False(CompaniesHouseNumber.TryNormalise(input, out var normalised));
        Assert.Equal(string.Empty, normalised);
        Assert.False(CompaniesHouseNumber.IsValid(input));
    }
}

public class ReferenceCatalogueTests
{
    [Theory]
    [InlineData(0, "micro")]
    [InlineData(9, "micro")]
    [InlineData(10, "small")]
    [InlineData(49, "small")]
    [InlineData(50, "medium")]
    [InlineData(249, "medium")]
    [InlineData(250, "large")]
    [InlineData(100_000, "large")]
    public void Size_bands_meet_at_their_boundaries(int employees, string code)
    {
        Assert.Equal(code, EmployerSizeBands.ForEmployees(employees).Code);
    }

    [Fact]
    public void Size_bands_refuse_negative_counts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmployerSizeBands.ForEmployees(-1));
        Assert.Equal(EmployerSizeBands.Medium, EmployerSizeBands.Find("MEDIUM"));
    }

    [Fact]
    public void Shift_pattern_codes_are_exactly_those_matching_uses()
    {
        Assert.Equal(["daytime", "evenings", "nights", "weekends", "rotating", "flexible"], ShiftPatterns.All.Select(s => s.Code));
        Assert.True(ShiftPatterns.Rotating.IncludesNights && ShiftPatterns.Rotating.IncludesWeekends);
        Assert.Equal([ShiftPatterns.Nights, ShiftPatterns.Rotating], ShiftPatterns.All.Where(s => s.IncludesNights));
        Assert.Equal([ShiftPatterns.Weekends, ShiftPatterns.Rotating], ShiftPatterns.All.Where(s => s.IncludesWeekends));
        Assert.Null(ShiftPatterns.Find("twilight"));
    }

    [Fact]
    public void Activity_kinds_include_the_documents_activities()
    {
        Assert.Equal(
            ["contact", "meeting", "tasterDay", "workExperience", "guaranteedInterview", "recruitmentEvent", "jobFair"],
            EmployerActivityKinds.All.Select(k => k.Code));
        Assert.Equal(EmployerActivityKinds.TasterDay, EmployerActivityKinds.Find("TASTERDAY"));
    }

    [Fact]
    public void Skills_compare_ignoring_case_and_spaces()
    {
        Assert.True(Skills.AreSame(" customer  SERVICE ", "Customer service"));
        Assert.False(Skills.AreSame("Customer service", "Customer services"));
        Assert.False(Skills.AreSame(null, " "));
        Assert.Equal("Forklift", Skills.Canonical("  forklift"));
        Assert.Equal("Dog walking", Skills.Canonical("Dog   walking "));
        Assert.Equal(["Cleaning", "Dog walking"], Skills.Normalise(["cleaning", " CLEANING", "", null, "Dog walking"]));
        Assert.Equal(["Forklift"], Skills.Held(["Forklift", "Driving"], ["forklift ", "Cleaning"]));
        Assert.True(Skills.Catalogue.Count >= 40);
        Assert.Equal(Skills.Catalogue.Count, Skills.Catalogue.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
