#!/usr/bin/env bash
# Participant scale figures, in one run, written to bench/results/participants.md:
#   1. the rate of `cc demo-data` loading 200,000 participants with their records into PostgreSQL
#      (a new database each time, three runs);
#   2. the p50/p95 of the caseload search (GET /api/v1/participants?search=...&lotCode=...) through
#      the real app on the 4,000-participant demo caseload and on 200,000, on SQLite and PostgreSQL.
# Needs a PostgreSQL 15 server; Release builds. Takes about 15 minutes.
# Usage: bench/run-participants.sh [SERVER]   (default "Host=127.0.0.1;Port=55433;Username=postgres")
set -euo pipefail
cd "$(dirname "$0")/.."
server="${1:-Host=127.0.0.1;Port=55433;Username=postgres}"
large="${CC_BENCH_PARTICIPANTS:-200000}"
results=bench/results
out="$results/participants.md"
raw=$(mktemp)
mkdir -p "$results"

dotnet build -c Release -v:q -nologo src/ConnectingCommunities.Cli > /dev/null
dotnet build -c Release -v:q -nologo bench/ConnectingCommunities.Participants.Bench > /dev/null
cc() { dotnet src/ConnectingCommunities.Cli/bin/Release/net10.0/cc.dll "$@"; }
bench() { dotnet bench/ConnectingCommunities.Participants.Bench/bin/Release/net10.0/ConnectingCommunities.Participants.Bench.dll "$@"; }

{
  echo "# Participants at scale"
  echo
  echo "Written by \`bench/run-participants.sh\` on $(date -u '+%-d %B %Y at %H:%M UTC')."
  echo
  echo '```'
  lscpu | grep -E 'Model name|^CPU\(s\)' | sed 's/  */ /g'
  free -g | awk '/Mem:/ {print "Memory: " $2 " GB"}'
  echo ".NET SDK $(dotnet --version); $(psql --version 2>/dev/null || echo 'PostgreSQL 15')"
  echo '```'
  echo
  echo "## Loading: \`cc demo-data --participants $large\` into PostgreSQL"
  echo
  echo "Each run: a new database, \`cc migrate\` (not timed), then \`cc demo-data\`, which generates the"
  echo "caseload and loads it with binary COPY in one transaction, setting the tables' keys and indexes"
  echo "aside and restoring them afterwards. The time is the whole load, restoring included, as"
  echo "\`cc demo-data\` reports it."
  echo
  echo "Each participant comes with about 20 records (barriers and their reviews, goals, actions, about"
  echo "seven interventions, the Engaged milestone), so rows a second are about 21 times participants a"
  echo "second. The load is bound by CPU: while rows are written, generating them, Npgsql's COPY writer"
  echo "and the PostgreSQL backend share the machine's cores; afterwards PostgreSQL rebuilds the eight"
  echo "tables' primary keys, secondary indexes and foreign keys in the same transaction (the second line"
  echo "of each run). Keeping the indexes in place during the load took twice as long in all."
  echo
  echo '```'
} > "$out"

for run in 1 2 3; do
  bench drop-database --connection "$server" --name cc_bench_load
  cc migrate --provider Postgres --connection "$server;Database=cc_bench_load" > /dev/null
  cc demo-data --participants "$large" --provider Postgres --connection "$server;Database=cc_bench_load" | tee -a "$raw"
done
bench drop-database --connection "$server" --name cc_bench_load
cat "$raw" >> "$out"
echo '```' >> "$out"

{
  echo
  echo "## Caseload search through the app"
  echo
  echo "\`bench search\`: the app (Release, Kestrel on a local port, bearer tokens) starts on an empty"
  echo "database and creates the demo caseload itself; then each lot's advisor searches their own lot"
  echo "(\`GET /api/v1/participants?lotCode=..&search=..\`) by last name, first and last name, the first"
  echo "three letters of a last name, reference, National Insurance number (as printed, with spaces),"
  echo "full postcode and postcode sector, taken from participants spread through the caseload; one"
  echo "request at a time, after 60 to warm up. Times are from sending the request to reading the"
  echo "whole response (first page of 50)."
  echo
} >> "$out"

for provider in Sqlite Postgres; do
  for participants in 4000 "$large"; do
    bench search --provider "$provider" --connection "$server" --participants "$participants" --requests 700 --markdown "$out" > /dev/null
  done
done

rm -f "$raw"
cat "$out"
