namespace ConnectingCommunities.Web.Infrastructure.Charts;

/// <summary>How the series of a chart are drawn.</summary>
public enum ChartKind
{
    /// <summary>One line per series, a marker at every point, each line labelled at its end.</summary>
    Line = 1,

    /// <summary>One bar per series side by side in each category.</summary>
    GroupedBars = 2,

    /// <summary>One bar per category with a segment per series, stacked from the axis.</summary>
    StackedBars = 3,
}

/// <summary>A category on the horizontal axis: a short label for the axis, a full one for the table.</summary>
public sealed record ChartCategory(string Label, string FullLabel);

/// <summary>One series of values, one value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// What a chart shows, independent of how it is drawn: the same object renders the SVG and the
/// data table beside it, so the two cannot disagree.
/// </summary>
/// <param name="Id">Unique on the page: the SVG's title and description ids start with it.</param>
/// <param name="Title">Names the chart; also the table's caption.</param>
/// <param name="Description">What the chart shows and what it says, for people who cannot see it.</param>
/// <param name="ValueFormat">A .NET number format for values in the table and on the axis, "N0" for counts.</param>
public sealed record Chart(
    string Id,
    ChartKind Kind,
    string Title,
    string Description,
    string CategoryAxisLabel,
    string ValueAxisLabel,
    IReadOnlyList<ChartCategory> Categories,
    IReadOnlyList<ChartSeries> Series,
    string ValueFormat = "N0")
{
    /// <summary>A stacked chart's table adds a total column; other kinds' tables do not.</summary>
    public bool HasTotals => Kind == ChartKind.StackedBars;

    public double Total(int category) => Series.Sum(s => category < s.Values.Count ? s.Values[category] : 0);

    public string Format(double value) => value.ToString(ValueFormat, Formatting.EnGb);
}
