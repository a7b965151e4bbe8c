#!/usr/bin/env python3
"""Generates Sources/VigilNormalization/JapaneseReadingTable.swift: the Japanese readings of the kanji
that Japanese names are written with, the romaji of common Japanese surnames, and the kanji forms only
Japanese writes, so a Japanese name in kanji reads as Japanese (松本 Matsumoto) and not as Mandarin
(Songben).

Sources (all may ship; keep the attributions in the generated file):
  Unihan_Readings       Unicode Unihan kJapaneseOn / kJapaneseKun (Unicode licence)
  Unihan_OtherMappings  kJoyoKanji, kJinmeiyoKanji (the characters Japanese names may be written with),
                        kGB0, kGB1, kBigFive (which of them Chinese also writes)
  Unihan_Variants       simplified / traditional / semantic / z variants, so a Japanese name written in
                        Chinese forms (安倍晋三 in a Chinese list, 渡边 for 渡辺) reads too
  CC-CEDICT             MDBG, CC BY-SA 4.0: entries marked "Japanese surname", with their romaji
Usage: python3 tools/gen-japanese-readings.py [SHARED_DATA] > Sources/VigilNormalization/JapaneseReadingTable.swift
"""
import bz2
import collections
import gzip
import os
import re
import sys
import unicodedata

from gen_tables import print_packed

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")


def unihan(name, fields):
    out = collections.defaultdict(dict)
    with bz2.open(os.path.join(shared, "unihan", name), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t")
            if field in fields:
                out[chr(int(cp[2:], 16))][field] = value
    return out


def romaji(reading):
    """Unihan's upper-case Hepburn, lower case, long vowels written once as passports write them
    (SHOU -> sho, OOKII -> okii, YUU -> yu)."""
    r = reading.lower().replace("-", "")
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u")):
        r = r.replace(long, short)
    return r


readings = unihan("Unihan_Readings.txt.bz2", {"kJapaneseOn", "kJapaneseKun"})
mappings = unihan("Unihan_OtherMappings.txt.bz2", {"kJoyoKanji", "kJinmeiyoKanji", "kGB0", "kGB1", "kBigFive"})
variants = unihan("Unihan_Variants.txt.bz2", {"kSimplifiedVariant", "kTraditionalVariant", "kSemanticVariant", "kZVariant"})

name_kanji = {c for c, m in mappings.items() if "kJoyoKanji" in m or "kJinmeiyoKanji" in m}


# Old and new forms of one kanji: kJinmeiyoKanji names the standard form of an old one (2010:U+4E57), and
# Unihan's variant fields link neither 辺/邊 nor 斎/齋, which surnames write both ways (渡辺 / 渡邊).
shinjitai = collections.defaultdict(set)
for c, m in mappings.items():
    for value in (m.get("kJinmeiyoKanji", ""), m.get("kJoyoKanji", "")):
        for v in value.split():
            if ":U+" in v:
                other = chr(int(v.split(":U+")[1], 16))
                shinjitai[c].add(other)
                shinjitai[other].add(c)
for group in ["辺邊邉", "斎齋", "斉齊", "沢澤", "浜濱", "広廣", "島嶋嶌", "崎﨑嵜", "関關", "国國", "桜櫻", "滝瀧", "竜龍"]:
    for c in group:
        shinjitai[c].update(x for x in group if x != c)


def variant_forms(c):
    forms = set(shinjitai.get(c, ()))
    for value in variants.get(c, {}).values():
        for v in value.split():
            forms.add(chr(int(v.split("<")[0][2:], 16)))
    return forms


# A Chinese form of a name kanji reads as that kanji (渡边 -> 渡辺's readings) when it has none of its own.
table = {}
for c in sorted(name_kanji):
    if c not in readings:
        continue
    kun = [romaji(r) for r in readings[c].get("kJapaneseKun", "").split()]
    on = [romaji(r) for r in readings[c].get("kJapaneseOn", "").split()]
    # Kun readings of adjectives and verbs carry their okurigana (HIROI, FUTORU); names use the stem
    # (Hiro-shi, Futo-shi). Only -i and -ru after a vowel are stripped: MATSU is a noun, not ma-tsu.
    stems = []
    for r in kun:
        for ending in ("ru", "i"):
            stem = r[: -len(ending)]
            if r.endswith(ending) and len(r) >= 4 and len(stem) >= 2 and stem[-1] in "aeiou":
                stems.append(stem)
                break
    on = list(dict.fromkeys(r for r in on if r.isalpha() and r.isascii()))
    kun = list(dict.fromkeys(r for r in kun + stems if r.isalpha() and r.isascii() and r not in on))
    if on or kun:
        table[c] = (on, kun)
# Name readings (nanori) of common given-name kanji that Unihan's on and kun readings lack: the endings
# -zo (晋三 Shinzo, 恵三 Keizo), -o (由紀夫 Yukio, 幸雄 Yukio), whole one-kanji names (浩 Hiroshi, 駿 Hayao).
nanori = {
    "三": ["zo"], "蔵": ["zo"], "造": ["zo"], "夫": ["o"], "雄": ["o"], "男": ["o"], "郎": ["ro"], "朗": ["ro"],
    "一": ["kazu", "ichi"], "二": ["ji"], "次": ["ji"], "介": ["suke"], "助": ["suke"], "輔": ["suke"],
    "彦": ["hiko"], "吉": ["kichi"], "之": ["yuki", "no"], "也": ["ya"], "哉": ["ya"], "樹": ["ki"],
    "紀": ["ki", "nori"], "典": ["nori"], "則": ["nori"], "憲": ["nori"], "和": ["kazu"], "正": ["masa"],
    "昌": ["masa"], "雅": ["masa"], "直": ["nao"], "尚": ["nao", "hisa"], "久": ["hisa"], "秀": ["hide"],
    "英": ["hide"], "信": ["nobu"], "伸": ["nobu"], "宏": ["hiroshi", "hiro"], "浩": ["hiroshi"], "弘": ["hiroshi"],
    "博": ["hiroshi", "hiro"], "寛": ["hiroshi"], "隆": ["takashi", "taka"], "孝": ["takashi", "taka"],
    "貴": ["taka"], "健": ["takeshi", "ken"], "武": ["takeshi"], "剛": ["tsuyoshi", "takeshi"], "誠": ["makoto"],
    "明": ["akira", "aki"], "章": ["akira", "aki"], "晃": ["akira", "aki"], "清": ["kiyoshi", "kiyo"],
    "茂": ["shigeru", "shige"], "勇": ["isamu"], "進": ["susumu"], "実": ["minoru"], "實": ["minoru"],
    "豊": ["yutaka"], "修": ["osamu"], "治": ["osamu", "haru", "ji"], "勝": ["masaru", "katsu"], "駿": ["hayao"],
    "晋": ["shin"], "恵": ["kei", "e"], "美": ["mi"], "子": ["ko"], "代": ["yo"], "枝": ["e"], "江": ["e"],
    "奈": ["na"], "菜": ["na"], "香": ["ka"], "佳": ["ka", "yoshi"], "加": ["ka"], "陽": ["haru", "yo"], "春": ["haru"],
    "智": ["tomo"], "友": ["tomo"], "朋": ["tomo"], "知": ["tomo"], "康": ["yasu"], "靖": ["yasu"], "泰": ["yasu"],
    "義": ["yoshi"], "善": ["yoshi"], "良": ["yoshi"], "芳": ["yoshi"], "喜": ["yoshi"], "慶": ["yoshi", "kei"],
    "俊": ["toshi"], "敏": ["toshi"], "利": ["toshi"], "幸": ["yuki", "sachi"], "由": ["yu", "yoshi"],
    "優": ["yu"], "裕": ["yu", "hiro"], "翔": ["sho"], "亮": ["ryo", "akira"], "太": ["ta"], "大": ["dai", "hiro"],
    "輝": ["teru"], "光": ["mitsu", "hikaru"], "充": ["mitsu"], "満": ["mitsu"], "達": ["tatsu"], "竜": ["tatsu", "ryu"],
    "龍": ["tatsu", "ryu"], "徹": ["toru"], "透": ["toru"], "純": ["jun"], "淳": ["jun", "atsushi"], "敦": ["atsushi"],
    "篤": ["atsushi"], "聡": ["satoshi"], "哲": ["satoshi", "tetsu"],
}
for kanji, extra in nanori.items():
    if len(kanji) != 1 or kanji not in table:
        continue
    on, kun = table[kanji]
    table[kanji] = (on, kun + [r for r in extra if r not in on and r not in kun])

for c in sorted(name_kanji):
    if c not in table:
        continue
    for v in variant_forms(c):
        if v not in table:
            table[v] = table[c]

# Kanji forms only Japanese writes: name kanji in neither GB 2312 nor Big5 (沢, 広, 辺, 斎's 斉...).
japanese_only = sorted(c for c in name_kanji if not ({"kGB0", "kGB1", "kBigFive"} & mappings[c].keys()))

entry = re.compile(r"^(\S+) (\S+) \[([^\]]+)\] /(.*)/$")
surnames = {}
with gzip.open(os.path.join(shared, "chinese", "cedict_1_0_ts_utf-8_mdbg.txt.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        m = entry.match(line.strip())
        if not m or "Japanese surname" not in m.group(4):
            continue
        for sense in m.group(4).split("/"):
            if "Japanese surname" in sense:
                first = re.split(r"[ ,(]", sense.strip())[0]
                spelled = "".join(ch for ch in unicodedata.normalize("NFD", first) if not unicodedata.combining(ch)).lower()
                # CC-CEDICT marks long vowels with macrons (Satō, Itō), so its `ou` is two syllables (Inoue).
                if spelled.isalpha() and spelled.isascii():
                    for form in {m.group(1), m.group(2)}:
                        surnames[form] = spelled
                break
# The same surnames in the Japanese forms of their characters (渡邊 -> 渡辺).
for kanji, spelled in list(surnames.items()):
    for i, c in enumerate(kanji):
        for v in variant_forms(c):
            if v in name_kanji:
                surnames.setdefault(kanji[:i] + v + kanji[i + 1:], spelled)

print("// Generated by tools/gen-japanese-readings.py; do not edit.")
print("// Japanese readings: Unicode Unihan kJapaneseOn / kJapaneseKun, for the kJoyoKanji and kJinmeiyoKanji")
print("// characters and their Chinese variant forms (Unicode licence, https://www.unicode.org/license.txt).")
print("// Surnames: CC-CEDICT entries marked \"Japanese surname\" (MDBG, CC BY-SA 4.0, https://www.mdbg.net/chinese/dictionary?page=cc-cedict).")
print(f"// {len(table)} characters, {len(surnames)} surname spellings, {len(japanese_only)} Japanese-only forms.")
print()
print("enum JapaneseReadingTable {")
print("    /// `kanji` immediately followed by its romaji readings, comma-separated: on readings, then after `|`")
print("    /// kun readings and their stems.")
print_packed((c + ",".join(table[c][0]) + "|" + ",".join(table[c][1]) for c in sorted(table)), name="readings")
print("    /// `kanji:romaji` surname entries.")
print_packed((k + ":" + surnames[k] for k in sorted(surnames)), name="surnames")
print("    /// Kanji forms that Chinese does not write (neither GB 2312 nor Big5).")
print_packed(["".join(japanese_only[i:i + 40]) for i in range(0, len(japanese_only), 40)], name="japaneseOnlyForms")
print("}")
