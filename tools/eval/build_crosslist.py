#!/usr/bin/env python3
"""derived/crosslist_clusters.jsonl -> crosslist screening set.

A cluster is one real person or entity on two or more lists. A member's spelling from one list is
the query; it must find an entity of the cluster on ANOTHER list of the default index. Member ids
map to index ids as: ofac-N -> ofac:N, unsc-N -> un:N (DATAID), au-dfat-N -> dfat:N,
gb-hmt-N -> hmt:N; eu-fsf-* is not in the default index (its names still serve as queries).
The query's own member id is passed as ignore_entity_ids, so finding itself does not count and does
not push the others down. Ids absent from the index snapshot (the FCA 2022 OFAC/HMT ids drift) are
reported by `vigil eval` as unresolvable. Category: source list, with `/non-latin` for spellings
in another script. At most --names-per-member spellings per member, sampled with --seed.
"""
import json
import os
import random
import re
from common import arguments, note, require, write_screening


def extra(p):
    p.add_argument("--names-per-member", type=int, default=2)
    p.add_argument("--max-queries", type=int, default=3000)


a = arguments(__doc__, extra)
src = os.path.join(a.shared, "derived", "crosslist_clusters.jsonl")
require([src], "crosslist clusters")
rng = random.Random(a.seed)

PATTERNS = [(re.compile(r"^ofac-(\d+)$"), "ofac"), (re.compile(r"^unsc-(\d+)$"), "un"),
            (re.compile(r"^au-dfat-(\d+)$"), "dfat"), (re.compile(r"^gb-hmt-(\d+)$"), "hmt")]


def index_id(member):
    for pat, lst in PATTERNS:
        m = pat.match(member)
        if m:
            return lst, f"{lst}:{m.group(1)}"
    return member.split("-")[0] + "-" + member.split("-")[1], None


def latin(s):
    return all(ord(c) < 0x250 or not c.isalpha() for c in s)


clusters = kept = 0
candidates = []
with open(src, encoding="utf-8") as f:
    for line in f:
        c = json.loads(line)
        clusters += 1
        members = [(m, *index_id(m["member"])) for m in c["members"]]
        if not any(iid for _, _, iid in members):
            continue
        kept += 1
        for m, lst, own in members:
            targets = sorted({iid for _, l2, iid in members if iid and l2 != lst})
            if not targets:
                continue
            names = list(dict.fromkeys(n for n in m["names"] if n.strip()))
            rng.shuffle(names)
            for n in names[: a.names_per_member]:
                cat = lst + ("" if latin(n) else "/non-latin")
                candidates.append((n, targets, cat, [own] if own else []))

rng.shuffle(candidates)
candidates = sorted(candidates[: a.max_queries], key=lambda x: x[2])
queries = [(f"x{i}", n) for i, (n, _, _, _) in enumerate(candidates)]
expected = [(f"x{i}", t, cat, ign) for i, (_, t, cat, ign) in enumerate(candidates)]
write_screening(a.out, "crosslist", queries, expected)
note(a.out, f"crosslist: {kept} of {clusters} clusters have a member on a default-index list (ofac/un/dfat/hmt); "
            f"{len(queries)} queries sampled (seed {a.seed}, {a.names_per_member} spellings per member); "
            "a spelling must find the cluster's entity on another list")
