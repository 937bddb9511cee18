using System.Globalization;
using System.Security;
using System.Text;

namespace ConnectingCommunities.Web.Infrastructure.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> as an SVG image on the server, so it needs no JavaScript. It is one
/// image to assistive technology (role="img" named by its title and description); the data table
/// beside it (<c>_ChartWithTable</c>) carries every figure. Series differ by dash pattern and marker
/// shape (lines) or fill pattern (bars) as well as colour, the legend repeats those, and lines are
/// labelled at their ends, so the chart reads in greyscale. Presentation attributes only: the site's
/// content security policy forbids inline styles. The viewBox lets it scale to its container.
/// </summary>
public static class SvgChartRenderer
{
    public const double Width = 960;
    public const double PlotHeight = 300;

    private const double Top = 20;
    private const double Left = 80;
    private const double BottomAxis = 64;
    private const double LegendRowHeight = 26;
    private const string Font = "\"GDS Transport\", arial, sans-serif";

    /// <summary>GOV.UK colours each with at least 3:1 contrast on white (WCAG 1.4.11 for graphics).</summary>
    public static IReadOnlyList<string> Colours { get; } =
        ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#505a5f", "#d53880", "#0b0c0c", "#912b88"];

    /// <summary>SVG stroke-dasharray values; the first is a solid line.</summary>
    public static IReadOnlyList<string> DashPatterns { get; } = ["", "10 5", "3 4", "14 4 3 4", "6 3 1 3 1 3"];

    public static IReadOnlyList<string> MarkerShapes { get; } = ["circle", "square", "triangle", "diamond", "cross", "plus"];

    public static IReadOnlyList<string> FillPatterns { get; } = ["solid", "diagonal", "dots", "crosshatch", "horizontal", "vertical", "reverse-diagonal"];

    /// <summary>The style of the series at a position: colour, dash, marker and fill all cycle at different lengths.</summary>
    public static SeriesStyle StyleOf(int index) => new(
        Colours[index % Colours.Count],
        DashPatterns[index % DashPatterns.Count],
        MarkerShapes[index % MarkerShapes.Count],
        FillPatterns[index % FillPatterns.Count]);

    public static string Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = new Layout(chart);
        var svg = new StringBuilder();
        var id = Attr(chart.Id);
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" "));
        svg.Append(Inv($"viewBox=\"0 0 {N(Width)} {N(layout.Height)}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" font-family=\"{Attr(Font)}\" font-size=\"14\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">{Text(chart.Title)}</title>"));
        svg.Append(Inv($"<desc id=\"{id}-desc\">{Text(chart.Description)}</desc>"));
        if (chart.Kind != ChartKind.Line)
        {
            AppendPatterns(svg, chart);
        }

        svg.Append(Inv($"<rect x=\"0\" y=\"0\" width=\"{N(Width)}\" height=\"{N(layout.Height)}\" fill=\"#ffffff\"/>"));
        AppendValueAxis(svg, chart, layout);
        AppendCategoryAxis(svg, chart, layout);
        if (chart.Kind == ChartKind.Line)
        {
            AppendLines(svg, chart, layout);
        }
        else
        {
            AppendBars(svg, chart, layout);
        }

        AppendLegend(svg, chart, layout);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Where things go; public so the tests can check the scale maths.</summary>
    public sealed class Layout
    {
        public Layout(Chart chart)
        {
            ArgumentNullException.ThrowIfNull(chart);
            Chart = chart;
            // Lines are labelled at their right-hand ends, which needs room beside the plot.
            Right = chart.Kind == ChartKind.Line || chart.Kind == ChartKind.StackedBars ? 200 : 24;
            PlotWidth = Width - Left - Right;
            var largest = chart.Kind == ChartKind.StackedBars
                ? Enumerable.Range(0, chart.Categories.Count).Select(chart.Total).DefaultIfEmpty(0).Max()
                : chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
            Scale = ChartScale.For(largest, wholeNumbers: chart.ValueFormat.StartsWith("N0", StringComparison.Ordinal));
            LegendRows = LegendItemRows(chart).Count;
            Height = Top + PlotHeight + BottomAxis + (LegendRows * LegendRowHeight) + 8;
        }

        public Chart Chart { get; }

        public double Right { get; }

        public double PlotWidth { get; }

        public ChartScale Scale { get; }

        public int LegendRows { get; }

        public double Height { get; }

        public double PlotLeft => Left;

        public double PlotRight => Left + PlotWidth;

        public double PlotTop => Top;

        public double PlotBottom => Top + PlotHeight;

        /// <summary>The vertical position of a value: the axis at zero, the top at the scale's maximum.</summary>
        public double Y(double value) => PlotBottom - (Scale.Fraction(value) * PlotHeight);

        /// <summary>A line chart's point for a category: spread edge to edge, or centred when there is only one.</summary>
        public double PointX(int category)
        {
            var count = Chart.Categories.Count;
            return count <= 1 ? Left + (PlotWidth / 2) : Left + (category * PlotWidth / (count - 1));
        }

        public double BandWidth => PlotWidth / Math.Max(1, Chart.Categories.Count);

        public double BandCentre(int category) => Left + ((category + 0.5) * BandWidth);

        public double CategoryX(int category) => Chart.Kind == ChartKind.Line ? PointX(category) : BandCentre(category);

        /// <summary>Every n-th category is labelled so that labels of about 64 pixels never overlap.</summary>
        public int LabelEvery => Math.Max(1, (int)Math.Ceiling(Chart.Categories.Count / Math.Max(1, Math.Floor(PlotWidth / 64))));
    }

    public readonly record struct SeriesStyle(string Colour, string Dash, string Marker, string Fill);

    private static void AppendPatterns(StringBuilder svg, Chart chart)
    {
        svg.Append("<defs>");
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var style = StyleOf(i);
            var id = PatternId(chart, i);
            var c = style.Colour;
            var body = style.Fill switch
            {
                "diagonal" => Inv($"<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"{c}\" stroke-width=\"2\"/>"),
                "reverse-diagonal" => Inv($"<path d=\"M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4\" stroke=\"{c}\" stroke-width=\"2\"/>"),
                "dots" => Inv($"<circle cx=\"4\" cy=\"4\" r=\"2\" fill=\"{c}\"/>"),
                "crosshatch" => Inv($"<path d=\"M0,4 h8 M4,0 v8\" stroke=\"{c}\" stroke-width=\"1.5\"/>"),
                "horizontal" => Inv($"<path d=\"M0,2 h8 M0,6 h8\" stroke=\"{c}\" stroke-width=\"2\"/>"),
                "vertical" => Inv($"<path d=\"M2,0 v8 M6,0 v8\" stroke=\"{c}\" stroke-width=\"2\"/>"),
                _ => Inv($"<rect width=\"8\" height=\"8\" fill=\"{c}\"/>"),
            };
            svg.Append(Inv($"<pattern id=\"{Attr(id)}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>{body}</pattern>"));
        }

        svg.Append("</defs>");
    }

    private static string PatternId(Chart chart, int series) => Inv($"{chart.Id}-fill-{series}");

    private static void AppendValueAxis(StringBuilder svg, Chart chart, Layout layout)
    {
        svg.Append("<g class=\"app-chart__value-axis\">");
        foreach (var tick in layout.Scale.Ticks())
        {
            var y = layout.Y(tick);
            var gridColour = tick == 0 ? "#0b0c0c" : "#b1b4b6";
            svg.Append(Inv($"<line x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(layout.PlotRight)}\" y2=\"{N(y)}\" stroke=\"{gridColour}\" stroke-width=\"1\"/>"));
            svg.Append(Inv($"<line x1=\"{N(Left - 6)}\" y1=\"{N(y)}\" x2=\"{N(Left)}\" y2=\"{N(y)}\" stroke=\"#0b0c0c\"/>"));
            svg.Append(Inv($"<text x=\"{N(Left - 10)}\" y=\"{N(y + 5)}\" text-anchor=\"end\" fill=\"#0b0c0c\">{Text(chart.Format(tick))}</text>"));
        }

        svg.Append(Inv($"<line x1=\"{N(Left)}\" y1=\"{N(layout.PlotTop)}\" x2=\"{N(Left)}\" y2=\"{N(layout.PlotBottom)}\" stroke=\"#0b0c0c\"/>"));
        var middle = layout.PlotTop + (PlotHeight / 2);
        svg.Append(Inv($"<text x=\"16\" y=\"{N(middle)}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {N(middle)})\" fill=\"#0b0c0c\" font-weight=\"bold\">{Text(chart.ValueAxisLabel)}</text>"));
        svg.Append("</g>");
    }

    private static void AppendCategoryAxis(StringBuilder svg, Chart chart, Layout layout)
    {
        svg.Append("<g class=\"app-chart__category-axis\">");
        var every = layout.LabelEvery;
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var x = layout.CategoryX(i);
            var labelled = i % every == 0;
            svg.Append(Inv($"<line x1=\"{N(x)}\" y1=\"{N(layout.PlotBottom)}\" x2=\"{N(x)}\" y2=\"{N(layout.PlotBottom + (labelled ? 6 : 3))}\" stroke=\"#0b0c0c\"/>"));
            if (labelled)
            {
                svg.Append(Inv($"<text x=\"{N(x)}\" y=\"{N(layout.PlotBottom + 22)}\" text-anchor=\"middle\" fill=\"#0b0c0c\">{Text(chart.Categories[i].Label)}</text>"));
            }
        }

        svg.Append(Inv($"<text x=\"{N(Left + (layout.PlotWidth / 2))}\" y=\"{N(layout.PlotBottom + 50)}\" text-anchor=\"middle\" fill=\"#0b0c0c\" font-weight=\"bold\">{Text(chart.CategoryAxisLabel)}</text>"));
        svg.Append("</g>");
    }

    private static void AppendLines(StringBuilder svg, Chart chart, Layout layout)
    {
        var ends = new List<(double Y, string Label, string Colour)>();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var style = StyleOf(s);
            var count = Math.Min(series.Values.Count, chart.Categories.Count);
            svg.Append(Inv($"<g class=\"app-chart__series\" data-series=\"{Attr(series.Name)}\">"));
            var path = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                path.Append(Inv($"{(i == 0 ? "M" : " L")}{N(layout.PointX(i))},{N(layout.Y(series.Values[i]))}"));
            }

            var dash = style.Dash.Length == 0 ? "" : Inv($" stroke-dasharray=\"{style.Dash}\"");
            svg.Append(Inv($"<path d=\"{(count == 0 ? Inv($"M{N(Left)},{N(layout.PlotBottom)}") : path.ToString())}\" fill=\"none\" stroke=\"{style.Colour}\" stroke-width=\"3\"{dash}/>"));
            // With many points a marker on each would merge into a band; every n-th keeps the shape readable.
            var markEvery = Math.Max(1, (int)Math.Ceiling(count / 24.0));
            for (var i = 0; i < count; i++)
            {
                if (i % markEvery == 0 || i == count - 1)
                {
                    svg.Append(Marker(style.Marker, layout.PointX(i), layout.Y(series.Values[i]), style.Colour));
                }
            }

            svg.Append("</g>");
            if (count > 0)
            {
                ends.Add((layout.Y(series.Values[count - 1]), series.Name, style.Colour));
            }
        }

        AppendEndLabels(svg, ends, layout.PlotRight + 14, layout);
    }

    private static void AppendBars(StringBuilder svg, Chart chart, Layout layout)
    {
        var band = layout.BandWidth;
        var gap = Math.Min(8, band * 0.2);
        var seriesCount = Math.Max(1, chart.Series.Count);
        var stackTops = new double[chart.Categories.Count];
        var ends = new List<(double Y, string Label, string Colour)>();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var style = StyleOf(s);
            svg.Append(Inv($"<g class=\"app-chart__series\" data-series=\"{Attr(series.Name)}\">"));
            var pathData = new StringBuilder();
            for (var i = 0; i < chart.Categories.Count; i++)
            {
                var value = i < series.Values.Count ? Math.Max(0, series.Values[i]) : 0;
                double x, width, y0, y1;
                if (chart.Kind == ChartKind.StackedBars)
                {
                    x = Left + (i * band) + (gap / 2);
                    width = band - gap;
                    y0 = layout.Y(stackTops[i]);
                    stackTops[i] += value;
                    y1 = layout.Y(stackTops[i]);
                }
                else
                {
                    var inner = (band - gap) / seriesCount;
                    x = Left + (i * band) + (gap / 2) + (s * inner);
                    width = inner;
                    y0 = layout.PlotBottom;
                    y1 = layout.Y(value);
                }

                if (value > 0)
                {
                    // One path per series: a rectangle per category as a closed sub-path.
                    pathData.Append(Inv($"M{N(x)},{N(y0)} V{N(y1)} H{N(x + width)} V{N(y0)} Z "));
                }
            }

            svg.Append(Inv($"<path d=\"{(pathData.Length == 0 ? Inv($"M{N(Left)},{N(layout.PlotBottom)}") : pathData.ToString().TrimEnd())}\" fill=\"url(#{Attr(PatternId(chart, s))})\" stroke=\"{style.Colour}\" stroke-width=\"1\"/>"));
            svg.Append("</g>");
            if (chart.Kind == ChartKind.StackedBars && chart.Categories.Count > 0)
            {
                var last = chart.Categories.Count - 1;
                var value = last < series.Values.Count ? series.Values[last] : 0;
                if (value > 0)
                {
                    ends.Add((layout.Y(stackTops[last] - (value / 2)), series.Name, style.Colour));
                }
            }
        }

        if (chart.Kind == ChartKind.StackedBars)
        {
            // Segments of the last bar are named beside it, top segment highest.
            ends.Reverse();
            AppendEndLabels(svg, ends, layout.PlotRight + 10, layout);
        }
    }

    /// <summary>Direct labels at the right of the plot, pushed apart so none overlap.</summary>
    private static void AppendEndLabels(StringBuilder svg, List<(double Y, string Label, string Colour)> ends, double x, Layout layout)
    {
        const double LineHeight = 16;
        var ordered = ends.OrderBy(e => e.Y).ToList();
        var placed = new double[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            placed[i] = Math.Max(ordered[i].Y, i == 0 ? layout.PlotTop : placed[i - 1] + LineHeight);
        }

        // If the labels ran off the bottom, shift them back up together.
        var overflow = ordered.Count == 0 ? 0 : placed[^1] - (layout.PlotBottom + 20);
        svg.Append("<g class=\"app-chart__direct-labels\">");
        for (var i = 0; i < ordered.Count; i++)
        {
            var y = placed[i] - Math.Max(0, overflow);
            svg.Append(Inv($"<text x=\"{N(x)}\" y=\"{N(y + 5)}\" fill=\"{ordered[i].Colour}\" font-weight=\"bold\">{Text(Shorten(ordered[i].Label, 24))}</text>"));
        }

        svg.Append("</g>");
    }

    private static List<List<(int Series, double Width)>> LegendItemRows(Chart chart)
    {
        var rows = new List<List<(int, double)>>();
        var current = new List<(int, double)>();
        var used = 0.0;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            // An estimate of the text's width: 7.5 pixels a character at 14 pixels.
            var width = 44 + (chart.Series[s].Name.Length * 7.5) + 24;
            if (current.Count > 0 && used + width > Width - Left)
            {
                rows.Add(current);
                current = [];
                used = 0;
            }

            current.Add((s, width));
            used += width;
        }

        if (current.Count > 0)
        {
            rows.Add(current);
        }

        return rows;
    }

    private static void AppendLegend(StringBuilder svg, Chart chart, Layout layout)
    {
        svg.Append("<g class=\"app-chart__legend\">");
        var y = layout.PlotBottom + BottomAxis + 8;
        foreach (var row in LegendItemRows(chart))
        {
            var x = Left;
            foreach (var (s, width) in row)
            {
                var style = StyleOf(s);
                if (chart.Kind == ChartKind.Line)
                {
                    var dash = style.Dash.Length == 0 ? "" : Inv($" stroke-dasharray=\"{style.Dash}\"");
                    svg.Append(Inv($"<line x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x + 36)}\" y2=\"{N(y)}\" stroke=\"{style.Colour}\" stroke-width=\"3\"{dash}/>"));
                    svg.Append(Marker(style.Marker, x + 18, y, style.Colour));
                }
                else
                {
                    svg.Append(Inv($"<rect x=\"{N(x)}\" y=\"{N(y - 9)}\" width=\"36\" height=\"18\" fill=\"url(#{Attr(PatternId(chart, s))})\" stroke=\"{style.Colour}\"/>"));
                }

                svg.Append(Inv($"<text x=\"{N(x + 44)}\" y=\"{N(y + 5)}\" fill=\"#0b0c0c\">{Text(chart.Series[s].Name)}</text>"));
                x += width;
            }

            y += LegendRowHeight;
        }

        svg.Append("</g>");
    }

    private static string Marker(string shape, double x, double y, string colour)
    {
        const double R = 5;
        var stroke = Inv($"stroke=\"{colour}\" stroke-width=\"2\"");
        return shape switch
        {
            "square" => Inv($"<rect x=\"{N(x - R)}\" y=\"{N(y - R)}\" width=\"{N(2 * R)}\" height=\"{N(2 * R)}\" fill=\"#ffffff\" {stroke}/>"),
            "triangle" => Inv($"<path d=\"M{N(x)},{N(y - R - 1)} L{N(x + R + 1)},{N(y + R)} L{N(x - R - 1)},{N(y + R)} Z\" fill=\"{colour}\" {stroke}/>"),
            "diamond" => Inv($"<path d=\"M{N(x)},{N(y - R - 1)} L{N(x + R + 1)},{N(y)} L{N(x)},{N(y + R + 1)} L{N(x - R - 1)},{N(y)} Z\" fill=\"#ffffff\" {stroke}/>"),
            "cross" => Inv($"<path d=\"M{N(x - R)},{N(y - R)} L{N(x + R)},{N(y + R)} M{N(x - R)},{N(y + R)} L{N(x + R)},{N(y - R)}\" fill=\"none\" {stroke}/>"),
            "plus" => Inv($"<path d=\"M{N(x - R)},{N(y)} H{N(x + R)} M{N(x)},{N(y - R)} V{N(y + R)}\" fill=\"none\" {stroke}/>"),
            _ => Inv($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(R)}\" fill=\"{colour}\" {stroke}/>"),
        };
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Text(string text) => SecurityElement.Escape(text) ?? "";

    private static string Attr(string text) => SecurityElement.Escape(text) ?? "";
}
