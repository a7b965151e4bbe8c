#!/usr/bin/env python3
"""nomenklatura name_bench cases.csv -> name_bench.pairs.csv (as is: schema, category or case_group)."""
import csv
import os
from common import arguments, require, write_pairs

a = arguments(__doc__)
src = os.path.join(a.shared, "eval", "nomenklatura_name_bench", "cases.csv")
require([src], "name_bench")
rows = []
with open(src, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        rows.append((r["name1"], r["name2"], r["is_match"].lower() in ("true", "1"),
                     r.get("category") or r.get("case_group") or "all", r.get("schema") or "Person"))
write_pairs(a.out, "name_bench", rows)
