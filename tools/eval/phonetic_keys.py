#!/usr/bin/env python3
"""Phonetic keys for Latin name tokens, measured on transliteration variants and distinct names.

  python3 tools/eval/phonetic_keys.py [--shared DIR] [--pairs N] [--seed S] [--no-slow] [--dump DIR]

Compares Vigil's key (PhoneticKey.swift `skeleton(spellingFold(t))`, ported below rule for rule, with
the gates TokenSimilarity.spellingCompare and Grams.phoneticTerm put on it) with Double Metaphone
(PyPI `metaphone`), Metaphone, Soundex, NYSIIS and the Match Rating codex (PyPI `jellyfish`) and, when
PyPI `abydos` is installed, Beider-Morse and Daitch-Mokotoff (sets of codes: equal when any code is
shared). A second table measures candidate skeleton rules that Vigil does not have.

Positive token pairs (two spellings of one name token; lengths within a ratio of 0.7, which drops
abbreviations and joined tokens such as abd/abdul, abbas/abbasali):
  arabic            arabic-name-romanizer 0.2.0 `units`: single-token Latin spellings of one Arabic-
                    script key (count >= 2 and >= 2% of the key's total, which drops corpus
                    misalignments such as محمد -> "Abd"); the key's most common spelling against each
                    other spelling; --pairs of them.
  crosslist_slavic  derived/crosslist_clusters.jsonl, persons: two Latin names of one cluster with the
  crosslist_other   same number of tokens (<= 6), tokens assigned one-to-one by greatest summed
                    Jaro-Winkler, kept only when every assigned pair reaches 0.7; the differing
                    tokens. Split by a heuristic: _slavic when either token has a Russian, Ukrainian
                    or Belarusian ending (-ov, -ich, -vna, -enko, -sky, -ou ...).
  name_bench        nomenklatura name_bench cases.csv, Person, is_match=true, both names Latin:
                    aligned the same way.
Negative token pairs (distinct names), --pairs each:
  arabic_random  most common spellings of two random Arabic keys (total count >= 5);
  latin_random   two random tokens that each occur in >= 2 crosslist clusters;
  near           two of those frequent spellings/tokens within edit distance 2 (length >= 4): the
                 hard case, where a loose key costs most.
  Negatives never pair tokens known as one name (spellings of one Arabic key; tokens of one cluster
  with Jaro-Winkler >= 0.7; name_bench positives), nor tokens equal after spellingFold.

Key rows also give selectivity over the token vocabulary of all sources: distinct keys, tokens
without a key, and the mean number of vocabulary tokens sharing a code with a token (the candidates
one postings lookup returns), averaged over --vocab-sample tokens. Deterministic (--seed). Exits 0
with a message when the data or both of jellyfish and metaphone are missing. About a minute on one
core (Beider-Morse takes most; --no-slow skips it).
"""
import argparse
import csv
import gzip
import hashlib
import itertools
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_SHARED = os.path.abspath(os.path.join(REPO, "..", "shared", "data"))

# The Swift sources the port below follows (sha256, first 16 hex digits, at commit 541e121); main()
# warns when they have changed, as the port may then be stale.
PORTED = {
    os.path.join("Sources", "VigilNormalization", "PhoneticKey.swift"): "72bf12adf149818a",
    os.path.join("Sources", "VigilMatcher", "TokenSimilarity.swift"): "91e524a51c755181",
}

# ---------------------------------------------------------------------------------------------------
# Vigil, ported from Sources/VigilNormalization/PhoneticKey.swift and Sources/VigilMatcher/
# TokenSimilarity.swift (strings of ASCII a-z instead of byte arrays).

VOWELS = set("aeiouy")


def is_vowel(c):
    return c in VOWELS


def spelling_fold(t):
    """PhoneticKey.spellingFold."""
    if t == "ben":
        return "bin"
    if t in ("el", "ul"):
        return "al"
    n = len(t)
    doubled = any(t[k] == t[k - 1] for k in range(1, max(1, n)))
    needs = doubled or any(ch in t for ch in "axdyoe") or (n >= 3 and (t[0] == "i" or t[n - 2] == "i"))
    if not needs:
        return t
    out = []
    k = 0
    while k < n:
        c = t[k]
        if c == "x":
            out += ["k", "s"]
            k += 1
            continue
        if c == "a" and k + 1 < n and t[k + 1] == c:  # aa once (Saad/Sad)
            out.append(c)
            k += 2
            continue
        if k + 1 < n and ((c == "o" and t[k + 1] in "uo")
                          or (c == "e" and t[k + 1] == "e" and (k + 2 == n or t[k + 2] != "v"))):
            out.append("u" if c == "o" else "i")
            k += 2
            continue
        if c == "d" and k + 1 < n:
            if t[k + 1] == "j":
                out.append("j")
                k += 2
                continue
            if k + 2 < n and t[k + 1] == "z" and t[k + 2] == "h":
                out.append("j")
                k += 3
                continue
        if k == 0 and c == "i" and n >= 3 and is_vowel(t[1]) and t[1] != "i":
            out.append("y")
            k += 1
            continue
        if c == "y" and k > 0 and k + 1 < n and t[k + 1] == "e" and is_vowel(t[k - 1]) and t[k - 1] != "y":
            k += 1
            continue
        if out and c == out[-1] and (c == "y" or not is_vowel(c)):
            k += 1
            continue
        out.append(c)
        k += 1
    if len(out) >= 4:
        a, b = out[-2], out[-1]
        if (a == "i" and b in "iyj") or (a == "y" and b == "y"):
            out[-2:] = ["y"]
    return "".join(out)


H_DIGRAPH = {"k": "k", "g": "k", "p": "f", "d": "d", "t": "d", "s": "j", "c": "j", "z": "j"}
CONSONANT = {"q": "k", "c": "k", "k": "k", "g": "k", "t": "d", "w": "v", "z": "s"}


def skeleton(t):
    """PhoneticKey.skeleton."""
    out = []

    def emit(c):
        if not out or out[-1] != c:
            out.append(c)

    i, n = 0, len(t)
    while i < n:
        c = t[i]
        nxt = t[i + 1] if i + 1 < n else ""
        if nxt == "h" and c in H_DIGRAPH:
            emit(H_DIGRAPH[c])
            i += 2
            continue
        if c in VOWELS:
            if not out:
                out.append("a")
            i += 1
            continue
        emit(CONSONANT.get(c, c))
        i += 1
    return "".join(out)


def vowel_groups(t):
    """PhoneticKey.vowelGroups."""
    end = len(t) - 1 if len(t) >= 5 and t[-1] == "e" and not is_vowel(t[-2]) else len(t)
    n, in_vowel = 0, False
    for k, c in enumerate(t[:end]):
        # y between two vowels is a consonant (Nayef, Ayad)
        v = is_vowel(c) and not (c == "y" and 0 < k and k + 1 < end and is_vowel(t[k - 1]) and is_vowel(t[k + 1]))
        if v and not in_vowel:
            n += 1
        in_vowel = v
    return n


def vigil_key(t):
    return skeleton(spelling_fold(t))


def skeleton_string(t):
    """PhoneticKey.skeletonString, as Grams.phoneticTerm uses it (tokens of 4 letters or more)."""
    if len(t) < 4:
        return None
    k = vigil_key(t)
    return k if len(k) >= 3 else None


def jaro_winkler(a, b):
    """TokenSimilarity.jaroWinkler."""
    la, lb = len(a), len(b)
    if la == 0 or lb == 0:
        return 1.0 if la == lb else 0.0
    if a == b:
        return 1.0
    window = max(0, max(la, lb) // 2 - 1)
    am, bm = [False] * la, [False] * lb
    m = 0
    for i in range(la):
        for j in range(max(0, i - window), min(lb - 1, i + window) + 1):
            if not bm[j] and a[i] == b[j]:
                am[i] = bm[j] = True
                m += 1
                break
    if m == 0:
        return 0.0
    tr, j = 0, 0
    for i in range(la):
        if am[i]:
            while not bm[j]:
                j += 1
            if a[i] != b[j]:
                tr += 1
            j += 1
    jaro = (m / la + m / lb + (m - tr // 2) / m) / 3
    p = 0
    while p < min(4, la, lb) and a[p] == b[p]:
        p += 1
    return jaro + p * 0.1 * (1 - jaro)


def edit_distance(a, b, limit):
    """TokenSimilarity.editDistance (optimal string alignment, limit + 1 when above limit)."""
    n, m = len(a), len(b)
    if abs(n - m) > limit:
        return limit + 1
    if n == 0 or m == 0:
        return max(n, m)
    prev2 = [0] * (m + 1)
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        row_min = i
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            row_min = min(row_min, v)
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[m]


def allowed_edits(length):
    return 3 if length >= 12 else 2 if length >= 8 else 1 if length >= 4 else 0


class Form:
    __slots__ = ("bytes", "folded", "skeleton", "syllables")

    def __init__(self, t):
        self.bytes = t
        self.folded = spelling_fold(t)
        self.skeleton = skeleton(self.folded)
        self.syllables = vowel_groups(t)


FORMS = {}


def form(t):
    f = FORMS.get(t)
    if f is None:
        f = FORMS[t] = Form(t)
    return f


def same_skeleton_gated(a, b):
    """The skeleton test inside TokenSimilarity.spellingCompare: equal skeletons, both tokens of 2
    syllables or more and the same count, and a skeleton of 3 consonants or more unless both tokens
    have 4 letters or fewer."""
    fa, fb = form(a), form(b)
    if fa.syllables <= 1 or fb.syllables <= 1:
        return False
    return (fa.skeleton == fb.skeleton and fa.syllables == fb.syllables
            and (len(fa.skeleton) >= 3 or max(len(a), len(b)) <= 4))


def epenthetic_vowel(a, b):
    """TokenSimilarity.isEpentheticVowel: the longer token is the shorter with one vowel (not y)
    inserted between two consonants (Hamd/Hamad, Fazl/Fazel)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1:
        return False
    k = 0
    while k < len(short) and short[k] == long[k]:
        k += 1
    if long[k + 1:] != short[k:] or k == 0 or k + 1 >= len(long):
        return False
    return is_vowel(long[k]) and long[k] != "y" and not is_vowel(long[k - 1]) and not is_vowel(long[k + 1])


def spelling_compare(a, b):
    """TokenSimilarity.spellingCompare (Latin part of compare: no Mandarin or Korean keys)."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.7 if a[0] == b[0] else 0.0
    fa, fb = form(a), form(b)
    if fa.folded == fb.folded:
        return 0.9
    shortest = min(len(a), len(b))
    if fa.syllables <= 1 or fb.syllables <= 1:
        swap_or_gap = len(a) != len(b) or sorted(a) == sorted(b)
        if shortest >= 5 and swap_or_gap and edit_distance(a, b, 1) == 1:
            return 0.9
        if shortest >= 3 and epenthetic_vowel(a, b):
            return 0.9
        return 0.0
    same = (fa.skeleton == fb.skeleton and fa.syllables == fb.syllables
            and (len(fa.skeleton) >= 3 or max(len(a), len(b)) <= 4))
    allowed = allowed_edits(shortest)
    if allowed > 0:
        d = edit_distance(a, b, allowed)
        if d > 1 and (fa.folded != a or fb.folded != b):
            d = min(d, edit_distance(fa.folded, fb.folded, allowed))
        if d == 1:
            return 0.9
        if d <= allowed:
            return 0.9 if same else 1 - 0.1 * d
    if shortest >= 3 and same:
        return 0.9
    return 0.0


# ---------------------------------------------------------------------------------------------------
# Tokens: Vigil folds text to ASCII (ICU Any-Latin; Latin-ASCII) and splits on anything but letters
# and digits, apostrophes and leftover non-ASCII vanishing inside a token (NameNormalizer.tokenize).

SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                         "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d", "ħ": "h"})


def latin_only(s):
    """True when every letter of s is Latin script."""
    return all("LATIN" in unicodedata.name(c, "") for c in s if c.isalpha())


def tokens(s):
    s = unicodedata.normalize("NFKD", s.translate(SPECIAL))
    out, cur = [], []
    for c in s:
        if "a" <= c <= "z" or "0" <= c <= "9":
            cur.append(c)
        elif "A" <= c <= "Z":
            cur.append(c.lower())
        elif c in "'`" or ord(c) >= 0x80:
            continue
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def word(t):
    return len(t) >= 2 and t.isalpha()


# ---------------------------------------------------------------------------------------------------
# Data


def align(ta, tb, threshold=0.7):
    """Token pairs of two names of the same token count (at most 6) under the one-to-one assignment
    of greatest summed Jaro-Winkler, when every assigned pair reaches threshold (the whole name
    corresponds); otherwise none."""
    if len(ta) != len(tb) or not ta or len(ta) > 6:
        return []
    sim = [[jaro_winkler(x, y) for y in tb] for x in ta]
    best, best_perm = -1.0, None
    for perm in itertools.permutations(range(len(tb))):
        s = sum(sim[i][j] for i, j in enumerate(perm))
        if s > best:
            best, best_perm = s, perm
    if min(sim[i][j] for i, j in enumerate(best_perm)) < threshold:
        return []
    return [(ta[i], tb[j]) for i, j in enumerate(best_perm)]


def variant(x, y):
    """A differing token pair kept as two spellings of one token: lengths within a ratio of 0.7
    (drops abbreviations and joined tokens: abd/abdul, mohd/mohammad, abbas/abbasali)."""
    return x != y and min(len(x), len(y)) >= 0.7 * max(len(x), len(y))


def unordered(a, b):
    return (a, b) if a < b else (b, a)


def load_arabic(path):
    """-> positives [(a, b)], spelling relation set, frequent top spellings [token]."""
    per_key = defaultdict(Counter)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ts = tokens(r["latin"])
            if len(ts) != 1 or not word(ts[0]):
                continue
            per_key[r["arabic_key"]][ts[0]] += int(r["count"] or 1)
    positives, related, top = set(), set(), Counter()
    for key, spellings in per_key.items():
        total = sum(spellings.values())
        kept = [(s, c) for s, c in spellings.most_common() if c >= 2 and c >= 0.02 * total]
        for i, (s, _) in enumerate(kept):
            for t, _ in kept[i + 1:]:
                related.add(unordered(s, t))
        # every spelling seen, even rare ones, marks a relation (keeps negatives clean)
        seen = list(spellings)
        for i, s in enumerate(seen):
            for t in seen[i + 1:]:
                related.add(unordered(s, t))
        if kept:
            head = kept[0][0]
            for s, _ in kept[1:]:
                if variant(head, s):
                    positives.add(unordered(head, s))
            if total >= 5:
                top[head] += total
    return sorted(positives), related, sorted(top)


def load_crosslist(path):
    """-> positives, relation set, frequent tokens (in >= 2 clusters), vocabulary. The relation (kept
    out of the negatives) is looser than the positives: any two tokens of one cluster with
    Jaro-Winkler >= 0.7."""
    positives, related, vocab, df = set(), set(), set(), Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            names = set()
            for m in c["members"]:
                if m.get("schema") != "Person":
                    continue
                for n in m["names"]:
                    if latin_only(n):
                        names.add(tuple(t for t in tokens(n) if word(t)))
            names = sorted(n for n in names if n)
            ctoks = set(t for n in names for t in n)
            vocab |= ctoks
            cl = sorted(ctoks)
            for i, x in enumerate(cl):
                for y in cl[i + 1:]:
                    if jaro_winkler(x, y) >= 0.7:
                        related.add((x, y))
            for t in ctoks:
                df[t] += 1
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    for x, y in align(a, b):
                        if variant(x, y) and len(x) >= 3 and len(y) >= 3:
                            positives.add(unordered(x, y))
    frequent = sorted(t for t, n in df.items() if n >= 2 and len(t) >= 3)
    return sorted(positives), related | positives, frequent, vocab


def load_name_bench(path):
    positives, vocab = set(), set()
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not (latin_only(r["name1"]) and latin_only(r["name2"])):
                continue
            a = [t for t in tokens(r["name1"]) if word(t)]
            b = [t for t in tokens(r["name2"]) if word(t)]
            vocab |= set(a) | set(b)
            if r["is_match"].strip().lower() != "true" or r["schema"] not in ("Person",):
                continue
            for x, y in align(a, b):
                if variant(x, y) and len(x) >= 3 and len(y) >= 3:
                    positives.add(unordered(x, y))
    return sorted(positives), set(positives), vocab


def random_negatives(pool, related, n, rng):
    out, seen, tries = [], set(), 0
    while len(out) < n and tries < 50 * n:
        tries += 1
        a, b = rng.sample(pool, 2)
        p = unordered(a, b)
        if a == b or p in related or p in seen or spelling_fold(a) == spelling_fold(b):
            continue
        seen.add(p)
        out.append(p)
    return out


def near_negatives(pool, related, n, rng):
    """Pairs of distinct pool tokens within OSA distance 2, length >= 4 (blocked on first letter or
    on the last three letters, which covers most close spellings without an all-pairs scan)."""
    pool = sorted(set(t for t in pool if len(t) >= 4))
    blocks = defaultdict(list)
    for t in pool:
        blocks["^" + t[0]].append(t)
        blocks["$" + t[-3:]].append(t)
    cands = set()
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if abs(len(a) - len(b)) <= 2 and edit_distance(a, b, 2) <= 2:
                    p = unordered(a, b)
                    if p not in related and spelling_fold(a) != spelling_fold(b):
                        cands.add(p)
    cands = sorted(cands)
    return cands if len(cands) <= n else sorted(rng.sample(cands, n))


SLAVIC = re.compile(r"(ov|ova|ev|eva|ow|owa|ew|ewa|ich|itch|ych|vitj|witsch|vna|wna|una|enko|enka|sky|ski|skiy|"
                    r"skij|skii|skaya|skaja|yuk|iuk|kou|vou|nou|aeu)$")


def slavic(pair):
    """Crosslist pairs with a Russian, Ukrainian or Belarusian ending on either token (-ov, -ich,
    -vna, -enko, -sky, Belarusian -ou ...): a heuristic split of the cluster pairs by origin."""
    return any(SLAVIC.search(t) for t in pair)


def sample(pairs, n, rng):
    return pairs if len(pairs) <= n else sorted(rng.sample(pairs, n))


# ---------------------------------------------------------------------------------------------------
# Candidate rules, not in Vigil, measured to see whether the skeleton should change. Each is applied
# to the token around Vigil's own fold and skeleton.


def ou_glide(t):
    """French transcription writes consonant w as ou before a vowel (Ouahab/Wahab, Faouzi/Fawzi,
    Seloua/Salwa): ou + a/e/i -> w. Applied before spellingFold, which would make ou a plain u."""
    return re.sub(r"ou(?=[aei])", "w", t)


def soft_c(t):
    """c before e/i/y reads s (Hacene/Hassen, Cyrine/Sirine, Merdaci/Mardassi)."""
    return re.sub(r"c(?=[eiy])", "s", t)


def final_h(t):
    """A final h after a vowel is silent: Arabic ta marbuta and Persian he (Hamideh/Hamida,
    Salamah/Salama, Masoumeh/Masoume)."""
    return t[:-1] if len(t) >= 4 and t[-1] == "h" and t[-2] in "aeiou" else t


SLAVIC_DIGRAPHS = [("tsch", "ch"), ("tch", "ch"), ("tj", "ch"), ("sj", "sh"), ("zj", "zh")]


def slavic_digraphs(t):
    """German tsch, French tch, Swedish and Dutch tj/sj/zj for ч, ш, ж (Wasiljewitsch, Ivanovitch,
    Nikolajevitj, Lukasjenka, Ryzjankou) -> the English ch, sh, zh. Applied before spellingFold."""
    for a, b in SLAVIC_DIGRAPHS:
        t = t.replace(a, b)
    return t


RULES = {"ou": ou_glide, "c": soft_c, "h": final_h, "sl": slavic_digraphs}


def candidate_key(t, rules):
    if "sl" in rules:
        t = slavic_digraphs(t)
    if "ou" in rules:
        t = ou_glide(t)
    t = spelling_fold(t)
    for r in ("c", "h"):
        if r in rules:
            t = RULES[r](t)
    return skeleton(t)


def candidate_gate(rules):
    def pred(a, b):
        ga, gb = vowel_groups(a), vowel_groups(b)
        if ga <= 1 or gb <= 1 or ga != gb:
            return False
        ka, kb = candidate_key(a, rules), candidate_key(b, rules)
        return ka == kb and (len(ka) >= 3 or max(len(a), len(b)) <= 4)
    return pred


# ---------------------------------------------------------------------------------------------------
# Methods: (name, pair predicate, key function for selectivity or None, note). Key functions return
# a set of codes (empty: the token gets no key); a pair is equal when the sets share a code.


def set_key(f):
    def k(t):
        v = f(t)
        return {v} if v else set()
    return k


def cached(kf):
    cache = {}

    def key(t):
        v = cache.get(t)
        if v is None:
            v = cache[t] = frozenset(kf(t))
        return v
    return key


def key_method(name, kf, note=""):
    key = cached(kf)
    return (name, lambda a, b: bool(key(a) & key(b)), key, note)


def methods(available, no_slow):
    ms = [
        key_method("vigil skeleton (fold+skeleton)", set_key(vigil_key)),
        ("vigil skeleton, compare gate", same_skeleton_gated,
         lambda t: {(vigil_key(t), vowel_groups(t))} if vowel_groups(t) >= 2 else set(),
         "the test in TokenSimilarity.spellingCompare: also same syllable count, both >= 2 syllables, "
         ">= 3 consonants or both tokens <= 4 letters (its key column: skeleton + syllable count)"),
        key_method("vigil skeleton, postings term", set_key(skeleton_string),
                   "Grams.phoneticTerm: only tokens of >= 4 letters with >= 3 consonants get one"),
        key_method("vigil skeleton without fold", set_key(skeleton)),
        key_method("vigil fold only (exact)", set_key(spelling_fold)),
        ("vigil spellingCompare >= 0.9 (ref.)", lambda a, b: spelling_compare(a, b) >= 0.9, None,
         "the whole Latin token comparison (fold, typos, gated skeleton), not a key"),
        ("vigil spellingCompare > 0 (ref.)", lambda a, b: spelling_compare(a, b) > 0, None,
         "any agreement, down to 3 typos in long tokens"),
    ]
    if "metaphone" in available:
        from metaphone import doublemetaphone
        ms.append(key_method("double metaphone primary", lambda t: {doublemetaphone(t)[0]} - {""}))
        ms.append(key_method("double metaphone primary|secondary", lambda t: set(doublemetaphone(t)) - {""},
                             "equal when any code of one is a code of the other"))
    if "jellyfish" in available:
        import jellyfish
        ms.append(key_method("metaphone", set_key(jellyfish.metaphone)))
        ms.append(key_method("soundex", set_key(jellyfish.soundex)))
        ms.append(key_method("nysiis", set_key(jellyfish.nysiis)))
        ms.append(key_method("match rating codex", set_key(jellyfish.match_rating_codex),
                             "the codex alone (MRA proper compares codexes with its own rule)"))
    if "abydos" in available and not no_slow:
        from abydos.phonetic import BeiderMorse, DaitchMokotoff
        bm, dm = BeiderMorse(), DaitchMokotoff()
        ms.append(key_method("beider-morse (generic, approx)", lambda t: set(bm.encode(t).split()) - {""},
                             "abydos BeiderMorse(): many codes per token, equal when any is shared"))
        ms.append(key_method("daitch-mokotoff", lambda t: set(dm.encode(t)) - {""},
                             "abydos DaitchMokotoff(): equal when any code is shared"))
    return ms


def candidates(available):
    ms = []
    for rules, label in ((("ou",), "ou+vowel->w"), (("c",), "soft c->s"), (("h",), "final vowel+h dropped"),
                         (("sl",), "tsch/tch/tj->ch, sj->sh, zj->zh"), (("ou", "c", "h", "sl"), "all four")):
        ms.append(key_method(f"skeleton + {label}", lambda t, r=rules: {candidate_key(t, r)}))
        ms.append((f"compare gate + {label}", candidate_gate(rules), None, ""))
    if "metaphone" in available:
        from metaphone import doublemetaphone
        ms.append(key_method("vigil skeleton or double metaphone primary",
                             lambda t: {("v", vigil_key(t)), ("d", doublemetaphone(t)[0])} - {("d", "")},
                             "two postings terms per token"))
        allk = cached(lambda t: {("v", candidate_key(t, ("ou", "c", "h", "sl"))), ("d", doublemetaphone(t)[0])} - {("d", "")})
        ms.append(("skeleton + all four, or double metaphone primary",
                   lambda a, b: bool(allk(a) & allk(b)), allk, ""))
    return ms


# ---------------------------------------------------------------------------------------------------


def measure(ms, positives, negatives, vocab, vsample, dump):
    rows = []
    for name, pred, key, note in ms:
        t1 = time.time()
        r = {"name": name, "note": note}
        allpos = 0
        for src, pairs in positives.items():
            hits = [pred(x, y) for x, y in pairs]
            r[src] = sum(hits) / len(pairs) if pairs else None
            allpos += sum(hits)
            dump[src].append((name, hits))
        r["recall"] = allpos / max(1, sum(len(v) for v in positives.values()))
        for src, pairs in negatives.items():
            hits = [pred(x, y) for x, y in pairs]
            r[src] = sum(hits) / len(pairs) if pairs else None
            dump[src].append((name, hits))
        if key is not None:
            postings = defaultdict(set)
            keyed = 0
            for i, t in enumerate(vocab):
                ks = key(t)
                if ks:
                    keyed += 1
                for k in ks:
                    postings[k].add(i)
            r["keys"] = len(postings)
            r["unkeyed"] = len(vocab) - keyed
            # candidates one lookup returns: vocabulary tokens sharing any code with the token,
            # itself included, averaged over a sample of the vocabulary
            cand = []
            for t in vsample:
                got = set()
                for k in key(t):
                    got |= postings[k]
                cand.append(len(got))
            r["cands"] = sum(cand) / len(cand)
        rows.append(r)
        print(f"  {name}: {time.time() - t1:.1f}s", file=sys.stderr)
    return rows


def table(rows, npos, nneg):
    def pct(v):
        return "" if v is None else f"{100 * v:.1f}"

    head = (["key", "recall all"] + [f"{k} ({n:,})" for k, n in npos.items()]
            + [f"coll. {k} ({n:,})" for k, n in nneg.items()] + ["distinct keys", "no key", "cands/lookup"])
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r["name"], pct(r["recall"])] + [pct(r[k]) for k in npos] + [pct(r[k]) for k in nneg]
        cells += [f"{r['keys']:,}", f"{r['unkeyed']:,}", f"{r['cands']:.1f}"] if "keys" in r else ["", "", ""]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shared", default=os.environ.get("VIGIL_SHARED_DATA", DEFAULT_SHARED))
    p.add_argument("--pairs", type=int, default=4000, help="pairs sampled per source (default 4000)")
    p.add_argument("--seed", type=int, default=20260101)
    p.add_argument("--no-slow", action="store_true", help="skip Beider-Morse and Daitch-Mokotoff (abydos)")
    p.add_argument("--vocab-sample", type=int, default=3000,
                   help="tokens whose candidate count is averaged for selectivity (default 3000)")
    p.add_argument("--dump", help="write each source's pairs with every row's verdict to this folder")
    a = p.parse_args()

    paths = {
        "arabic": os.path.join(a.shared, "eval", "arabic_latin_names", "arabic_name_romanizer_0.2.0_units.csv.gz"),
        "crosslist": os.path.join(a.shared, "derived", "crosslist_clusters.jsonl"),
        "name_bench": os.path.join(a.shared, "eval", "nomenklatura_name_bench", "cases.csv"),
    }
    missing = [x for x in paths.values() if not os.path.exists(x)]
    if missing:
        print(f"skip phonetic keys: missing {', '.join(missing)}", file=sys.stderr)
        return 0
    available = set()
    for mod in ("jellyfish", "metaphone", "abydos"):
        try:
            __import__(mod)
            available.add(mod)
        except Exception:
            if mod != "abydos":
                print(f"note: {mod} not installed (pip install --user {mod}); its keys are skipped", file=sys.stderr)
    if not available & {"jellyfish", "metaphone"}:
        print("skip phonetic keys: neither jellyfish nor metaphone is installed "
              "(pip install --user jellyfish metaphone)", file=sys.stderr)
        return 0

    for rel, digest in PORTED.items():
        path = os.path.join(REPO, rel)
        if os.path.exists(path):
            with open(path, "rb") as f:
                if hashlib.sha256(f.read()).hexdigest()[:16] != digest:
                    print(f"note: {rel} changed since this port was written (commit 541e121): "
                          "check spelling_fold, skeleton, vowel_groups and spelling_compare against it", file=sys.stderr)

    t0 = time.time()
    rng = random.Random(a.seed)
    ar_pos, ar_rel, ar_top = load_arabic(paths["arabic"])
    cl_pos, cl_rel, cl_freq, cl_vocab = load_crosslist(paths["crosslist"])
    nb_pos, nb_rel, nb_vocab = load_name_bench(paths["name_bench"])
    related = ar_rel | cl_rel | nb_rel
    cl_pos = sample(cl_pos, a.pairs, rng)
    positives = {
        "arabic": sample(ar_pos, a.pairs, rng),
        "crosslist_slavic": [p for p in cl_pos if slavic(p)],
        "crosslist_other": [p for p in cl_pos if not slavic(p)],
        "name_bench": nb_pos,
    }
    negatives = {
        "arabic_random": random_negatives(ar_top, related, a.pairs, rng),
        "latin_random": random_negatives(cl_freq, related, a.pairs, rng),
        "near": near_negatives(sorted(set(ar_top) | set(cl_freq)), related, a.pairs, rng),
    }
    vocab = sorted(set(ar_top) | {t for pr in ar_pos for t in pr} | {t for t in cl_vocab if len(t) >= 2} | nb_vocab)
    vocab = [t for t in vocab if word(t)]
    vsample = sorted(rng.sample(vocab, min(a.vocab_sample, len(vocab))))
    print(f"data: positives {', '.join(f'{k} {len(v)}' for k, v in positives.items())}; "
          f"negatives {', '.join(f'{k} {len(v)}' for k, v in negatives.items())}; vocabulary {len(vocab)} tokens "
          f"({time.time() - t0:.0f}s)", file=sys.stderr)

    ms = methods(available, a.no_slow)
    cs = candidates(available)
    dump = defaultdict(list)
    rows = measure(ms, positives, negatives, vocab, vsample, dump)
    crow = measure(cs, positives, negatives, vocab, vsample, dump)

    if a.dump:
        os.makedirs(a.dump, exist_ok=True)
        for src, pairs in list(positives.items()) + list(negatives.items()):
            with open(os.path.join(a.dump, src + ".csv"), "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(["a", "b"] + [name for name, _ in dump[src]])
                for i, (x, y) in enumerate(pairs):
                    w.writerow([x, y] + [int(h[i]) for _, h in dump[src]])

    npos = {k: len(v) for k, v in positives.items()}
    nneg = {k: len(v) for k, v in negatives.items()}
    print(f"Recall on positive pairs and collision rate on negative pairs, in %. Vocabulary {len(vocab):,} "
          f"tokens; cands/lookup averaged over {len(vsample):,} of them. Seed {a.seed}.\n")
    print(table(rows, npos, nneg))
    notes = [f"- {r['name']}: {r['note']}" for r in rows if r["note"]]
    if notes:
        print("\n" + "\n".join(notes))
    if not a.no_slow and "abydos" not in available:
        print("\n(Beider-Morse and Daitch-Mokotoff skipped: pip install --user abydos)")
    print("\nCandidate rules (not in Vigil):\n")
    print(table(crow, npos, nneg))
    return 0


if __name__ == "__main__":
    sys.exit(main())
