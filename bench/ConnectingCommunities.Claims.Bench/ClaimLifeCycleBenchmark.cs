using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConnectingCommunities.Bench;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Claims.Bench;

/// <summary>
/// A claim of many lines through the real app: create (build and validate every line), submit
/// (validate again, draw the audit sample), approve the lines not sampled, pay. The milestones are
/// put in the database directly (engagements and job outcomes with a job start and a payslip row
/// each), as the claim reads them, so the timings are of the claim alone.
/// </summary>
internal static class ClaimLifeCycleBenchmark
{
    private const string Period = "2021-06";
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly string[] Lots = ["WH", "SE", "CN", "GL", "BW"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("Usage: claim --provider Sqlite|Postgres [--connection SERVER] [--lines N] [--lots K (1-5)] [--markdown FILE]");
            return 2;
        }

        await using var host = await BenchHost.StartAsync(options.Provider, options.Connection, "cc_bench_claims", demoParticipants: 0);
        var lots = Lots.Take(options.Lots).ToArray();
        var seeding = Stopwatch.StartNew();
        foreach (var lot in lots)
        {
            await SeedAsync(host.Services, lot, options.Lines);
        }

        seeding.Stop();
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(10) };
        var commissioner = await BenchHost.TokenAsync(http, "commissioner@demo.test");
        var rows = new List<Timing>();
        foreach (var lot in lots)
        {
            var manager = await BenchHost.TokenAsync(http, $"manager.{lot.ToLowerInvariant()}@demo.test");
            var (create, created) = await TimeAsync(http, manager, HttpMethod.Post, "/api/v1/claims", new { lotCode = lot, period = Period });
            var id = created.GetProperty("id").GetString();
            var (read, claim) = await TimeAsync(http, manager, HttpMethod.Get, $"/api/v1/claims/{id}", null);
            var lines = LineCount(claim);
            var (submit, _) = await TimeAsync(http, manager, HttpMethod.Post, $"/api/v1/claims/{id}/submit", new { });
            var (approve, _) = await TimeAsync(http, commissioner, HttpMethod.Post, $"/api/v1/claims/{id}/approve-unsampled", new { reason = "Benchmark" });
            rows.Add(new Timing(lot, lines, create, read, submit, approve));
        }

        var (pay, runs) = await TimeAsync(http, commissioner, HttpMethod.Post, "/api/v1/payment-runs", new { period = Period });
        Report(options, seeding.Elapsed, rows, pay, runs);
        return 0;
    }

    private static int LineCount(JsonElement claim) =>
        claim.TryGetProperty("lineCount", out var count) ? count.GetInt32()
        : claim.TryGetProperty("totalLines", out var total) ? total.GetInt32()
        : claim.GetProperty("lines").GetArrayLength();

    /// <summary>
    /// Half the milestones are engagements, half job outcomes (each with its job start and a payslip
    /// row), one participant for each pair, registered in March 2021 and achieving both by June. The
    /// lot's value is raised so the lines are checked against it without running out.
    /// </summary>
    private static async Task SeedAsync(IServiceProvider services, string lotCode, int lines)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var lot = await db.Lots.SingleAsync(l => l.Code == lotCode);
        lot.Value = 100_000_000m;
        await db.SaveChangesAsync();
        var contract = await db.Contracts.Where(c => c.LotId == lot.Id).OrderByDescending(c => c.StartDate).FirstAsync();
        var postcode = await db.LotPostcodes.Where(p => p.LotId == lot.Id).Select(p => p.Postcode).FirstAsync();
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.NormalisedName == "bench employer")
            ?? new Employer { Name = "Bench Employer", NormalisedName = "bench employer", CreatedAt = DateTimeOffset.UtcNow };
        if (db.Entry(employer).State == EntityState.Detached)
        {
            db.Employers.Add(employer);
            await db.SaveChangesAsync();
        }

        var random = new Random(lotCode.GetHashCode(StringComparison.Ordinal));
        var people = lines / 2;
        for (var batchStart = 0; batchStart < people; batchStart += 2_000)
        {
            for (var i = batchStart; i < Math.Min(people, batchStart + 2_000); i++)
            {
                var number = i + 1;
                var registered = new DateOnly(2021, 3, 1).AddDays(random.Next(0, 28));
                var engaged = registered.AddDays(random.Next(7, 35));
                var started = engaged.AddDays(random.Next(1, 30));
                var cohort = (Cohort)random.Next(1, 4);
                var participant = new Participant
                {
                    LotId = lot.Id,
                    ContractId = contract.Id,
                    Number = number,
                    Reference = $"{lotCode}-{number:D6}",
                    FirstName = "Bench",
                    LastName = $"Person{number}",
                    SearchFirstName = "bench",
                    SearchLastName = $"person{number}",
                    DateOfBirth = new DateOnly(1985, 6, 15),
                    NinoMissingReason = NinoMissingReason.NotYetProvided,
                    Postcode = postcode,
                    EmploymentStatus = EmploymentStatus.OutOfWork,
                    LastInWorkOn = new DateOnly(2019, 1, 1),
                    Cohort = cohort,
                    AgeBand = AgeBand.Age35To54,
                    RegisteredOn = registered,
                    EngagedOn = engaged,
                    PrivacyNoticeAcknowledged = true,
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                var job = new JobStart
                {
                    ParticipantId = participant.Id,
                    EmployerId = employer.Id,
                    JobTitle = "Warehouse operative",
                    StartDate = started,
                    WeeklyHours = 30,
                    HourlyWage = 8.91m,
                    ContractType = JobContractType.Permanent,
                    RecordedAt = DateTimeOffset.UtcNow,
                };
                db.Participants.Add(participant);
                db.JobStarts.Add(job);
                db.EvidenceFiles.Add(new EvidenceFile
                {
                    ParticipantId = participant.Id,
                    JobStartId = job.Id,
                    Kind = EvidenceKind.Payslip,
                    OriginalFileName = "payslip.pdf",
                    StoredFileName = $"{Guid.CreateVersion7():N}.pdf",
                    ContentType = "application/pdf",
                    SizeBytes = 1024,
                    Sha256 = new string('0', 64),
                    UploadedAt = DateTimeOffset.UtcNow,
                });
                db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.Engaged, AchievedOn = engaged });
                db.ParticipantMilestones.Add(new ParticipantMilestone { ParticipantId = participant.Id, Milestone = Milestone.JobOutcome, AchievedOn = started });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<(TimeSpan Elapsed, JsonElement Body)> TimeAsync(HttpClient http, string token, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        }

        return (elapsed, bytes.Length == 0 ? default : JsonDocument.Parse(bytes).RootElement.Clone());
    }

    private static void Report(Options options, TimeSpan seeding, List<Timing> rows, TimeSpan pay, JsonElement runs)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(EnGb, $"### {options.Provider}, claims of {options.Lines:N0} lines"))
            .AppendLine()
            .AppendLine(string.Create(EnGb, $"Milestones put in the database for {rows.Count} lots in {seeding.TotalSeconds:N1} s (not part of the claim). Each row is one lot's claim, one request at a time; the first row includes the app's first use of each path (JIT)."))
            .AppendLine()
            .AppendLine("| lot | lines | create + validate s | read (GET) s | submit + validate + sample s | approve not sampled s |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            text.AppendLine(string.Create(EnGb, $"| {row.Lot} | {row.Lines:N0} | {row.Create.TotalSeconds:N2} | {row.Read.TotalSeconds:N2} | {row.Submit.TotalSeconds:N2} | {row.Approve.TotalSeconds:N2} |"));
        }

        var later = rows.Skip(1).DefaultIfEmpty(rows[0]).ToList();
        text.AppendLine()
            .AppendLine(string.Create(EnGb, $"Median after the first: create {Median(later, r => r.Create):N2} s, submit {Median(later, r => r.Submit):N2} s, approve {Median(later, r => r.Approve):N2} s."))
            .AppendLine(string.Create(EnGb, $"One payment run for period {Period} paying every approved line of the {rows.Count} lots: {pay.TotalSeconds:N2} s ({Runs(runs)} runs)."))
            .AppendLine();
        Console.Write(text.ToString());
        if (options.Markdown is { } file)
        {
            File.AppendAllText(file, text.ToString());
        }
    }

    private static int Runs(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("runs", out var runs) ? runs.GetArrayLength() : 0;

    private static double Median(List<Timing> rows, Func<Timing, TimeSpan> pick)
    {
        var sorted = rows.Select(r => pick(r).TotalSeconds).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Timing(string Lot, int Lines, TimeSpan Create, TimeSpan Read, TimeSpan Submit, TimeSpan Approve);

    private sealed record Options(DatabaseProvider Provider, string? Connection, int Lines, int Lots, string? Markdown)
    {
        public static Options? Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i + 1 < args.Length; i += 2)
            {
                values[args[i]] = args[i + 1];
            }

            if (!Enum.TryParse<DatabaseProvider>(values.GetValueOrDefault("--provider", "Sqlite"), ignoreCase: true, out var provider)
                || !int.TryParse(values.GetValueOrDefault("--lines", "10000"), CultureInfo.InvariantCulture, out var lines) || lines < 2
                || !int.TryParse(values.GetValueOrDefault("--lots", "3"), CultureInfo.InvariantCulture, out var lots) || lots is < 1 or > 5)
            {
                return null;
            }

            return new Options(provider, values.GetValueOrDefault("--connection"), lines, lots, values.GetValueOrDefault("--markdown"));
        }
    }
}
