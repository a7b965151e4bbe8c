#!/usr/bin/env python3
"""Generated manipulations of listed names, by category, from the default lists in data/.

Sources: OFAC SDN individuals and entities (data/lists/ofac/sdn_2024-07-02.csv, `LAST, First`
written as `First LAST`) and UN individuals and entities (data/lists/un/*.xml). With a fixed seed,
--per-category names are drawn per category and changed one way each:
  exact (control), typo (one substitution, deletion, insertion or transposition in a token of 5+
  letters), reorder (tokens rotated), dropped_token (a middle token of a 3+ token name dropped),
  honorific (Mr/Dr/Sheikh/Haji... in front, persons), legal_form (LLC/Ltd/JSC... added or swapped,
  organisations), diacritics (accents added to vowels and c/n/s), joined (two tokens joined),
  split (a 6+ letter token split in two), case_punct (lower case, hyphens and commas dropped).
Expected: the source entity (ofac:N or un:DATAID). Reads only data/ (no ../shared needed).
"""
import csv
import os
import random
import re
import xml.etree.ElementTree as ET
from common import arguments, note, require, write_screening


def extra(p):
    p.add_argument("--per-category", type=int, default=150)


a = arguments(__doc__, extra)
sdn = os.path.join(a.data, "lists", "ofac", "sdn_2024-07-02.csv")
un = os.path.join(a.data, "lists", "un", "consolidated_2026-02-27.xml")
require([sdn, un], "manipulations")
rng = random.Random(a.seed)

persons, orgs = [], []  # (entity id, name)
with open(sdn, newline="", encoding="latin-1") as f:
    for r in csv.reader(f):
        if len(r) < 3:
            continue
        name, kind = r[1].strip(), r[2].strip()
        if kind == "individual":
            if ", " in name:
                last, first = name.split(", ", 1)
                name = f"{first} {last}"
            persons.append((f"ofac:{r[0]}", name))
        elif kind == "-0-":
            orgs.append((f"ofac:{r[0]}", name))
root = ET.parse(un).getroot()
for ind in root.iter("INDIVIDUAL"):
    n = " ".join(x for x in (ind.findtext(t) or "" for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) if x.strip())
    if n:
        persons.append((f"un:{ind.findtext('DATAID').strip()}", n))
for ent in root.iter("ENTITY"):
    n = (ent.findtext("FIRST_NAME") or "").strip()
    if n:
        orgs.append((f"un:{ent.findtext('DATAID').strip()}", n))

LETTERS = "abcdefghijklmnopqrstuvwxyz"
ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ö", "u": "ü", "c": "ç", "n": "ñ", "s": "š",
           "A": "Á", "E": "É", "I": "Í", "O": "Ö", "U": "Ü", "C": "Ç", "N": "Ñ", "S": "Š"}
HONORIFICS = ["Mr", "Dr", "Sheikh", "Haji", "Mrs", "Prof.", "General"]
LEGAL = ["LLC", "Ltd", "JSC", "Co.", "Limited", "GmbH", "OOO"]
LEGAL_RE = re.compile(r"\b(LLC|LTD|LIMITED|JSC|CO|COMPANY|GMBH|OOO|OAO|ZAO|PJSC|SA|S\.A\.|INC|CORP|CORPORATION)\.?$", re.I)


def tokens(n):
    return n.split()


def typo(n):
    toks = tokens(n)
    idx = [i for i, t in enumerate(toks) if len(t) >= 5 and t.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    t = toks[i]
    j = rng.randrange(1, len(t) - 1)
    op = rng.choice(["sub", "del", "ins", "swap"])
    c = rng.choice(LETTERS)
    c = c.upper() if t[j].isupper() else c
    if op == "sub":
        t = t[:j] + c + t[j + 1:]
    elif op == "del":
        t = t[:j] + t[j + 1:]
    elif op == "ins":
        t = t[:j] + c + t[j:]
    else:
        t = t[:j] + t[j + 1] + t[j] + t[j + 2:]
    toks[i] = t
    out = " ".join(toks)
    return out if out != n else None


def reorder(n):
    toks = tokens(n)
    return " ".join(toks[-1:] + toks[:-1]) if len(toks) >= 2 else None


def dropped(n):
    toks = tokens(n)
    if len(toks) < 3:
        return None
    del toks[rng.randrange(1, len(toks) - 1)]
    return " ".join(toks)


def honorific(n):
    return f"{rng.choice(HONORIFICS)} {n}"


def legal_form(n):
    m = LEGAL_RE.search(n)
    form = rng.choice(LEGAL)
    return (n[: m.start()].rstrip(" ,") + " " + form) if m else f"{n} {form}"


def diacritics(n):
    chars = list(n)
    idx = [i for i, c in enumerate(chars) if c in ACCENTS]
    if not idx:
        return None
    for i in rng.sample(idx, min(len(idx), rng.randint(1, 3))):
        chars[i] = ACCENTS[chars[i]]
    return "".join(chars)


def joined(n):
    toks = tokens(n)
    if len(toks) < 2:
        return None
    i = rng.randrange(len(toks) - 1)
    return " ".join(toks[:i] + [toks[i] + toks[i + 1]] + toks[i + 2:])


def split(n):
    toks = tokens(n)
    idx = [i for i, t in enumerate(toks) if len(t) >= 6 and t.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    t = toks[i]
    j = rng.randrange(3, len(t) - 2)
    toks[i] = t[:j] + " " + t[j:]
    return " ".join(toks)


def case_punct(n):
    out = re.sub(r"[-,.']", " ", n).lower()
    return " ".join(out.split())


CATEGORIES = [("exact", lambda n: n, "any"), ("typo", typo, "any"), ("reorder", reorder, "person"),
              ("dropped_token", dropped, "person"), ("honorific", honorific, "person"),
              ("legal_form", legal_form, "org"), ("diacritics", diacritics, "any"), ("joined", joined, "any"),
              ("split", split, "any"), ("case_punct", case_punct, "any")]

queries, expected = [], []
for cat, fn, pool_kind in CATEGORIES:
    pool = persons if pool_kind == "person" else orgs if pool_kind == "org" else persons + orgs
    order = list(range(len(pool)))
    rng.shuffle(order)
    made = 0
    for k in order:
        if made >= a.per_category:
            break
        eid, name = pool[k]
        v = fn(name)
        if not v or not v.strip():
            continue
        qid = f"m{len(queries)}"
        queries.append((qid, v))
        expected.append((qid, [eid], cat, []))
        made += 1
write_screening(a.out, "manipulations", queries, expected)
note(a.out, f"manipulations: {len(queries)} variants of OFAC SDN and UN names ({a.per_category} per category, seed {a.seed}); "
            "expected = the source entity; an identical name on another list ties and keeps rank 1")
