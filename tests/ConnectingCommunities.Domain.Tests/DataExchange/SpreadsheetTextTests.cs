using ConnectingCommunities.Domain.DataExchange;

namespace ConnectingCommunities.Domain.Tests.DataExchange;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=CMD(\"calc\")", "'=CMD(\"calc\")")]
    [InlineData("=HYPERLINK(\"http://example.com\",\"x\")", "'=HYPERLINK(\"http://example.com\",\"x\")")]
    [InlineData("+SUM(A1:A2)", "'+SUM(A1:A2)")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("+44 7700 900123", "'+44 7700 900123")]
    [InlineData("-12.50", "'-12.50")]
    [InlineData("+44", "'+44")]
    [InlineData("-", "'-")]
    public void Text_that_starts_with_a_formula_character_is_prefixed_with_an_apostrophe(string text, string written)
    {
        Assert.True(SpreadsheetText.LooksLikeFormula(text));
        Assert.Equal(written, SpreadsheetText.Neutralise(text));
    }

    [Theory]
    [InlineData("Amina Khan")]
    [InlineData("B8 1AA")]
    [InlineData("a=b")]
    [InlineData("12.50")]
    [InlineData(" =1")]
    [InlineData("[c]")]
    [InlineData("<10")]
    [InlineData("|x")]
    [InlineData("%")]
    [InlineData("'=1")]
    [InlineData("")]
    public void Other_text_is_written_as_it_is(string text)
    {
        Assert.False(SpreadsheetText.LooksLikeFormula(text));
        Assert.Equal(text, SpreadsheetText.Neutralise(text));
    }

    [Fact]
    public void Null_is_written_as_an_empty_cell() => Assert.Equal("", SpreadsheetText.Neutralise(null));

    [Fact]
    public void Every_formula_start_is_guarded()
    {
        foreach (var c in SpreadsheetText.FormulaStarts)
        {
            Assert.Equal("'" + c + "x", SpreadsheetText.Neutralise(c + "x"));
        }
    }
}
