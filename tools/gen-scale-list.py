#!/usr/bin/env python3
"""Writes a generic-CSV list (id,name,aliases,schema,birth_date,nationality,gender) that, together with
the lists in data/, makes a scale index of about N listed names (issue 7: 1M names).

Sources (all from ../shared/data, read-only; the output is for benchmarks and never ships):
  - PEPs: RuPEP (NAME_EN + NAME_RU alias) and the FBK list (English + Russian alias), real people;
  - synthetic persons recombined from real name-frequency tables: given and family names drawn
    independently per locale from the 1M faker customer file (so a customer's own full name is rarely
    rebuilt), and Chinese names drawn from the ChineseNames 1930-2008 surname and given-character
    frequencies (one or two given characters, in proportion to their counts), written in Han.
Seeded, so two runs give the same file.

  tools/gen-scale-list.py --names 1000000 --out /tmp/scale/scale.csv
  vigil index build --data data --list /tmp/scale/scale.csv --out /tmp/scale/scale.vigil
"""
import argparse, csv, gzip, os, random, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "data")


def peps():
    """(name, aliases, birth_date, gender) of the real PEP lists."""
    out = []
    path = os.path.join(SHARED, "peps", "rupep_ru_by_peps_2022-09.csv")
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            en, ru = row.get("NAME_EN", "").strip(), row.get("NAME_RU", "").strip()
            if en or ru:
                out.append((en or ru, ru if en else "", iso_date(row.get("DOB", "")), ""))
    path = os.path.join(SHARED, "peps", "navalny_fbk_list_2022-09.csv")
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) < 4 or row[0] == "Name rus":
                continue
            ru, en = row[0].strip(), row[1].strip()
            if en or ru:
                out.append((en or ru, ru if en else "", iso_date(row[2]), row[3].strip().lower()))
    return out


def iso_date(text):
    """dd.mm.yyyy -> yyyy-mm-dd; anything else -> empty."""
    parts = text.strip().split(".")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
        return f"{parts[2]}-{parts[1]}-{parts[0]}"
    return ""


def faker_parts():
    """Per locale: given names, family names, country and genders, from the faker customer file."""
    by_locale = {}
    path = os.path.join(SHARED, "names", "synthetic_customers_faker40.54_1M.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            given, family = row["given_name"].strip(), row["family_name"].strip()
            if not given or not family:
                continue
            entry = by_locale.setdefault(row["locale"], ([], [], row["country"], []))
            entry[0].append(given)
            entry[1].append(family)
            entry[3].append(row["gender"])
    return by_locale


def weighted(path, key, count):
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    return [r[key] for r in rows], [float(r[count] or 0) for r in rows]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--names", type=int, default=1_000_000, help="listed names wanted in this file")
    ap.add_argument("--chinese-share", type=float, default=0.15, help="share of synthetic names in Han")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if not os.path.isdir(SHARED):
        sys.exit(f"gen-scale-list: {SHARED} not found (the scale list is built from ../shared/data)")
    rng = random.Random(a.seed)

    rows, names = [], 0
    for i, (name, alias, dob, gender) in enumerate(peps()):
        rows.append((f"pep{i + 1}", name, alias, "Person", dob, "RU", gender))
        # The Russian alias mostly transliterates to the English name: one indexed name, so not counted.
        names += 1

    cn = os.path.join(SHARED, "chinese", "ChineseNames_1930-2008")
    surnames, surname_w = weighted(os.path.join(cn, "familyname.csv"), "surname", "n.1930_2008")
    # A given-name character's weight is its count over all periods, men and women.
    with open(os.path.join(cn, "givenname.csv"), encoding="utf-8-sig") as f:
        given_rows = list(csv.DictReader(f))
    chars = [r["character"] for r in given_rows]
    char_w = [float(r["n.male"] or 0) + float(r["n.female"] or 0) for r in given_rows]
    locales = faker_parts()
    locale_keys = sorted(locales)
    locale_w = [len(locales[k][0]) for k in locale_keys]

    synthetic = max(0, a.names - names)
    n_cn = int(synthetic * a.chinese_share)
    batch = 10_000
    made = 0
    while made < synthetic:
        take = min(batch, synthetic - made)
        cn_take = round(take * n_cn / synthetic) if synthetic else 0
        sur = rng.choices(surnames, surname_w, k=cn_take)
        g1 = rng.choices(chars, char_w, k=cn_take)
        g2 = rng.choices(chars, char_w, k=cn_take)
        for j in range(cn_take):
            given = g1[j] + (g2[j] if rng.random() < 0.7 else "")
            rows.append((f"s{made + j + 1}", sur[j] + given, "", "Person", rand_dob(rng), "CN", ""))
        locs = rng.choices(locale_keys, locale_w, k=take - cn_take)
        for j, loc in enumerate(locs, start=cn_take):
            given_list, family_list, country, genders = locales[loc]
            k = rng.randrange(len(given_list))
            given, family, gender = given_list[k], rng.choice(family_list), genders[k]
            # Chinese, Japanese and Korean names written in their own script: family name first, unspaced.
            name = family + given if is_cjk(family) and is_cjk(given) else f"{given} {family}"
            rows.append((f"s{made + j + 1}", name, "", "Person", rand_dob(rng), country, gender))
        made += take

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "aliases", "schema", "birth_date", "nationality", "gender"])
        w.writerows(rows)
    print(f"gen-scale-list: {len(rows)} entities, {names + synthetic} names -> {a.out}", file=sys.stderr)


def is_cjk(text):
    return all(ord(c) >= 0x2E80 for c in text)


def rand_dob(rng):
    return f"{rng.randint(1940, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


if __name__ == "__main__":
    main()
