#!/usr/bin/env python3
"""Arabic-script <-> Latin name pairs: positives and as many shuffled negatives, per source.

  arabic_latin_fullnames  arabic-name-romanizer 0.2.0 `full_names` (Wikidata + Algerian corpus), by
                          country. NOT independent of ArabicNameTable.swift, which is built from the
                          `units` table of the same corpus (tools/gen-arabic-names.py).
  arabic_latin_fullnames_heldout  (--holdout) the half of those names with an odd crc32, to score a
                          table built by `tools/gen-arabic-names.py --holdout`, which leaves out every
                          word found only in that half.
  arabic_lists            independent of the table: UN NAME_ORIGINAL_SCRIPT and Arabic-script aliases
                          vs the primary Latin name (category un, un-alias, un-entity); DFAT
                          "Original Script" rows vs the group's Primary Name (dfat); UK HMT and EU
                          Arabic-script rows of the FCA combined list vs a Latin name of the same entity
                          (uk, eu: that file has no primary flag, so every Latin name of the entity is
                          paired and a name counts as found when any pair meets the threshold; the
                          `group` column holds the entity).

Columns: name1,name2,is_match,category,schema,group (`vigil eval pairs` ignores `group`).
Negatives pair each Arabic name with the Latin name of another record of the same category (a fixed
shuffle), never one of the record's own Latin names; category `<category>-neg`. Entities (schema
Organization) are mostly translated, not transliterated ("Islamic State" for الدولة الإسلامية), so they
have their own category.
"""
import csv
import gzip
import lzma
import os
import random
import re
import sys
import unicodedata
import zlib
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict

from common import arguments, note, require

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
LATIN = re.compile("[A-Za-z]")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().replace("-", " ").split())


ANY_OF = {"uk", "eu", "uk-entity", "eu-entity"}


def with_negatives(positives, rng):
    """positives: [(arabic, latin, category, schema, key)] -> rows plus one shuffled negative per
    positive (per Arabic name of an entity in the any-of categories)."""
    by_cat = defaultdict(list)
    own = defaultdict(set)
    for p in positives:
        by_cat[(p[2], p[3])].append(p)
        own[p[4]].add(fold(p[1]))
    rows = [(a, l, True, c, s, key) for a, l, c, s, key in positives]
    for (cat, schema), ps in sorted(by_cat.items()):
        latins = sorted({p[1] for p in ps})
        if len(latins) < 2:
            continue
        seen = set()
        for a, _, _, _, key in ps:
            if cat in ANY_OF and (a, key) in seen:
                continue
            seen.add((a, key))
            for _ in range(20):
                l = latins[rng.randrange(len(latins))]
                if fold(l) not in own[key]:
                    rows.append((a, l, False, cat + "-neg", schema, key))
                    break
    return rows


def write(out, name, rows):
    with open(os.path.join(out, name + ".pairs.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name1", "name2", "is_match", "category", "schema", "group"])
        for n1, n2, m, c, s, g in rows:
            w.writerow([n1, n2, "true" if m else "false", c, s, g])
    print(f"wrote {name}: {len(rows)} pairs", file=sys.stderr)


def fullnames(shared):
    src = os.path.join(shared, "eval", "arabic_latin_names", "arabic_name_romanizer_0.2.0_full_names.csv.gz")
    if not os.path.exists(src):
        return []
    big = {"IR", "DZ", "PK", "EG", "SA", "IQ", "SY", "MA", "LB", "TN", "AF", "JO", "PS", "YE"}
    out = []
    with gzip.open(src, "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if not ARABIC.search(r["arabic_key"]) or not LATIN.search(r["latin"]):
                continue
            cat = r["country"] if r["country"] in big else "other"
            out.append((r["arabic_key"], r["latin"], cat, "Person", r["arabic_key"]))
    return out


def un_pairs(path):
    root = ET.parse(path).getroot()
    out = []
    for group, kind, alias_tag in (("INDIVIDUALS", "INDIVIDUAL", "INDIVIDUAL_ALIAS"), ("ENTITIES", "ENTITY", "ENTITY_ALIAS")):
        for e in root.iter(kind):
            latin = " ".join(e.findtext(k) or "" for k in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")).split()
            latin = " ".join(latin)
            if not latin or not LATIN.search(latin):
                continue
            key = "un:" + (e.findtext("DATAID") or "")
            schema = "Person" if kind == "INDIVIDUAL" else "Organization"
            original = " ".join((e.findtext("NAME_ORIGINAL_SCRIPT") or "").split())
            if ARABIC.search(original):
                out.append((original, latin, "un" if schema == "Person" else "un-entity", schema, key))
            for a in e.iter(alias_tag):
                alias = " ".join((a.findtext("ALIAS_NAME") or "").split())
                if ARABIC.search(alias) and alias != original:
                    out.append((alias, latin, "un-alias" if schema == "Person" else "un-entity", schema, key))
    return out


def xlsx_rows(path):
    """Rows of the first sheet as lists of strings (shared strings and inline strings)."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    z = zipfile.ZipFile(path)
    strings = ["".join(t.text or "" for t in si.iter(ns + "t")) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(ns + "si")]
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    for row in sheet.iter(ns + "row"):
        cells = {}
        for c in row.iter(ns + "c"):
            col = re.match("[A-Z]+", c.get("r")).group(0)
            v = c.find(ns + "v")
            text = strings[int(v.text)] if v is not None and c.get("t") == "s" else (v.text if v is not None else "".join(t.text or "" for t in c.iter(ns + "t")))
            cells[col] = text or ""
        yield cells


def dfat_pairs(path):
    primary, original, schema = {}, defaultdict(list), {}
    for cells in xlsx_rows(path):
        ref = re.match(r"\d+", cells.get("A", "").strip())
        if not ref:
            continue
        ref = ref.group(0)
        name, name_type = " ".join(cells.get("B", "").split()), cells.get("D", "").strip().lower()
        if name_type == "primary name":
            primary[ref] = name
            schema[ref] = "Person" if cells.get("C", "").strip().lower() == "individual" else "Organization"
        elif ARABIC.search(name):
            original[ref].append(name)
    out = []
    for ref, names in original.items():
        if ref in primary and LATIN.search(primary[ref]):
            for n in names:
                out.append((n, primary[ref], "dfat" if schema[ref] == "Person" else "dfat-entity", schema[ref], "dfat:" + ref))
    return out


def combined_pairs(path):
    groups = defaultdict(list)
    lists = {"UK Cons": "uk", "EU": "eu"}
    with lzma.open(path, "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["sanction_list"] in lists:
                groups[(lists[r["sanction_list"]], r["list_internal_id"])].append(r)
    out = []
    for (lst, ident), rows in sorted(groups.items()):
        latin = sorted({" ".join(r["full_name"].split()) for r in rows if LATIN.search(r["full_name"]) and not ARABIC.search(r["full_name"])})
        arabic = sorted({" ".join(r["full_name"].split()) for r in rows if ARABIC.search(r["full_name"])})
        person = rows[0]["entity_type"].lower() in ("individual", "person")
        for a in arabic:
            for l in latin:
                out.append((a, l, lst if person else lst + "-entity", "Person" if person else "Organization", f"{lst}:{ident}"))
    return out


def held_out(arabic_name):
    """tools/gen-arabic-names.py --holdout: crc32 of the Arabic name odd."""
    return zlib.crc32(arabic_name.encode("utf-8")) % 2 == 1


a = arguments(__doc__, lambda p: p.add_argument(
    "--holdout", action="store_true",
    help="also write arabic_latin_fullnames_heldout: the held-out half of full_names, to score a table "
         "built with tools/gen-arabic-names.py --holdout"))
rng = random.Random(a.seed)
src = os.path.join(a.shared, "eval", "arabic_latin_names", "arabic_name_romanizer_0.2.0_full_names.csv.gz")
require([src], "arabic_latin_fullnames")
full = fullnames(a.shared)
write(a.out, "arabic_latin_fullnames", with_negatives(full, random.Random(a.seed)))
if a.holdout:
    write(a.out, "arabic_latin_fullnames_heldout", with_negatives([p for p in full if held_out(p[0])], random.Random(a.seed)))

lists = []
un = os.path.join(a.data, "lists", "un", "consolidated_2026-02-27.xml")
dfat = os.path.join(a.data, "lists", "au", "dfat_regulation8_consolidated_2024-12.xlsx")
combined = os.path.join(a.shared, "lists", "combined", "fca_sanctiontoolkit_combined_sanction_lists_20220505.csv.xz")
for path, reader in ((un, un_pairs), (dfat, dfat_pairs), (combined, combined_pairs)):
    if os.path.exists(path):
        lists += reader(path)
    else:
        note(a.out, f"arabic_lists: {path} missing, its pairs skipped")
write(a.out, "arabic_lists", with_negatives(lists, rng))
