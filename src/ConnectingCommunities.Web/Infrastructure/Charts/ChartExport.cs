using ConnectingCommunities.Web.Infrastructure.Exports;

namespace ConnectingCommunities.Web.Infrastructure.Charts;

/// <summary>A chart's data table as a CSV or XLSX download: the same rows and columns as the table on the page.</summary>
public static class ChartExport
{
    public static ExportTable Table(Chart chart, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var columns = new List<ExportColumn> { new(chart.CategoryAxisLabel) };
        columns.AddRange(chart.Series.Select(s => new ExportColumn(s.Name, ColumnKind.Number)));
        if (chart.HasTotals)
        {
            columns.Add(new ExportColumn("Total", ColumnKind.Number));
        }

        var rows = new List<IReadOnlyList<object?>>();
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var row = new List<object?> { chart.Categories[i].FullLabel };
            // Whole numbers stay whole; a profile spread over months keeps one decimal place.
            row.AddRange(chart.Series.Select(s => i < s.Values.Count ? (object)Math.Round(s.Values[i], 1) : null));
            if (chart.HasTotals)
            {
                row.Add(Math.Round(chart.Total(i), 1));
            }

            rows.Add(row);
        }

        return new ExportTable(chart.Title, columns, rows) { Description = description ?? chart.Description };
    }
}
