using BenchmarkDotNet.Running;
using ConnectingCommunities.Matching.Bench;

// Usage:
//   setup [--connection SERVER] [--participants N] [--vacancies V] [--lot CODE] [--lot-size S]
//     Builds the PostgreSQL database cc_bench_matching once (kept and reused): the demo caseload of N
//     participants (default 200,000) loaded in bulk by the app's own start-up, then, by SQL, every
//     participant on the programme with job goals, V open vacancies in all (default 20,000) and one lot
//     (default BW) made exactly S participants (default 30,000).
//   profile [--runs N]
//     Each benchmark N times (default 20) with the mean time of each SQL command it sends.
//   (anything else) BenchmarkDotNet over that database, e.g. --filter '*Matching*': a participant's top 20
//     vacancies and a vacancy's top 50 candidates in the lot, through the real MatchingHandler.
//     The database is read from CC_BENCH_MATCHING (default SERVER;Database=cc_bench_matching).
return args switch
{
    ["setup", ..] => await MatchingBenchDatabase.SetUpAsync(args),
    ["profile", ..] => await MatchingProfile.RunAsync(args),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
    return 0;
}
