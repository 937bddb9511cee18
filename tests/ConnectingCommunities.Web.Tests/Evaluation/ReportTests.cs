using System.Net;
using AngleSharp.Html.Parser;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ConnectingCommunities.Web.Tests.Evaluation;

public sealed class ReportTestsOnSqlite(SqliteApp fixture) : ReportTests<SqliteApp>(fixture);

public sealed class ReportTestsOnPostgres(PostgresApp fixture) : ReportTests<PostgresApp>(fixture);

/// <summary>
/// The evaluation report: who may produce it, that the Word document opens and holds the same figures as the
/// HTML page and the indicators screen, and that it names no one.
/// </summary>
public abstract class ReportTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private TestApp App => fixture.App;

    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        if (await db.IndicatorAssessments.AnyAsync())
        {
            return;
        }

        for (var i = 0; i < 12; i++)
        {
            var p = await App.AddAsync("WH", x => x.Cohort = Cohort.RapidProgression);
            db.IndicatorAssessments.Add(new IndicatorAssessment
            {
                ParticipantId = p.Id,
                Point = AssessmentPoint.Baseline,
                AssessedOn = new DateOnly(2021, 3, 10),
                AttitudeToWorkItems = [1, 2, 2, 1, 3],
                AttitudeToWork = 9,
            });
            db.IndicatorAssessments.Add(new IndicatorAssessment
            {
                ParticipantId = p.Id,
                Point = AssessmentPoint.FollowUp,
                AssessedOn = new DateOnly(2021, 9, 10),
                AttitudeToWorkItems = [2, 2, 3, 1 + (i % 4), 3],
                AttitudeToWork = 10 + (i % 4),
            });
        }

        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(Access.EveryRole), MemberType = typeof(Access))]
    public async Task Only_evaluators_and_commissioners_produce_the_report(string email)
    {
        using var api = await App.ApiClientAsync(email);
        using var pages = await App.SignInAsync(email);
        var expected = email is DemoUsers.Evaluator or DemoUsers.Commissioner ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        Assert.Equal(expected, (await api.GetAsync("/api/v1/evaluation/report?format=html")).StatusCode);
        Assert.Equal(expected, (await api.GetAsync("/api/v1/evaluation/report?format=docx")).StatusCode);
        Assert.Equal(expected, (await pages.GetAsync("/evaluation/report")).StatusCode);
        Assert.Equal(expected, (await pages.GetAsync("/evaluation/report/file/docx")).StatusCode);
    }

    [Fact]
    public async Task A_bad_format_is_named()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Evaluator);
        var (status, body) = await api.SendJsonAsync(HttpMethod.Get, "/api/v1/evaluation/report?format=pdf", null);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task The_docx_opens_and_its_tables_match_the_html_and_the_indicators_screen()
    {
        await SeedAsync();
        using var api = await App.ApiClientAsync(DemoUsers.Evaluator);
        using var pages = await App.SignInAsync(DemoUsers.Evaluator);

        var html = await (await api.GetAsync("/api/v1/evaluation/report?format=html")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var docx = await api.GetAsync("/api/v1/evaluation/report?format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.Contains("evaluation-report-", docx.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);

        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal("Performance against targets", headings[0][3..]);
        Assert.Equal("Theory of Change indicators", headings[^1][(headings[^1].IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var wordTables = body.Elements<W.Table>()
            .Select(t => t.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList())
            .ToList();

        var document = new HtmlParser().ParseDocument(html);
        var htmlTables = document.QuerySelectorAll("table")
            .Select(t => t.QuerySelectorAll("tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent).ToList()).ToList())
            .ToList();
        Assert.Equal(htmlTables.Count, wordTables.Count);
        for (var i = 0; i < htmlTables.Count; i++)
        {
            Assert.Equal(htmlTables[i], wordTables[i]);
        }

        // The Theory of Change table for everyone is the evaluator's screen, cell for cell.
        var screen = await pages.GetPageAsync("/evaluation/indicators");
        var screenRows = screen.QuerySelectorAll("#indicators-all tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        var reportRows = document.QuerySelectorAll("#indicators-all tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(screenRows, reportRows);
        var attitude = reportRows.Single(r => r[0].StartsWith("Attitude to work", StringComparison.Ordinal));
        Assert.NotEqual("Fewer than 10", attitude[1]);
    }

    [Fact]
    public async Task The_report_names_no_participant()
    {
        await SeedAsync();
        using var api = await App.ApiClientAsync(DemoUsers.Evaluator);
        var html = await (await api.GetAsync("/api/v1/evaluation/report?format=html")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var stream = new MemoryStream(await (await api.GetAsync("/api/v1/evaluation/report?format=docx")).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var word = WordprocessingDocument.Open(stream, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var people = await db.Participants.AsNoTracking().Select(p => new { p.Id, p.Reference, p.LastName, p.Nino, p.Postcode }).ToListAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEmpty(people);
        foreach (var p in people)
        {
            foreach (var identifier in new[] { p.Id.ToString(), p.Reference, p.LastName, p.Nino, p.Postcode })
            {
                if (!string.IsNullOrEmpty(identifier) && identifier.Length > 4)
                {
                    Assert.DoesNotContain(identifier, html, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(identifier, text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }
}
