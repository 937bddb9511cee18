using System.Text;

namespace ConnectingCommunities.Web.Infrastructure.Exports;

/// <summary>How a column's values are written: as text, a whole or decimal number, pounds, a fraction shown as a percentage, or a date.</summary>
public enum ColumnKind
{
    Text,
    Number,
    Money,
    Percent,
    Date,
}

/// <summary>One column of an exported table.</summary>
public sealed record ExportColumn(string Heading, ColumnKind Kind = ColumnKind.Text);

/// <summary>
/// A table as it appears on a page, ready to be written as CSV or XLSX. Each row holds one value per
/// column: string for text, int/long/decimal/double for numbers and money, a fraction (0.413) for
/// percentages, DateOnly for dates, bool as Yes/No; null for an empty cell (a figure that cannot be
/// worked out). A string in a number column is written as text: that is how a suppressed small count
/// ("[c]", "&lt;10") is carried, so a reader sees the marker rather than a number.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>A line under the title saying what the figures cover (for example the period and filters); written in XLSX only.</summary>
    public string? Description { get; init; }
}

/// <summary>A file ready to send: its bytes, content type and name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Writes a table held in memory (a page's summary table) as CSV or XLSX with the same writers the
/// streamed list exports use (<see cref="CsvSheetWriter"/>, <see cref="XlsxSheetWriter"/>), so every export
/// follows one format and one formula rule (<see cref="Domain.DataExchange.SpreadsheetText"/>).
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The formats this class writes, as they are asked for in ?format=.</summary>
    public static bool IsFormat(string? format) => format is "csv" or "xlsx";

    /// <summary>The table as "csv" or "xlsx" (anything else is a programming error: check <see cref="IsFormat"/> first).</summary>
    public static ExportFile File(ExportTable table, string format, string fileNameWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = SafeFileName(fileNameWithoutExtension);
        return format switch
        {
            "csv" => new ExportFile(Csv(table), CsvContentType, name + ".csv"),
            "xlsx" => new ExportFile(Xlsx(table), XlsxContentType, name + ".xlsx"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The export format must be csv or xlsx."),
        };
    }

    /// <summary>A header record of the column headings, then one record per row (see <see cref="CsvSheetWriter.Field"/>).</summary>
    public static byte[] Csv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, CsvSheetWriter.Encoding, leaveOpen: true))
        {
            var csv = new CsvSheetWriter(text, table.Columns);
            csv.Header();
            foreach (var row in table.Rows)
            {
                csv.Row(row);
            }
        }

        return stream.ToArray();
    }

    /// <summary>One worksheet: the title (bold), the description if any, a blank row, the headings (bold) and the rows.</summary>
    public static byte[] Xlsx(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var xlsx = new XlsxSheetWriter(stream, table.Title, table.Description, table.Columns))
        {
            foreach (var row in table.Rows)
            {
                xlsx.Row(row);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The export formula rule, <see cref="Domain.DataExchange.SpreadsheetText.Neutralise"/>, for code that builds
    /// its own records with <see cref="Record"/>: the same rule, not a second one.
    /// </summary>
    public static string GuardFormula(string value) => Domain.DataExchange.SpreadsheetText.Neutralise(value);

    /// <summary>RFC 4180: fields joined by commas, quoted when they hold a comma, quote or line break, records ended by CRLF.</summary>
    public static void Record(StringBuilder csv, IReadOnlyList<string> fields) => CsvSheetWriter.Record(csv, fields);

    /// <summary>A file name of letters, digits, hyphens and underscores only (safe in a Content-Disposition header).</summary>
    public static string SafeFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return safe.Length == 0 ? "table" : safe;
    }
}
