#!/usr/bin/env bash
# The 1M-name scale index (issue 7) end to end: writes the scale list (tools/gen-scale-list.py, from
# ../shared/data), builds an index of it plus the lists in data/, then reports build time and peak
# memory, file size, open time (index info) and open + one query with memory, and bulk screening throughput of ROWS
# synthetic customers against it.
#   tools/bench-scale.sh [ROWS] [NAMES]     (defaults 20000 customers, 1,000,000 listed names)
# Work files go to ${SCALE_DIR:-/tmp/vigil-scale} (about 1 GB while it runs; the list is kept for reruns).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-20000}"
NAMES="${2:-1000000}"
SHARED="$ROOT/../shared/data"
[ -d "$SHARED" ] || { echo "bench-scale: $SHARED not found (the scale list is built from it)"; exit 0; }
"$ROOT/tools/vigil" --version >/dev/null   # builds release and the default index when stale
BIN="$ROOT/.build/release/vigil"
DIR="${SCALE_DIR:-/tmp/vigil-scale}"
mkdir -p "$DIR"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

# The default index's sources, named one by one (--source replaces the defaults), plus the scale list.
DATA="$ROOT/data/lists"
SOURCES=(--source "ofac-csv=$DATA/ofac" --source "ofac-cons-csv=$(ls -d "$DATA"/ofac/consolidated_* | tail -1)")
for f in "$DATA"/un/*.xml "$DATA"/au/*.xlsx "$DATA"/uk/*.csv; do SOURCES+=(--source "$f"); done
DEFAULT_NAMES=$("$BIN" index info 2>/dev/null | awk '/names:/ {for (i = 1; i <= NF; i++) if ($i == "names:") print $(i + 1)}')
LIST="$DIR/scale-$NAMES.csv"
if [ ! -f "$LIST" ]; then
  python3 "$ROOT/tools/gen-scale-list.py" --names $((NAMES - ${DEFAULT_NAMES:-0})) --out "$LIST"
fi
SOURCES+=(--source "csv=$LIST")

INDEX="$DIR/scale.vigil"
/usr/bin/time -f "build: %e s wall, %U s user, peak RSS %M KB" "$BIN" index build --out "$INDEX" "${SOURCES[@]}" 2>"$DIR/build.log" || { tail "$DIR/build.log"; exit 1; }
grep -E "^wrote|^build:" "$DIR/build.log"
echo "file: $(du -m "$INDEX" | cut -f1) MB"
# Open alone (`index info`: map, verify every checksum and id) and open + matcher ready + one query.
for i in 1 2 3; do
  /usr/bin/time -f "open (index info, whole process): %e s, RSS %M KB" "$BIN" index info --index "$INDEX" 2>&1 >/dev/null | tail -1
done
for i in 1 2 3; do
  /usr/bin/time -f "open + matcher + one query: %e s, RSS %M KB" "$BIN" query --index "$INDEX" "Xi Jinping" 2>&1 >/dev/null | tail -1
done

CUSTOMERS="$DIR/customers-$ROWS.csv"
{ zcat "$SHARED/names/synthetic_customers_faker40.54_1M.csv.gz" || true; } | head -n $((ROWS + 1)) > "$CUSTOMERS"
/usr/bin/time -f "screen: %e s wall including open, RSS %M KB" "$BIN" screen "$CUSTOMERS" --index "$INDEX" --out "$DIR/out.jsonl" 2>&1 | tail -2
echo "rows in: $ROWS, rows out: $(wc -l < "$DIR/out.jsonl")"
