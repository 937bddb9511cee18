using ConnectingCommunities.Participants.Bench;

// Usage:
//   search --provider Sqlite|Postgres [--connection SERVER] --participants N [--requests R] [--markdown FILE]
//     Starts the real app on a new database (SQLite: a temporary file; PostgreSQL: a new database on
//     SERVER), lets its start-up create the demo caseload of N participants, then times
//     GET /api/v1/participants?search=...&lotCode=... for a mix of name, reference, NINO and
//     postcode searches as each lot's advisor, and prints p50/p95/p99.
//   drop-database --connection SERVER --name NAME
//     Drops a PostgreSQL database if it exists (for bench/run-participants.sh).
return args is ["drop-database", ..]
    ? await SearchBenchmark.DropDatabaseAsync(args)
    : await SearchBenchmark.RunAsync(args);
