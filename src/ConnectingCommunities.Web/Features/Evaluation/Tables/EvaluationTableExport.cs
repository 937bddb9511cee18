using ConnectingCommunities.Domain.Evaluation;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;

namespace ConnectingCommunities.Web.Features.Evaluation.Tables;

/// <summary>An evaluation table as a download, and the words a cell shows on a page.</summary>
public static class EvaluationTableExport
{
    /// <summary>
    /// One row per table row; each column becomes its figures side by side (n and share; n, count and
    /// rate; pounds and n). A hidden figure is written as "[c]".
    /// </summary>
    public static ExportTable ToExport(EvaluationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<ExportColumn> { new(table.RowHeading) };
        foreach (var column in table.Columns)
        {
            columns.AddRange(column.Kind switch
            {
                CellKind.Count => [new($"{column.Label}: n", ColumnKind.Number), new($"{column.Label}: share", ColumnKind.Percent)],
                CellKind.Rate => [new($"{column.Label}: n", ColumnKind.Number), new($"{column.Label}: count", ColumnKind.Number), new($"{column.Label}: rate", ColumnKind.Percent)],
                _ => new ExportColumn[] { new($"{column.Label}: pounds", ColumnKind.Money), new($"{column.Label}: n", ColumnKind.Number) },
            });
        }

        var rows = table.Rows.Select(row =>
        {
            var values = new List<object?> { row.Label };
            foreach (var (column, cell) in table.Columns.Zip(row.Cells))
            {
                object? Hidden(object? value, bool hidden) => hidden ? SmallCells.Symbol : value;
                values.AddRange(column.Kind switch
                {
                    CellKind.Count => [Hidden(cell.N, cell.NSuppressed), Hidden(cell.Share, cell.Suppressed)],
                    CellKind.Rate => [Hidden(cell.N, cell.NSuppressed), Hidden(cell.Count, cell.Suppressed), Hidden(cell.Rate, cell.Suppressed)],
                    _ => [Hidden(cell.Amount, cell.Suppressed), Hidden(cell.N, cell.NSuppressed)],
                });
            }

            return (IReadOnlyList<object?>)values;
        }).ToList();
        var description = table.Description + (table.Note is null ? "" : " " + table.Note) + (table.Explanation is null ? "" : " " + table.Explanation);
        return new ExportTable(table.Title, columns, rows) { Description = description };
    }

    /// <summary>The main figure of a cell on a page: a count, a rate, or pounds; "[c]" when hidden.</summary>
    public static string Figure(TableColumn column, TableCell cell)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(cell);
        if (column.Kind == CellKind.Count)
        {
            return cell.N is { } n ? Formatting.Number(n) : SmallCells.Symbol;
        }

        if (cell.Suppressed)
        {
            return SmallCells.Symbol;
        }

        return column.Kind == CellKind.Rate
            ? cell.Rate is { } rate ? rate.ToString("P1", Formatting.EnGb) : "None to count"
            : cell.Amount is { } amount ? Formatting.Money(amount) : "No outcomes";
    }

    /// <summary>The N beside the figure: "n = 1,234", the count out of n for a rate, the share for a count.</summary>
    public static string Detail(TableColumn column, TableCell cell)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(cell);
        var n = cell.N is { } value ? Formatting.Number(value) : SmallCells.Symbol;
        return column.Kind switch
        {
            CellKind.Count => cell.Share is { } share ? share.ToString("P1", Formatting.EnGb) + " of column" : "",
            CellKind.Rate => $"{(cell.Count is { } count ? Formatting.Number(count) : SmallCells.Symbol)} of {n}",
            _ => $"n = {n}",
        };
    }
}
