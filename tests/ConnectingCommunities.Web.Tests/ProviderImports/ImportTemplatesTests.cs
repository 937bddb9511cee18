using System.Net;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.ProviderImports;
using ConnectingCommunities.Web.Tests.Infrastructure;

namespace ConnectingCommunities.Web.Tests.ProviderImports;

public sealed class ImportTemplatesTestsOnSqlite(SqliteApp fixture) : ImportTemplatesTests<SqliteApp>(fixture);

/// <summary>The templates are the same whatever the database, so they are checked on SQLite only.</summary>
public abstract class ImportTemplatesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    [Theory]
    [InlineData("participants")]
    [InlineData("interventions")]
    [InlineData("job-starts")]
    [InlineData("sustainment-checks")]
    public async Task The_csv_template_is_a_header_row_of_the_templates_columns(string type)
    {
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        using var response = await client.GetAsync($"/api/v1/imports/templates/{type}?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"connecting-communities-{type}-template.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(string.Join(',', ImportTemplates.Find(type)!.Columns.Select(c => c.Name)) + "\r\n", text);
    }

    [Fact]
    public async Task The_xlsx_template_opens_and_its_header_matches_every_column()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Advisor("WH"));

        using var response = await client.GetAsync("/api/v1/imports/templates/participants?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            Assert.Equal(ImportFileKind.Xlsx, ImportFile.Detect(path));
            var header = ImportFile.Rows(path, ImportFileKind.Xlsx).First();
            var map = HeaderMap.Match(header.Cells, ImportTemplates.Participants.Columns);
            Assert.True(map.IsUsable);
            Assert.Equal(ImportTemplates.Participants.Columns.Count, header.Cells.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_templates_list_says_for_each_column_whether_it_is_required_its_format_and_allowed_values()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Evaluator);

        var body = await client.GetJsonAsync("/api/v1/imports/templates");

        var participants = body.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "participants");
        var sex = participants.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "sex");
        Assert.False(sex.GetProperty("required").GetBoolean());
        Assert.Equal(["female", "male", "preferNotToSay"], sex.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task An_unknown_type_is_404_naming_the_types_and_an_unknown_format_is_400_naming_the_formats()
    {
        using var client = await App.ApiClientAsync(DemoUsers.Manager("WH"));

        var (unknownType, typeBody) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/imports/templates/claims", null);
        var (unknownFormat, formatBody) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/imports/templates/participants?format=pdf", null);

        Assert.Equal(HttpStatusCode.NotFound, unknownType);
        Assert.Contains("participants, interventions, job-starts, sustainment-checks", typeBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownFormat);
        Assert.Contains("csv, xlsx", formatBody.GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_signing_in_the_templates_are_not_served()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync("/api/v1/imports/templates/participants");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_template_page_lists_every_column_with_downloads()
    {
        using var client = await App.SignInAsync(DemoUsers.Manager("WH"));

        var list = await client.GetPageAsync("/imports/templates");
        var page = await client.GetPageAsync("/imports/templates/job-starts");
        using var download = await client.GetAsync("/imports/templates/job-starts?handler=download&format=xlsx");

        Assert.Equal(4, list.QuerySelectorAll(".govuk-summary-list__row").Length);
        var names = page.QuerySelectorAll("tbody th code").Select(c => c.TextContent).ToList();
        Assert.Equal(ImportTemplates.JobStarts.Columns.Select(c => c.Name), names);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(ImportTemplateFiles.XlsxContentType, download.Content.Headers.ContentType?.MediaType);
        await client.GetPageAsync("/imports/templates/claims", HttpStatusCode.NotFound);
    }
}
