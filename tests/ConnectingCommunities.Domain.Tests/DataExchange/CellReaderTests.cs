using ConnectingCommunities.Domain.DataExchange;

namespace ConnectingCommunities.Domain.Tests.DataExchange;

public class CellReaderTests
{
    private static readonly ImportTemplate Template = ImportTemplates.JobStarts;

    private static CellReader Row(string column, string? value)
    {
        var header = HeaderMap.Match(Template.Columns.Select(c => c.Name).ToList(), Template.Columns);
        var cells = Template.Columns.Select(c => c.Name == column ? value : null).ToList();
        return new CellReader(header, cells, 7);
    }

    [Theory]
    [InlineData("2021-04-12")]
    [InlineData("12/04/2021")]
    [InlineData("12/4/2021")]
    [InlineData("2021-04-12 00:00:00")]
    [InlineData("44298")]
    public void Dates_are_read_in_iso_uk_and_spreadsheet_serial_forms(string text)
    {
        var reader = Row("startDate", text);

        Assert.Equal(new DateOnly(2021, 4, 12), reader.Date(Template["startDate"]));
        Assert.False(reader.HasErrors);
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("04/12/21")]
    [InlineData("next Tuesday")]
    public void An_unreadable_date_names_the_row_column_value_and_form(string text)
    {
        var reader = Row("startDate", text);

        Assert.Null(reader.Date(Template["startDate"]));
        var error = Assert.Single(reader.Errors);
        Assert.Equal(7, error.Row);
        Assert.Equal("startDate", error.Column);
        Assert.Equal(text, error.Value);
        Assert.Contains("yyyy-mm-dd", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9.50", 9.50)]
    [InlineData("£9.50", 9.50)]
    [InlineData("1,009.50", 1009.50)]
    [InlineData("-1", -1)]
    public void Money_is_read_with_or_without_a_pound_sign_and_thousands_separators(string text, double expected)
    {
        var reader = Row("hourlyWage", text);

        Assert.Equal((decimal)expected, reader.Number(Template["hourlyWage"]));
    }

    [Fact]
    public void Words_are_not_a_number()
    {
        var reader = Row("weeklyHours", "thirty");

        Assert.Null(reader.Number(Template["weeklyHours"]));
        Assert.Contains("must be a number", Assert.Single(reader.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_number_columns_refuse_fractions()
    {
        var template = ImportTemplates.Interventions;
        var header = HeaderMap.Match(template.Columns.Select(c => c.Name).ToList(), template.Columns);
        var reader = new CellReader(header, template.Columns.Select(c => c.Name == "durationMinutes" ? "12.5" : null).ToList(), 3);

        Assert.Null(reader.Number(template["durationMinutes"]));
        Assert.Contains("whole number", Assert.Single(reader.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("permanent", "Permanent")]
    [InlineData(" ZEROHOURS ", "ZeroHours")]
    public void Codes_are_matched_without_regard_to_case_and_returned_in_their_own_spelling(string text, string code)
    {
        var reader = Row("contractType", text);

        Assert.Equal(code, reader.Code(Template["contractType"]));
    }

    [Fact]
    public void An_unknown_code_lists_the_allowed_values()
    {
        var reader = Row("contractType", "Casual");

        Assert.Null(reader.Code(Template["contractType"]));
        var message = Assert.Single(reader.Errors).Message;
        Assert.Contains("'Casual'", message, StringComparison.Ordinal);
        Assert.Contains("Permanent, FixedTerm, Temporary, ZeroHours, Apprenticeship, SelfEmployed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_cell_left_empty_is_an_error_an_optional_one_is_not()
    {
        var reader = Row("startDate", null);

        Assert.Null(reader.Text(Template["jobTitle"]));
        Assert.Null(reader.Text(Template["socCode"]));
        var error = Assert.Single(reader.Errors);
        Assert.Equal("jobTitle", error.Column);
        Assert.Equal("jobTitle is required", error.Message);
    }

    [Fact]
    public void Text_longer_than_the_column_allows_is_refused()
    {
        var reader = Row("jobTitle", new string('a', 201));

        Assert.Null(reader.Text(Template["jobTitle"]));
        Assert.Contains("the most allowed is 200", Assert.Single(reader.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("TRUE", true)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    public void Yes_and_no_are_read_in_their_usual_spellings(string text, bool expected)
    {
        var template = ImportTemplates.Participants;
        var header = HeaderMap.Match(template.Columns.Select(c => c.Name).ToList(), template.Columns);
        var reader = new CellReader(header, template.Columns.Select(c => c.Name == "hasInternetAccess" ? text : null).ToList(), 2);

        Assert.Equal(expected, reader.YesNo(template["hasInternetAccess"]));
    }
}
