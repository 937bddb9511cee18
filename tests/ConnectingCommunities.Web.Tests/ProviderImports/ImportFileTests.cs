using System.IO.Compression;
using System.Text;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Web.Features.ProviderImports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ConnectingCommunities.Web.Tests.ProviderImports;

/// <summary>What an uploaded file is, from its content, and its rows with the numbers a spreadsheet shows.</summary>
public sealed class ImportFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cc-import-file-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_utf8_csv_is_read_with_or_without_a_byte_order_mark(bool bom)
    {
        var path = Write("file.csv", "externalId,firstName,town\r\nA1,Zoë,\"Sutton Coldfield, Birmingham\"\r\n\r\nA2,\"O'Neil \"\"Jo\"\"\",Walsall\r\n", bom);

        Assert.Equal(ImportFileKind.Csv, ImportFile.Detect(path));
        var rows = ImportFile.Rows(path, ImportFileKind.Csv).ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(["externalId", "firstName", "town"], rows[0].Cells);
        Assert.Equal(["A1", "Zoë", "Sutton Coldfield, Birmingham"], rows[1].Cells);
        Assert.True(rows[2].IsBlank);
        Assert.Equal(3, rows[2].Number);
        Assert.Equal("O'Neil \"Jo\"", rows[3].Cells[1]);
        Assert.Equal(4, rows[3].Number);
    }

    [Fact]
    public void An_xlsx_workbook_is_read_from_its_first_sheet_keeping_row_and_column_positions()
    {
        var path = Path.Combine(folder, "mi.xlsx");
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("externalId")), new SharedStringItem(new Text("A1")));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(
                    new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                    new Cell { CellReference = "C1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("date")) })
                { RowIndex = 1 },
                new Row(
                    new Cell { CellReference = "A3", DataType = CellValues.SharedString, CellValue = new CellValue("1") },
                    new Cell { CellReference = "C3", CellValue = new CellValue("44298") },
                    new Cell { CellReference = "D3", DataType = CellValues.Boolean, CellValue = new CellValue("1") })
                { RowIndex = 3 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "MI" }));
        }

        Assert.Equal(ImportFileKind.Xlsx, ImportFile.Detect(path));
        var rows = ImportFile.Rows(path, ImportFileKind.Xlsx).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(["externalId", null, "date"], rows[0].Cells);
        Assert.True(rows[1].IsBlank);
        Assert.Equal(3, rows[2].Number);
        Assert.Equal(["A1", null, "44298", "yes"], rows[2].Cells);
    }

    [Fact]
    public void The_xlsx_template_reads_back_as_its_own_header()
    {
        var path = Path.Combine(folder, "template.xlsx");
        File.WriteAllBytes(path, ImportTemplateFiles.Xlsx(ImportTemplates.JobStarts));

        var header = Assert.Single(ImportFile.Rows(path, ImportFile.Detect(path)!.Value));
        var map = HeaderMap.Match(header.Cells, ImportTemplates.JobStarts.Columns);

        Assert.True(map.IsUsable);
        Assert.Empty(map.Unknown);
    }

    [Fact]
    public void A_pdf_named_csv_is_neither_csv_nor_xlsx()
    {
        var path = Path.Combine(folder, "mi.csv");
        File.WriteAllBytes(path, [.. "%PDF-1.7\n"u8, 0, 1, 2, 0xFF, 0xFE, .. "\n%%EOF"u8]);

        Assert.Null(ImportFile.Detect(path));
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_not_xlsx()
    {
        var path = Path.Combine(folder, "mi.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a workbook");
        }

        Assert.Null(ImportFile.Detect(path));
    }

    [Fact]
    public void Text_in_another_encoding_is_not_read_as_utf8()
    {
        var path = Path.Combine(folder, "latin1.csv");
        File.WriteAllBytes(path, [.. "externalId,town\r\nA1,Caf"u8, 0xE9, .. "\r\n"u8]);

        Assert.Null(ImportFile.Detect(path));
    }

    [Fact]
    public void An_empty_file_is_nothing()
    {
        var path = Write("empty.csv", "", bom: false);

        Assert.Null(ImportFile.Detect(path));
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("Z9", 25)]
    [InlineData("AA10", 26)]
    [InlineData("AZ1", 51)]
    [InlineData("", null)]
    [InlineData("12", null)]
    public void Cell_references_give_their_column(string reference, int? column) => Assert.Equal(column, ImportFile.ColumnIndex(reference));

    private string Write(string name, string text, bool bom)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));
        return path;
    }
}
