using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ConnectingCommunities.Web.Tests.Payments;

/// <summary>An RFC 4180 reader written independently of the app's writer, so the test checks the format, not the code.</summary>
public static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "The CSV ends inside a quoted field");
        Assert.True(field.Length == 0 && record.Count == 0, "The last CSV record is not ended by CRLF");
        return records;
    }
}

/// <summary>The first worksheet of an XLSX file, read with the Open XML SDK: cell text, numbers and number formats.</summary>
public sealed class Spreadsheet
{
    private readonly Dictionary<string, Cell> cells;
    private readonly Dictionary<uint, string> formats;
    private readonly List<CellFormat> cellFormats;

    private Spreadsheet(Dictionary<string, Cell> cells, Dictionary<uint, string> formats, List<CellFormat> cellFormats)
    {
        this.cells = cells;
        this.formats = formats;
        this.cellFormats = cellFormats;
    }

    public static Spreadsheet Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => (Cell)c.CloneNode(true));
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var cellFormats = stylesheet.CellFormats!.Elements<CellFormat>().Select(f => (CellFormat)f.CloneNode(true)).ToList();
        return new Spreadsheet(cells, formats, cellFormats);
    }

    public string Text(string reference)
    {
        var cell = cells[reference];
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        return cell.InlineString!.InnerText;
    }

    public decimal Number(string reference)
    {
        var cell = cells[reference];
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{reference} is not a number");
        return decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public string? Format(string reference)
    {
        var style = cells[reference].StyleIndex?.Value ?? 0;
        var id = cellFormats[(int)style].NumberFormatId?.Value ?? 0;
        return formats.GetValueOrDefault(id);
    }
}
