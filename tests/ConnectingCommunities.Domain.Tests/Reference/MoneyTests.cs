using System.Globalization;
using ConnectingCommunities.Domain.Reference;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConnectingCommunities.Domain.Tests.Reference;

public class MoneyTests
{
    [Theory]
    [InlineData("1053000", "£1,053,000.00")]
    [InlineData("889", "£889.00")]
    [InlineData("3999800", "£3,999,800.00")]
    [InlineData("824700", "£824,700.00")]
    [InlineData("0", "£0.00")]
    [InlineData("0.5", "£0.50")]
    [InlineData("999.99", "£999.99")]
    [InlineData("1000", "£1,000.00")]
    [InlineData("-5", "-£5.00")]
    [InlineData("-1234.5", "-£1,234.50")]
    [InlineData("0.005", "£0.01")]
    [InlineData("0.004", "£0.00")]
    [InlineData("-0.005", "-£0.01")]
    public void Formats_pounds_and_pence_the_gov_uk_way(string amount, string expected)
    {
        Assert.Equal(expected, Money.Format(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("£1,053,000.00", Money.Format(1_053_000m));
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Assert.Equal("£889.00", Money.Format(889m));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData(1_053_000)]
    [InlineData(889)]
    [InlineData(-42.5)]
    public void Formatting_agrees_with_the_en_gb_culture_where_the_machine_has_it(double amount)
    {
        var enGb = CultureInfo.GetCultureInfo("en-GB");
        if (enGb.NumberFormat.CurrencySymbol != "£")
        {
            Assert.Skip("This machine has no en-GB culture data (invariant globalisation).");
        }

        Assert.Equal(((decimal)amount).ToString("C2", enGb), Money.Format((decimal)amount));
    }

    [Theory]
    [InlineData("£1,234.50", "1234.50")]
    [InlineData("1234.5", "1234.50")]
    [InlineData("1234", "1234.00")]
    [InlineData("  £ 1234 ", "1234.00")]
    [InlineData("1,053,000", "1053000.00")]
    [InlineData("£889", "889.00")]
    [InlineData("£889.00", "889.00")]
    [InlineData(".5", "0.50")]
    [InlineData("0", "0.00")]
    [InlineData("-0", "0.00")]
    [InlineData("007", "7.00")]
    public void Reads_what_people_type(string input, string expected)
    {
        var check = Money.Check(input);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(expected, check.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.True(Money.TryParse(input, out var amount));
        Assert.Equal(check.Amount, amount);
    }

    [Theory]
    [InlineData("-5", "-5.00")]
    [InlineData("-£5", "-5.00")]
    [InlineData("£-5", "-5.00")]
    [InlineData("- £1,234.56", "-1234.56")]
    [InlineData("\u22125", "-5.00")]
    public void Reads_negative_amounts_where_they_are_allowed(string input, string expected)
    {
        Assert.Equal(expected, Money.Parse(input, allowNegative: true).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Enter an amount of £0.00 or more", Money.Check(input).Error);
    }

    [Theory]
    [InlineData(null, "Enter an amount")]
    [InlineData("", "Enter an amount")]
    [InlineData("  ", "Enter an amount")]
    [InlineData("£", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("-", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("abc", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("12a", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("1,23", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("1234,567", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("1,2345", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("12.", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("1.2.3", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("1 234", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("1e3", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("1234£", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("+5", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("--5", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("££5", "Enter an amount in pounds and pence, like £1,234.50")]
    [InlineData("1234.567", "Enter an amount with no more than 2 decimal places, like £1,234.50")]
    [InlineData("£0.001", "Enter an amount with no more than 2 decimal places, like £1,234.50")]
    [InlineData("1.500", "Enter an amount with no more than 2 decimal places, like £1,234.50")]
    [InlineData("-1", "Enter an amount of £0.00 or more")]
    [InlineData("-0.01", "Enter an amount of £0.00 or more")]
    [InlineData("99999999999999999999999999999999", "Enter a smaller amount")]
    public void Says_what_is_wrong(string? input, string error)
    {
        var check = Money.Check(input);

        Assert.False(check.IsValid);
        Assert.Equal(error, check.Error);
        Assert.Equal(0m, check.Amount);
        Assert.False(Money.TryParse(input, out _));
    }

    [Fact]
    public void Parse_throws_with_the_reason()
    {
        var error = Assert.Throws<FormatException>(() => Money.Parse("1.234"));

        Assert.Contains("2 decimal places", error.Message, StringComparison.Ordinal);
    }

    [Property]
    public Property Any_amount_in_pence_formats_and_reads_back_the_same() =>
        Prop.ForAll(
            Gen.Choose(-1_000_000, 1_000_000).Two().Select(t => (t.Item1 * 100_000m) + (t.Item2 % 100_000)).Select(p => p / 100m).ToArbitrary(),
            amount => Money.Parse(Money.Format(amount), allowNegative: true) == amount);

    [Property]
    public Property Plain_two_place_text_reads_back_unchanged() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).Select(p => p / 100m).ToArbitrary(),
            amount => Money.Parse(amount.ToString("0.00", CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)
                == amount.ToString("0.00", CultureInfo.InvariantCulture));
}
