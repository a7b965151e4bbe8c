"""Shared helpers for the evaluation set builders (Python 3 stdlib only).

Every builder reads ../shared/data (or --shared DIR), writes into --out DIR (outside the repo, e.g.
/tmp/vigil-eval/sets) and exits 0 with a message when its source files are absent. Set files:
  NAME.pairs.csv                                 name1,name2,is_match,category,schema
  NAME.queries.csv + NAME.expected.csv           customers (id,name) + id,expected_entity_id,category[,ignore_entity_ids]
  notes.txt                                      one line per builder note, shown in the report
"""
import argparse
import csv
import os
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_SHARED = os.path.abspath(os.path.join(REPO, "..", "shared", "data"))


def arguments(description, extra=None):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--shared", default=os.environ.get("VIGIL_SHARED_DATA", DEFAULT_SHARED), help="the shared data folder")
    p.add_argument("--data", default=os.path.join(REPO, "data"), help="the repository's data/ folder (default lists)")
    p.add_argument("--out", default="/tmp/vigil-eval/sets", help="output folder (keep it outside the repository)")
    p.add_argument("--seed", type=int, default=20260101)
    if extra:
        extra(p)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    return a


def require(paths, what):
    """Exits 0 with a message when any path is missing (the set is skipped, not failed)."""
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"skip {what}: missing {', '.join(missing)}", file=sys.stderr)
        sys.exit(0)


def note(out, text):
    print(text, file=sys.stderr)
    with open(os.path.join(out, "notes.txt"), "a", encoding="utf-8") as f:
        f.write(text.replace("\n", " ") + "\n")


def write_screening(out, name, queries, expected):
    """queries: [(id, name)]; expected: [(id, entity_ids list, category, ignore ids list)]."""
    with open(os.path.join(out, name + ".queries.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name"])
        w.writerows(queries)
    with open(os.path.join(out, name + ".expected.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "expected_entity_id", "category", "ignore_entity_ids"])
        for qid, ids, cat, ignore in expected:
            w.writerow([qid, "|".join(ids), cat, "|".join(ignore)])
    print(f"wrote {name}: {len(queries)} queries, {len(expected)} positives", file=sys.stderr)


def write_pairs(out, name, rows):
    """rows: [(name1, name2, is_match bool, category, schema)]."""
    with open(os.path.join(out, name + ".pairs.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name1", "name2", "is_match", "category", "schema"])
        for n1, n2, m, c, s in rows:
            w.writerow([n1, n2, "true" if m else "false", c, s])
    print(f"wrote {name}: {len(rows)} pairs", file=sys.stderr)


def norm(s):
    return " ".join(s.upper().replace(",", " ").split())
