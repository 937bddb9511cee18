using BenchmarkDotNet.Running;
using ConnectingCommunities.Claims.Bench;

// Usage:
//   claim --provider Sqlite|Postgres [--connection SERVER] [--lines N] [--lots K] [--markdown FILE]
//     The claim life cycle through the real app on a new database: for each of K lots (default 3)
//     N achieved, unclaimed milestones (default 10,000) are put in the database, then the lot's
//     provider manager creates the claim (builds and validates every line), submits it
//     (validates again and draws the audit sample), the commissioner approves every line not
//     sampled, and one payment run pays them. Each step is timed.
//   (anything else) BenchmarkDotNet, e.g. --filter '*ValidateClaim*': the domain validator alone.
return args is ["claim", ..]
    ? await ClaimLifeCycleBenchmark.RunAsync(args)
    : Run(args);

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ValidateClaimBenchmark).Assembly).Run(args);
    return 0;
}
