using System.Globalization;
using System.Net;
using System.Text;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Charts;

namespace ConnectingCommunities.Web.Features.Evaluation.Report;

/// <summary>
/// Writes the report as one print-friendly HTML page: GOV.UK styles, the server-drawn SVG charts each with
/// its data table, and tables with captions and header cells. It stands alone, so it can be saved and sent.
/// </summary>
public static class ReportHtml
{
    public static string Write(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\" class=\"govuk-template\"><head><meta charset=\"utf-8\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(report.Title)} - {E(Formatting.Date(report.Date))}</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<link rel=\"stylesheet\" href=\"/lib/govuk/govuk-frontend.min.css\">")
            .Append("<link rel=\"stylesheet\" href=\"/css/site.css\">")
            .Append("</head><body class=\"govuk-template__body\"><div class=\"govuk-width-container\">")
            .Append("<main class=\"govuk-main-wrapper app-report\" id=\"main-content\">");
        html.Append(CultureInfo.InvariantCulture, $"<h1 class=\"govuk-heading-xl\">{E(report.Title)}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body-l\">Produced on {E(Formatting.Date(report.Date))}.</p>")
            .Append("<p class=\"govuk-body\">Aggregate figures only: no participant is named or identified, and counts under 10 are suppressed.</p>");
        html.Append("<nav aria-label=\"Contents\"><h2 class=\"govuk-heading-m\">Contents</h2><ol class=\"govuk-list govuk-list--number\">");
        foreach (var section in report.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a class=\"govuk-link\" href=\"#{E(section.Id)}\">{E(section.Title)}</a></li>");
        }

        html.Append("</ol></nav>");
        var number = 0;
        foreach (var section in report.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"app-report-section\" id=\"{E(section.Id)}\" aria-labelledby=\"{E(section.Id)}-heading\">")
                .Append(CultureInfo.InvariantCulture, $"<h2 class=\"govuk-heading-l\" id=\"{E(section.Id)}-heading\">{++number}. {E(section.Title)}</h2>");
            foreach (var block in section.Blocks)
            {
                if (block.Subheading is { } heading)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<h3 class=\"govuk-heading-m\">{E(heading)}</h3>");
                }
                else if (block.Paragraph is { } text)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\">{E(text)}</p>");
                }
                else if (block.Table is { } table)
                {
                    Table(html, table);
                }
                else if (block.Chart is { } chart)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<figure class=\"app-chart-figure govuk-!-margin-0 govuk-!-margin-bottom-6\" id=\"{E(chart.Id)}-figure\">")
                        .Append(SvgChartRenderer.Render(chart));
                    Table(html, EvaluationReport.ChartTable(chart));
                    html.Append("</figure>");
                }
                else if (block.Svg is { } svg)
                {
                    html.Append("<figure class=\"govuk-!-margin-0 govuk-!-margin-bottom-6\">").Append(svg);
                    if (block.SvgData is { } data)
                    {
                        Table(html, data);
                    }

                    html.Append("</figure>");
                }
            }

            html.Append("</section>");
        }

        html.Append("</main></div></body></html>");
        return html.ToString();
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"app-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{E(table.Title)}\">")
            .Append(CultureInfo.InvariantCulture, $"<table class=\"govuk-table\" id=\"{E(table.Id)}\"><caption class=\"govuk-table__caption govuk-table__caption--m\">{E(table.Title)}</caption>")
            .Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        foreach (var heading in table.Headings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"govuk-table__header\">{E(heading)}</th>");
        }

        html.Append("</tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var row in table.Rows)
        {
            html.Append("<tr class=\"govuk-table__row\">");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i == 0
                    ? $"<th scope=\"row\" class=\"govuk-table__header\">{E(row[i])}</th>"
                    : $"<td class=\"govuk-table__cell\">{E(row[i])}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
        if (table.Note is { } note)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body-s\">{E(note)}</p>");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
