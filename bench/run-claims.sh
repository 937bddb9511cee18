#!/usr/bin/env bash
# Claim figures, in one run, written to bench/results/claims.md:
#   1. the claim life cycle through the real app for claims of 10,000 lines (three lots), on SQLite
#      and PostgreSQL: create (build and validate every line), read, submit (validate again and draw
#      the audit sample), approve the lines not sampled, and one payment run for all three;
#   2. the domain's validation steps alone over 10,000 lines (BenchmarkDotNet).
# Needs a PostgreSQL 15 server; Release builds. Takes about 5 minutes.
# Usage: bench/run-claims.sh [SERVER]   (default "Host=127.0.0.1;Port=55433;Username=postgres")
set -euo pipefail
cd "$(dirname "$0")/.."
server="${1:-Host=127.0.0.1;Port=55433;Username=postgres}"
out=bench/results/claims.md
mkdir -p bench/results
dotnet build -c Release -v:q -nologo bench/ConnectingCommunities.Claims.Bench > /dev/null
bench() { dotnet bench/ConnectingCommunities.Claims.Bench/bin/Release/net10.0/ConnectingCommunities.Claims.Bench.dll "$@"; }
{
  echo "# Claims of 10,000 lines"
  echo
  echo "Written by \`bench/run-claims.sh\` on $(date -u '+%-d %B %Y at %H:%M UTC')."
  echo
  echo '```'
  lscpu | grep -E 'Model name|^CPU\(s\)' | sed 's/  */ /g'
  echo ".NET SDK $(dotnet --version)"
  echo '```'
  echo
  echo "## Through the app"
  echo
} > "$out"
for provider in Sqlite Postgres; do
  bench claim --provider "$provider" --connection "$server" --lines 10000 --lots 3 --markdown "$out" > /dev/null
done
{
  echo "## The validation steps alone"
  echo
  echo '```'
} >> "$out"
bench --filter '*ValidateClaim*' --job short | grep -E '^\|' >> "$out"
echo '```' >> "$out"
cat "$out"
