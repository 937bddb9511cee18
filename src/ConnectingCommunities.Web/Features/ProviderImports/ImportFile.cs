using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ConnectingCommunities.Web.Features.ProviderImports;

public enum ImportFileKind
{
    Csv,
    Xlsx,
}

/// <summary>One row of an import file: its number as a spreadsheet shows it (the header is row 1) and its cells.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string?> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads an uploaded management-information file row by row, without holding the file in memory: CSV
/// (UTF-8 with or without a byte order mark) or XLSX (the first worksheet). What a file is comes from its
/// content, never its name.
/// </summary>
public static class ImportFile
{
    private const int SniffBytes = 8192;

    /// <summary>What the file's content is; null when it is neither a CSV text file nor an XLSX workbook.</summary>
    public static ImportFileKind? Detect(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[SniffBytes];
        var read = stream.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
        if (read == 0)
        {
            return null;
        }

        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            return IsWorkbook(path) ? ImportFileKind.Xlsx : null;
        }

        return LooksLikeText(head.AsSpan(0, read), stream.Length <= read) ? ImportFileKind.Csv : null;
    }

    /// <summary>Every row of the file, blank rows included (so that row numbers stay true), the header first.</summary>
    public static IEnumerable<ImportRow> Rows(string path, ImportFileKind kind) => kind switch
    {
        ImportFileKind.Csv => CsvRows(path),
        ImportFileKind.Xlsx => XlsxRows(path),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown import file kind."),
    };

    private static IEnumerable<ImportRow> CsvRows(string path)
    {
        using var stream = File.OpenRead(path);
        using var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var options = new CsvReaderOptions { HasHeader = false, Separator = ',', SkipEmptyLines = false };
        using var reader = CsvReader.Create(text, options);
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            yield return new ImportRow(number, cells);
        }
    }

    private static IEnumerable<ImportRow> XlsxRows(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no worksheets.");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new InvalidDataException("The workbook has no worksheets.");
        var sheetPart = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
        var shared = SharedStrings(workbook);

        using var reader = OpenXmlReader.Create(sheetPart);
        var expected = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int)(row.RowIndex?.Value ?? (uint)(expected + 1));

            // Rows a spreadsheet leaves out because they are empty are still rows: keep the numbering true.
            while (++expected < number)
            {
                yield return new ImportRow(expected, []);
            }

            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(null);
                }

                cells.Add(CellText(cell, shared));
            }

            yield return new ImportRow(number, cells);
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(((SharedStringItem)reader.LoadCurrentElement()!).InnerText);
            }
        }

        return strings;
    }

    private static string? CellText(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        var value = cell.CellValue?.Text;
        if (value is null)
        {
            return null;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, out var index) && index >= 0 && index < shared.Count ? shared[index] : null;
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return value == "1" ? "yes" : "no";
        }

        return value;
    }

    /// <summary>Zero-based column of a reference such as "AB12"; null when there is none.</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
            letters++;
        }

        return letters == 0 ? null : index - 1;
    }

    private static bool IsWorkbook(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry("xl/workbook.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    // Text, not a binary file renamed: no NUL bytes and valid UTF-8 (a cut in the middle of a character at the end is fine).
    private static bool LooksLikeText(ReadOnlySpan<byte> head, bool whole)
    {
        if (head.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var body = head.StartsWith(Encoding.UTF8.Preamble) ? head[3..] : head;
        if (!whole)
        {
            // Drop a possibly partial last character.
            var cut = body.Length;
            while (cut > 0 && cut > body.Length - 4 && (body[cut - 1] & 0xC0) == 0x80)
            {
                cut--;
            }

            if (cut > 0 && body[cut - 1] >= 0xC0)
            {
                cut--;
            }

            body = body[..cut];
        }

        return System.Text.Unicode.Utf8.IsValid(body);
    }
}
