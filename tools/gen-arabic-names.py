#!/usr/bin/env python3
"""Generates Sources/VigilNormalization/ArabicNameTable.swift: frequent Arabic-script name words and
the Latin spelling lists use for them, for `ArabicRomanizer`.

Source: the `units` table of PyPI `arabic-name-romanizer==0.2.0` (`resources/names.sqlite3`, exported
as ../shared/data/eval/arabic_latin_names/arabic_name_romanizer_0.2.0_units.csv.gz): 82,377
word-level Arabic-script <-> Latin pairs with counts, from Wikidata (CC0), the Algerian transcription
corpus (CC0) and DziriNames (MIT); package licence MIT. Only this table is read: the corpus'
`full_names` table stays an evaluation set (tools/eval/build_arabic_latin.py).

What the script does:
  * keys are normalised as `ArabicRomanizer.key(_:)` does at run time (the corpus' own convention):
    marks, tatweel and joiners dropped; alef forms -> ا; ة -> ه; ى and Persian ی -> ي; Persian ک -> ك;
    Urdu ہ and ۀ -> ه;
  * Latin spellings are folded like `NameNormalizer` (diacritics dropped, lower case, apostrophes
    dropped, hyphens and spaces separate tokens);
  * a word written with the article (الحسيني) is filed under the word without it when most of its
    Latin spellings either write the article apart (Al-Husseini) or drop it (Husseini); words that
    merely start with ال (الياس Elias, الهام Elham) stay whole. The romanizer writes the article as
    its own token, `al`;
  * a spelling ending in "ur" or "ul" for a word that does not end in ر or ل loses it: it is the
    article of the next word (مطيع in "Motiur Rahman" is "moti");
  * multi-word keys (عبد الله, نور الدين) are skipped: the romanizer composes them from their words;
  * the most frequent words are kept (--top); each gets the spelling in which Vigil's matcher finds
    most of the word's spellings: the most count-weighted `TokenSimilarity` (ported below as
    `similarity`) among its eight most frequent spellings (محمد -> one spelling that meets mohamed,
    mohammed, muhammad and mohammad as transliteration variants).

The words whose Persian spelling (IR, TJ rows) or South Asian and Afghan one (PK, IN, AF rows: q for
ق, a final "a", as Afghan names are written in English) differs from the general one by a plausible
variant (at most 3 edits, length within a quarter) get a line in `persianNameTable` or `urduNameTable`:
حسين is "hussein", "hossein" in a Persian-reading name, "hussain" in an Urdu-reading one.

Usage: python3 tools/gen-arabic-names.py [--units PATH] [--top N] [--out PATH]
"""
import argparse
import collections
import csv
import gzip
import os
import unicodedata
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_UNITS = os.path.join(ROOT, "..", "shared", "data", "eval", "arabic_latin_names",
                             "arabic_name_romanizer_0.2.0_units.csv.gz")
OUTPUT = os.path.join(ROOT, "Sources", "VigilNormalization", "ArabicNameTable.swift")

DROP = set(range(0x610, 0x61B)) | set(range(0x64B, 0x660)) | {0x670, 0x640, 0x200C, 0x200D, 0x200E, 0x200F} \
    | set(range(0x6D6, 0x6EE))
MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ۃ": "ه", "ہ": "ه", "ۀ": "ه",
    "ى": "ي", "ی": "ي", "ک": "ك", "ڪ": "ك", "ۓ": "ے",
}
# Countries whose lists and passports spell names the Persian way (Hossein, Zohreh, Haj) and the
# Urdu and Afghan way (Hussain, Tayyaba, Akhundzada); the romanizer reads a name by its letters
# (ArabicRomanizer.Reading).
READINGS = {"persian": {"IR", "TJ"}, "urdu": {"PK", "IN", "AF"}}
ARTICLE_TOKENS = {"al", "el", "ul", "il", "ar", "as", "ash", "at", "ad", "an", "az", "er", "es", "ed", "en", "ez", "et"}


def key(word):
    """The lookup key of one Arabic-script word; mirrors `ArabicRomanizer.key(_:)`."""
    out = []
    for ch in unicodedata.normalize("NFKC", word):
        if ord(ch) in DROP:
            continue
        out.append(MAP.get(ch, ch))
    return "".join(out)


def fold(latin):
    """Folded ASCII tokens of a Latin spelling."""
    s = unicodedata.normalize("NFKD", latin)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(c)
        elif c in "'`’ʿʾ‘":
            continue
        else:
            out.append(" ")
    return "".join(out).split()


def distance(a, b, limit=4):
    """Optimal-string-alignment distance, capped at `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        prev2, prev = prev, cur
    return min(prev[-1], limit)


VOWELS = set("aeiouy")


def skeleton(t):
    """`PhoneticKey.skeleton`: vowels after the first letter dropped, doubles collapsed, kh/gh/q/c/k ->
    k, ph/f -> f, dh/th/d/t -> d, sh/ch/j/zh -> j, w/v -> v, z -> s."""
    out = []
    i = 0
    while i < len(t):
        c, nxt = t[i], t[i + 1] if i + 1 < len(t) else ""
        if nxt == "h" and c in "kgpdtscz":
            k = {"k": "k", "g": "k", "p": "f", "d": "d", "t": "d"}.get(c, "j")
            i += 2
        elif c in VOWELS:
            k = "a" if not out else None
            i += 1
        else:
            k = {"q": "k", "c": "k", "g": "k", "t": "d", "w": "v", "z": "s"}.get(c, c)
            i += 1
        if k and (not out or out[-1] != k):
            out.append(k)
    return "".join(out)


def syllables(t):
    """`PhoneticKey.vowelGroups`: vowel runs, a silent final e not counted."""
    end = len(t) - 1 if len(t) >= 5 and t[-1] == "e" and t[-2] not in VOWELS else len(t)
    n, inside = 0, False
    for c in t[:end]:
        v = c in VOWELS
        n += v and not inside
        inside = v
    return n


def similarity(a, b):
    """`TokenSimilarity.spellingCompare` (the matcher's token comparison), without the Mandarin part."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.7 if a[0] == b[0] else 0.0
    shortest = min(len(a), len(b))
    sa, sb = syllables(a), syllables(b)
    if sa <= 1 or sb <= 1:
        gap = len(a) != len(b) or sorted(a) == sorted(b)
        return 0.9 if shortest >= 5 and gap and distance(a, b, 2) == 1 else 0.0
    ka, kb = skeleton(a), skeleton(b)
    same = ka == kb and sa == sb and (len(ka) >= 3 or max(len(a), len(b)) <= 4)
    allowed = 3 if shortest >= 12 else 2 if shortest >= 8 else 1 if shortest >= 4 else 0
    if allowed:
        d = distance(a, b, allowed + 1)
        if d == 1:
            return 0.9
        if d <= allowed:
            return 0.9 if same else 1 - 0.1 * d
    return 0.9 if shortest >= 3 and same else 0.0


def best_spelling(spellings):
    """The spelling (among the eight most frequent) the matcher finds most of the others in: the most
    count-weighted similarity (`similarity`, pairs under 0.8 counting nothing); ties to the more frequent."""
    best = None
    for s, c in spellings.most_common(8):
        a = s.replace(" ", "")
        score = 0.0
        for t, n in spellings.items():
            sim = similarity(a, t.replace(" ", ""))
            score += n * sim if sim >= 0.8 else 0
        if best is None or score > best[0] + 1e-9:
            best = (score, s)
    return best[1]


def plausible_variant(v, g):
    """Another spelling of the same word: at most 3 edits, and not much shorter (not bakr for abubakr)."""
    v, g = v.replace(" ", ""), g.replace(" ", "")
    return distance(v, g) <= 3 and len(v) >= 0.75 * len(g) and len(g) >= 0.75 * len(v)


def file_articles(spellings):
    """Files article forms (الحسيني) under the word without the article (حسيني) when lists mostly write
    the article apart (Al-Husseini), drop it (Husseini) or assimilate it (Labidi for العبيدي)."""
    merged = collections.defaultdict(collections.Counter)
    article_words = 0
    for k, sp in spellings.items():
        if k.startswith("ال") and len(k) >= 4:
            rest = collections.Counter()
            for s, c in sp.items():
                t = s.split()
                if len(t) >= 2 and t[0] in ARTICLE_TOKENS:
                    rest[" ".join(t[1:])] += c
                elif len(t) == 1 and s[0] == "l" and len(s) > 3 and s[1] in "aeiou":
                    rest[s[1:]] += c
                elif len(t) == 1 and s[0] not in "aeiou":
                    rest[s] += c
            if sum(rest.values()) >= sum(sp.values()) / 2:
                article_words += 1
                merged[k[2:]].update(rest)
                continue
        merged[k].update(sp)
    return merged, article_words


def held_out(arabic_name):
    """The evaluation half a full name falls in: crc32 of its UTF-8, odd = held out."""
    return zlib.crc32(arabic_name.encode("utf-8")) % 2 == 1


def held_out_words(path):
    """Words (keys) of held-out full names that no other full name holds."""
    seen = {True: set(), False: set()}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            seen[held_out(r["arabic_key"])].update(key(w) for w in r["arabic_key"].split())
    return seen[True] - seen[False]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--units", default=DEFAULT_UNITS)
    p.add_argument("--top", type=int, default=8000, help="how many words to keep, most frequent first")
    p.add_argument("--out", default=OUTPUT)
    p.add_argument("--holdout", metavar="FULL_NAMES_CSV_GZ",
                   help="evaluation only: leave out every word that occurs only in the held-out half of this "
                        "full_names table (crc32 of the Arabic name odd; tools/eval/build_arabic_latin.py "
                        "--holdout writes that half), so the table knows nothing particular to those names")
    a = p.parse_args()
    excluded = held_out_words(a.holdout) if a.holdout else set()

    spellings = collections.defaultdict(collections.Counter)
    by_reading = {r: collections.defaultdict(collections.Counter) for r in READINGS}
    rows = 0
    with gzip.open(a.units, "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows += 1
            k = key(r["arabic_key"].strip())
            tokens = fold(r["latin"])
            if not k or " " in k or not tokens or k in excluded:
                continue
            if len(tokens) == 1 and k[-1] not in "رل" and len(tokens[0]) > 4 and tokens[0][-2:] in ("ur", "ul"):
                # "Motiur Rahman", "Azizul Haque": the article of the next word, not this one's.
                tokens = [tokens[0][:-2]]
            spellings[k][" ".join(tokens)] += int(r["count"])
            for reading, countries in READINGS.items():
                if r["country"] in countries:
                    by_reading[reading][k][" ".join(tokens)] += int(r["count"])

    merged, article_words = file_articles(spellings)
    total = {k: sum(sp.values()) for k, sp in merged.items()}
    keep = sorted(total, key=lambda k: (-total[k], k))[: a.top]
    general = {k: best_spelling(merged[k]) for k in keep}
    lines = [f"{k} {general[k]}" for k in sorted(keep)]
    covered = sum(total[k] for k in keep) / sum(total.values())
    variants = {}
    for reading in READINGS:
        m, _ = file_articles(by_reading[reading])
        # A variant is another spelling of the same word (hossein for hussein), never another word
        # (amirreza for امير: corpus rows where one Latin token stood for two Arabic words).
        variants[reading] = [f"{k} {best_spelling(m[k])}" for k in sorted(keep)
                             if sum(m[k].values()) >= 3 and best_spelling(m[k]) != general[k]
                             and plausible_variant(best_spelling(m[k]), general[k])]

    with open(a.out, "w", encoding="utf-8") as f:
        f.write(f"""// Generated by tools/gen-arabic-names.py. Do not edit; run the script again.
//
// Source: the `units` table of PyPI arabic-name-romanizer 0.2.0 (package licence MIT), word-level
// Arabic-script <-> Latin name pairs from Wikidata (CC0), the Algerian transcription corpus (CC0) and
// DziriNames (MIT). {rows} rows read; {len(merged)} distinct words after folding the article
// ({article_words} article forms filed under their word); the {len(keep)} most frequent are kept,
// {covered:.1%} of all word occurrences.

extension ArabicRomanizer {{
    /// One line per word: its key (`ArabicRomanizer.key(_:)`), a space, then the folded Latin spelling
    /// in which the matcher meets most of the word's list spellings (tokens separated by spaces:
    /// محمدرضا -> "mohammad reza").
    static let nameTable = \"\"\"
""")
        for line in lines:
            f.write("        " + line + "\n")
        f.write('        """\n')
        for reading, vl in variants.items():
            f.write(f"""
    /// The same words as {"Persian-reading (IR, TJ)" if reading == "persian" else "Urdu- or Pashto-reading (PK, IN, AF)"} names spell them, where that differs:
    /// {len(vl)} lines.
    static let {reading}NameTable = \"\"\"
""")
            for line in vl:
                f.write("        " + line + "\n")
            f.write('        """\n')
        f.write("}\n")
    print(f"wrote {os.path.relpath(a.out, ROOT)}: {len(keep)} words, {covered:.1%} of occurrences", flush=True)


if __name__ == "__main__":
    main()
