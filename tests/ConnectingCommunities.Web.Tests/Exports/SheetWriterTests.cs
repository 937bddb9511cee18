using System.Text;
using ConnectingCommunities.Web.Infrastructure.Exports;

namespace ConnectingCommunities.Web.Tests.Exports;

/// <summary>The writers every export uses, without a database: suppressed cells, typed numbers, and constant memory on a long list.</summary>
public sealed class SheetWriterTests
{
    private static readonly IReadOnlyList<ExportColumn> Columns =
        [new("Lot"), new("Participants", ColumnKind.Number), new("Amount", ColumnKind.Money), new("Share", ColumnKind.Percent), new("On", ColumnKind.Date)];

    [Fact]
    public void A_suppressed_count_is_carried_as_text_and_numbers_stay_numbers_even_when_negative()
    {
        var table = new ExportTable("Outcomes by lot", Columns,
        [
            ["WH", "[c]", -12.5m, 0.413m, new DateOnly(2025, 4, 1)],
            ["SE", "<10", 1234.5m, null, null],
            ["-SE", 12, 0m, 1m, new DateOnly(2025, 4, 2)],
        ]);

        var csv = ExportFile.FromCsv(TableExport.Csv(table));
        var xlsx = ExportFile.FromXlsx(TableExport.Xlsx(table));

        Assert.Equal(["WH", "[c]", "-12.50", "41.3%", "2025-04-01"], csv.Rows[0]);
        Assert.Equal(["SE", "<10", "1234.50", "", ""], csv.Rows[1]);
        Assert.Equal(["'-SE", "12", "0.00", "100.0%", "2025-04-02"], csv.Rows[2]);
        Assert.Equal(["WH", "[c]", "-12.5"], xlsx.Rows[0].Take(3));
        Assert.Equal("'-SE", xlsx.Rows[2][0]);
        Assert.Equal("12", xlsx.Rows[2][1]);
    }

    [Fact]
    public void Headings_are_neutralised_too()
    {
        var csv = Encoding.UTF8.GetString(TableExport.Csv(new ExportTable("T", [new("=1+1"), new("Plain")], [])));

        Assert.Equal("\uFEFF'=1+1,Plain\r\n", csv);
    }

    [Fact]
    public async Task Two_hundred_thousand_rows_are_written_in_constant_memory_in_both_formats()
    {
        const int Rows = 200_000;
        var folder = Directory.CreateTempSubdirectory("cc-export-memory-").FullName;
        try
        {
            var columns = Enumerable.Range(0, 12).Select(i => new ExportColumn($"Column {i}", i % 3 == 0 ? ColumnKind.Number : ColumnKind.Text)).ToList();
            object?[] Row(int r) => [.. Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? (object)(r * i) : $"Some participant text {r} {i}")];

            long before = GC.GetTotalMemory(forceFullCollection: true), peak = 0;
            await using (var file = File.Create(Path.Combine(folder, "big.csv")))
            await using (var text = new StreamWriter(file, CsvSheetWriter.Encoding))
            {
                var csv = new CsvSheetWriter(text, columns);
                await csv.HeaderAsync(TestContext.Current.CancellationToken);
                for (var r = 0; r < Rows; r++)
                {
                    await csv.RowAsync(Row(r), TestContext.Current.CancellationToken);
                    if (r % 50_000 == 49_999)
                    {
                        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
                    }
                }
            }

            using (var file = File.Create(Path.Combine(folder, "big.xlsx")))
            using (var xlsx = new XlsxSheetWriter(file, "Big", null, columns))
            {
                for (var r = 0; r < Rows; r++)
                {
                    xlsx.Row(Row(r));
                    if (r % 50_000 == 49_999)
                    {
                        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
                    }
                }
            }

            // A whole 200,000-row sheet held in memory is hundreds of megabytes; streamed, the heap barely moves.
            // The heap is the process's, shared with tests running alongside, so the bound leaves room for them.
            Assert.True(peak < 128 * 1024 * 1024, $"The heap grew by {peak / 1024 / 1024} MB while writing");
            Assert.Equal(Rows + 1, File.ReadLines(Path.Combine(folder, "big.csv")).Count());
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(Path.Combine(folder, "big.xlsx"), false);
            var part = document.WorkbookPart!.WorksheetParts.Single();
            using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(part);
            var rows = 0;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(DocumentFormat.OpenXml.Spreadsheet.Row) && reader.IsStartElement)
                {
                    rows++;
                }
            }

            Assert.Equal(Rows + 2, rows);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
