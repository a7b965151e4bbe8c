#!/usr/bin/env bash
# Runs screen_job.py in Spark local mode on N customers, then `vigil screen` directly on the same
# file, and checks that both give the same rows in the same order; prints both throughputs.
#   tools/spark/run-local.sh [ROWS]          (default 5000; exit 1 when the outputs differ)
# Environment: FORMAT=jsonl|parquet (default parquet), ORDER=id|input (default id), PARTITIONS (default: one per core),
#   MASTER (default local[2,4]: 2 cores, a task tried up to 4 times), VIGIL_SPARK_VENV (where pyspark
#   is installed, default ~/.cache/vigil/spark-venv), VIGIL_SPARK_INPUT (a customer CSV to use as is),
#   VIGIL_SPARK_SHIP (the program shipped as vigil, default the release binary; the test ships a wrapper).
# Files are left in tools/spark/.work/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROWS="${1:-5000}"
FORMAT="${FORMAT:-parquet}"
ORDER="${ORDER:-id}"
MASTER="${MASTER:-local[2,4]}"
PARTITIONS="${PARTITIONS:-$(nproc)}"
VENV="${VIGIL_SPARK_VENV:-$HOME/.cache/vigil/spark-venv}"
command -v java >/dev/null || { echo "run-local: java not found (Spark needs Java 8, 11 or 17)" >&2; exit 1; }
bash "$HERE/install.sh"

"$ROOT/tools/vigil" --version >/dev/null   # builds the release binary and the default index when stale
BIN="$ROOT/.build/release/vigil"
INDEX="$(dirname "$(readlink -f "$BIN")")/default.vigil"
SHIP="${VIGIL_SPARK_SHIP:-$BIN}"

WORK="$HERE/.work"
rm -rf "$WORK" && mkdir -p "$WORK"
if [ -n "${VIGIL_SPARK_INPUT:-}" ]; then
  cp "$VIGIL_SPARK_INPUT" "$WORK/customers.csv"
else
  SRC="$ROOT/../shared/data/names/synthetic_customers_faker40.54_1M.csv.gz"
  if [ -f "$SRC" ]; then
    { zcat "$SRC" || true; } | head -n $((ROWS + 1)) > "$WORK/customers.csv"   # zcat's SIGPIPE is fine
  else
    echo "run-local: $SRC not found; using data/samples/customers.csv" >&2
    cp "$ROOT/data/samples/customers.csv" "$WORK/customers.csv"
  fi
fi
echo "customers: $(( $(wc -l < "$WORK/customers.csv") - 1 )) lines in $WORK/customers.csv; $(nproc) cores"

export PYSPARK_PYTHON="$VENV/bin/python"   # the executors' Python, with pyspark
start=$(date +%s.%N)
"$VENV/bin/spark-submit" --master "$MASTER" --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
  "${VIGIL_SPARK_JOB:-$HERE/screen_job.py}" "$WORK/customers.csv" "$SHIP" "$INDEX" "$WORK/spark-out" \
  --format "$FORMAT" --partitions "$PARTITIONS" --order "$ORDER" 2> "$WORK/spark.log" | tee "$WORK/spark-summary.txt" \
  || { tail -40 "$WORK/spark.log" >&2; exit 1; }
spark_wall=$(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}")

start=$(date +%s.%N)
"$BIN" screen "$WORK/customers.csv" --index "$INDEX" --format jsonl > "$WORK/direct.jsonl" 2> "$WORK/direct.log"
direct_wall=$(awk "BEGIN{printf \"%.2f\", $(date +%s.%N) - $start}")
echo "direct: $(cat "$WORK/direct.log")"

rows=$(wc -l < "$WORK/direct.jsonl")
echo "throughput: spark $MASTER $(awk "BEGIN{printf \"%.0f\", $rows / $spark_wall}") rows/s end to end" \
  "($spark_wall s with JVM start); direct vigil $(awk "BEGIN{printf \"%.0f\", $rows / $direct_wall}") rows/s" \
  "($direct_wall s with index open)"
"$VENV/bin/python" "$HERE/compare.py" "$WORK/direct.jsonl" "$WORK/spark-out" "$ORDER" 2> "$WORK/compare.log"
