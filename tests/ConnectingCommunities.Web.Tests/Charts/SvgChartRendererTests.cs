using System.Xml.Linq;
using ConnectingCommunities.Web.Infrastructure.Charts;

namespace ConnectingCommunities.Web.Tests.Charts;

/// <summary>The SVG charts: well-formed, named for assistive technology, one path per series, and scale maths at the edges.</summary>
public sealed class SvgChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Chart Make(ChartKind kind, int categories, params double[][] series) => new(
        "test-chart",
        kind,
        "Registrations & leavers <by month>",
        "What the chart says \"in words\".",
        "Month",
        "Participants",
        [.. Enumerable.Range(0, categories).Select(i => new ChartCategory($"M{i}", $"Month {i}"))],
        [.. series.Select((values, i) => new ChartSeries($"Series {i}", values))]);

    private static XElement Parse(Chart chart) => XElement.Parse(SvgChartRenderer.Render(chart));

    [Theory]
    [InlineData(ChartKind.Line)]
    [InlineData(ChartKind.GroupedBars)]
    [InlineData(ChartKind.StackedBars)]
    public void Every_kind_is_well_formed_XML_named_by_its_title_and_description(ChartKind kind)
    {
        var svg = Parse(Make(kind, 4, [1, 2, 3, 4], [4, 3, 2, 1]));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("test-chart-title test-chart-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.StartsWith("0 0 960 ", (string?)svg.Attribute("viewBox"), StringComparison.Ordinal);
        Assert.Equal("100%", (string?)svg.Attribute("width"));
        var title = Assert.Single(svg.Elements(Svg + "title"));
        Assert.Equal("test-chart-title", (string?)title.Attribute("id"));
        Assert.Equal("Registrations & leavers <by month>", title.Value);
        var desc = Assert.Single(svg.Elements(Svg + "desc"));
        Assert.Equal("test-chart-desc", (string?)desc.Attribute("id"));
        Assert.Equal("What the chart says \"in words\".", desc.Value);
        // The content security policy forbids inline styles, so the chart must use presentation attributes only.
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Theory]
    [InlineData(ChartKind.Line, 1)]
    [InlineData(ChartKind.Line, 3)]
    [InlineData(ChartKind.GroupedBars, 2)]
    [InlineData(ChartKind.StackedBars, 5)]
    public void There_is_one_path_per_series(ChartKind kind, int seriesCount)
    {
        var series = Enumerable.Range(0, seriesCount).Select(s => new double[] { s, s + 1, 0, 2 }).ToArray();
        var svg = Parse(Make(kind, 4, series));

        var groups = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "app-chart__series").ToList();
        Assert.Equal(seriesCount, groups.Count);
        Assert.All(groups, g => Assert.Single(g.Elements(Svg + "path"), p => (string?)p.Attribute("fill") is "none" || ((string?)p.Attribute("fill"))!.StartsWith("url(", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(0, seriesCount).Select(s => $"Series {s}"), groups.Select(g => (string?)g.Attribute("data-series")));
    }

    [Fact]
    public void Lines_differ_by_dash_and_marker_and_the_legend_repeats_them()
    {
        var svg = Parse(Make(ChartKind.Line, 3, [1, 2, 3], [3, 2, 1], [2, 2, 2]));
        var paths = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "app-chart__series")
            .Select(g => g.Elements(Svg + "path").First(p => (string?)p.Attribute("fill") == "none")).ToList();

        var dashes = paths.Select(p => (string?)p.Attribute("stroke-dasharray") ?? "").ToList();
        Assert.Equal(3, dashes.Distinct().Count());
        Assert.Equal(3, Enumerable.Range(0, 3).Select(i => SvgChartRenderer.StyleOf(i).Marker).Distinct().Count());
        var legend = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "app-chart__legend");
        Assert.Equal(dashes, legend.Elements(Svg + "line").Select(l => (string?)l.Attribute("stroke-dasharray") ?? ""));
        Assert.Equal(["Series 0", "Series 1", "Series 2"], legend.Elements(Svg + "text").Select(t => t.Value));
        var direct = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "app-chart__direct-labels");
        Assert.Equal(3, direct.Elements(Svg + "text").Count());
    }

    [Fact]
    public void Bars_differ_by_fill_pattern_and_the_legend_uses_the_same_patterns()
    {
        var svg = Parse(Make(ChartKind.StackedBars, 2, [1, 2], [3, 4], [5, 6]));
        var patterns = svg.Descendants(Svg + "pattern").Select(p => (string?)p.Attribute("id")).ToList();
        Assert.Equal(["test-chart-fill-0", "test-chart-fill-1", "test-chart-fill-2"], patterns);
        var fills = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "app-chart__series")
            .Select(g => (string?)g.Element(Svg + "path")!.Attribute("fill")).ToList();
        var legendFills = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "app-chart__legend")
            .Elements(Svg + "rect").Select(r => (string?)r.Attribute("fill")).ToList();
        Assert.Equal(fills, legendFills);
        Assert.Equal(3, Enumerable.Range(0, 3).Select(i => SvgChartRenderer.StyleOf(i).Fill).Distinct().Count());
    }

    [Fact]
    public void All_zero_data_gives_an_axis_from_0_to_1_with_every_point_on_the_axis()
    {
        var chart = Make(ChartKind.Line, 3, [0, 0, 0]);
        var layout = new SvgChartRenderer.Layout(chart);

        Assert.Equal(1, layout.Scale.Maximum);
        Assert.Equal([0, 1], layout.Scale.Ticks());
        Assert.Equal(layout.PlotBottom, layout.Y(0));
        var path = Parse(chart).Descendants(Svg + "path").First(p => (string?)p.Attribute("fill") == "none");
        Assert.DoesNotContain("NaN", (string?)path.Attribute("d"), StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", SvgChartRenderer.Render(Make(ChartKind.StackedBars, 2, [0, 0])), StringComparison.Ordinal);
    }

    [Fact]
    public void One_point_is_drawn_in_the_middle_and_no_categories_still_draw()
    {
        var one = new SvgChartRenderer.Layout(Make(ChartKind.Line, 1, [7]));
        Assert.Equal(one.PlotLeft + ((one.PlotRight - one.PlotLeft) / 2), one.PointX(0));
        Assert.Equal(8, one.Scale.Maximum);
        Assert.Equal(one.PlotBottom - ((one.PlotBottom - one.PlotTop) * 7 / 8), one.Y(7), 6);

        var none = Parse(Make(ChartKind.GroupedBars, 0));
        Assert.Equal(Svg + "svg", none.Name);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(5, 5, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(10, 10, 2)]
    [InlineData(11, 15, 5)]
    [InlineData(99, 100, 20)]
    [InlineData(100, 100, 20)]
    [InlineData(101, 150, 50)]
    [InlineData(1234, 1500, 500)]
    [InlineData(2_000_000, 2_000_000, 500_000)]
    public void The_scale_reaches_a_round_maximum_at_or_above_the_largest_value(double largest, double maximum, double step)
    {
        var scale = ChartScale.For(largest);

        Assert.Equal(maximum, scale.Maximum);
        Assert.Equal(step, scale.Step);
        Assert.True(scale.Maximum >= largest);
        Assert.Equal(0, scale.Ticks()[0]);
        Assert.Equal(maximum, scale.Ticks()[^1]);
    }

    [Fact]
    public void Fractions_keep_the_step_small_and_a_negative_value_is_drawn_at_zero()
    {
        var scale = ChartScale.For(0.42, wholeNumbers: false);
        Assert.Equal(0.1, scale.Step, 10);
        Assert.Equal(0.5, scale.Maximum, 10);

        var layout = new SvgChartRenderer.Layout(Make(ChartKind.GroupedBars, 2, [-5, 10]));
        Assert.Equal(layout.PlotBottom, layout.Y(-5));
        Assert.Equal(layout.PlotTop, layout.Y(10));
    }

    [Fact]
    public void Stacked_bars_scale_to_the_tallest_stack_not_the_largest_segment()
    {
        var layout = new SvgChartRenderer.Layout(Make(ChartKind.StackedBars, 2, [6, 1], [6, 1]));
        Assert.Equal(15, layout.Scale.Maximum);
        Assert.Equal(12, new Chart("c", ChartKind.StackedBars, "t", "d", "x", "y", [new("a", "a")], [new("s", [6]), new("u", [6])]).Total(0));
    }

    [Fact]
    public void Many_categories_label_only_every_few_so_labels_do_not_overlap()
    {
        var layout = new SvgChartRenderer.Layout(Make(ChartKind.StackedBars, 43, [.. Enumerable.Repeat(1.0, 43)]));
        Assert.True(layout.LabelEvery > 1);
        Assert.True((layout.PlotRight - layout.PlotLeft) / 43 * layout.LabelEvery >= 64);
        var labels = Parse(Make(ChartKind.StackedBars, 43, [.. Enumerable.Repeat(1.0, 43)]))
            .Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "app-chart__category-axis").Elements(Svg + "text").Count();
        Assert.Equal((int)Math.Ceiling(43.0 / layout.LabelEvery) + 1, labels);
    }
}
