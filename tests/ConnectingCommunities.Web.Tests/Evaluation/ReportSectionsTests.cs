using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.TestSupport;
using ConnectingCommunities.Web.Features.Evaluation.Models;
using ConnectingCommunities.Web.Features.Evaluation.Report;
using ConnectingCommunities.Web.Features.Evaluation.Tables;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ConnectingCommunities.Web.Tests.Evaluation;

public sealed class ReportSectionsTestsOnSqlite(EvaluationDemoSqliteApp fixture) : ReportSectionsTests<EvaluationDemoSqliteApp>(fixture);

public sealed class ReportSectionsTestsOnPostgres(EvaluationDemoPostgresApp fixture) : ReportSectionsTests<EvaluationDemoPostgresApp>(fixture);

/// <summary>
/// The report's sections on a demo caseload: every section in the documents' order in the HTML and the Word document,
/// the characteristics and outcomes tables with the tables API's N in every cell, and the three models with the
/// models API's odds ratios, intervals, p-values and N.
/// </summary>
public abstract class ReportSectionsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EvaluationDemoApp
{
    private static readonly string[] Sections = ["performance", "characteristics", "outcomes", "models", "theory-of-change"];

    private static readonly string[] SectionTitles =
    [
        "Performance against targets",
        "Participants' characteristics",
        "Outcomes by lot, cohort and characteristic",
        "Who found work: the three models",
        "Theory of Change indicators",
    ];

    private TestApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Number(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    private async Task<(IDocument Html, W.Body Word, WordprocessingDocument Document)> ReportAsync(TestClient api)
    {
        var html = await (await api.GetAsync("/api/v1/evaluation/report?format=html")).Content.ReadAsStringAsync(Ct);
        var bytes = await (await api.GetAsync("/api/v1/evaluation/report?format=docx")).Content.ReadAsByteArrayAsync(Ct);
        var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return (new HtmlParser().ParseDocument(html), word.MainDocumentPart!.Document!.Body!, word);
    }

    private static List<List<string>> Rows(IElement table) =>
        [.. table.QuerySelectorAll("tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList())];

    /// <summary>The Word table under the caption paragraph with this text.</summary>
    private static List<List<string>> WordTable(W.Body body, string caption)
    {
        var paragraph = body.Elements<W.Paragraph>().First(p => p.InnerText == caption);
        var table = paragraph.ElementsAfter().OfType<W.Table>().First();
        return [.. table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList())];
    }

    [Fact]
    public async Task The_report_has_each_section_in_the_documents_order_in_html_and_docx()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Evaluator);
        var (html, word, document) = await ReportAsync(api);
        using (document)
        {
            Assert.Equal(Sections, html.QuerySelectorAll("main > section").Select(s => s.Id).ToArray());
            Assert.Equal(
                SectionTitles.Select((t, i) => $"{i + 1}. {t}").ToArray(),
                html.QuerySelectorAll("main > section > h2").Select(h => h.TextContent).ToArray());
            var headings = word.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToArray();
            Assert.Equal(SectionTitles.Select((t, i) => $"{i + 1}. {t}").ToArray(), headings);

            // Each model has a heading of its own and a forest plot (an image named by its title) followed by its table.
            var models = html.QuerySelector("#models")!;
            Assert.Equal(ModelDefinitions.All.Select(m => $"{m.Title} model").ToArray(), models.QuerySelectorAll("h3").Select(h => h.TextContent).ToArray());
            var subheadings = word.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToArray();
            Assert.Equal(ModelDefinitions.All.Select(m => $"{m.Title} model").ToArray(), subheadings);
            foreach (var model in ModelDefinitions.All)
            {
                var svg = models.QuerySelector($"svg[aria-labelledby^='report-forest-{model.Slug}-title']");
                Assert.NotNull(svg);
                Assert.Equal("img", svg.GetAttribute("role"));
                Assert.Equal($"{model.Title}: odds ratios with 95% confidence intervals", svg.QuerySelector("title")!.TextContent);
                Assert.NotNull(svg.ParentElement!.QuerySelector($"#model-terms-{model.Slug}"));
                Assert.NotEmpty(WordTable(word, $"Figure: {model.Title} model: odds ratios with 95% confidence intervals (its data)"));
                Assert.NotEmpty(WordTable(word, $"{model.Title} model: fit"));
            }

            // Every characteristics and outcomes table, in the tables list's order.
            var expected = EvaluationTables.All.Where(t => t.Group is "Participants" or "Outcomes").Select(t => "table-" + t.Id).ToArray();
            Assert.Equal(expected, html.QuerySelectorAll("#characteristics table, #outcomes table").Select(t => t.Id).ToArray());
        }
    }

    [Fact]
    public async Task Characteristics_and_outcomes_tables_carry_the_tables_api_figures_suppressed()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Evaluator);
        var (html, word, document) = await ReportAsync(api);
        using (document)
        {
            foreach (var summary in EvaluationTables.All.Where(t => t.Group is "Participants" or "Outcomes"))
            {
                var json = await api.GetJsonAsync($"/api/v1/evaluation/tables/{summary.Id}");
                Assert.True(json.GetProperty("suppressionApplied").GetBoolean());
                var columns = json.GetProperty("columns").EnumerateArray().ToList();
                var rows = json.GetProperty("rows").EnumerateArray().ToList();
                var reportRows = Rows(html.QuerySelector($"#table-{summary.Id}")!);
                Assert.Equal(reportRows, WordTable(word, summary.Title));
                Assert.Equal(rows.Count + 1, reportRows.Count);
                Assert.Equal([json.GetProperty("rowHeading").GetString()!, .. columns.Select(c => c.GetProperty("label").GetString()!)], reportRows[0]);
                for (var r = 0; r < rows.Count; r++)
                {
                    Assert.Equal(rows[r].GetProperty("label").GetString(), reportRows[r + 1][0]);
                    var cells = rows[r].GetProperty("cells").EnumerateArray().ToList();
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var text = reportRows[r + 1][c + 1];
                        var n = cells[c].GetProperty("n");
                        var shownN = n.ValueKind == JsonValueKind.Null ? SmallCells.Symbol : Number(n.GetInt32());
                        var where = $"{summary.Id} row {r} column {c}: {text}";
                        if (columns[c].GetProperty("kind").GetString() == "Count")
                        {
                            Assert.True(text == shownN || text.StartsWith(shownN + " (", StringComparison.Ordinal), where);
                        }
                        else
                        {
                            Assert.True(text.EndsWith($" of {shownN})", StringComparison.Ordinal), where);
                            var count = cells[c].GetProperty("count");
                            var shownCount = count.ValueKind == JsonValueKind.Null ? SmallCells.Symbol : Number(count.GetInt32());
                            Assert.Contains($"({shownCount} of ", text, StringComparison.Ordinal);
                            if (cells[c].GetProperty("suppressed").GetBoolean())
                            {
                                Assert.StartsWith(SmallCells.Symbol, text, StringComparison.Ordinal);
                            }
                        }
                    }
                }
            }

            // The demo caseload is large enough that the all-participants total is shown, and equals the participants table's N.
            var total = Rows(html.QuerySelector("#table-participants-by-lot")!)[^1];
            var lots = await api.GetJsonAsync("/api/v1/evaluation/tables/participants-by-lot");
            var totalN = lots.GetProperty("rows").EnumerateArray().Last().GetProperty("cells").EnumerateArray().Last().GetProperty("n").GetInt32();
            Assert.True(totalN >= EvaluationDemoApp.Participants);
            Assert.StartsWith(Number(totalN), total[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_models_carry_the_models_api_figures()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Evaluator);
        var (html, word, document) = await ReportAsync(api);
        using (document)
        {
            foreach (var model in ModelDefinitions.All)
            {
                var json = await api.GetJsonAsync($"/api/v1/evaluation/models/{model.Slug}");
                var terms = Rows(html.QuerySelector($"#model-terms-{model.Slug}")!);
                Assert.Equal(terms, WordTable(word, $"Figure: {model.Title} model: odds ratios with 95% confidence intervals (its data)"));
                Assert.Equal(["Level (against the reference)", "Term", "Odds ratio", "95% CI", "p", "N", "With the outcome"], terms[0]);
                var apiTerms = json.GetProperty("terms").EnumerateArray().ToList();
                Assert.Equal(apiTerms.Count, terms.Count(t => t[1] != "reference") - 1);
                foreach (var term in apiTerms)
                {
                    var name = term.GetProperty("term").GetString()!;
                    var row = terms.Single(t => t[1] == name);
                    var or = term.GetProperty("oddsRatio");
                    if (or.ValueKind == JsonValueKind.Null)
                    {
                        Assert.Contains(row[2], new[] { "–", "∞" });
                        continue;
                    }

                    Assert.Equal(FitModel.Ratio(or.GetDouble()), row[2]);
                    Assert.Equal($"{Bound(term.GetProperty("ciLower"))} to {Bound(term.GetProperty("ciUpper"))}", row[3]);
                    Assert.Equal(FitModel.PValue(Finite(term.GetProperty("p"))), row[4]);
                    var n = term.GetProperty("n").GetInt32();
                    Assert.True(row[5] == Number(n) || row[5] == SmallCells.Symbol, $"{model.Slug} {name} N {row[5]} against {n}");
                    if (SmallCells.IsSmall(n))
                    {
                        Assert.Equal(SmallCells.Symbol, row[5]);
                    }
                }

                var fit = Rows(html.QuerySelector($"#model-fit-{model.Slug}")!).ToDictionary(r => r[0], r => r[1]);
                Assert.Equal(Number(json.GetProperty("n").GetInt32()), fit["Participants used (N)"]);
                // A few left out hide the population with them, so N stays shown and neither can be worked out.
                var nDropped = json.GetProperty("nDropped").GetInt32();
                Assert.Equal(SmallCells.IsSmall(nDropped) ? SmallCells.Symbol : Number(nDropped), fit["Left out (a covariate not collected or preferred not to say)"]);
                Assert.Equal(SmallCells.IsSmall(nDropped) ? SmallCells.Symbol : Number(json.GetProperty("populationSize").GetInt32()), fit["Population"]);
                Assert.Equal(FitModel.Number(json.GetProperty("aic").GetDouble()), fit["AIC"]);
                Assert.Equal(FitModel.Number(json.GetProperty("deviance").GetDouble()), fit["Residual deviance"]);
                foreach (var warning in json.GetProperty("warnings").EnumerateArray())
                {
                    Assert.Contains(html.QuerySelectorAll("#models p"), p => p.TextContent == "Warning: " + warning.GetString());
                }
            }

            // The documents' headline finding, as the acceptance check reads it: the same odds ratio in the report and the API.
            var jobOutcome = await api.GetJsonAsync("/api/v1/evaluation/models/job-outcome");
            var rapid = jobOutcome.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("term").GetString() == "cohort=RapidProgression");
            var reportRow = Rows(html.QuerySelector("#model-terms-job-outcome")!).Single(r => r[1] == "cohort=RapidProgression");
            Assert.Equal(rapid.GetProperty("oddsRatio").GetDouble().ToString("0.00", CultureInfo.InvariantCulture), reportRow[2]);
            Assert.Equal("Cohort: Rapid Progression", reportRow[0]);
        }
    }

    [Fact]
    public async Task The_full_report_is_built_in_seconds()
    {
        using var api = await App.ApiClientAsync(DemoUsers.Evaluator);
        var watch = Stopwatch.StartNew();
        var response = await api.GetAsync("/api/v1/evaluation/report?format=docx");
        watch.Stop();
        response.EnsureSuccessStatusCode();

        // Generous for a shared two-core machine; the figure on the 4,000-participant demo is in docs/EVALUATION.md.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"The report took {watch.Elapsed.TotalSeconds:0.0} s.");
        TestContext.Current.TestOutputHelper?.WriteLine($"Report (docx) on {EvaluationDemoApp.Participants} demo participants: {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    private static double? Finite(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    // JSON has no infinity: an interval that runs off to infinity (separation) is null in the API and "∞" in the report.
    private static string Bound(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "∞" : FitModel.Ratio(value.GetDouble());
}

/// <summary>Small counts in a model's table are hidden in the report, and so is whatever would give them away.</summary>
public sealed class ReportModelSuppressionTests
{
    private static ModelResult Result(int rapidN, int rapidEvents)
    {
        var cohort = ModelDefinitions.FindCovariate("cohort")!;
        var term = new ModelTerm("cohort=RapidProgression", "cohort", "RapidProgression", "HardestToHelp", "Rapid Progression",
            rapidN, rapidEvents, 2.5, 1.1, 5.6, 0.03, Math.Log(2.5), 0.4);
        var reference = new ModelReference("cohort", "HardestToHelp", "Hardest to Help", 200, 60);
        return new ModelResult(
            ModelDefinitions.JobOutcome, [cohort], new Dictionary<string, string> { ["cohort"] = "HardestToHelp" },
            200 + rapidN + 5, 200 + rapidN, 5, 60 + rapidEvents, [new ModelDropped("cohort", 5)], 0, [term], [reference],
            250.0, 260.0, 254.0, true, [], TimeSpan.FromMilliseconds(3));
    }

    private static (ReportTable Fit, ReportTable Terms) Tables(ModelResult result)
    {
        var blocks = ReportExtraSections.ModelBlocks(result).ToList();
        return (blocks.Single(b => b.Table is not null).Table!, blocks.Single(b => b.SvgData is not null).SvgData!);
    }

    [Fact]
    public void A_level_with_few_people_or_few_events_is_hidden_with_what_would_give_it_away()
    {
        var (fit, terms) = Tables(Result(rapidN: 40, rapidEvents: 4));
        var rapid = terms.Rows.Single(r => r[1] == "cohort=RapidProgression");
        var hardest = terms.Rows.Single(r => r[1] == "reference");

        // The odds ratio is not a count and stays; 4 events are hidden, and so are the reference's events (total minus them).
        Assert.Equal("2.50", rapid[2]);
        Assert.Equal("40", rapid[5]);
        Assert.Equal(SmallCells.Symbol, rapid[6]);
        Assert.Equal(SmallCells.Symbol, hardest[6]);
        Assert.Equal(SmallCells.Explanation, terms.Note);
        var values = fit.Rows.ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("240", values["Participants used (N)"]);
        Assert.Equal(SmallCells.Symbol, values["Population"]);
        Assert.Equal(SmallCells.Symbol, values["Left out (a covariate not collected or preferred not to say)"]);
        Assert.Equal(SmallCells.Symbol, values["Left out: cohort not recorded"]);
    }

    [Fact]
    public void Large_counts_are_shown_whole()
    {
        var (fit, terms) = Tables(Result(rapidN: 40, rapidEvents: 20) with { NDropped = 0, Population = 240, DroppedBecause = [] });
        Assert.All(terms.Rows, r => Assert.DoesNotContain(SmallCells.Symbol, r));
        Assert.Equal(["Cohort: Hardest to Help (reference)", "reference", "1 (reference)", "–", "–", "200", "60"], terms.Rows[0]);
        Assert.Equal(["Cohort: Rapid Progression", "cohort=RapidProgression", "2.50", "1.10 to 5.60", "0.030", "40", "20"], terms.Rows[1]);
        Assert.Null(terms.Note);
        Assert.DoesNotContain(fit.Rows, r => r.Contains(SmallCells.Symbol));
    }

    [Fact]
    public void A_model_with_warnings_says_them_and_a_forest_plot_is_drawn()
    {
        var result = Result(rapidN: 40, rapidEvents: 20) with { Warnings = ["Fewer than 10 events per estimated parameter."] };
        var blocks = ReportExtraSections.ModelBlocks(result).ToList();
        Assert.Equal("Job outcome model", blocks[0].Subheading);
        Assert.Contains(blocks, b => b.Paragraph == "Warning: Fewer than 10 events per estimated parameter.");
        var picture = blocks.Single(b => b.Svg is not null);
        Assert.Contains("role=\"img\"", picture.Svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"report-forest-job-outcome-title\">", picture.Svg, StringComparison.Ordinal);
    }
}
