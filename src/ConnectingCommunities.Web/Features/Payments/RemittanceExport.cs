using System.Globalization;
using System.Text;
using ConnectingCommunities.Domain.Claims;
using ConnectingCommunities.Domain.DataExchange;
using ConnectingCommunities.Domain.Programme;
using ConnectingCommunities.Web.Infrastructure;
using ConnectingCommunities.Web.Infrastructure.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ConnectingCommunities.Web.Features.Payments;

/// <summary>
/// The remittance advice as files a provider's finance team can reconcile against: CSV (RFC 4180,
/// UTF-8) and XLSX (amounts as numbers formatted in pounds, with a totals section).
/// </summary>
public static class RemittanceExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The pounds format of the spreadsheet's amounts, £#,##0.00: £1,234.56, and -£1,234.56 for a recovery.</summary>
    public const string PoundsFormat = "\"£\"#,##0.00";

    public static readonly IReadOnlyList<string> CsvHeader =
        ["Payment run", "Provider", "Period", "Claim", "Lot", "Participant", "Milestone", "Milestone date", "Cohort", "Kind", "Amount"];

    public static string FileName(PaymentRunView run, string extension)
    {
        ArgumentNullException.ThrowIfNull(run);
        return $"remittance-{run.Reference}.{extension}";
    }

    /// <summary>
    /// One record per line, then the totals as records of the same shape (the kind column names the
    /// total). Text that a spreadsheet would run as a formula is made inert; amounts are plain numbers.
    /// </summary>
    public static byte[] Csv(PaymentRunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var csv = new StringBuilder();
        TableExport.Record(csv, CsvHeader);
        foreach (var line in run.Lines)
        {
            TableExport.Record(csv, [
                .. Guarded(run.Reference, run.Provider, run.Period, line.ClaimReference, line.LotCode, line.ParticipantReference,
                    line.Milestone.DisplayName(), Formatting.IsoDate(line.MilestoneDate), line.Cohort.DisplayName(), KindName(line.Kind)),
                Amount(line.Amount),
            ]);
        }

        foreach (var (label, amount) in Totals(run))
        {
            TableExport.Record(csv, [.. Guarded(run.Reference, run.Provider, run.Period, "", "", "", "", "", "", label), Amount(amount)]);
        }

        // A byte order mark, so that Excel reads the file as UTF-8 rather than the machine's code page.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>The run as a workbook: a heading section, the lines, and the totals.</summary>
    public static byte[] Xlsx(PaymentRunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var rows = new SheetData();
            var sheet = new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Remittance advice" };

            var r = 1u;
            rows.Append(Row(r++, Text("A", "Remittance advice", Style.Bold)));
            rows.Append(Row(r++, Text("A", "Payment run", Style.Bold), Text("B", run.Reference)));
            rows.Append(Row(r++, Text("A", "Provider", Style.Bold), Text("B", run.Provider)));
            rows.Append(Row(r++, Text("A", "Period", Style.Bold), Text("B", $"{PaymentPeriods.MonthName(run.Period)} ({run.Period})")));
            rows.Append(Row(r++, Text("A", "Date made", Style.Bold), Date("B", Formatting.DateInLondon(run.CreatedAt))));
            r++;

            var headings = new[] { "Claim", "Lot", "Participant", "Milestone", "Milestone date", "Cohort", "Kind", "Amount" };
            rows.Append(Row(r++, headings.Select((h, i) => Text(Column(i), h, Style.Bold)).ToArray()));
            foreach (var line in run.Lines)
            {
                rows.Append(Row(r++,
                    Text("A", line.ClaimReference), Text("B", line.LotCode), Text("C", line.ParticipantReference),
                    Text("D", line.Milestone.DisplayName()), Date("E", line.MilestoneDate), Text("F", line.Cohort.DisplayName()),
                    Text("G", KindName(line.Kind)), Money("H", line.Amount, Style.Money)));
            }

            r++;
            rows.Append(Row(r++, Text("G", "Totals", Style.Bold)));
            foreach (var (label, amount) in Totals(run))
            {
                var strong = label == TotalPaid;
                rows.Append(Row(r++, Text("G", label, strong ? Style.Bold : Style.Normal), Money("H", amount, strong ? Style.BoldMoney : Style.Money)));
            }

            sheetPart.Worksheet = new Worksheet(
                new Columns(
                    Width(1, 22), Width(2, 32), Width(3, 14), Width(4, 20), Width(5, 16), Width(6, 18), Width(7, 18), Width(8, 14)),
                rows);
            workbookPart.Workbook.AppendChild(new Sheets(sheet));
        }

        return stream.ToArray();
    }

    public const string GrossPayments = "Gross payments";
    public const string RecoveriesLabel = "Recoveries";
    public const string BroughtForward = "Brought forward";
    public const string TotalPaid = "Total paid";
    public const string CarriedForward = "Carried forward";

    /// <summary>
    /// The totals, signed as they affect the payment: recoveries and a balance owed are negative,
    /// so gross + recoveries + brought forward = total paid + carried forward.
    /// </summary>
    public static IReadOnlyList<(string Label, decimal Amount)> Totals(PaymentRunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return
        [
            (GrossPayments, run.GrossPayments),
            (RecoveriesLabel, -run.Recoveries),
            (BroughtForward, run.BroughtForward),
            (TotalPaid, run.Total),
            (CarriedForward, run.CarriedForward),
        ];
    }

    public static string KindName(PaymentLineKind kind) => kind == PaymentLineKind.Payment ? "Payment" : "Recovery";

    private static IEnumerable<string> Guarded(params string[] values) => values.Select(SpreadsheetText.Neutralise);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private enum Style : uint
    {
        Normal = 0,
        Bold = 1,
        Money = 2,
        BoldMoney = 3,
        Date = 4,
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = PoundsFormat },
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
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 164, ApplyNumberFormat = true, ApplyFont = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 165, ApplyNumberFormat = true })
        { Count = 5 });

    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static Row Row(uint index, params Cell[] cells)
    {
        foreach (var cell in cells)
        {
            cell.CellReference = cell.CellReference!.Value + index.ToString(CultureInfo.InvariantCulture);
        }

        return new Row(cells) { RowIndex = index };
    }

    // Inline strings are not run when the file is opened, but the text is neutralised as every export's is (SpreadsheetText).
    private static Cell Text(string column, string value, Style style = Style.Normal) => new(new InlineString(new Text(SpreadsheetText.Neutralise(value))))
    {
        CellReference = column,
        DataType = CellValues.InlineString,
        StyleIndex = (uint)style,
    };

    private static Cell Money(string column, decimal amount, Style style) => new(new CellValue(amount))
    {
        CellReference = column,
        DataType = CellValues.Number,
        StyleIndex = (uint)style,
    };

    private static Cell Date(string column, DateOnly date) => new(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()))
    {
        CellReference = column,
        DataType = CellValues.Number,
        StyleIndex = (uint)Style.Date,
    };

    private static Column Width(uint column, double width) => new() { Min = column, Max = column, Width = width, CustomWidth = true };
}
