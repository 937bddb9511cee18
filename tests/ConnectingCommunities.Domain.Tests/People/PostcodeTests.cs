using ConnectingCommunities.Domain.People;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConnectingCommunities.Domain.Tests.People;

public class PostcodeTests
{
    [Theory]
    [InlineData("B8 1AA", "B8 1AA")]
    [InlineData("b81aa", "B8 1AA")]
    [InlineData("  b8   1aa  ", "B8 1AA")]
    [InlineData("B 81AA", "B8 1AA")]
    [InlineData("ws11 1dj", "WS11 1DJ")]
    [InlineData("EC1A1BB", "EC1A 1BB")]
    [InlineData("w1a 0ax", "W1A 0AX")]
    [InlineData("M1 1AE", "M1 1AE")]
    [InlineData("CV10 7BS", "CV10 7BS")]
    [InlineData("B97\t4QS", "B97 4QS")]
    [InlineData("SW1A 2AA", "SW1A 2AA")]
    [InlineData("gir 0aa", "GIR 0AA")]
    public void Accepts_and_normalises_real_postcodes(string input, string expected)
    {
        Assert.True(Postcode.TryParse(input, out var postcode));
        Assert.Equal(expected, postcode.Value);
        Assert.Equal(expected, postcode.ToString());
    }

    [Theory]
    [InlineData("B8 1AA", "B8", "1AA", "B", "B8", "B8 1")]
    [InlineData("WS11 1DJ", "WS11", "1DJ", "WS", "WS11", "WS11 1")]
    [InlineData("EC1A 1BB", "EC1A", "1BB", "EC", "EC1A", "EC1A 1")]
    [InlineData("W1A 0AX", "W1A", "0AX", "W", "W1A", "W1A 0")]
    [InlineData("GIR 0AA", "GIR", "0AA", "GIR", "GIR", "GIR 0")]
    public void Splits_into_its_parts(string input, string outward, string inward, string area, string district, string sector)
    {
        var postcode = Postcode.Parse(input);

        Assert.Equal(outward, postcode.Outward);
        Assert.Equal(inward, postcode.Inward);
        Assert.Equal(area, postcode.Area);
        Assert.Equal(district, postcode.District);
        Assert.Equal(sector, postcode.Sector);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_input_asks_for_a_postcode(string? input)
    {
        var check = Postcode.Check(input);

        Assert.False(check.IsValid);
        Assert.Equal("Enter a postcode", check.Error);
        Assert.Equal(default, check.Postcode);
    }

    [Theory]
    [InlineData("B8-1AA", "a postcode has only letters and numbers")]
    [InlineData("B8 1AÄ", "a postcode has only letters and numbers")]
    [InlineData("B81A", "a postcode has 5 to 7 letters and numbers")]
    [InlineData("WS111DJX", "a postcode has 5 to 7 letters and numbers")]
    [InlineData("B8 AAA", "the last 3 characters are a number then 2 letters")]
    [InlineData("B8 11A", "the last 3 characters are a number then 2 letters")]
    [InlineData("B8 1A1", "the last 3 characters are a number then 2 letters")]
    [InlineData("B8 1CA", "the last 2 letters are never C, I, K, M, O or V")]
    [InlineData("B8 1AI", "the last 2 letters are never C, I, K, M, O or V")]
    [InlineData("B8 1KA", "the last 2 letters are never C, I, K, M, O or V")]
    [InlineData("B8 1AM", "the last 2 letters are never C, I, K, M, O or V")]
    [InlineData("B8 1OA", "the last 2 letters are never C, I, K, M, O or V")]
    [InlineData("B8 1AV", "the last 2 letters are never C, I, K, M, O or V")]
    [InlineData("88 1AA", "a postcode starts with 1 or 2 letters then a number")]
    [InlineData("ABC 1AA", "a postcode starts with 1 or 2 letters then a number")]
    [InlineData("ABC1 1AA", "a postcode starts with 1 or 2 letters then a number")]
    [InlineData("BA 1AA", "a postcode starts with 1 or 2 letters then a number")]
    [InlineData("BA8A8 1AA", "a postcode has 5 to 7 letters and numbers")]
    [InlineData("B123 1AA", "the first part is 1 or 2 letters, a number, then at most 1 more letter or number")]
    [InlineData("B1AB 1AA", "the first part is 1 or 2 letters, a number, then at most 1 more letter or number")]
    [InlineData("Q1 1AA", "a postcode never starts with Q, V or X")]
    [InlineData("VA1 1AA", "a postcode never starts with Q, V or X")]
    [InlineData("X1 1AA", "a postcode never starts with Q, V or X")]
    [InlineData("BI1 1AA", "the second letter of a postcode is never I, J or Z")]
    [InlineData("BJ1 1AA", "the second letter of a postcode is never I, J or Z")]
    [InlineData("BZ1 1AA", "the second letter of a postcode is never I, J or Z")]
    public void Says_why_text_is_not_a_postcode(string input, string reason)
    {
        var check = Postcode.Check(input);

        Assert.False(check.IsValid);
        Assert.Equal($"Enter a real postcode, like B8 1AA: {reason}", check.Error);
        Assert.False(Postcode.TryParse(input, out var postcode));
        Assert.Equal(default, postcode);
    }

    [Fact]
    public void Parse_throws_with_the_reason()
    {
        var error = Assert.Throws<FormatException>(() => Postcode.Parse("B8 1CA"));

        Assert.Contains("never C, I, K, M, O or V", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spellings_of_the_same_postcode_are_equal()
    {
        Assert.Equal(Postcode.Parse("b97 4qs"), Postcode.Parse("B974QS"));
        Assert.NotEqual(Postcode.Parse("B97 4QS"), Postcode.Parse("B97 4QT"));
    }

    [Fact]
    public void The_default_postcode_is_empty_rather_than_broken()
    {
        Postcode postcode = default;

        Assert.Equal(string.Empty, postcode.Value);
        Assert.Equal(string.Empty, postcode.Outward);
        Assert.Equal(string.Empty, postcode.Inward);
        Assert.Equal(string.Empty, postcode.Area);
        Assert.Equal(string.Empty, postcode.Sector);
    }

    [Fact]
    public void The_lots_demo_districts_are_postcodes()
    {
        string[] districts = ["WS2", "WS3", "B97", "WS11", "WS12", "B8", "B34", "B33", "B37", "CV3", "CV2", "CV10", "B77"];

        foreach (var district in districts)
        {
            Assert.Equal(district, Postcode.Parse($"{district} 1AB").District);
        }
    }

    private static readonly char[] InwardLetters = "ABDEFGHJLNPQRSTUWXYZ".ToCharArray();

    private static readonly char[] FirstAreaLetters = "ABCDEFGHIJKLMNOPRSTUWYZ".ToCharArray();

    private static readonly char[] SecondAreaLetters = "ABCDEFGHKLMNOPQRSTUVWXY".ToCharArray();

    private static readonly char[] Digits = "0123456789".ToCharArray();

    /// <summary>Postcodes built from the format rules, then spelt carelessly.</summary>
    private static Gen<(string Canonical, string Typed)> CarelessPostcodes() =>
        from area in Gen.OneOf(
            Gen.Elements(FirstAreaLetters).Select(c => c.ToString()),
            from a in Gen.Elements(FirstAreaLetters)
            from b in Gen.Elements(SecondAreaLetters)
            select $"{a}{b}")
        from digit in Gen.Elements(Digits)
        from extra in Gen.OneOf(Gen.Constant(string.Empty), Gen.Elements("0123456789ABCDEFGHJKPSTUW".ToCharArray()).Select(c => c.ToString()))
        from sectorDigit in Gen.Elements(Digits)
        from unit1 in Gen.Elements(InwardLetters)
        from unit2 in Gen.Elements(InwardLetters)
        from spaces in Gen.Elements(string.Empty, " ", "  ", "\t")
        from lower in Gen.Elements(true, false)
        let canonical = $"{area}{digit}{extra} {sectorDigit}{unit1}{unit2}"
        let typed = $" {area}{digit}{extra}{spaces}{sectorDigit}{unit1}{unit2} "
        select (canonical, lower ? typed.ToLowerInvariant() : typed);

    [Property]
    public Property Careless_spelling_normalises_to_the_canonical_form() =>
        Prop.ForAll(CarelessPostcodes().ToArbitrary(), sample =>
            Postcode.TryParse(sample.Typed, out var postcode) && postcode.Value == sample.Canonical);

    [Property]
    public Property Normalisation_is_idempotent() =>
        Prop.ForAll(CarelessPostcodes().ToArbitrary(), sample =>
        {
            var once = Postcode.Parse(sample.Typed);
            var twice = Postcode.Parse(once.Value);
            return once == twice && twice.Value == once.Value;
        });

    [Property]
    public Property Parts_put_back_together_make_the_postcode() =>
        Prop.ForAll(CarelessPostcodes().ToArbitrary(), sample =>
        {
            var postcode = Postcode.Parse(sample.Typed);
            return $"{postcode.Outward} {postcode.Inward}" == postcode.Value
                && postcode.Sector == $"{postcode.Outward} {postcode.Inward[0]}"
                && postcode.District.StartsWith(postcode.Area, StringComparison.Ordinal);
        });

    [Property]
    public void Any_text_is_either_a_postcode_or_has_an_error(string? text)
    {
        var check = Postcode.Check(text);

        Assert.True(check.IsValid ? check.Postcode.Value.Length is >= 6 and <= 8 : check.Error.Length > 0);
    }
}
