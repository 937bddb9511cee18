using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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
/// percentages, DateOnly for dates; null for an empty cell (a figure that cannot be worked out).
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>A line under the title saying what the figures cover (for example the period and filters); written in XLSX only.</summary>
    public string? Description { get; init; }
}

/// <summary>A file ready to send: its bytes, content type and name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Writes any table as CSV (RFC 4180, UTF-8 with a byte order mark, one header record) or as an XLSX
/// workbook (numbers as numbers, pounds and percentages formatted, dates as dates). Text that a
/// spreadsheet would run as a formula is made inert in both.
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

    /// <summary>
    /// A header record of the column headings, then one record per row. Numbers use a full stop and no
    /// thousands separator; money has 2 decimal places; percentages are written as "41.3%" (read as a
    /// percentage by spreadsheets); dates as yyyy-MM-dd; an empty cell as an empty field.
    /// </summary>
    public static byte[] Csv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        Record(csv, [.. table.Columns.Select(c => GuardFormula(c.Heading))]);
        foreach (var row in table.Rows)
        {
            CheckWidth(table, row);
            Record(csv, [.. table.Columns.Select((c, i) => CsvValue(c.Kind, row[i]))]);
        }

        // A byte order mark, so that Excel reads the file as UTF-8 rather than the machine's code page.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// A cell beginning with =, +, -, @, tab or carriage return is run as a formula by spreadsheet
    /// programs (CSV injection); a leading apostrophe makes it text. Numbers are written separately and never guarded.
    /// </summary>
    public static string GuardFormula(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    /// <summary>One worksheet: the title (bold), the description if any, a blank row, the headings (bold) and the rows.</summary>
    public static byte[] Xlsx(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var rows = new SheetData();
            var sheet = new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Title) };

            var r = 1u;
            rows.Append(Row(r++, TextCell(0, table.Title, Style.Bold)));
            if (!string.IsNullOrWhiteSpace(table.Description))
            {
                rows.Append(Row(r++, TextCell(0, table.Description, Style.Normal)));
            }

            r++;
            rows.Append(Row(r++, [.. table.Columns.Select((c, i) => TextCell(i, c.Heading, Style.Bold))]));
            foreach (var row in table.Rows)
            {
                CheckWidth(table, row);
                rows.Append(Row(r++, [.. table.Columns.Select((c, i) => XlsxCell(i, c.Kind, row[i])).OfType<Cell>()]));
            }

            var widths = new Columns(table.Columns.Select((c, i) =>
                new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(c.Heading.Length + 4, 12, 48), CustomWidth = true }));
            sheetPart.Worksheet = new Worksheet(widths, rows);
            workbookPart.Workbook.AppendChild(new Sheets(sheet));
        }

        return stream.ToArray();
    }

    private static void CheckWidth(ExportTable table, IReadOnlyList<object?> row)
    {
        if (row.Count != table.Columns.Count)
        {
            throw new ArgumentException($"A row of '{table.Title}' has {row.Count} values for {table.Columns.Count} columns.", nameof(table));
        }
    }

    private static string CsvValue(ColumnKind kind, object? value) => value switch
    {
        null => "",
        string text => GuardFormula(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ when kind == ColumnKind.Money => Decimal(value).ToString("0.00", CultureInfo.InvariantCulture),
        _ when kind == ColumnKind.Percent => (Decimal(value) * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        _ => Decimal(value).ToString(CultureInfo.InvariantCulture),
    };

    private static decimal Decimal(object value) => value switch
    {
        decimal d => d,
        double d => (decimal)d,
        float f => (decimal)f,
        int i => i,
        long l => l,
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be written as a number.", nameof(value)),
    };

    /// <summary>RFC 4180: fields joined by commas, quoted when they hold a comma, quote or line break, records ended by CRLF.</summary>
    public static void Record(StringBuilder csv, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            csv.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
        }

        csv.Append("\r\n");
    }

    // Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string title)
    {
        var name = new string([.. title.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c)]).Trim();
        return name.Length == 0 ? "Table" : name[..Math.Min(31, name.Length)];
    }

    private static string SafeFileName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return safe.Length == 0 ? "table" : safe;
    }

    private enum Style : uint
    {
        Normal = 0,
        Bold = 1,
        Money = 2,
        Date = 3,
        Percent = 4,
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "\"£\"#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "d mmmm yyyy" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 165, ApplyNumberFormat = true },
            // Built-in format 10 is 0.00%.
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 10, ApplyNumberFormat = true })
        { Count = 5 });

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Row Row(uint index, params Cell[] cells)
    {
        foreach (var cell in cells)
        {
            cell.CellReference = cell.CellReference!.Value + index.ToString(CultureInfo.InvariantCulture);
        }

        return new Row(cells) { RowIndex = index };
    }

    private static Cell? XlsxCell(int column, ColumnKind kind, object? value) => value switch
    {
        null => null,
        string text => TextCell(column, text, Style.Normal),
        DateOnly date => NumberCell(column, (decimal)date.ToDateTime(TimeOnly.MinValue).ToOADate(), Style.Date),
        _ => NumberCell(column, Decimal(value), kind switch
        {
            ColumnKind.Money => Style.Money,
            ColumnKind.Percent => Style.Percent,
            _ => Style.Normal,
        }),
    };

    // Inline strings are never formulas, so the spreadsheet needs no injection guard.
    private static Cell TextCell(int column, string value, Style style) => new(new InlineString(new Text(value)))
    {
        CellReference = ColumnName(column),
        DataType = CellValues.InlineString,
        StyleIndex = (uint)style,
    };

    private static Cell NumberCell(int column, decimal value, Style style) => new(new CellValue(value))
    {
        CellReference = ColumnName(column),
        DataType = CellValues.Number,
        StyleIndex = (uint)style,
    };
}
