using System.Text;
using ConnectingCommunities.Domain.DataExchange;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ConnectingCommunities.Web.Features.ProviderImports;

/// <summary>
/// The blank templates providers fill in: a header row of the template's column names, in the order the
/// template lists them. The XLSX file adds a second sheet describing each column.
/// </summary>
public static class ImportTemplateFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(ImportTemplate template, string extension)
    {
        ArgumentNullException.ThrowIfNull(template);
        return $"connecting-communities-{template.Type}-template.{extension}";
    }

    public static byte[] Csv(ImportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var header = string.Join(',', template.Columns.Select(c => c.Name)) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(header)];
    }

    public static byte[] Xlsx(ImportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = new Sheets();

            var data = workbook.AddNewPart<WorksheetPart>();
            data.Worksheet = new Worksheet(
                new Columns(template.Columns.Select((c, i) => new Column
                {
                    Min = (uint)i + 1,
                    Max = (uint)i + 1,
                    Width = Math.Clamp(c.Name.Length + 4, 12, 40),
                    CustomWidth = true,
                })),
                new SheetData(Row(1, template.Columns.Select(c => c.Name))));
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = template.Title });

            var guide = workbook.AddNewPart<WorksheetPart>();
            var guideRows = new SheetData(Row(1, ["Column", "Required", "Format", "Allowed values", "What it holds"]));
            var r = 2u;
            foreach (var column in template.Columns)
            {
                guideRows.Append(Row(r++, [column.Name, column.Required ? "Yes" : "No", column.FormatDescription,
                    string.Join(", ", column.AllowedValues), column.Description]));
            }

            guide.Worksheet = new Worksheet(
                new Columns(
                    new Column { Min = 1, Max = 1, Width = 30, CustomWidth = true },
                    new Column { Min = 2, Max = 2, Width = 10, CustomWidth = true },
                    new Column { Min = 3, Max = 3, Width = 40, CustomWidth = true },
                    new Column { Min = 4, Max = 4, Width = 60, CustomWidth = true },
                    new Column { Min = 5, Max = 5, Width = 80, CustomWidth = true }),
                guideRows);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(guide), SheetId = 2, Name = "Columns" });
            workbook.Workbook.AppendChild(sheets);
        }

        return stream.ToArray();
    }

    private static Row Row(uint number, IEnumerable<string> values) =>
        new(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) }))
        {
            RowIndex = number,
        };
}
