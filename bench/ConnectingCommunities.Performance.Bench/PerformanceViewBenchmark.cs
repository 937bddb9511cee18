using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using ConnectingCommunities.Bench;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Web;
using ConnectingCommunities.Web.Features.Performance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Performance.Bench;

/// <summary>
/// Times the performance views (the figures behind the dashboard and GET /api/v1/performance) as
/// the app computes them (<see cref="PerformanceQueries.GetAsync"/>, a fresh DI scope each time, as
/// a request has) and the same aggregates as one hand-written SQL batch on the same connection
/// string: the floor the app's queries can be compared with.
/// </summary>
internal static class PerformanceViewBenchmark
{
    private const int Warmup = 3;
    private const int Runs = 15;

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.FirstOrDefault() ?? "demo";
        var provider = Enum.Parse<DatabaseProvider>(Option(args, "--provider") ?? "Sqlite", ignoreCase: true);
        var server = Option(args, "--connection");
        var markdown = Option(args, "--markdown");
        var participants = int.Parse(Option(args, "--participants") ?? "4000", CultureInfo.InvariantCulture);

        if (mode == "existing")
        {
            ArgumentException.ThrowIfNullOrEmpty(server, "--connection");
            await using var app = BuildWithoutStarting(server);
            var count = await CountParticipantsAsync(app.Services);
            await MeasureAsync(app.Services, DatabaseProvider.Postgres, $"PostgreSQL, existing database ({count:N0} participants)", markdown);
            return 0;
        }

        await using var host = await BenchHost.StartAsync(provider, server, "cc_bench_performance", participants);
        var total = await CountParticipantsAsync(host.Services);
        var label = provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";
        await MeasureAsync(host.Services, provider, $"{label}, demo caseload ({total:N0} participants)", markdown);
        return 0;
    }

    private static WebApplication BuildWithoutStarting(string connection) =>
        WebApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connection,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }));

    private static async Task<int> CountParticipantsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CcDbContext>().Participants.CountAsync();
    }

    private static async Task MeasureAsync(IServiceProvider services, DatabaseProvider provider, string title, string? markdown)
    {
        var lines = new List<string>
        {
            $"### {title}",
            "",
            $"Best, median and 95th percentile of {Runs} runs after {Warmup} warm-up runs, in milliseconds.",
            "",
            "| View | App (PerformanceQueries) best / median / p95 | Hand-written SQL on the raw rows | Hand-written SQL on the counts table | App / raw SQL | App / counts SQL |",
            "| --- | --- | --- | --- | --- | --- |",
        };
        string? washwoodHeath;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
            washwoodHeath = await db.Lots.Where(l => l.Code == "WH").Select(l => l.Id.ToString()).FirstOrDefaultAsync();
        }

        foreach (var (name, lotCode) in new[] { ("Programme (all nine lots)", (string?)null), ("Lot: Washwood Heath (WH)", "WH") })
        {
            var filter = new PerformanceFilter(LotCode: lotCode);
            var app = await TimeAsync(() => AppViewAsync(services, filter));
            Guid? lotId = lotCode is null ? null : Guid.Parse(washwoodHeath!);
            var raw = await TimeAsync(() => HandWrittenAsync(services, provider, lotId, onCounts: false));
            var counts = await TimeAsync(() => HandWrittenAsync(services, provider, lotId, onCounts: true));
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {app} | {raw} | {counts} | {app.Median / raw.Median:0.00} | {app.Median / counts.Median:0.0} |");
            lines.Add(line);
            Console.WriteLine($"{title}: {line}");
        }

        lines.Add("");
        if (markdown is not null)
        {
            await File.AppendAllLinesAsync(markdown, lines);
        }
    }

    private static async Task AppViewAsync(IServiceProvider services, PerformanceFilter filter)
    {
        await using var scope = services.CreateAsyncScope();
        // The commissioner, as a request's user would be: the queries read the role from the principal.
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Commissioner), new Claim(ClaimTypes.Name, "bench")], "Bench");
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(identity),
            RequestServices = scope.ServiceProvider,
        };
        var queries = scope.ServiceProvider.GetRequiredService<PerformanceQueries>();
        var report = await queries.GetAsync(filter);
        if (report.Value is null)
        {
            throw new InvalidOperationException("The performance view was not found.");
        }
    }

    /// <summary>
    /// The view's aggregates in SQL: milestones achieved in the period by lot and milestone;
    /// participants registered in the period by lot, cohort and provider; the milestones they reached
    /// by the period's end, likewise; participants registered by its end per lot (reach). The same
    /// period as the app's default: the programme's start to today. Either from the raw participants
    /// and milestones, or from the pre-aggregated counts the app reads (whole months: the default
    /// period has no partial month with rows outside it).
    /// </summary>
    private static async Task HandWrittenAsync(IServiceProvider services, DatabaseProvider provider, Guid? lotId, bool onCounts)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var from = await db.Programmes.Select(p => p.StartDate).FirstAsync();
        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        if (onCounts)
        {
            from = new DateOnly(from.Year, from.Month, 1);
            to = new DateOnly(to.Year, to.Month, 1);
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var sql = onCounts
                ? $"""
                  SELECT lot_id, milestone, sum(count) FROM performance_counts
                  WHERE milestone IS NOT NULL AND achieved_month BETWEEN @from AND @to {(lotId is null ? "" : "AND lot_id = @lot")} GROUP BY lot_id, milestone;
                  SELECT lot_id, cohort, provider_id, sum(count) FROM performance_counts
                  WHERE milestone IS NULL AND registered_month BETWEEN @from AND @to {(lotId is null ? "" : "AND lot_id = @lot")} GROUP BY lot_id, cohort, provider_id;
                  SELECT lot_id, cohort, provider_id, milestone, sum(count) FROM performance_counts
                  WHERE milestone IS NOT NULL AND registered_month BETWEEN @from AND @to AND achieved_month <= @to {(lotId is null ? "" : "AND lot_id = @lot")}
                  GROUP BY lot_id, cohort, provider_id, milestone;
                  SELECT lot_id, sum(count) FROM performance_counts
                  WHERE milestone IS NULL AND registered_month <= @to {(lotId is null ? "" : "AND lot_id = @lot")} GROUP BY lot_id;
                  """
                : $"""
                  SELECT p.lot_id, m.milestone, count(*) FROM participant_milestones m JOIN participants p ON p.id = m.participant_id
                  WHERE m.achieved_on BETWEEN @from AND @to {(lotId is null ? "" : "AND p.lot_id = @lot")} GROUP BY p.lot_id, m.milestone;
                  SELECT p.lot_id, p.cohort, c.provider_id, count(*) FROM participants p LEFT JOIN contracts c ON c.id = p.contract_id
                  WHERE p.registered_on BETWEEN @from AND @to {(lotId is null ? "" : "AND p.lot_id = @lot")} GROUP BY p.lot_id, p.cohort, c.provider_id;
                  SELECT p.lot_id, p.cohort, c.provider_id, m.milestone, count(*) FROM participant_milestones m
                  JOIN participants p ON p.id = m.participant_id LEFT JOIN contracts c ON c.id = p.contract_id
                  WHERE m.achieved_on <= @to AND p.registered_on BETWEEN @from AND @to {(lotId is null ? "" : "AND p.lot_id = @lot")}
                  GROUP BY p.lot_id, p.cohort, c.provider_id, m.milestone;
                  SELECT p.lot_id, count(*) FROM participants p WHERE p.registered_on <= @to {(lotId is null ? "" : "AND p.lot_id = @lot")} GROUP BY p.lot_id;
                  """;
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "from", provider == DatabaseProvider.Postgres ? from : from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(command, "to", provider == DatabaseProvider.Postgres ? to : to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (lotId is { } id)
            {
                Add(command, "lot", provider == DatabaseProvider.Postgres ? id : id.ToString().ToUpperInvariant());
            }

            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            do
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }
            while (await reader.NextResultAsync());
            if (rows == 0)
            {
                throw new InvalidOperationException("The hand-written SQL found nothing: check the table and column names.");
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record Timing(double Best, double Median, double P95)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Best:0.0} / {Median:0.0} / {P95:0.0}");
    }

    private static async Task<Timing> TimeAsync(Func<Task> action)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await action();
        }

        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new Timing(times[0], times[times.Count / 2], times[(int)Math.Ceiling(0.95 * times.Count) - 1]);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
