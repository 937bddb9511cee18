#!/usr/bin/env bash
# Runs the logistic regression benchmark and R's glm.fit on the same data, in one run, and
# writes the figures to bench/results/. Needs R (apt-get install -y r-base-core).
# Usage: bench/run-statistics.sh [DATA_DIR]   (DATA_DIR defaults to a temporary folder; 250 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-$(mktemp -d)}"
results=bench/results
project=bench/ConnectingCommunities.Statistics.Bench
mkdir -p "$results"

dotnet build -c Release "$project" > /dev/null
dll="$project/bin/Release/net10.0/ConnectingCommunities.Statistics.Bench.dll"

echo "== machine" | tee "$results/statistics-machine.txt"
{ lscpu | grep -E 'Model name|^CPU\(s\)|L2|L3'; free -g | head -2; dotnet --version; R --version | head -1; } | tee -a "$results/statistics-machine.txt"

echo "== exporting the design for R"
dotnet "$dll" export "$data"

echo "== R glm.fit"
Rscript bench/results/r-glm-timing.R "$data" 3 | tee "$results/statistics-r-timing.txt"

echo "== peak memory (fresh process)"
dotnet "$dll" memory | tee "$results/statistics-memory.txt"

echo "== BenchmarkDotNet"
dotnet "$dll" --filter '*FitBenchmarks*' --exporters github --artifacts "$data/bdn" | tail -30
cp "$data"/bdn/results/*FitBenchmarks-report-github.md "$results/statistics-benchmarkdotnet.md"
cat "$results/statistics-benchmarkdotnet.md"
