using System.Globalization;
using System.Security;
using System.Text;

namespace ConnectingCommunities.Web.Infrastructure.Charts;

/// <summary>One row of a forest plot: an odds ratio with its confidence interval, or a reference level (drawn at 1, no interval).</summary>
public sealed record ForestRow(string Label, double? OddsRatio, double? Lower, double? Upper, bool IsReference = false);

/// <summary>
/// Draws odds ratios and their confidence intervals as a forest plot, an SVG image made on the server
/// (no JavaScript): a logarithmic axis so that 0.5 and 2 sit the same distance either side of the line
/// of no difference at 1; a square for each estimate and a line for its interval. Like
/// <see cref="SvgChartRenderer"/> it is one image to assistive technology (role="img" named by its
/// title and description) and the table beside it carries every figure. Presentation attributes only:
/// the content security policy forbids inline styles.
/// </summary>
public static class ForestPlot
{
    public const double Width = 960;
    private const double LabelWidth = 330;
    private const double Right = 30;
    private const double RowHeight = 26;
    private const double Top = 16;
    private const double AxisHeight = 56;
    private const string Font = "\"GDS Transport\", arial, sans-serif";
    private const string Ink = "#0b0c0c";
    private const string Estimate = "#1d70b8";
    private const string Grey = "#505a5f";

    private static readonly double[] LowEnds = [0.5, 0.25, 0.1, 0.05, 0.02, 0.01];
    private static readonly double[] HighEnds = [2.0, 4, 10, 20, 50, 100];
    private static readonly double[] AllTicks = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 4, 5, 10, 20, 50, 100];

    /// <summary>The ticks of the axis: powers of two and ten that fall inside the range.</summary>
    public static IReadOnlyList<double> Ticks(double low, double high) =>
        [.. AllTicks.Where(t => t >= low * 0.999 && t <= high * 1.001)];

    /// <summary>The axis range: every finite interval end and 1, widened to a tick either side, kept within 0.01 to 100.</summary>
    public static (double Low, double High) Range(IEnumerable<ForestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = rows.SelectMany(r => new[] { r.Lower, r.Upper, r.OddsRatio })
            .Where(v => v is { } x && double.IsFinite(x) && x > 0).Select(v => v!.Value).Append(1.0).ToList();
        var low = Math.Max(0.01, values.Min());
        var high = Math.Min(100, values.Max());
        var lowTick = LowEnds.FirstOrDefault(t => t <= low, 0.01);
        var highTick = HighEnds.FirstOrDefault(t => t >= high, 100);
        return (lowTick, highTick);
    }

    public static string Render(string id, string title, string description, IReadOnlyList<ForestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (low, high) = Range(rows);
        var plotLeft = LabelWidth;
        var plotWidth = Width - LabelWidth - Right;
        var height = Top + (rows.Count * RowHeight) + AxisHeight;
        double X(double value)
        {
            var clamped = Math.Clamp(value, low, high);
            return plotLeft + (plotWidth * (Math.Log(clamped) - Math.Log(low)) / (Math.Log(high) - Math.Log(low)));
        }

        var svg = new StringBuilder();
        var a = Attr(id);
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\" aria-labelledby=\"{a}-title {a}-desc\" "));
        svg.Append(Inv($"viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" font-family=\"{Attr(Font)}\" font-size=\"14\">"));
        svg.Append(Inv($"<title id=\"{a}-title\">{Text(title)}</title><desc id=\"{a}-desc\">{Text(description)}</desc>"));
        svg.Append(Inv($"<rect x=\"0\" y=\"0\" width=\"{N(Width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>"));
        var plotBottom = Top + (rows.Count * RowHeight);
        foreach (var tick in Ticks(low, high))
        {
            var x = X(tick);
            svg.Append(Inv($"<line x1=\"{N(x)}\" y1=\"{N(Top)}\" x2=\"{N(x)}\" y2=\"{N(plotBottom)}\" stroke=\"{(tick == 1 ? Ink : "#b1b4b6")}\" stroke-width=\"{(tick == 1 ? 2 : 1)}\"{(tick == 1 ? "" : " stroke-dasharray=\"3 4\"")}/>"));
            svg.Append(Inv($"<text x=\"{N(x)}\" y=\"{N(plotBottom + 20)}\" text-anchor=\"middle\" fill=\"{Ink}\">{Text(tick.ToString("0.##", CultureInfo.InvariantCulture))}</text>"));
        }

        svg.Append(Inv($"<line x1=\"{N(plotLeft)}\" y1=\"{N(plotBottom)}\" x2=\"{N(plotLeft + plotWidth)}\" y2=\"{N(plotBottom)}\" stroke=\"{Ink}\"/>"));
        svg.Append(Inv($"<text x=\"{N(plotLeft + (plotWidth / 2))}\" y=\"{N(plotBottom + 44)}\" text-anchor=\"middle\" fill=\"{Ink}\">Odds ratio (log scale); left of 1 lower odds, right of 1 higher odds</text>"));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + (i * RowHeight) + (RowHeight / 2);
            svg.Append(Inv($"<text x=\"{N(plotLeft - 10)}\" y=\"{N(y + 5)}\" text-anchor=\"end\" fill=\"{Ink}\">{Text(Shorten(row.Label))}</text>"));
            if (row.IsReference)
            {
                svg.Append(Inv($"<circle cx=\"{N(X(1))}\" cy=\"{N(y)}\" r=\"5\" fill=\"#ffffff\" stroke=\"{Grey}\" stroke-width=\"2\"/>"));
                continue;
            }

            if (row.OddsRatio is not { } or || !double.IsFinite(or))
            {
                continue;
            }

            if (row.Lower is { } lower && row.Upper is { } upper && double.IsFinite(lower))
            {
                var upperX = double.IsFinite(upper) ? X(upper) : X(high);
                svg.Append(Inv($"<line x1=\"{N(X(lower))}\" y1=\"{N(y)}\" x2=\"{N(upperX)}\" y2=\"{N(y)}\" stroke=\"{Estimate}\" stroke-width=\"2\"/>"));
                foreach (var end in new[] { X(lower), upperX })
                {
                    svg.Append(Inv($"<line x1=\"{N(end)}\" y1=\"{N(y - 5)}\" x2=\"{N(end)}\" y2=\"{N(y + 5)}\" stroke=\"{Estimate}\" stroke-width=\"2\"/>"));
                }
            }

            svg.Append(Inv($"<rect x=\"{N(X(or) - 6)}\" y=\"{N(y - 6)}\" width=\"12\" height=\"12\" fill=\"{Estimate}\"/>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length <= 44 ? label : string.Concat(label.AsSpan(0, 42), "…");

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Text(string text) => SecurityElement.Escape(text) ?? "";

    private static string Attr(string text) => SecurityElement.Escape(text) ?? "";
}
