using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConnectingCommunities.Bench;
using ConnectingCommunities.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Imports.Bench;

/// <summary>
/// A month's participants file of 200,000 rows through the real app: upload, validation (the preview), apply in one
/// transaction, then the same file again (all unchanged). The app runs in this process, so its peak working set is
/// the import's peak memory.
/// </summary>
internal static class ImportBenchmark
{
    private const string Lot = "WH";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("Usage: --provider Sqlite|Postgres [--connection SERVER] [--rows N] [--markdown FILE]");
            return 2;
        }

        await using var host = await BenchHost.StartAsync(options.Provider, options.Connection, "cc_bench_imports", demoParticipants: 0);
        var file = Path.Combine(Path.GetTempPath(), $"cc-import-bench-{Guid.NewGuid():N}.csv");
        try
        {
            await WriteFileAsync(host.Services, file, options.Rows);
            using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(15) };
            var token = await BenchHost.TokenAsync(http, $"manager.{Lot.ToLowerInvariant()}@demo.test");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var first = await ImportAsync(http, file);
            var second = await ImportAsync(http, file);
            await using var scope = host.Services.CreateAsyncScope();
            var participants = await scope.ServiceProvider.GetRequiredService<CcDbContext>().Participants.CountAsync();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Report(options, new FileInfo(file).Length, first, second, participants, peak);
            return first.Status == "Applied" && second.Status == "Applied" ? 0 : 1;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record Run(TimeSpan Upload, TimeSpan Validate, TimeSpan Apply, string Status, int New, int Unchanged, int InError)
    {
        public TimeSpan ValidateCpu { get; init; }

        public TimeSpan ApplyCpu { get; init; }
    }

    private static async Task<Run> ImportAsync(HttpClient http, string file)
    {
        var clock = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(File.OpenRead(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "participants.csv");
        form.Add(new StringContent("participants"), "type");
        form.Add(new StringContent(Lot), "lotCode");
        using var uploaded = await http.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), form);
        var created = await ReadAsync(uploaded);
        var upload = clock.Elapsed;
        process.Refresh();
        var cpuAtUpload = process.TotalProcessorTime;
        var id = created.GetProperty("id").GetString();
        JsonElement import;
        do
        {
            await Task.Delay(100);
            using var response = await http.GetAsync(new Uri($"/api/v1/imports/{id}", UriKind.Relative));
            import = await ReadAsync(response);
        }
        while (import.GetProperty("status").GetString() == "Validating");

        var validate = clock.Elapsed;
        process.Refresh();
        var cpuAtValidated = process.TotalProcessorTime;
        if (import.GetProperty("rowsInError").GetInt32() > 0 || import.GetProperty("status").GetString() != "Validated")
        {
            await Console.Error.WriteLineAsync($"The preview found problems: {import}");
            return new Run(upload, validate, TimeSpan.Zero, import.GetProperty("status").GetString()!, 0, 0, import.GetProperty("rowsInError").GetInt32());
        }

        using var applied = await http.PostAsync(new Uri($"/api/v1/imports/{id}/apply", UriKind.Relative), null);
        var result = await ReadAsync(applied);
        process.Refresh();
        return new Run(upload, validate - upload, clock.Elapsed - validate, result.GetProperty("status").GetString()!,
            result.GetProperty("rowsNew").GetInt32(), result.GetProperty("rowsUnchanged").GetInt32(), result.GetProperty("rowsInError").GetInt32())
        {
            ValidateCpu = cpuAtValidated - cpuAtUpload,
            ApplyCpu = process.TotalProcessorTime - cpuAtValidated,
        };
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Rows that pass every check: unique names, dates of birth spread over 40 years, valid NINOs, postcodes in the lot's area.</summary>
    private static async Task WriteFileAsync(IServiceProvider services, string path, int rows)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var postcodes = await db.LotPostcodes.Where(p => db.Lots.Any(l => l.Id == p.LotId && l.Code == Lot)).Select(p => p.Postcode).ToListAsync();
        var random = new Random(20210301);
        string[] first = ["Amina", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Hamza", "Isla", "Jon", "Kiran", "Leah", "Musa", "Nia", "Omar", "Priya"];
        string[] statuses = ["OutOfWork", "NeverWorked", "Employed"];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("externalId,firstName,lastName,dateOfBirth,nino,postcode,registeredOn,employmentStatus,lastInWorkOn,weeklyHours,hourlyWage,sex,ethnicity,privacyNoticeAcknowledged,evaluationContactConsent,referrer");
        for (var i = 0; i < rows; i++)
        {
            var status = statuses[i % 3];
            var dob = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 14_600));
            var last = Surname(random);
            var line = string.Join(',',
                $"MI-{i:D7}", first[i % first.Length], last, dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"JX{i % 1_000_000:D6}{"ABCD"[i / 1_000_000 % 4]}", postcodes[i % postcodes.Count], "2021-03-01", status,
                status == "OutOfWork" ? "2019-06-30" : "", status == "Employed" ? "12" : "", status == "Employed" ? "9.50" : "",
                i % 2 == 0 ? "female" : "male", "preferNotToSay", "yes", "yes", i % 1000 == 0 ? "=SUM(A1:A2)" : "Jobcentre Plus");
            await writer.WriteLineAsync(line);
        }
    }

    // Random letters: no two rows' names are alike, so no row is a possible duplicate of another.
    private static string Surname(Random random) =>
        "Q" + new string([.. Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26)))]);

    private static void Report(Options options, long bytes, Run first, Run second, int participants, long peak)
    {
        var provider = options.Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";
        var lines = new[]
        {
            $"| {provider} | first import ({first.New:N0} new) | {Seconds(first.Upload)} | {Seconds(first.Validate)} ({Seconds(first.ValidateCpu)} CPU) | {Seconds(first.Apply)} ({Seconds(first.ApplyCpu)} CPU) | {Seconds(first.Upload + first.Validate + first.Apply)} |",
            $"| {provider} | same file again ({second.Unchanged:N0} unchanged) | {Seconds(second.Upload)} | {Seconds(second.Validate)} ({Seconds(second.ValidateCpu)} CPU) | {Seconds(second.Apply)} ({Seconds(second.ApplyCpu)} CPU) | {Seconds(second.Upload + second.Validate + second.Apply)} |",
        };
        var summary = $"{provider}: {options.Rows:N0} rows ({bytes / (1024.0 * 1024):0.0} MB), {participants:N0} participants in the database afterwards, "
            + $"peak working set {peak / (1024.0 * 1024):N0} MB.";
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(summary);
        if (options.Markdown is { } markdown)
        {
            File.AppendAllLines(markdown, [.. lines, "", summary, ""]);
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private sealed record Options(DatabaseProvider Provider, string? Connection, int Rows, string? Markdown)
    {
        public static Options? Parse(string[] args)
        {
            DatabaseProvider? provider = null;
            string? connection = null;
            string? markdown = null;
            var rows = 200_000;
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--provider":
                        provider = Enum.TryParse<DatabaseProvider>(args[i + 1], true, out var p) ? p : null;
                        break;
                    case "--connection":
                        connection = args[i + 1];
                        break;
                    case "--rows":
                        rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                        break;
                    case "--markdown":
                        markdown = args[i + 1];
                        break;
                    default:
                        return null;
                }
            }

            return provider is { } chosen ? new Options(chosen, connection, rows, markdown) : null;
        }
    }
}
