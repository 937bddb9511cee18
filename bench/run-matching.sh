#!/usr/bin/env bash
# Matching figures, written to bench/results/matching.md (issue 9, "Speed"):
#   a participant's top 20 vacancies among 20,000 open ones (target under 50 ms) and a vacancy's top 50
#   candidates in a lot of 30,000 (target under 200 ms), through the real MatchingHandler, on PostgreSQL,
#   with 200,000 participants. The database cc_bench_matching is built once (the demo caseload loaded in
#   bulk, then topped up by SQL; several minutes) and reused: set CC_BENCH_REBUILD=1 to build it again.
# Needs a PostgreSQL 15 server; Release builds.
# Usage: bench/run-matching.sh [SERVER]   (default "Host=127.0.0.1;Port=55433;Username=postgres")
set -euo pipefail
cd "$(dirname "$0")/.."
server="${1:-Host=127.0.0.1;Port=55433;Username=postgres}"
participants="${CC_BENCH_PARTICIPANTS:-200000}"
database=cc_bench_matching
out=bench/results/matching.md
mkdir -p bench/results
dotnet build -c Release -v:q -nologo bench/ConnectingCommunities.Matching.Bench > /dev/null
bench() { dotnet bench/ConnectingCommunities.Matching.Bench/bin/Release/net10.0/ConnectingCommunities.Matching.Bench.dll "$@"; }
admin="postgresql://postgres@127.0.0.1:55433/postgres"

if [ "${CC_BENCH_REBUILD:-0}" = 1 ]; then
  psql "$admin" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" > /dev/null || true
fi
setup=$(bench setup --connection "$server" --participants "$participants" --vacancies 20000 --lot BW --lot-size 30000)
echo "$setup"

{
  echo "# Matching"
  echo
  echo "Written by \`bench/run-matching.sh\` on $(date -u '+%-d %B %Y at %H:%M UTC')."
  echo
  echo '```'
  lscpu | grep -E 'Model name|^CPU\(s\)' | sed 's/  */ /g'
  echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo ".NET SDK $(dotnet --version); PostgreSQL $(psql "$admin" -tAc 'SHOW server_version' 2>/dev/null || echo unknown)"
  echo "$setup" | tail -1
  echo '```'
  echo
} > "$out"
CC_BENCH_MATCHING="$server;Database=$database" bench --filter '*MatchingBenchmarks*' | tee /tmp/cc-bench-matching.log
{
  echo '```'
  grep -E '^\|' /tmp/cc-bench-matching.log
  echo '```'
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$out"
cat "$out"
