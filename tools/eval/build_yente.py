#!/usr/bin/env python3
"""yente candidate-generation fixtures -> screening sets.

Positives: positives_un_{untreated,treated}.csv carry no UN DATAID, so each row is mapped to
`un:<DATAID>` by exact name (upper case, commas and spaces collapsed) against the UN XML in data/
(FIRST..FOURTH_NAME joined, plus every alias). The treated file is row-aligned with the untreated
one (same row count; the treatment also perturbs dates and places, so alignment is checked on
nationality, equal on 673 of 683 lines), so a treated row takes its untreated row's id. Negatives: the first --negatives rows of negatives_{global,us}.csv.
"""
import csv
import os
import xml.etree.ElementTree as ET
from common import arguments, note, norm, require, write_screening


def extra(p):
    p.add_argument("--negatives", type=int, default=2000, help="rows taken from each negatives file")


a = arguments(__doc__, extra)
base = os.path.join(a.shared, "eval", "yente_candidate_generation")
un_xml = os.path.join(a.data, "lists", "un", "consolidated_2026-02-27.xml")
files = {k: os.path.join(base, f"positives_un_{k}.csv") for k in ("untreated", "treated")}
require(list(files.values()) + [un_xml], "yente UN positives")

by_name = {}
for ind in ET.parse(un_xml).getroot().iter("INDIVIDUAL"):
    dataid = ind.findtext("DATAID").strip()
    parts = [ind.findtext(t) or "" for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    names = {norm(" ".join(parts))}
    for al in ind.iter("INDIVIDUAL_ALIAS"):
        if al.findtext("ALIAS_NAME"):
            names.add(norm(al.findtext("ALIAS_NAME")))
    for n in names:
        if n:
            by_name.setdefault(n, set()).add(dataid)


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


untreated, treated = read(files["untreated"]), read(files["treated"])
ids, ambiguous = [], 0
for r in untreated:
    found = by_name.get(norm(r["full_name"]), set())
    ambiguous += len(found) > 1
    ids.append(sorted(found))
mapped = sum(1 for i in ids if i)
aligned = len(treated) == len(untreated) and sum(
    t["nationality"] == u["nationality"] for t, u in zip(treated, untreated)) >= 0.9 * len(untreated)
for kind, rows in (("untreated", untreated), ("treated", treated)):
    if kind == "treated" and not aligned:
        note(a.out, "yente: treated file not row-aligned with untreated; treated set skipped")
        continue
    queries, expected = [], []
    for i, (r, dataids) in enumerate(zip(rows, ids)):
        if not dataids:
            continue
        qid = f"yu{i}" if kind == "untreated" else f"yt{i}"
        queries.append((qid, r["full_name"]))
        expected.append((qid, [f"un:{d}" for d in dataids], kind, []))
    write_screening(a.out, f"yente_un_{kind}", queries, expected)
note(a.out, f"yente UN positives: {mapped} of {len(untreated)} rows mapped to a UN DATAID by exact name "
            f"against data/lists/un/consolidated_2026-02-27.xml ({ambiguous} with more than one id, all accepted); "
            f"treated rows take the id of the row-aligned untreated row")

for region in ("global", "us"):
    path = os.path.join(base, f"negatives_{region}.csv")
    if not os.path.exists(path):
        note(a.out, f"yente negatives {region}: {path} absent, skipped")
        continue
    rows = read(path)[: a.negatives]
    write_screening(a.out, f"yente_negatives_{region}", [(f"n{region[0]}{i}", r["full_name"]) for i, r in enumerate(rows)], [])
    note(a.out, f"yente negatives {region}: first {len(rows)} rows of negatives_{region}.csv (synthetic non-sanctioned persons)")
