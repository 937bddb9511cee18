using ConnectingCommunities.Performance.Bench;

// Usage:
//   demo --provider Sqlite|Postgres [--connection SERVER] [--participants N] [--markdown FILE]
//     Starts the real app on a new database with the demo caseload (default 4,000) and times the
//     programme view and one lot view (Washwood Heath) as the commissioner, and the same aggregates
//     as hand-written SQL.
//   existing --connection "Host=...;Database=cc_perf_2m" [--markdown FILE]
//     The same on a PostgreSQL database already built by `cc demo-data` (e.g. 2,000,000 participants).
return await PerformanceViewBenchmark.RunAsync(args);
