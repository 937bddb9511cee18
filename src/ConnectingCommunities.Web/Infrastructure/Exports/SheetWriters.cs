using System.Globalization;
using System.IO.Compression;
using System.Text;
using ConnectingCommunities.Domain.DataExchange;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ConnectingCommunities.Web.Infrastructure.Exports;

/// <summary>
/// Writes a CSV file record by record (RFC 4180: fields joined by commas, quoted when they hold a comma,
/// quote or line break, quotes doubled, records ended by CRLF; UTF-8 with a byte order mark so that Excel
/// does not guess the machine's code page). Nothing is held but the record being written, so a list of
/// any length is written in constant memory.
/// </summary>
public sealed class CsvSheetWriter(TextWriter writer, IReadOnlyList<ExportColumn> columns)
{
    private readonly StringBuilder record = new();

    /// <summary>UTF-8 with a byte order mark: what every CSV export is written in.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public int Rows { get; private set; }

    public void Header() => writer.Write(HeaderRecord());

    public Task HeaderAsync(CancellationToken cancellationToken) => writer.WriteAsync(HeaderRecord().AsMemory(), cancellationToken);

    public void Row(IReadOnlyList<object?> values) => writer.Write(RowRecord(values));

    public Task RowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken) =>
        writer.WriteAsync(RowRecord(values), cancellationToken);

    /// <summary>
    /// A field as CSV text: text through <see cref="SpreadsheetText.Neutralise"/>; numbers with a full stop and
    /// no thousands separator (never guarded: a negative amount is -12.50); money with 2 decimal places;
    /// percentages as "41.3%"; dates as yyyy-MM-dd; null as an empty field.
    /// </summary>
    public static string Field(ColumnKind kind, object? value) => value switch
    {
        null => "",
        string text => SpreadsheetText.Neutralise(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool yes => yes ? "Yes" : "No",
        _ when kind == ColumnKind.Money => Cells.Decimal(value).ToString("0.00", CultureInfo.InvariantCulture),
        _ when kind == ColumnKind.Percent => (Cells.Decimal(value) * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        _ => Cells.Decimal(value).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Appends one RFC 4180 record (fields already formatted) to <paramref name="csv"/>.</summary>
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
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append("\r\n");
    }

    private string HeaderRecord()
    {
        record.Clear();
        Record(record, [.. columns.Select(c => SpreadsheetText.Neutralise(c.Heading))]);
        return record.ToString();
    }

    private StringBuilder RowRecord(IReadOnlyList<object?> values)
    {
        Cells.CheckWidth(columns, values);
        record.Clear();
        Record(record, [.. columns.Select((c, i) => Field(c.Kind, values[i]))]);
        Rows++;
        return record;
    }
}

/// <summary>
/// Writes an XLSX workbook of one worksheet row by row, so only the row being written is in memory: the
/// title (bold), the description if any, a blank row, the headings (bold), then the rows. Numbers, pounds,
/// percentages and dates are typed cells (a negative amount is a number, not text); text is an inline
/// string passed through <see cref="SpreadsheetText.Neutralise"/>.
/// </summary>
/// <remarks>
/// The Open XML SDK's own package keeps every part in memory until it is saved (about 1 KB a row), so the
/// workbook's few fixed parts are written directly into a zip opened for streaming creation, and the
/// worksheet with the SDK's forward-only <see cref="OpenXmlWriter"/> into its zip entry. Writes are
/// synchronous: give it a file or memory stream, not a response body.
/// </remarks>
public sealed class XlsxSheetWriter : IDisposable
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive zip;
    private readonly Stream sheetStream;
    private readonly OpenXmlWriter writer;
    private readonly IReadOnlyList<ExportColumn> columns;
    private uint rowIndex = 1;
    private bool disposed;

    public XlsxSheetWriter(Stream stream, string title, string? description, IReadOnlyList<ExportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(title);
        this.columns = columns ?? throw new ArgumentNullException(nameof(columns));
        zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Entry("[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>");
        Entry("_rels/.rels",
            $"<Relationships xmlns=\"{Relationships}\"><Relationship Id=\"rId1\" Type=\"{OfficeRelationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Entry("xl/_rels/workbook.xml.rels",
            $"<Relationships xmlns=\"{Relationships}\">"
            + $"<Relationship Id=\"rId1\" Type=\"{OfficeRelationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + $"<Relationship Id=\"rId2\" Type=\"{OfficeRelationships}/styles\" Target=\"styles.xml\"/></Relationships>");
        Entry("xl/workbook.xml", new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = SheetName(title) })).OuterXml);
        Entry("xl/styles.xml", Cells.Stylesheet().OuterXml);

        sheetStream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        writer = OpenXmlWriter.Create(sheetStream, Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(columns.Select((c, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(c.Heading.Length + 4, 12, 48), CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        WriteRow([Cells.Text(0, title, CellStyle.Bold)]);
        if (!string.IsNullOrWhiteSpace(description))
        {
            WriteRow([Cells.Text(0, description, CellStyle.Normal)]);
        }

        rowIndex++;
        WriteRow([.. columns.Select((c, i) => Cells.Text(i, c.Heading, CellStyle.Bold))]);
    }

    public int Rows { get; private set; }

    public void Row(IReadOnlyList<object?> values)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Cells.CheckWidth(columns, values);
        WriteRow([.. columns.Select((c, i) => Cells.Typed(i, c.Kind, values[i])).OfType<Cell>()]);
        Rows++;
    }

    /// <summary>Ends the worksheet and finishes the zip: the workbook is complete only after this.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Dispose();
        sheetStream.Dispose();
        zip.Dispose();
    }

    private void Entry(string name, string xml)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(Encoding.UTF8.GetBytes(Declaration + xml));
    }

    private void WriteRow(Cell[] cells)
    {
        var index = rowIndex++;
        var reference = index.ToString(CultureInfo.InvariantCulture);
        foreach (var cell in cells)
        {
            cell.CellReference = cell.CellReference!.Value + reference;
        }

        writer.WriteElement(new Row(cells) { RowIndex = index });
    }

    // Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string title)
    {
        var name = new string([.. title.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c)]).Trim();
        return name.Length == 0 ? "Table" : name[..Math.Min(31, name.Length)];
    }
}

/// <summary>The cell styles of <see cref="Cells.Stylesheet"/>, by index.</summary>
internal enum CellStyle : uint
{
    Normal = 0,
    Bold = 1,
    Money = 2,
    Date = 3,
    Percent = 4,
}

/// <summary>Cell values and styles shared by the CSV and XLSX writers.</summary>
internal static class Cells
{
    public static void CheckWidth(IReadOnlyList<ExportColumn> columns, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != columns.Count)
        {
            throw new ArgumentException($"A row has {values.Count} values for {columns.Count} columns.", nameof(values));
        }
    }

    public static decimal Decimal(object value) => value switch
    {
        decimal d => d,
        double d => (decimal)d,
        float f => (decimal)f,
        int i => i,
        long l => l,
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be written as a number.", nameof(value)),
    };

    /// <summary>
    /// A typed cell, or null for an empty one. A string in any column (a suppressed count such as "[c]" or
    /// "&lt;10" in a number column) is written as text.
    /// </summary>
    public static Cell? Typed(int column, ColumnKind kind, object? value) => value switch
    {
        null => null,
        string text => Text(column, text, CellStyle.Normal),
        bool yes => Text(column, yes ? "Yes" : "No", CellStyle.Normal),
        DateOnly date => Number(column, (decimal)date.ToDateTime(TimeOnly.MinValue).ToOADate(), CellStyle.Date),
        _ => Number(column, Decimal(value), kind switch
        {
            ColumnKind.Money => CellStyle.Money,
            ColumnKind.Percent => CellStyle.Percent,
            _ => CellStyle.Normal,
        }),
    };

    /// <summary>
    /// An inline string. Inline strings are not evaluated when the file is opened, but a cell edited
    /// later would be, and the same file may be saved as CSV: the text is neutralised as in CSV.
    /// </summary>
    public static Cell Text(int column, string value, CellStyle style) => new(new InlineString(new Text(SpreadsheetText.Neutralise(value))))
    {
        CellReference = ColumnName(column),
        DataType = CellValues.InlineString,
        StyleIndex = (uint)style,
    };

    public static Cell Number(int column, decimal value, CellStyle style) => new(new CellValue(value))
    {
        CellReference = ColumnName(column),
        DataType = CellValues.Number,
        StyleIndex = (uint)style,
    };

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    public static Stylesheet Stylesheet() => new(
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
}
