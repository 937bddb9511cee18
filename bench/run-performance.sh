#!/usr/bin/env bash
# Performance view figures, written to bench/results/performance.md:
#   1. the programme view and a lot view (WH) on the demo caseload (4,000) through the app's
#      PerformanceQueries, on SQLite and PostgreSQL, against the same aggregates as hand-written SQL;
#   2. the same on a PostgreSQL database of 2,000,000 participants built once with `cc demo-data`
#      (about 20 minutes; kept and reused: set CC_BENCH_REBUILD=1 to build it again).
# Needs a PostgreSQL 15 server; Release builds.
# Usage: bench/run-performance.sh [SERVER]   (default "Host=127.0.0.1;Port=55433;Username=postgres")
set -euo pipefail
cd "$(dirname "$0")/.."
server="${1:-Host=127.0.0.1;Port=55433;Username=postgres}"
large="${CC_BENCH_PARTICIPANTS:-2000000}"
database=cc_perf_2m
out=bench/results/performance.md
mkdir -p bench/results
dotnet build -c Release -v:q -nologo src/ConnectingCommunities.Cli > /dev/null
dotnet build -c Release -v:q -nologo bench/ConnectingCommunities.Performance.Bench > /dev/null
cc() { dotnet src/ConnectingCommunities.Cli/bin/Release/net10.0/cc.dll "$@"; }
bench() { dotnet bench/ConnectingCommunities.Performance.Bench/bin/Release/net10.0/ConnectingCommunities.Performance.Bench.dll "$@"; }

exists=$(psql "postgresql://postgres@127.0.0.1:55433/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" 2>/dev/null || true)
if [ "${CC_BENCH_REBUILD:-0}" = 1 ] || [ "$exists" != 1 ]; then
  psql "postgresql://postgres@127.0.0.1:55433/postgres" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" > /dev/null || true
  cc migrate --provider Postgres --connection "$server;Database=$database" > /dev/null
  cc demo-data --participants "$large" --provider Postgres --connection "$server;Database=$database"
fi

{
  echo "# Performance views"
  echo
  echo "Written by \`bench/run-performance.sh\` on $(date -u '+%-d %B %Y at %H:%M UTC')."
  echo
  echo '```'
  lscpu | grep -E 'Model name|^CPU\(s\)' | sed 's/  */ /g'
  echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo ".NET SDK $(dotnet --version)"
  echo '```'
  echo
} > "$out"
bench demo --provider Sqlite --participants 4000 --markdown "$out"
bench demo --provider Postgres --connection "$server" --participants 4000 --markdown "$out"
bench existing --connection "$server;Database=$database" --markdown "$out"
cat "$out"
