using ConnectingCommunities.Web.Infrastructure.Charts;

namespace ConnectingCommunities.Web.Features.Evaluation.Report;

/// <summary>
/// A table of the report as text, ready for HTML and Word alike: the first column names the row.
/// Every figure is already formatted (and suppressed) so the two formats cannot disagree.
/// </summary>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null);

/// <summary>One block of a section, in reading order: a subheading, a paragraph, a table, or a chart (with its data table).</summary>
public sealed record ReportBlock(
    string? Paragraph = null, ReportTable? Table = null, Chart? Chart = null, string? Svg = null, ReportTable? SvgData = null, string? Subheading = null)
{
    public static ReportBlock Text(string paragraph) => new(Paragraph: paragraph);

    /// <summary>A heading within a section (each model of the models section).</summary>
    public static ReportBlock Heading(string text) => new(Subheading: text);

    public static ReportBlock Of(ReportTable table) => new(Table: table);

    public static ReportBlock Of(Chart chart) => new(Chart: chart);

    /// <summary>A picture drawn elsewhere (a forest plot) with the table of what it shows, for Word and for people who cannot see it.</summary>
    public static ReportBlock Picture(string svg, ReportTable data) => new(Svg: svg, SvgData: data);
}

/// <summary>A numbered section of the report.</summary>
public sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportBlock> Blocks);

/// <summary>
/// The evaluation report: dated, in the order of the documents' evaluation (performance against targets,
/// participants and outcomes, the three models, the Theory of Change), aggregates only and small cells suppressed.
/// </summary>
public sealed record EvaluationReport(string Title, DateTimeOffset GeneratedAt, DateOnly Date, IReadOnlyList<ReportSection> Sections, TimeSpan BuiltIn)
{
    /// <summary>Every table in the report, including the data tables of its charts and pictures.</summary>
    public IEnumerable<ReportTable> AllTables => Sections.SelectMany(s => s.Blocks).SelectMany(b => b switch
    {
        { Table: { } t } => new[] { t },
        { Chart: { } c } => [ChartTable(c)],
        { SvgData: { } d } => [d],
        _ => [],
    });

    /// <summary>A chart's data as a table: the same figures the chart and its HTML table show.</summary>
    public static ReportTable ChartTable(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new ReportTable(
            chart.Id + "-data",
            chart.Title,
            [chart.CategoryAxisLabel, .. chart.Series.Select(s => s.Name)],
            [
                .. chart.Categories.Select((c, i) => (IReadOnlyList<string>)
                [
                    c.FullLabel,
                    .. chart.Series.Select(s => i < s.Values.Count ? chart.Format(s.Values[i]) : ""),
                ]),
            ]);
    }
}
