using ConnectingCommunities.Imports.Bench;

// Usage:
//   --provider Sqlite|Postgres [--connection SERVER] [--rows N] [--markdown FILE]
//     Generates a participants file of N rows (default 200,000) for lot WH, then through the real app's API
//     uploads it, waits for the preview, applies it, and imports the same file again (every row unchanged).
//     Each step is timed; the process's peak working set is reported.
return await ImportBenchmark.RunAsync(args);
