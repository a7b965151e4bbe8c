#!/usr/bin/env bash
# Spark job test: ~2,000 real-like customers plus bad rows (no name, bad date, wrong field count,
# mixed line endings, blank line, a quoted name spanning lines) through screen_job.py in local[2,4], with the
# first vigil run made to fail so that the partition must be retried; the output must equal a direct
# `vigil screen` of the same file. Skips (exit 0) when java or pyspark is absent; it never installs
# (tools/spark/run-local.sh does).
#   tools/spark/test_spark.sh [ROWS]    (default 2000)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROWS="${1:-2000}"
VENV="${VIGIL_SPARK_VENV:-$HOME/.cache/vigil/spark-venv}"
export VIGIL_SPARK_VENV="$VENV"

command -v java >/dev/null || { echo "SKIP spark test: java not found"; exit 0; }
"$VENV/bin/python" -c "import pyspark" 2>/dev/null \
  || { echo "SKIP spark test: pyspark not installed in $VENV (tools/spark/run-local.sh installs it)"; exit 0; }

TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
SRC="$ROOT/../shared/data/names/synthetic_customers_faker40.54_1M.csv.gz"
if [ -f "$SRC" ]; then
  { zcat "$SRC" || true; } | head -n $((ROWS + 1)) > "$TMP/customers.csv"
else
  cp "$ROOT/data/samples/customers.csv" "$TMP/customers.csv"
fi
# Bad rows at the end, with LF endings after the file's CRLF, the row spanning lines last:
# screen_job numbers rows by record, vigil by line.
python3 - "$TMP/customers.csv" <<'EOF'
import csv, sys
path = sys.argv[1]
header = next(csv.reader(open(path, encoding="utf-8")))
name = "full_name" if "full_name" in header else "name"
def row(**kv):
    kv = {("name" if k == "name_" else k): v for k, v in kv.items()}
    kv[name] = kv.pop("name", "")
    return [kv.get(h, "") for h in header]
good = [row(id="E01", name_="Владимир Путин", birth_date="1952-10-07"),
        row(id="E02", name_=""),
        row(id="E03", name_="Kim Jong Sik", birth_date="1975-13-45"),
        row(id="E04", name_='Ahmed "the engineer" Al-Sayed, Jr.'),
        row(id="", name_="Rami Makhlouf"),
        row(id="E06", name_="  Saddam Hussein  ", gender="yes")]
with open(path, "a", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(good)
with open(path, "ab") as f:
    f.write(b"E07,Osama bin Laden\n")                                  # too few fields
    f.write(b"E08,Ali Khamenei" + b",x" * len(header) + b"\n")         # too many fields
    f.write(b"\n")                                                     # blank line: no row
with open(path, "a", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerow(row(id="E10", name_="Bashar\nal-Assad"))
EOF

# Fails the first vigil run of the job (mkdir is atomic across tasks); Spark must retry that task.
cat > "$TMP/vigil-flaky" <<EOF
#!/bin/sh
mkdir "$TMP/failed-once" 2>/dev/null && { echo "injected failure" >&2; exit 3; }
exec "$ROOT/.build/release/vigil" "\$@"
EOF
chmod +x "$TMP/vigil-flaky"

start=$(date +%s)
VIGIL_SPARK_INPUT="$TMP/customers.csv" VIGIL_SPARK_SHIP="$TMP/vigil-flaky" \
  bash "$HERE/run-local.sh" "$ROWS" > "$TMP/run.txt" 2>&1 && ok=1 || ok=0
cat "$TMP/run.txt"
grep -q "^equal: " "$TMP/run.txt" || ok=0
[ -d "$TMP/failed-once" ] || { echo "the injected failure never ran"; ok=0; }
grep -q "injected failure" "$HERE/.work/spark.log" && echo "retried: a vigil run failed once and its task was retried"
echo "spark test: $(( $(date +%s) - start )) s"
if [ "$ok" = 1 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; exit 1; fi
