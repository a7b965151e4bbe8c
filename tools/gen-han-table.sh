#!/usr/bin/env bash
# Generates Sources/VigilNormalization/HanReadingTable.swift: the toneless reading of every Han code
# point, as ICU's "Han-Latin/Names; Any-Latin; Latin-ASCII" gives it, plus a Cantonese reading, so
# NameNormalizer can romanize Chinese names without an ICU call (HanReadings.swift reads the table).
#
# Mandarin: tools/han-readings.c asks the installed ICU (libicu-dev) for each code point of script
# Han: alone (start of a name: Han-Latin/Names gives surname readings, 单 shan, 区 ou) and after 一
# (inside a name), checks that the following character, a Latin letter before and longer runs change
# nothing, and reads the context rules of the two rule sets (万俟 mo qi, 重庆 chong qing) on their
# contexts. The table holds what ICU does, so rebuild it when ICU is upgraded.
#
# Cantonese: Hong Kong Government romanisation from PyPI cantonese-romanisation 1.0.5 (MIT, Copyright
# (c) 2023 Law Wai Chun), cantoroman/data/charToRoman.json, in ../shared/data/chinese/ beside the
# repository or the path given as the first argument. Traditional characters only (13,185).
#
# Usage: tools/gen-han-table.sh [charToRoman.json]
# Needs cc, pkg-config, libicu-dev and python3 (standard library only).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
json="${1:-$root/../shared/data/chinese/hk_cantonese_romanisation/charToRoman.json}"
out="$root/Sources/VigilNormalization/HanReadingTable.swift"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -r "$json" ] || { echo "gen-han-table: cannot read $json" >&2; exit 1; }
# shellcheck disable=SC2046
cc -O2 -Wall -o "$work/han-readings" "$root/tools/han-readings.c" $(pkg-config --cflags --libs icu-i18n icu-uc)
"$work/han-readings" > "$work/readings.tsv"

python3 - "$work/readings.tsv" "$json" "$out" <<'PY'
import json
import sys
import unicodedata

tsv_path, json_path, out_path = sys.argv[1:4]
PER_LINE = 40  # characters a table line

icu_version = ""
medial, initial, pairs, han, odd = {}, {}, [], set(), {}
for line in open(tsv_path, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f[0].startswith("#"):
        if f[0].startswith("# ICU "):
            icu_version = f[0][2:]
        continue
    if f[0] == "R":
        cp = int(f[1], 16)
        han.add(cp)
        medial[cp] = f[3]
        if f[2] != f[3]:
            initial[cp] = f[2]
    elif f[0] == "U":
        han.add(int(f[1], 16))
    elif f[0] == "X":
        cp = int(f[1], 16)
        if cp == 0:
            sys.exit("gen-han-table: " + f[2])  # a context rule the table cannot represent
        han.add(cp)
        odd[cp] = f[2]
    elif f[0] == "P":
        pairs.append((int(f[1], 16), int(f[2], 16), f[3], f[4], len(f) > 5))
    else:
        sys.exit("gen-han-table: unexpected line " + line)
if not icu_version or not medial:
    sys.exit("gen-han-table: no readings from ICU")
for _, _, a, b, _ in pairs:
    if not (a.isalpha() and b.isalpha()):
        sys.exit("gen-han-table: pair rule reads %r / %r" % (a, b))
# HanReadings.romanized sizes its buffer for syllables of at most 6 letters (zhuang).
longest = max(len(r) for r in list(medial.values()) + list(initial.values()) + [p[2] for p in pairs] + [p[3] for p in pairs])
if longest > 6:
    sys.exit("gen-han-table: a %d-letter Mandarin syllable; HanReadings.romanized assumes 6 at most" % longest)

# Cantonese. The JSON lists every spelling it knows per character in no order of preference
# (alphabetical within each reading: 大 daai dai tai, 國 gwok kwok). Take the first, but when it starts
# with a Yale-style unaspirated initial that the Hong Kong Government system never writes (b d g gw j
# z), take the first listed spelling with the letters HKG uses for it instead (p t k kw ch ts): 大 tai,
# 國 kwok, 張 cheung, 德 tak. Characters whose NFKC form is listed read as it (compatibility forms).
HKG_FOR = {"b": ("p",), "d": ("t",), "g": ("k",), "gw": ("kw",), "j": ("ch", "ts"), "z": ("ch", "ts")}
def initial_of(s):
    for two in ("gw", "kw", "ch", "ts", "sh", "sz", "ng"):
        if s.startswith(two):
            return two
    return "" if s[0] in "aeiou" else s[0]
def pick(spellings):
    spellings = [s.lower() for s in spellings if s.isascii() and s.isalpha()]
    if not spellings:
        return None
    first = spellings[0]
    for s in spellings if initial_of(first) in HKG_FOR else []:
        if initial_of(s) in HKG_FOR[initial_of(first)]:
            return s
    return first
roman = json.load(open(json_path, encoding="utf-8"))
cantonese, switched = {}, 0
for cp in sorted(han):
    c = chr(cp)
    key = c if c in roman else unicodedata.normalize("NFKC", c)
    if key in roman:
        p = pick(roman[key])
        if p:
            cantonese[cp] = p
            switched += p != roman[key][0].lower()
outside = [k for k in roman if len(k) != 1 or ord(k) not in han]
if outside:
    sys.exit("gen-han-table: charToRoman.json keys outside the Han script: %r" % outside[:10])

def lit(cp):
    """The character in a Swift literal; escaped when an editor or NFC could change it."""
    c = chr(cp)
    if unicodedata.normalize("NFC", c) != c or unicodedata.category(c) == "Cn":
        return "\\u{%X}" % cp
    return c

def by_syllable(table):
    groups = {}
    for cp in sorted(table):
        groups.setdefault(table[cp], []).append(cp)
    lines = []
    for syl in sorted(groups):
        cps = groups[syl]
        for i in range(0, len(cps), PER_LINE):
            lines.append(syl + " " + "".join(lit(cp) for cp in cps[i:i + PER_LINE]))
    return lines

def ranges(cps):
    out, start, prev = [], None, None
    for cp in sorted(cps):
        if start is None:
            start = prev = cp
        elif cp == prev + 1:
            prev = cp
        else:
            out.append((start, prev))
            start = prev = cp
    if start is not None:
        out.append((start, prev))
    return out

def literal(lines, indent="        "):
    return '"""\n' + "".join(indent + l + "\n" for l in lines) + indent + '"""'

han_ranges = ranges(han)
mandarin_lines = by_syllable(medial)
initial_lines = by_syllable(initial)
pair_lines = ["%s%s %s %s%s" % (lit(a), lit(b), ra, rb, " start" if marked else "") for a, b, ra, rb, marked in pairs]
range_lines = [" ".join("%X-%X" % r for r in han_ranges[i:i + 8]) for i in range(0, len(han_ranges), 8)]
cantonese_lines = by_syllable(cantonese)

icu_label = "%s (%s)" % tuple(icu_version.split(", ", 1)) if ", " in icu_version else icu_version
header = f"""\
// Generated by tools/gen-han-table.sh. Do not edit; run the script again (after an ICU upgrade too).
//
// Mandarin: the readings {icu_label} gives with "Han-Latin/Names; Any-Latin; Latin-ASCII" after
// NFKC_Casefold, toneless, one syllable a character. ICU data: Copyright © 2016 and later Unicode,
// Inc. and others, Unicode License (https://www.unicode.org/license.txt).
//
// Cantonese: Hong Kong Government Cantonese romanisation from cantonese-romanisation 1.0.5 (PyPI,
// https://github.com/chunlaw/cantonese-romanisation), cantoroman/data/charToRoman.json, first listed
// spelling, written with the initials p t k kw ch ts where the first has Yale's b d g gw j z.
//
//   MIT License
//
//   Copyright (c) 2023 Law Wai Chun
//
//   Permission is hereby granted, free of charge, to any person obtaining a copy
//   of this software and associated documentation files (the "Software"), to deal
//   in the Software without restriction, including without limitation the rights
//   to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
//   copies of the Software, and to permit persons to whom the Software is
//   furnished to do so, subject to the following conditions:
//
//   The above copyright notice and this permission notice shall be included in all
//   copies or substantial portions of the Software.
//
//   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
//   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
//   FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
//   AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
//   LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
//   OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
//   SOFTWARE.
//
// {len(han):,} code points of script Han: {len(medial):,} with a Mandarin reading ({len(initial)} read otherwise at
// the start of a name), {len(odd)} read by ICU in a way one syllable a character cannot hold (CJK radicals
// supplement: no space after them), {len(cantonese):,} with a Cantonese reading ({switched:,} not the first listed spelling).
"""

body = f"""
/// The data of `HanReadings`, as text: lines of "reading characters" (multi-line string literals
/// compile in a fraction of a second, where array literals of this size take many seconds).
enum HanReadingTable {{
    /// The ICU the Mandarin readings were taken from.
    static let icuVersion = "{icu_version.split(',')[0].replace('ICU ', '')}"

    /// Code point ranges (hex, inclusive) of script Han, as ICU assigns it: "Han-Latin/Names" gives a
    /// surname reading to a Han character that starts the text or follows any other character.
    static let hanRanges = {literal(range_lines)}

    /// Mandarin reading of each character after another Han character.
    static let mandarin = {literal(mandarin_lines)}

    /// Mandarin readings that differ at the start of a name (surnames).
    static let mandarinInitial = {literal(initial_lines)}

    /// A character read otherwise when the next character follows at once: "c1c2 atStart inside", and
    /// "start" when only the start counts. ICU rules of the form {{万}}' '?俟 > mò.
    static let mandarinPairs = {literal(pair_lines)}

    /// Cantonese (Hong Kong Government romanisation) of each character that has one.
    static let cantonese = {literal(cantonese_lines)}
}}
"""
with open(out_path, "w", encoding="utf-8") as f:
    f.write(header + body)
print("gen-han-table: %s: %d Han code points, %d Mandarin readings (%d initial), %d pairs, %d Cantonese, %d bytes"
      % (out_path, len(han), len(medial), len(initial), len(pairs), len(cantonese), len(header) + len(body.encode())))
PY
