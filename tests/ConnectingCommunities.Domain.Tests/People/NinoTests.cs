using ConnectingCommunities.Domain.People;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConnectingCommunities.Domain.Tests.People;

public class NinoTests
{
    [Theory]
    [InlineData("AB123456C", "AB123456C", "AB 12 34 56 C")]
    [InlineData("ab 12 34 56 c", "AB123456C", "AB 12 34 56 C")]
    [InlineData("  AB12 3456D ", "AB123456D", "AB 12 34 56 D")]
    [InlineData("JG103759A", "JG103759A", "JG 10 37 59 A")]
    [InlineData("ce000000b", "CE000000B", "CE 00 00 00 B")]
    [InlineData("AZ123456A", "AZ123456A", "AZ 12 34 56 A")]
    [InlineData("OA123456A", "OA123456A", "OA 12 34 56 A")]
    [InlineData("BA123456A", "BA123456A", "BA 12 34 56 A")]
    [InlineData("NA123456A", "NA123456A", "NA 12 34 56 A")]
    public void Accepts_and_normalises_valid_numbers(string input, string stored, string formatted)
    {
        Assert.True(Nino.TryParse(input, out var nino));
        Assert.Equal(stored, nino.Value);
        Assert.Equal(stored, nino.ToString());
        Assert.Equal(formatted, nino.Formatted);
        Assert.Equal(stored[..2], nino.Prefix);
        Assert.Equal(stored[^1], nino.Suffix);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Missing_input_asks_for_a_number(string? input)
    {
        var check = Nino.Check(input);

        Assert.False(check.IsValid);
        Assert.Equal("Enter a National Insurance number", check.Error);
    }

    [Theory]
    [InlineData("AB-12-34-56-C", "it has only letters and numbers")]
    [InlineData("AB12345C", "it has 2 letters, 6 numbers, then 1 letter")]
    [InlineData("AB1234567C", "it has 2 letters, 6 numbers, then 1 letter")]
    [InlineData("AB123456", "it has 2 letters, 6 numbers, then 1 letter")]
    [InlineData("A1234567C", "it starts with 2 letters")]
    [InlineData("1B234567C", "it starts with 2 letters")]
    [InlineData("AB12345XC", "the 2 letters are followed by 6 numbers")]
    [InlineData("ABC23456C", "the 2 letters are followed by 6 numbers")]
    [InlineData("AB123456E", "the last letter is A, B, C or D")]
    [InlineData("AB1234567", "the last letter is A, B, C or D")]
    [InlineData("DA123456A", "the first letter is never D, F, I, Q, U or V")]
    [InlineData("FA123456A", "the first letter is never D, F, I, Q, U or V")]
    [InlineData("IA123456A", "the first letter is never D, F, I, Q, U or V")]
    [InlineData("QQ123456C", "the first letter is never D, F, I, Q, U or V")]
    [InlineData("UA123456A", "the first letter is never D, F, I, Q, U or V")]
    [InlineData("VA123456A", "the first letter is never D, F, I, Q, U or V")]
    [InlineData("AD123456A", "the second letter is never D, F, I, O, Q, U or V")]
    [InlineData("AF123456A", "the second letter is never D, F, I, O, Q, U or V")]
    [InlineData("AI123456A", "the second letter is never D, F, I, O, Q, U or V")]
    [InlineData("OO123456A", "the second letter is never D, F, I, O, Q, U or V")]
    [InlineData("AQ123456A", "the second letter is never D, F, I, O, Q, U or V")]
    [InlineData("AU123456A", "the second letter is never D, F, I, O, Q, U or V")]
    [InlineData("AV123456A", "the second letter is never D, F, I, O, Q, U or V")]
    [InlineData("BG123456A", "numbers starting BG are never issued")]
    [InlineData("GB123456A", "numbers starting GB are never issued")]
    [InlineData("kn123456a", "numbers starting KN are never issued")]
    [InlineData("NK123456A", "numbers starting NK are never issued")]
    [InlineData("NT123456A", "numbers starting NT are never issued")]
    [InlineData("TN123456A", "numbers starting TN are never issued")]
    [InlineData("ZZ123456A", "numbers starting ZZ are never issued")]
    public void Says_why_text_is_not_a_number(string input, string reason)
    {
        var check = Nino.Check(input);

        Assert.False(check.IsValid);
        Assert.Equal($"Enter a National Insurance number in the correct format, like QQ 12 34 56 C: {reason}", check.Error);
        Assert.False(Nino.TryParse(input, out var nino));
        Assert.Equal(default, nino);
    }

    [Fact]
    public void The_example_in_hints_is_never_a_real_number()
    {
        Assert.False(Nino.IsValid(Nino.Example));
    }

    [Fact]
    public void Parse_throws_with_the_reason()
    {
        var error = Assert.Throws<FormatException>(() => Nino.Parse("TN123456A"));

        Assert.Contains("TN are never issued", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_number_is_empty_rather_than_broken()
    {
        Nino nino = default;

        Assert.Equal(string.Empty, nino.Value);
        Assert.Equal(string.Empty, nino.Formatted);
        Assert.Equal(string.Empty, nino.Prefix);
    }

    [Fact]
    public void Every_missing_reason_has_a_display_name()
    {
        var names = Enum.GetValues<NinoMissingReason>().Select(r => r.DisplayName()).ToList();

        Assert.Equal(5, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("They have never had one", NinoMissingReason.NotIssued.DisplayName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((NinoMissingReason)99).DisplayName());
    }

    private static readonly string[] AllowedPrefixes =
        (from first in "ABCEGHJKLMNOPRSTWXYZ"
         from second in "ABCEGHJKLMNPRSTWXYZ"
         let prefix = $"{first}{second}"
         where prefix is not ("BG" or "GB" or "KN" or "NK" or "NT" or "TN" or "ZZ")
         select prefix).ToArray();

    private static Gen<string> ValidNumbers() =>
        from prefix in Gen.Elements(AllowedPrefixes)
        from digits in Gen.Choose(0, 999_999)
        from suffix in Gen.Elements('A', 'B', 'C', 'D')
        select $"{prefix}{digits:D6}{suffix}";

    [Property]
    public Property Any_formatted_number_parses_back_to_the_same_number() =>
        Prop.ForAll(ValidNumbers().ToArbitrary(), text =>
        {
            var nino = Nino.Parse(text);
            return Nino.Parse(nino.Formatted) == nino
                && Nino.Parse(nino.Formatted.ToLowerInvariant()).Value == text;
        });

    [Property]
    public Property Formatted_numbers_have_hmrc_spacing() =>
        Prop.ForAll(ValidNumbers().ToArbitrary(), text =>
            Nino.Parse(text).Formatted.Replace(" ", string.Empty, StringComparison.Ordinal) == text
            && Nino.Parse(text).Formatted.Length == 13);

    [Property]
    public Property A_suffix_other_than_A_to_D_is_refused() =>
        Prop.ForAll(
            ValidNumbers().ToArbitrary(),
            Gen.Elements("EFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()).ToArbitrary(),
            (text, suffix) => !Nino.IsValid(text[..8] + suffix));
}
