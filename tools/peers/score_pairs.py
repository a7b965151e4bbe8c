#!/usr/bin/env python3
"""Scores labelled name pairs with peer matchers, for the report's side-by-side table.

Input: a pairs CSV (name1,name2,is_match[,category][,schema]; the name_bench cases.csv works too).
Output (--out): name1,name2,is_match,category,schema, then one score column (0..1) per scorer:
  rapidfuzz_wratio   rapidfuzz.fuzz.WRatio on default-processed (lower-cased, punctuation-stripped) names / 100
  rapidfuzz_jw       rapidfuzz.distance.JaroWinkler.normalized_similarity on the same
  nomenklatura_logic_v2   nomenklatura's logic-v2 matcher, when nomenklatura installs (optional)
  logicv2_frozen     the frozen logic-v2 scores shipped beside name_bench (eval/nomenklatura_name_bench/
                     logicv2-frozen.csv, 812 cases), joined on (schema, name1, name2), when present
Each peer is optional: a missing package is skipped with a message; empty cells mean "not scored".
  pip install rapidfuzz            # nomenklatura is optional: pip install nomenklatura
  python3 tools/peers/score_pairs.py /tmp/vigil-eval/sets/name_bench.pairs.csv --out /tmp/vigil-eval/sets/peers.csv
"""
import argparse
import csv
import os
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FROZEN = os.path.join(REPO, "..", "shared", "data", "eval", "nomenklatura_name_bench", "logicv2-frozen.csv")

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("pairs")
p.add_argument("--out", required=True)
p.add_argument("--frozen", default=FROZEN)
a = p.parse_args()

with open(a.pairs, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
for r in rows:
    r["category"] = r.get("category") or r.get("case_group") or "all"
    r["schema"] = r.get("schema") or "Person"

scorers = []
try:
    from rapidfuzz import fuzz, utils
    from rapidfuzz.distance import JaroWinkler

    scorers.append(("rapidfuzz_wratio", lambda r: fuzz.WRatio(r["name1"], r["name2"], processor=utils.default_process) / 100))
    scorers.append(("rapidfuzz_jw", lambda r: JaroWinkler.normalized_similarity(
        utils.default_process(r["name1"]), utils.default_process(r["name2"]))))
except ImportError:
    print("skip rapidfuzz: not installed (pip install rapidfuzz)", file=sys.stderr)

try:
    from followthemoney import model
    from nomenklatura.matching import get_algorithm

    algo = get_algorithm("logic-v2")
    if algo is None:
        raise ImportError("logic-v2 not in this nomenklatura")

    counter = [0]

    def logic_v2(r):
        # Unique ids per pair: nomenklatura caches comparisons by entity id.
        counter[0] += 1
        schema = r["schema"] if r["schema"] in model.schemata else "LegalEntity"
        q = model.make_entity(schema)
        q.id = f"q{counter[0]}"
        q.add("name", r["name1"])
        c = model.make_entity(schema)
        c.id = f"c{counter[0]}"
        c.add("name", r["name2"])
        return algo.compare(q, c, algo.default_config()).score

    scorers.append(("nomenklatura_logic_v2", logic_v2))
except Exception as e:  # ImportError or an API change between versions
    print(f"skip nomenklatura logic-v2: {e}", file=sys.stderr)

frozen = {}
if os.path.exists(a.frozen):
    with open(a.frozen, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            frozen[(r["schema"], r["name1"], r["name2"])] = r["score"]
    scorers.append(("logicv2_frozen", lambda r: frozen.get((r["schema"], r["name1"], r["name2"]), "")))
else:
    print(f"skip logicv2_frozen: {a.frozen} absent", file=sys.stderr)

if not scorers:
    print("no peer scorer available; nothing written", file=sys.stderr)
    sys.exit(0)
with open(a.out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["name1", "name2", "is_match", "category", "schema"] + [n for n, _ in scorers])
    for r in rows:
        vals = []
        for _, fn in scorers:
            v = fn(r)
            vals.append("" if v == "" else f"{float(v):.4f}")
        w.writerow([r["name1"], r["name2"], r["is_match"].lower(), r["category"], r["schema"]] + vals)
print(f"wrote {a.out}: {len(rows)} pairs, scorers: {', '.join(n for n, _ in scorers)}", file=sys.stderr)
