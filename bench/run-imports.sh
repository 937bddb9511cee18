#!/usr/bin/env bash
# Provider import figures, written to bench/results/imports.md: a generated participants file of 200,000 rows
# through the real app's API on SQLite and on PostgreSQL: upload, validation (the preview), apply in one
# transaction, then the same file again (every row unchanged); and the process's peak working set.
# Needs a PostgreSQL 15 server; Release build. Takes a few minutes.
# Usage: bench/run-imports.sh [SERVER] [ROWS]   (defaults "Host=127.0.0.1;Port=55433;Username=postgres", 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
server="${1:-Host=127.0.0.1;Port=55433;Username=postgres}"
rows="${2:-200000}"
out=bench/results/imports.md
mkdir -p bench/results
dotnet build -c Release -v:q -nologo bench/ConnectingCommunities.Imports.Bench > /dev/null
bench() { dotnet bench/ConnectingCommunities.Imports.Bench/bin/Release/net10.0/ConnectingCommunities.Imports.Bench.dll "$@"; }
{
  echo "# Importing $(printf "%'d" "$rows") participants"
  echo
  echo "Written by \`bench/run-imports.sh\` on $(date -u '+%-d %B %Y at %H:%M UTC')."
  echo
  echo '```'
  lscpu | grep -E 'Model name|^CPU\(s\)' | sed 's/  */ /g'
  echo ".NET SDK $(dotnet --version)"
  echo '```'
  echo
  echo "Each database run is a new process: the app (Kestrel) and the benchmark client share it, so the peak working set is the whole"
  echo "process's, app and client together. Validate: from the upload's answer until the status leaves Validating (the preview is"
  echo "ready). Apply: the POST /apply request, which checks every row again and writes in one transaction."
  echo
  echo "| Database | Run | Upload | Validate | Apply | Total |"
  echo "|---|---|---:|---:|---:|---:|"
} > "$out"
for provider in Sqlite Postgres; do
  bench --provider "$provider" --connection "$server" --rows "$rows" --markdown "$out.$provider" > /dev/null
done
{
  grep '^|' "$out.Sqlite"; grep '^|' "$out.Postgres"
  echo
  grep -v '^|' "$out.Sqlite" | sed '/^$/d'
  echo
  grep -v '^|' "$out.Postgres" | sed '/^$/d'
} >> "$out"
rm -f "$out.Sqlite" "$out.Postgres"
cat "$out"
