using ConnectingCommunities.Domain.DataExchange;

namespace ConnectingCommunities.Domain.Tests.DataExchange;

public class ImportTemplatesTests
{
    [Theory]
    [InlineData("participants")]
    [InlineData("Interventions")]
    [InlineData("JOB-STARTS")]
    [InlineData("sustainment-checks")]
    public void Each_api_type_code_finds_its_template(string type) => Assert.NotNull(ImportTemplates.Find(type));

    [Fact]
    public void An_unknown_type_finds_nothing() => Assert.Null(ImportTemplates.Find("claims"));

    [Fact]
    public void Every_template_is_keyed_by_the_providers_own_identifier()
    {
        Assert.All(ImportTemplates.All, t => Assert.True(t.Columns[0] is { Name: "externalId", Required: true }));
    }

    [Fact]
    public void Column_names_are_unique_camel_case_and_code_columns_list_their_values()
    {
        foreach (var template in ImportTemplates.All)
        {
            Assert.Equal(template.Columns.Count, template.Columns.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(template.Columns, c => Assert.True(char.IsLower(c.Name[0]), c.Name));
            Assert.All(template.Columns.Where(c => c.Format == ColumnFormat.Code), c => Assert.NotEmpty(c.AllowedValues));
        }
    }

    [Fact]
    public void Every_example_value_reads_without_an_error()
    {
        foreach (var template in ImportTemplates.All)
        {
            var header = HeaderMap.Match(template.Columns.Select(c => c.Name).ToList(), template.Columns);
            var reader = new CellReader(header, template.Columns.Select(c => c.Example).ToList(), 2);
            foreach (var column in template.Columns)
            {
                _ = column.Format switch
                {
                    ColumnFormat.Date => reader.Date(column)?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ColumnFormat.Number or ColumnFormat.Money or ColumnFormat.WholeNumber => reader.Number(column)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ColumnFormat.YesNo => reader.YesNo(column)?.ToString(),
                    ColumnFormat.Code => reader.Code(column),
                    _ => reader.Text(column),
                };
            }

            Assert.Empty(reader.Errors);
        }
    }
}
