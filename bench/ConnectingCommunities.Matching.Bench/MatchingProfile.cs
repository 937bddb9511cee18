using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ConnectingCommunities.Data;
using ConnectingCommunities.Domain.Brokerage.Matching;
using ConnectingCommunities.Web.Features.Brokerage.Matching;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConnectingCommunities.Matching.Bench;

/// <summary>
/// `profile [--runs N]`: runs each benchmark N times (after one warm-up) and prints, for each, the mean time of a call
/// and of each SQL command it sent (EF Core's own "executed" timings), so the cost of each step is seen without guessing.
/// </summary>
internal static class MatchingProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--runs");
        var runs = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 20;
        var commands = new CommandTimes();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(commands);
        var bench = new MatchingBenchmarks();
        bench.SetUp();
        try
        {
            await ScoringAsync(bench);
            await ProfileAsync("Participant's top 20 vacancies", bench.ParticipantTop20, runs, commands);
            await ProfileAsync("Vacancy's top 50 candidates", bench.VacancyTop50, runs, commands);
        }
        finally
        {
            bench.CleanUp();
        }

        return 0;
    }

    /// <summary>The in-memory work alone: scoring every open vacancy for one participant, and a lot's seekers for one vacancy.</summary>
    private static async Task ScoringAsync(MatchingBenchmarks bench)
    {
        await using var scope = bench.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var today = Formatting.TodayInLondon(TimeProvider.System);
        var vacancies = await MatchingData.OpenVacanciesAsync(db, today, CancellationToken.None);
        var lot = await db.Lots.Where(l => l.Code == MatchingBenchmarks.LotCode).Select(l => l.Id).SingleAsync();
        var seekers = await MatchingData.SeekersAsync(db, db.Participants.Where(p => p.LotId == lot), today, CancellationToken.None);
        Time($"Score {vacancies.Count:N0} vacancies for one seeker", () =>
        {
            var n = 0;
            foreach (var v in vacancies)
            {
                n += JobMatcher.Score(seekers[0], v, today).Score;
            }

            return n;
        });
        Time($"Score {seekers.Count:N0} seekers for one vacancy", () =>
        {
            var n = 0;
            foreach (var s in seekers)
            {
                n += JobMatcher.Score(s, vacancies[0], today).Score;
            }

            return n;
        });
    }

    private static void Time(string name, Func<int> work)
    {
        work();
        var best = double.MaxValue;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"{name}: best of 10 {best:F1} ms, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 10e6:F1} MB allocated");
    }

    private static async Task ProfileAsync(string name, Func<Task<int>> call, int runs, CommandTimes commands)
    {
        await call();
        await call();
        commands.Clear();
        var times = new List<double>(runs);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6 / runs;
        times.Sort();
        Console.WriteLine(
            $"{name}: mean {times.Average():F1} ms, median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms over {runs} calls; "
            + $"{cpuMs:F1} ms CPU (all threads) and {megabytes:F1} MB allocated a call; load {File.ReadAllText("/proc/loadavg").Trim()}");
        var total = 0.0;
        foreach (var (sql, (count, ms)) in commands.Snapshot().OrderByDescending(c => c.Value.Ms))
        {
            total += ms;
            Console.WriteLine($"  {ms / runs,8:F1} ms/call  {count / (double)runs,4:F1}x  {sql}");
        }

        Console.WriteLine($"  {total / runs,8:F1} ms/call in SQL (server-side + transfer as EF measures it)");
    }

    /// <summary>Collects EF Core's executed-command diagnostics (exact durations) by the command's first words.</summary>
    private sealed class CommandTimes : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private readonly ConcurrentDictionary<string, (int Count, double Ms)> times = new(StringComparer.Ordinal);

        public void Clear() => times.Clear();

        public Dictionary<string, (int Count, double Ms)> Snapshot() => new(times, StringComparer.Ordinal);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData executed)
            {
                return;
            }

            var sql = string.Join(' ', executed.Command.CommandText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim();
            var key = sql.Length > 150 ? sql[..150] : sql;
            var ms = executed.Duration.TotalMilliseconds;
            times.AddOrUpdate(key, (1, ms), (_, t) => (t.Count + 1, t.Ms + ms));
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
