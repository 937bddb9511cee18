using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using ConnectingCommunities.Bench;

namespace ConnectingCommunities.Participants.Bench;

/// <summary>
/// The caseload search through the real app (Kestrel on a local port, bearer tokens, lot scoping,
/// EF Core, the database): the demo caseload is created by the app's own start-up, then each lot's
/// advisor searches their lot by name, reference, National Insurance number and postcode.
/// </summary>
internal static class SearchBenchmark
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("Usage: search --provider Sqlite|Postgres [--connection SERVER] --participants N [--requests R] [--markdown FILE]");
            return 2;
        }

        var started = Stopwatch.StartNew();
        await using var host = await BenchHost.StartAsync(
            options.Provider, options.Connection, string.Create(CultureInfo.InvariantCulture, $"cc_bench_search_{options.Participants}"), options.Participants);
        var startUp = started.Elapsed;
        var searches = await PlanSearchesAsync(host.Services, options.Requests);
        using var http = new HttpClient { BaseAddress = host.Address };
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var lot in searches.Select(s => s.LotCode).Distinct())
        {
            tokens[lot] = await BenchHost.TokenAsync(http, $"advisor.{lot.ToLowerInvariant()}@demo.test");
        }

        // Warm-up: JIT, connection pools, query plans and the database's caches.
        foreach (var search in searches.Take(60))
        {
            await TimeAsync(http, tokens, search);
        }

        var results = new List<(Search Search, double Milliseconds, int Total)>();
        foreach (var search in searches)
        {
            var (milliseconds, total) = await TimeAsync(http, tokens, search);
            results.Add((search, milliseconds, total));
        }

        Report(options, startUp, results);
        return 0;
    }

    public static async Task<int> DropDatabaseAsync(string[] args)
    {
        var server = args.SkipWhile(a => a != "--connection").Skip(1).FirstOrDefault();
        var name = args.SkipWhile(a => a != "--name").Skip(1).FirstOrDefault();
        if (server is null || name is null || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            await Console.Error.WriteLineAsync("Usage: drop-database --connection SERVER --name NAME (lower case letters, digits and _)");
            return 2;
        }

        await BenchHost.DropDatabaseAsync(server, name);
        return 0;
    }

    private static void Report(Options options, TimeSpan startUp, List<(Search Search, double Milliseconds, int Total)> results)
    {
        var heading = string.Create(EnGb, $"{options.Provider}, {options.Participants:N0} participants");
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {heading}")
            .AppendLine()
            .AppendLine(string.Create(EnGb, $"Start-up on an empty database, creating the caseload: {startUp.TotalSeconds:N1} s. {results.Count:N0} searches timed, one at a time, after 60 to warm up."))
            .AppendLine()
            .AppendLine("| search | n | p50 ms | p95 ms | p99 ms | max ms | mean matches |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in results.GroupBy(r => r.Search.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Row(group.Key, [.. group]));
        }

        text.AppendLine(Row("**all**", results)).AppendLine();
        Console.Write(text.ToString());
        if (options.Markdown is { } file)
        {
            File.AppendAllText(file, text.ToString());
        }
    }

    private static string Row(string kind, List<(Search Search, double Milliseconds, int Total)> rows)
    {
        var sorted = rows.Select(r => r.Milliseconds).Order().ToArray();
        return string.Create(
            EnGb,
            $"| {kind} | {rows.Count:N0} | {Percentile(sorted, 0.50):N1} | {Percentile(sorted, 0.95):N1} | {Percentile(sorted, 0.99):N1} | {sorted[^1]:N1} | {rows.Average(r => r.Total):N0} |");
    }

    /// <summary>The nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<(double Milliseconds, int Total)> TimeAsync(HttpClient http, Dictionary<string, string> tokens, Search search)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(
            $"/api/v1/participants?lotCode={search.LotCode}&search={Uri.EscapeDataString(search.Term)}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[search.LotCode]);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {request.RequestUri} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }

        using var json = JsonDocument.Parse(body);
        var total = json.RootElement.GetProperty("total").GetInt32();
        if (total == 0)
        {
            throw new InvalidOperationException($"GET {request.RequestUri} found nobody, though the search was taken from a participant of the lot.");
        }

        return (elapsed, total);
    }

    /// <summary>
    /// Searches taken from participants spread evenly through the caseload: each one's last name,
    /// full name, the first three letters of their last name, reference, National Insurance number
    /// (as printed on letters, with spaces) and postcode, whole and by sector.
    /// </summary>
    private static async Task<List<Search>> PlanSearchesAsync(IServiceProvider services, int requests)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var count = await db.Participants.CountAsync();
        const int kinds = 7;
        var people = Math.Max(1, requests / kinds);
        var step = Math.Max(1, count / people);
        var sample = await db.Participants.AsNoTracking()
            .OrderBy(p => p.Reference)
            .Select(p => new { p.Reference, p.FirstName, p.LastName, p.Nino, p.Postcode, LotCode = p.Lot!.Code })
            .ToListAsync();
        var searches = new List<Search>();
        for (var i = 0; i < sample.Count && searches.Count < requests; i += step)
        {
            var p = sample[i];
            var lastWord = p.LastName.Split(' ', '-')[0];
            searches.Add(new Search("name: last name", p.LotCode, p.LastName));
            searches.Add(new Search("name: first and last", p.LotCode, $"{p.FirstName} {p.LastName}"));
            searches.Add(new Search("name: start of last name", p.LotCode, lastWord[..Math.Min(3, lastWord.Length)]));
            searches.Add(new Search("reference", p.LotCode, p.Reference));
            searches.Add(new Search("postcode", p.LotCode, p.Postcode));
            searches.Add(new Search("postcode sector", p.LotCode, p.Postcode[..^2]));
            if (p.Nino is not null && Nino.TryParse(p.Nino, out var nino))
            {
                searches.Add(new Search("nino", p.LotCode, nino.Formatted));
            }
        }

        // Interleave kinds and lots as a day's searching would.
        return [.. searches.Select((s, i) => (s, Key: (i * 7919) % searches.Count)).OrderBy(x => x.Key).Select(x => x.s)];
    }

    private sealed record Search(string Kind, string LotCode, string Term);

    private sealed record Options(DatabaseProvider Provider, string? Connection, int Participants, int Requests, string? Markdown)
    {
        public static Options? Parse(string[] args)
        {
            if (args is not ["search", .. var rest])
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < rest.Length; i += 2)
            {
                values[rest[i]] = rest[i + 1];
            }

            if (!values.TryGetValue("--participants", out var participants) || !int.TryParse(participants, CultureInfo.InvariantCulture, out var n)
                || !Enum.TryParse<DatabaseProvider>(values.GetValueOrDefault("--provider", "Sqlite"), ignoreCase: true, out var provider))
            {
                return null;
            }

            var requests = values.TryGetValue("--requests", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : 700;
            return new Options(provider, values.GetValueOrDefault("--connection"), n, requests, values.GetValueOrDefault("--markdown"));
        }
    }
}
