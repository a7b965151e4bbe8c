#!/usr/bin/env bash
# List-update re-screening at scale (issue 11): 1M synthetic customers are loaded into a store screened
# against the default lists with the UN list of 2024-11-30; then `vigil monitor update` moves it to the
# default index (UN 2026-02-27: 136 entities added, 25 changed, 12 removed). Compared with a full
# re-screen of every customer (`vigil screen`): time, and the alerts must be the same pairs.
# CHANGE=day makes the update a typical day's instead: the UN list adds $DAILY (6) individuals.
#   tools/bench-monitor.sh [ROWS]     (default 1000000; ~15 min on 2 cores for 1M)
#   CHANGE=day tools/bench-monitor.sh 200000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-1000000}"
CUSTOMERS="$ROOT/../shared/data/names/synthetic_customers_faker40.54_1M.csv.gz"
UN2024="$ROOT/../shared/data/lists/un/consolidated_2024-11-30.xml"
[ -f "$CUSTOMERS" ] && [ -f "$UN2024" ] || { echo "bench-monitor: SKIP (../shared/data absent)"; exit 0; }
"$ROOT/tools/vigil" --version >/dev/null   # builds the release binary and the default index
BIN="$ROOT/.build/release/vigil"
NEW="$ROOT/.build/release/default.vigil"
W="$(mktemp -d /tmp/vigil-bench-monitor.XXXXXX)"
trap 'rm -rf "$W"' EXIT

cp -r "$ROOT/data" "$W/data-old"
UNNEW="$W/data-old/lists/un/consolidated_2026-02-27.xml"
if [ "${CHANGE:-year}" = day ]; then
  # A typical day: the UN list adds a few people. The old version is today's without the first
  # $DAILY individuals that the 2024 list lacks.
  python3 - "$UNNEW" "$UN2024" "${DAILY:-6}" <<'PY'
import re, sys
new, old, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(new, encoding="utf-8").read()
known = set(re.findall(r"<DATAID>(\d+)</DATAID>", open(old, encoding="utf-8").read()))
dropped = 0
def drop(m):
    global dropped
    ident = re.search(r"<DATAID>(\d+)</DATAID>", m.group(0)).group(1)
    if ident in known or dropped >= n: return m.group(0)
    dropped += 1
    return ""
text = re.sub(r"<INDIVIDUAL>.*?</INDIVIDUAL>\s*", drop, text, flags=re.S)
open(new, "w", encoding="utf-8").write(text)
print(f"old version: today's UN list without {dropped} of its new individuals")
PY
else
  # The default sources name the UN file; the 2024 content takes its place (its date is read from the XML).
  cp "$UN2024" "$UNNEW"
fi
"$BIN" index build --out "$W/old.vigil" --data "$W/data-old" 2>&1 | tail -1
{ zcat "$CUSTOMERS" || true; } | head -$((ROWS + 1)) > "$W/customers.csv"  # zcat stops on SIGPIPE when ROWS < 1M

start=$(date +%s.%N)
"$BIN" monitor load "$W/customers.csv" --store "$W/store.db" --index "$W/old.vigil"
load=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
"$BIN" monitor update --store "$W/store.db" --index "$NEW"
update=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
"$BIN" screen "$W/customers.csv" --index "$NEW" --out "$W/full.jsonl" 2>&1 | tail -1
full=$(echo "$(date +%s.%N) - $start" | bc)
"$BIN" monitor alerts --store "$W/store.db" > "$W/alerts.jsonl"
python3 - "$W/full.jsonl" "$W/alerts.jsonl" <<'PY'
import json, sys
full = set()
for line in open(sys.argv[1]):
    r = json.loads(line)
    for m in r.get("matches", []):
        if m["score"] >= r.get("threshold", 0.8):
            full.add((r["id"], m["entity_id"]))
store = {(a["customer_id"], a["entity_id"]) for a in map(json.loads, open(sys.argv[2]))}
print(f"alerts: full re-screen {len(full)}, store after update {len(store)}, only in full {len(full - store)}, only in store {len(store - full)}")
for x in sorted(full ^ store)[:10]: print("  differs:", x)
sys.exit(0 if full == store else 1)
PY
echo "rows $ROWS: load (screen all + customer index) $(printf %.1f "$load") s; update $(printf %.2f "$update") s; full re-screen $(printf %.1f "$full") s; ratio full/update $(echo "$full / $update" | bc -l | xargs printf %.1f)"
