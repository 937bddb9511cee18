using ConnectingCommunities.Domain.DataExchange;

namespace ConnectingCommunities.Domain.Tests.DataExchange;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=CMD(\"calc\")", "'=CMD(\"calc\")")]
    [InlineData("+SUM(A1:A2)", "'+SUM(A1:A2)")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("+44 7700 900123", "'+44 7700 900123")]
    public void Text_that_a_spreadsheet_would_run_is_prefixed_with_an_apostrophe(string text, string written)
    {
        Assert.True(SpreadsheetText.LooksLikeFormula(text));
        Assert.Equal(written, SpreadsheetText.Neutralise(text));
    }

    [Theory]
    [InlineData("Amina Khan")]
    [InlineData("-12.50")]
    [InlineData("+44")]
    [InlineData("B8 1AA")]
    [InlineData("a=b")]
    [InlineData("")]
    public void Ordinary_text_and_signed_numbers_are_written_as_they_are(string text)
    {
        Assert.False(SpreadsheetText.LooksLikeFormula(text));
        Assert.Equal(text, SpreadsheetText.Neutralise(text));
    }

    [Fact]
    public void Null_is_written_as_an_empty_cell() => Assert.Equal("", SpreadsheetText.Neutralise(null));
}
