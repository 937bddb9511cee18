using System.Text;
using ConnectingCommunities.Web.Tests.Payments;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ConnectingCommunities.Web.Tests.Exports;

/// <summary>A downloaded list read back: its header and rows, from CSV or from the XLSX worksheet (headings after the title and a blank row).</summary>
public sealed record ExportFile(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public IReadOnlyList<string> Column(string heading)
    {
        var index = Header.ToList().IndexOf(heading);
        Assert.True(index >= 0, $"No column '{heading}' in {string.Join(", ", Header)}");
        return [.. Rows.Select(r => r[index])];
    }

    /// <summary>CSV as RFC 4180 UTF-8 with a byte order mark: checks the mark and reads every record with an independent reader.</summary>
    public static ExportFile FromCsv(byte[] bytes)
    {
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "The CSV does not start with a UTF-8 byte order mark");
        var records = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        return new ExportFile(records[0], [.. records.Skip(1)]);
    }

    /// <summary>The worksheet's rows from the header row on, every cell as text (numbers as written), with no formula anywhere.</summary>
    public static ExportFile FromXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        Assert.Empty(part.Worksheet.Descendants<CellFormula>());
        // The title (and description) come first, then a blank row, then the headings.
        var all = part.Worksheet.Descendants<Row>().OrderBy(r => r.RowIndex!.Value).ToList();
        var gap = Enumerable.Range(1, all.Count - 1).First(i => all[i].RowIndex!.Value > all[i - 1].RowIndex!.Value + 1);
        var rows = all.Skip(gap).ToList();
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        var data = rows.Skip(1).Select(r =>
        {
            var values = new string[header.Count];
            Array.Fill(values, "");
            foreach (var cell in r.Elements<Cell>())
            {
                values[ColumnIndex(cell.CellReference!.Value!)] = Text(cell);
            }

            return (IReadOnlyList<string>)values;
        }).ToList();
        return new ExportFile(header, data);
    }

    public static string Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
