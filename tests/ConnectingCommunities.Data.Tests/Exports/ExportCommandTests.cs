using System.Text;
using ConnectingCommunities.Cli;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ConnectingCommunities.Data.Tests.Exports;

/// <summary>
/// <c>cc export</c> through the real command line on a migrated SQLite file: it writes the file with the
/// web app's columns, programme-wide, and answers mistakes on stderr with exit code 2.
/// </summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cc-export-").FullName;

    private string Sqlite => $"Data Source={Path.Combine(folder, "cc.db")};Pooling=False";

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Export_writes_every_lot_as_CSV_and_participants_as_XLSX()
    {
        Assert.Equal(0, (await RunAsync("migrate", "--connection", Sqlite)).ExitCode);
        var lotsFile = Path.Combine(folder, "lots.csv");
        var participantsFile = Path.Combine(folder, "out", "participants.xlsx");

        var lots = await RunAsync("export", "--table", "lots", "--format", "csv", "--out", lotsFile, "--connection", Sqlite);
        var participants = await RunAsync("export", "--table", "participants", "--out", participantsFile, "--lot", "WH", "--connection", Sqlite);

        Assert.Equal(0, lots.ExitCode);
        Assert.Equal("", lots.Error);
        Assert.Contains("Wrote 9 rows of lots to", lots.Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(lotsFile, TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Code,Name,Local authority,", lines[0], StringComparison.Ordinal);
        Assert.Equal(10, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("WH,", StringComparison.Ordinal));

        Assert.Equal(0, participants.ExitCode);
        Assert.Contains("Wrote 0 rows of participants", participants.Output, StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(participantsFile, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var headings = sheet.Descendants<Row>().Single(r => r.RowIndex!.Value == 4).Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList();
        Assert.Equal("Reference", headings[0]);
        Assert.Contains("lotCode=WH", sheet.Descendants<Row>().Single(r => r.RowIndex!.Value == 2).InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_says_the_command_runs_with_programme_wide_scope()
    {
        var help = await RunAsync("export", "--help");

        Assert.Contains("programme-wide scope", help.Output, StringComparison.Ordinal);
        Assert.Contains("participants, interventions, job-starts", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_history_and_the_checks_due_export_programme_wide_and_the_export_itself_is_then_in_the_history()
    {
        Assert.Equal(0, (await RunAsync("migrate", "--connection", Sqlite)).ExitCode);
        var checksFile = Path.Combine(folder, "checks.csv");
        var firstAudit = Path.Combine(folder, "audit-1.csv");
        var secondAudit = Path.Combine(folder, "audit-2.xlsx");

        var checks = await RunAsync("export", "--table", "sustainment-checks-due", "--out", checksFile, "--filter", "within=60", "--connection", Sqlite);
        var first = await RunAsync("export", "--table", "audit-events", "--out", firstAudit, "--filter", "action=exported", "--connection", Sqlite);
        var second = await RunAsync("export", "--table", "audit-events", "--out", secondAudit, "--filter", "action=exported", "--connection", Sqlite);

        Assert.Equal(0, checks.ExitCode);
        Assert.Equal("", checks.Error);
        var header = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(checksFile, TestContext.Current.CancellationToken)).TrimStart('\uFEFF').Split("\r\n")[0];
        Assert.Equal("Participant,Name,Lot,Advisor,Check,In work since,Due on,Status,Days overdue", header);

        // The first audit export sees the checks' export; the second sees both, as the operator logged them.
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Wrote 1 row of audit-events", first.Output, StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(firstAudit, TestContext.Current.CancellationToken)).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Date,Time,User,Action,Record type,Record id,Lot,Participant,Summary,Reason,Changes", lines[0], StringComparison.Ordinal);
        Assert.Contains("cc export (operator),exported,Export,sustainment-checks-due,", lines[1], StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Wrote 2 rows of audit-events", second.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--table", "secrets", "--out", "x.csv", "--table must be one of")]
    [InlineData("--table", "lots", "--out", "x.pdf", "--format: Choose a format: csv or xlsx")]
    [InlineData("--table", "participants", "--out", "x.csv", "lotCode: There is no lot with the code 'ZZ'")]
    public async Task Mistakes_are_answered_on_stderr_with_exit_code_2(string tableOption, string table, string outOption, string file, string message)
    {
        await RunAsync("migrate", "--connection", Sqlite);

        var run = await RunAsync("export", tableOption, table, outOption, Path.Combine(folder, file), "--lot", table == "participants" ? "ZZ" : "WH", "--connection", Sqlite);

        Assert.Equal(CcApp.InputErrorExitCode, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, file)));
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exit = await CcApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private sealed record CliRun(int ExitCode, string Output, string Error);
}
