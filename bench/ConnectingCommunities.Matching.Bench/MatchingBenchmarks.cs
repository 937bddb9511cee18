using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ConnectingCommunities.Data;
using ConnectingCommunities.Data.Entities;
using ConnectingCommunities.Domain.People;
using ConnectingCommunities.Web.Features.Brokerage.Matching;
using ConnectingCommunities.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectingCommunities.Matching.Bench;

/// <summary>
/// Matching through the real <see cref="MatchingHandler"/> over the benchmark database (see
/// <see cref="MatchingBenchDatabase"/>), each call in a fresh DI scope as a request has, signed in as the lot's
/// advisor: a participant's top 20 vacancies (what GET /api/v1/participants/{id}/vacancy-matches does, the
/// access-log row included) and a vacancy's top 50 candidates among the lot's 30,000
/// (GET /api/v1/vacancies/{id}/candidates). Calls rotate over different participants and vacancies.
/// In process, so the app and its vacancy cache are built once.
/// </summary>
[Config(typeof(Config))]
public class MatchingBenchmarks
{
    public const string LotCode = "BW";

    private WebApplication? app;
    private ClaimsPrincipal? advisor;
    private Guid[] participants = [];
    private Guid[] vacancies = [];
    private int nextParticipant;
    private int nextVacancy;

    [GlobalSetup]
    public void SetUp() => SetUpAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void CleanUp() => app?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "Participant's top 20 vacancies (of 20,000 open)")]
    public async Task<int> ParticipantTop20()
    {
        var id = participants[nextParticipant++ % participants.Length];
        await using var scope = Scope();
        var handler = scope.ServiceProvider.GetRequiredService<MatchingHandler>();
        var found = await handler.VacancyMatchesAsync(id, includeExcluded: false, page: 1, pageSize: 20, logView: true)
            ?? throw new InvalidOperationException($"Participant {id} was not found.");
        return found.Matches.Items.Count;
    }

    [Benchmark(Description = "Vacancy's top 50 candidates (lot of 30,000)")]
    public async Task<int> VacancyTop50()
    {
        var id = vacancies[nextVacancy++ % vacancies.Length];
        await using var scope = Scope();
        var handler = scope.ServiceProvider.GetRequiredService<MatchingHandler>();
        var found = await handler.CandidatesAsync(id, includeExcluded: false, page: 1, pageSize: 50)
            ?? throw new InvalidOperationException($"Vacancy {id} was not found.");
        return found.Items.Count;
    }

    /// <summary>A scope as a request of the lot's advisor has.</summary>
    public AsyncServiceScope CreateScope() => Scope();

    private AsyncServiceScope Scope()
    {
        var scope = app!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = advisor!,
            RequestServices = scope.ServiceProvider,
        };
        return scope;
    }

    private async Task SetUpAsync()
    {
        app = MatchingBenchDatabase.Build(MatchingBenchDatabase.Connection);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcDbContext>();
        var email = $"ADVISOR.{LotCode}@DEMO.TEST";
        var user = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => new { u.Id, u.UserName }).SingleAsync();
        advisor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.UserName ?? email), new Claim(ClaimTypes.Role, Roles.Advisor)],
            "Bench"));
        var lot = await db.Lots.Where(l => l.Code == LotCode).Select(l => l.Id).SingleAsync();
        var lotSize = await db.Participants.CountAsync(p => p.LotId == lot && p.Status == ParticipantStatus.Active && db.JobGoals.Any(g => g.ParticipantId == p.Id));
        var today = Formatting.TodayInLondon(TimeProvider.System);
        var open = await db.Vacancies.CountAsync(v => v.Status == VacancyStatus.Open && v.ClosingOn >= today);
        if (lotSize < 30_000 || open < 20_000)
        {
            throw new InvalidOperationException($"The benchmark database has {lotSize:N0} candidates in {LotCode} and {open:N0} open vacancies: run 'setup' first.");
        }

        // Spread over the lot and over the open vacancies, the same ones every run.
        participants = [.. (await db.Participants.Where(p => p.LotId == lot && db.JobGoals.Any(g => g.ParticipantId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync()).Where((_, i) => i % 600 == 0)];
        vacancies = [.. (await db.Vacancies.Where(v => v.Status == VacancyStatus.Open && v.ClosingOn >= today)
            .OrderBy(v => v.Id).Select(v => v.Id).ToListAsync()).Where((_, i) => i % 400 == 0)];
        Console.WriteLine($"// {lotSize:N0} candidates in {LotCode}, {open:N0} open vacancies; rotating over {participants.Length} participants and {vacancies.Length} vacancies");
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithId("InProcess"));
            AddColumn(StatisticColumn.P95);
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
