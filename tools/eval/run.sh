#!/usr/bin/env bash
# Builds every evaluation set, scores peers when available, and writes OUT/report.md + report.html
# (inline SVG plots) + headlines.json, flagging categories that dropped versus docs/eval/baseline.json.
#   tools/eval/run.sh [OUT]                 (default OUT: /tmp/vigil-eval)
#   UPDATE_BASELINE=1 tools/eval/run.sh     also rewrites docs/eval/baseline.json from this run
# Env: VIGIL_BIN (default tools/vigil, which builds release and the default index), VIGIL_INDEX,
#      VIGIL_SHARED_DATA (default ../shared/data; sets needing it are skipped when absent).
# Sets are written under OUT/sets, outside the repository: some sources are CC BY-NC.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-/tmp/vigil-eval}"
BIN="${VIGIL_BIN:-$ROOT/tools/vigil}"
SETS="$OUT/sets"
rm -rf "$SETS"
mkdir -p "$SETS"
for b in build_name_bench build_yente build_crosslist build_manipulations build_crossscript build_arabic_latin; do
  python3 "$ROOT/tools/eval/$b.py" --out "$SETS"
done
if [ -f "$SETS/name_bench.pairs.csv" ]; then
  python3 "$ROOT/tools/peers/score_pairs.py" "$SETS/name_bench.pairs.csv" --out "$SETS/peers.csv" || echo "peers skipped" >&2
fi
ARGS=(eval report --sets "$SETS" --out "$OUT" --data "$ROOT/data")
[ -n "${VIGIL_INDEX:-}" ] && ARGS+=(--index "$VIGIL_INDEX")
[ -f "$ROOT/docs/eval/baseline.json" ] && ARGS+=(--baseline "$ROOT/docs/eval/baseline.json")
"$BIN" "${ARGS[@]}"
if [ "${UPDATE_BASELINE:-0}" = 1 ]; then
  mkdir -p "$ROOT/docs/eval"
  cp "$OUT/headlines.json" "$ROOT/docs/eval/baseline.json"
  echo "updated docs/eval/baseline.json" >&2
fi
