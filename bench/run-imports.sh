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
# The import logs where each pass's time went (loading what the checks need, reading the file, checking, writing).
# (env, not export: the logger's category has dots, which a shell variable name cannot.)
bench() {
  env "Logging__LogLevel__ConnectingCommunities.Web.Features.ProviderImports.ImportProcessor=Information" \
    dotnet bench/ConnectingCommunities.Imports.Bench/bin/Release/net10.0/ConnectingCommunities.Imports.Bench.dll "$@"
}
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
  echo "load average before the $provider run: $(cut -d' ' -f1-3 /proc/loadavg)" > "$out.$provider.load"
  bench --provider "$provider" --connection "$server" --rows "$rows" --markdown "$out.$provider" > "$out.$provider.log" 2>&1
  echo "load average after the $provider run: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out.$provider.load"
done
{
  grep '^|' "$out.Sqlite"; grep '^|' "$out.Postgres"
  echo
  grep -v '^|' "$out.Sqlite" | sed '/^$/d'
  echo
  grep -v '^|' "$out.Postgres" | sed '/^$/d'
  echo
  echo "The machine's load (1, 5 and 15-minute load averages; it has $(nproc) CPUs):"
  echo
  echo '```'
  cat "$out.Sqlite.load" "$out.Postgres.load"
  echo '```'
  echo
  echo "Where each pass's time went, from the import's own log (the apply pass checks every row again before writing):"
  echo
  echo '```'
  for provider in Sqlite Postgres; do
    echo "$provider:"
    grep -o 'Import [0-9a-f-]* \(Validating\|Applying\):.*' "$out.$provider.log" | sed 's/^Import [0-9a-f-]* /  /'
  done
  echo '```'
} >> "$out"
rm -f "$out.Sqlite" "$out.Postgres" "$out.Sqlite.load" "$out.Postgres.load" "$out.Sqlite.log" "$out.Postgres.log"
cat "$out"
