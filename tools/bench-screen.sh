#!/usr/bin/env bash
# End-to-end bulk screening throughput: N synthetic customers (../shared/data/names, 1M rows,
# mixed scripts) through the release `vigil screen` against the default index.
#   tools/bench-screen.sh [ROWS]     (default 100000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-100000}"
SRC="$ROOT/../shared/data/names/synthetic_customers_faker40.54_1M.csv.gz"
[ -f "$SRC" ] || { echo "bench-screen: $SRC not found (needs ../shared/data)"; exit 0; }
"$ROOT/tools/vigil" --version >/dev/null   # builds release and the default index when stale
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
# zcat dies of SIGPIPE when head has enough: not an error.
{ zcat "$SRC" || true; } | head -n $((ROWS + 1)) > "$TMP/customers.csv"
BIN="$ROOT/.build/release/vigil"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
start=$(date +%s.%N)
"$BIN" screen "$TMP/customers.csv" --out "$TMP/out.jsonl" 2>"$TMP/summary.txt"
end=$(date +%s.%N)
cat "$TMP/summary.txt"
lines=$(wc -l < "$TMP/out.jsonl")
echo "rows in: $ROWS, rows out: $lines, wall: $(awk "BEGIN{printf \"%.2f\", $end - $start}") s (includes index open)"
