#!/usr/bin/env python3
"""Cross-script pair sets: one name written in two scripts (or two romanizations) must match.

Writes crossscript.pairs.csv (name1,name2,is_match,category,schema). Positives by source:
  prc_romanized   PRC counter-sanctions: Chinese name <> English name where the English is a
                  romanization: every token splits into pinyin / Wade-Giles syllables, one per character,
                  and the letters spell the characters' readings (Unihan, cjklib Wade-Giles and Gwoyeu
                  Romatzyh, HK Cantonese; surname first or last): Taiwanese and mainland persons
  prc_other_spelling  the same, syllable by syllable, but not spelling the readings in the reference
                  tables (Tongyong "Si-kun", MPS2 "Shyh", or an English name such as "Puma Shen")
  prc_foreign     the same list where the English is a foreign name the Chinese transcribes
                  (布朗巴克 <> Sam Brownback): reported, no target
  ofac_ccc        OFAC SDN persons whose Chinese Commercial Codes decode to Han (simplified, traditional)
  cedict          CC-CEDICT person entries (simplified and traditional) <> their pinyin name
  cedict_other_romanization  CC-CEDICT persons whose English name is another romanization, one Latin
                  syllable per character (Wade-Giles Chiang Kai-shek, Cantonese Li Ka-shing)
  cedict_japanese CC-CEDICT Japanese persons (a name in kanji, its romaji before the life dates: 村上春樹
                  <> MURAKAMI Haruki): Japanese readings, not Mandarin
  rupep, fbk      Russian/Belarusian PEPs and the FBK list: Cyrillic <> the English spelling they give
  arabic_latin    Arabic-script full names <> Latin (arabic-name-romanizer, Wikidata and Algerian corpus)
  un_original     UN consolidated list: NAME_ORIGINAL_SCRIPT <> the listed Latin name
  watchman        moov-io/watchman cross-script pairs (Arabic, Cyrillic, Han, Hangul, kana, Greek, Hebrew)
  putin           rigour's 81 spellings of one name <> "Vladimir Putin"
Negatives: each positive's first name paired with the second name of another random positive of the
same source (a same-script non-match), one per positive, category SOURCE_neg.
"""
import collections
import csv
import gzip
import json
import os
import random
import re
import xml.etree.ElementTree as ET

from common import arguments, note, write_pairs

MAX_PER_SOURCE = 4000
READINGS = {}


def han_count(s):
    return sum(1 for ch in s if 0x3400 <= ord(ch) <= 0x9FFF or 0x20000 <= ord(ch) <= 0x3134F or 0xF900 <= ord(ch) <= 0xFAFF)


def syllables(shared):
    """Pinyin syllables plus Wade-Giles syllables without apostrophes, from the cjklib tables."""
    base = os.path.join(shared, "chinese", "romanization_tables_cjklib")
    out = set()
    for fname, col in (("pinyinsyllables.csv", 0), ("wadegilessyllables.csv", 0)):
        path = os.path.join(base, fname)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cell = next(csv.reader([line]))[col]
                s = re.sub(r"[^a-z]", "", cell.lower().replace("ü", "u"))
                if re.search(r"[aeiouy]", s):  # not the interjections m, n, ng, hm
                    out.add(s)
    return out


def cantonese_syllables(shared):
    """Every Hong Kong Government romanisation syllable (cantonese-romanisation charToRoman.json)."""
    path = os.path.join(shared, "chinese", "hk_cantonese_romanisation", "charToRoman.json")
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {r.lower() for rs in json.load(f).values() for r in rs if r.isascii() and r.isalpha()}


def splits(token, syl, n):
    """Can token be cut into exactly n syllables of syl?"""
    if n == 0:
        return token == ""
    for k in range(1, min(6, len(token)) + 1):
        if token[:k] in syl and splits(token[k:], syl, n - 1):
            return True
    return False


def is_romanization(english, chinese, syl):
    n = han_count(chinese)
    if n < 2 or n != len(chinese.replace("·", "").replace(" ", "")):
        return False
    tokens = [t for t in re.split(r"[\s\-]+", english.lower().replace("'", "").replace("’", "")) if t]
    if not tokens:
        return False
    # Each token covers a run of syllables; together exactly n.
    def cover(i, left):
        if i == len(tokens):
            return left == 0
        return any(splits(tokens[i], syl, k) and cover(i + 1, left - k) for k in range(1, left + 1))
    return cover(0, n)


def character_readings(shared):
    """Han character -> every Latin syllable it may be written as: Unihan kMandarin pinyin, its Wade-Giles
    (cjklib wadegilespinyinmapping, apostrophes dropped), its Gwoyeu Romatzyh (pinyingrmapping; Taiwan's
    "Shyh"), and its Hong Kong Cantonese romanisation (cantonese-romanisation). An independent reference,
    not Vigil's tables, used to admit only pairs whose English spells the characters."""
    import bz2
    import unicodedata
    base = os.path.join(shared, "chinese", "romanization_tables_cjklib")
    wg, gr = collections.defaultdict(set), collections.defaultdict(set)
    for fname, table, swap in (("wadegilespinyinmapping.csv", wg, True), ("pinyingrmapping.csv", gr, False)):
        path = os.path.join(base, fname)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                r = next(csv.reader([line], quotechar='"' if line.startswith('"') else "'"))
                a, b = (r[1], r[0]) if swap else (r[0], r[1])  # (pinyin, other)
                b = "".join(c for c in unicodedata.normalize("NFD", b) if not unicodedata.combining(c))  # chêng -> cheng
                table[a.lower()].add(re.sub(r"[^a-z]", "", b.lower()))
    path = os.path.join(shared, "unihan", "Unihan_Readings.txt.bz2")
    out = collections.defaultdict(set)
    if not os.path.exists(path):
        return out
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if "\tkMandarin\t" in line and not line.startswith("#"):
                cp, _, v = line.rstrip("\n").split("\t")
                for p in v.split():
                    p = "".join(c for c in unicodedata.normalize("NFD", p) if not unicodedata.combining(c)).lower().replace("ü", "u")
                    out[chr(int(cp[2:], 16))].update({p} | wg.get(p, set()) | gr.get(p, set()))
    canto = os.path.join(shared, "chinese", "hk_cantonese_romanisation", "charToRoman.json")
    if os.path.exists(canto):
        with open(canto, encoding="utf-8") as f:
            for c, rs in json.load(f).items():
                out[c].update(r.lower() for r in rs if r.isascii() and r.isalpha())
    return out


def spells(english, chinese, readings):
    """Whether the English letters spell the characters' readings in order, surname first or last."""
    chars = [c for c in chinese if han_count(c)]
    tokens = [t for t in re.split(r"[\s\-]+", english.lower().replace("'", "").replace("’", "")) if t]
    if not chars or not tokens or any(not readings.get(c) for c in chars):
        return False

    def seg(text, i):
        if i == len(chars):
            return text == ""
        return any(text.startswith(r) and seg(text[len(r):], i + 1) for r in readings[chars[i]])

    orders = [tokens, tokens[-1:] + tokens[:-1]]
    return any(seg("".join(o), 0) for o in orders)


def prc(shared, syl):
    path = os.path.join(shared, "lists", "cn", "opensanctions_cn_mfa_countersanctions.csv")
    rows = {"prc_romanized": [], "prc_foreign": []}
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            zh = r["Chinese name"].strip()
            if not zh:
                continue
            schema = "Person" if r["Type"] == "Person" else "Organization"
            names = [r["Name"].strip()] + [a.strip() for a in r["Alias"].split(";") if a.strip()]
            chinese_speaking = r["Country"].split(";")[0].strip().upper() in ("CN", "TW", "HK", "MO", "SG", "MY")
            syllabic = [n for n in names if chinese_speaking and is_romanization(n, zh, syl)]
            roman = [n for n in syllabic if spells(n, zh, READINGS)]
            for n in roman:
                rows["prc_romanized"].append((zh, n, schema))
            for n in syllabic:
                if n not in roman:  # other systems (Tongyong Si-kun, MPS2 Shyh) or not a romanization at all
                    rows.setdefault("prc_other_spelling", []).append((zh, n, schema))
            if not syllabic and schema == "Person":
                rows["prc_foreign"].append((zh, names[0], schema))
    return rows


def ofac_ccc(shared):
    path = os.path.join(shared, "derived", "ofac_chinese_commercial_code_decoded.csv")
    out = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                for col in ("hanzi_simplified(kMainlandTelegraph)", "hanzi_traditional(kTaiwanTelegraph)"):
                    if r.get(col):
                        out.append((r[col], r["sdn_name"], "Person"))
    return out


CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]+)\] /(.*)/$")


def cedict(shared, rng, chinese_syllables):
    path = os.path.join(shared, "chinese", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
    out = []
    if not os.path.exists(path):
        return out
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = CEDICT_LINE.match(line.strip())
            if not m:
                continue
            trad, simp, pinyin, gloss = m.groups()
            syl = pinyin.split()
            if not (2 <= len(syl) <= 4) or not syl[0][:1].isupper() or han_count(simp) != len(syl):
                continue
            plain = [re.sub(r"[^a-z]", "", s.lower().replace("u:", "u")) for s in syl]
            name = (plain[0].capitalize() + " " + "".join(plain[1:]).capitalize())
            first = gloss.split("/")[0]
            # A person entry starts with the romanized name followed by dates: "Xi Jinping (1953-), ..."
            if re.match(re.escape(name) + r" \(\d", first):
                out.append((simp, name, "Person", "cedict"))
                if trad != simp:
                    out.append((trad, name, "Person", "cedict"))
                continue
            # A Japanese person: romaji (macrons, an upper-case surname) before the dates.
            japanese = re.match(r"((?:Prince )?[A-ZŌŪ][A-Za-zōūŌŪ']+(?: [A-ZŌŪ][A-Za-zōūŌŪ']+){1,2}) \(\d", first)
            described = first[first.find(")") + 1:][:45]  # "(1949-), Japanese novelist", "former prime minister of Japan"
            if japanese and ("Japanese" in described or "of Japan" in described) and han_count(simp) == len(simp):
                romaji = japanese.group(1).replace("Prince ", "")
                for form in dict.fromkeys([trad, simp]):
                    out.append((form, romaji, "Person", "cedict_japanese"))
                continue
            # Or with another romanization: Wade-Giles, Cantonese ("Li Ka-shing (1928-), Hong Kong ...").
            other = re.match(r"([A-Z][a-z]+(?:[ -][A-Za-z][a-z]*){1,3}) \(\d", first)
            if other and is_romanization(other.group(1), simp, chinese_syllables):
                out.append((simp, other.group(1), "Person", "cedict_other_romanization"))
    rng.shuffle(out)
    return out


def cyrillic_peps(shared):
    rupep, fbk = [], []
    p = os.path.join(shared, "peps", "rupep_ru_by_peps_2022-09.csv")
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["NAME_RU"].strip() and r["NAME_EN"].strip():
                    rupep.append((r["NAME_RU"].strip(), r["NAME_EN"].strip(), "Person"))
    p = os.path.join(shared, "peps", "navalny_fbk_list_2022-09.csv")
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            for r in csv.reader(f):
                if len(r) > 2 and r[0] != "Name rus" and r[0].strip() and r[1].strip():
                    fbk.append((r[0].strip(), r[1].strip(), "Person"))
    return rupep, fbk


def arabic_latin(shared):
    p = os.path.join(shared, "eval", "arabic_latin_names", "arabic_name_romanizer_0.2.0_full_names.csv.gz")
    out = []
    if os.path.exists(p):
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["arabic_key"].strip() and r["latin"].strip() and len(r["arabic_key"].split()) >= 2:
                    out.append((r["arabic_key"].strip(), r["latin"].strip(), "Person"))
    return out


def un_original(data):
    out = []
    folder = os.path.join(data, "lists", "un")
    if not os.path.isdir(folder):
        return out
    for fname in sorted(os.listdir(folder)):
        if not fname.endswith(".xml"):
            continue
        root = ET.parse(os.path.join(folder, fname)).getroot()
        for kind, schema in (("INDIVIDUAL", "Person"), ("ENTITY", "Organization")):
            for e in root.iter(kind):
                orig = (e.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
                parts = [(e.findtext(t) or "").strip() for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
                latin = " ".join(p for p in parts if p)
                if orig and latin:
                    out.append((orig, latin, schema))
    return out


def watchman(shared):
    p = os.path.join(shared, "eval", "watchman_cross_script_pairs.csv")
    out = []
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                r = next(csv.reader([line]))
                if len(r) >= 2:
                    out.append((r[0].strip(), r[1].strip(), "Person"))
    return out


def putin(shared):
    p = os.path.join(shared, "eval", "rigour", "putin_names.txt")
    out = []
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    out.append((line.strip(), "Vladimir Putin", "Person"))
    return out


def main():
    a = arguments(__doc__)
    rng = random.Random(a.seed)
    syl = syllables(a.shared)
    global READINGS
    READINGS = character_readings(a.shared)
    sources = prc(a.shared, syl)
    sources["ofac_ccc"] = ofac_ccc(a.shared)
    for n1, n2, schema, cat in cedict(a.shared, rng, syl | cantonese_syllables(a.shared)):
        sources.setdefault(cat, []).append((n1, n2, schema))
    sources["rupep"], sources["fbk"] = cyrillic_peps(a.shared)
    sources["arabic_latin"] = arabic_latin(a.shared)
    sources["un_original"] = un_original(a.data)
    sources["watchman"] = watchman(a.shared)
    sources["putin"] = putin(a.shared)
    rows = []
    for cat, pos in sources.items():
        pos = list(dict.fromkeys(pos))  # lists repeat an entry under several measures
        if not pos:
            continue
        total = len(pos)
        if len(pos) > MAX_PER_SOURCE:
            pos = rng.sample(pos, MAX_PER_SOURCE)
        for n1, n2, schema in pos:
            rows.append((n1, n2, True, cat, schema))
        note(a.out, f"crossscript {cat}: {len(pos)} positive pairs (of {total})")
        if cat == "putin":
            continue  # one target name: no other positive to pair against
        targets = [p[1] for p in pos]
        for n1, n2, schema in pos:
            other = rng.choice(targets)
            if other != n2:
                rows.append((n1, other, False, cat + "_neg", schema))
    if rows:
        write_pairs(a.out, "crossscript", rows)
    else:
        note(a.out, "crossscript: no source files found, skipped")


if __name__ == "__main__":
    main()
