#!/usr/bin/env python3
"""Generates Sources/VigilLists/CountryTable.swift: ISO 3166-1 countries with the names, codes and
nationality adjectives that sanctions lists and customer files write, for `Countries.code(_:)`.

Sources: pycountry (ISO 3166-1: alpha-2, alpha-3, name, official and common names; `pip install
pycountry`), plus the variants and demonyms below, collected from the nationality fields of the OFAC,
UN, DFAT and UK HMT lists ("Korea, North", "Iran (Islamic Republic of)", "Russian", "Afgan" ...).

Every key is normalised as `Countries.key(_:)` does at run time: diacritics folded, lower case,
apostrophes and dots dropped, `&` read as "and", any other non-alphanumeric character a space, spaces
collapsed, a leading "the " dropped. Keys must be ASCII after that, and no key may name two countries.

Usage: python3 tools/gen-countries.py
"""
import os
import re
import unicodedata

import pycountry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources", "VigilLists", "CountryTable.swift")

# Kosovo is not in ISO 3166-1; XK is the code the EU, the UN lists and OpenSanctions use for it.
EXTRA_COUNTRIES = {"XK": ["Kosovo", "XKX"]}

# Other names lists use (short forms, old names, inverted forms, abbreviations).
VARIANTS = {
    "AE": ["UAE", "U.A.E.", "Emirates", "United Arab Emirates (UAE)"],
    "BA": ["Bosnia-Herzegovina", "Bosnia", "Bosnia Herzegovina", "Bosnia & Herzegovina"],
    "BN": ["Brunei"],
    "BO": ["Bolivia"],
    "BS": ["Bahamas, The", "The Bahamas"],
    "CD": ["Congo, Democratic Republic of the", "Democratic Republic of the Congo", "Democratic Republic of Congo",
           "DRC", "D.R.C.", "DR Congo", "Congo-Kinshasa", "Congo (Kinshasa)", "Zaire",
           "Congo, The Democratic Republic of the", "Congo, Democratic Republic"],
    "CG": ["Congo, Republic of the", "Republic of the Congo", "Congo-Brazzaville", "Congo (Brazzaville)"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d’Ivoire"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "CZ": ["Czech Republic", "Czechia"],
    "FM": ["Micronesia", "Federated States of Micronesia", "Micronesia, Federated States of"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain", "United Kingdom of Great Britain and Northern Ireland",
           "United Kingdom of Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "GM": ["Gambia, The", "The Gambia"],
    "IM": ["Man, Isle of", "Isle of Man"],
    "IR": ["Iran", "Iran (Islamic Republic of)", "Islamic Republic of Iran", "Persia"],
    "KP": ["North Korea", "Korea, North", "DPRK", "D.P.R.K.", "Korea DPR", "Korea, DPR", "Democratic People's Republic of Korea",
           "Korea (North)", "People's Republic of Korea"],
    "KR": ["South Korea", "Korea, South", "Republic of Korea", "ROK", "Korea (South)"],
    "LA": ["Laos", "Lao PDR", "Lao People's Democratic Republic"],
    "MD": ["Moldova", "Republic of Moldova", "Moldova, Republic of"],
    "MK": ["Macedonia", "North Macedonia", "North Macedonia, The Republic of", "Republic of North Macedonia",
           "Former Yugoslav Republic of Macedonia", "FYROM", "The former Yugoslav Republic of Macedonia"],
    "MM": ["Burma", "Myanmar (Burma)", "Myanmar/Burma", "Burma/Myanmar"],
    "MO": ["Macau", "Macao", "Macao SAR", "Macau SAR"],
    "HK": ["Hong Kong", "Hong Kong SAR", "Hong Kong, China", "Hong Kong SAR China", "Hong Kong S.A.R."],
    "NL": ["Netherlands, The", "The Netherlands", "Holland"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories", "Palestinian Territory", "Occupied Palestinian Territory",
           "Palestinian Territory, Occupied", "West Bank", "Gaza", "Gaza Strip", "West Bank and Gaza", "Palestine, State of"],
    "RU": ["Russia", "Russian Federation"],
    "SH": ["Saint Helena", "St. Helena"],
    "KN": ["Saint Kitts and Nevis", "St. Kitts and Nevis", "St Kitts and Nevis", "St. Kitts & Nevis"],
    "LC": ["Saint Lucia", "St. Lucia"],
    "VC": ["Saint Vincent and the Grenadines", "St. Vincent and the Grenadines", "St Vincent"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "SZ": ["Swaziland", "Eswatini"],
    "TL": ["East Timor", "Timor-Leste", "Timor Leste"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Republic of Türkiye"],
    "TW": ["Taiwan", "Taiwan, Province of China", "Republic of China", "Chinese Taipei"],
    "TZ": ["Tanzania", "United Republic of Tanzania", "Tanzania, United Republic of"],
    "US": ["USA", "U.S.A.", "US", "U.S.", "United States", "United States of America", "America"],
    "VA": ["Vatican", "Vatican City", "Holy See", "Holy See (Vatican City State)"],
    "VE": ["Venezuela", "Venezuela, Bolivarian Republic of"],
    "VG": ["British Virgin Islands", "Virgin Islands, British", "BVI"],
    "VI": ["US Virgin Islands", "U.S. Virgin Islands", "Virgin Islands, U.S."],
    "VN": ["Vietnam", "Viet Nam"],
    "YE": ["Yemen", "Republic of Yemen"],
    "CN": ["China", "People's Republic of China", "PRC", "P.R.C.", "China, People's Republic of", "Mainland China"],
    "LY": ["Libya", "Libyan Arab Jamahiriya"],
    "KG": ["Kyrgyzstan", "Kyrgyz Republic", "Kirghizia"],
    "SK": ["Slovakia", "Slovak Republic"],
    "SS": ["South Sudan", "Republic of South Sudan"],
    "SD": ["Sudan", "Republic of the Sudan", "The Sudan"],
    "FK": ["Falkland Islands", "Falklands"],
    "KY": ["Cayman Islands"],
    "IE": ["Ireland", "Republic of Ireland", "Eire"],
}

# Nationality adjectives (demonyms) as lists write them in nationality fields.
DEMONYMS = {
    "AF": ["Afghan", "Afgan", "Afghani"], "AL": ["Albanian"], "DZ": ["Algerian"], "AD": ["Andorran"],
    "AO": ["Angolan"], "AG": ["Antiguan", "Barbudan"], "AR": ["Argentine", "Argentinian", "Argentinean"],
    "AM": ["Armenian"], "AU": ["Australian"], "AT": ["Austrian"], "AZ": ["Azerbaijani", "Azeri", "Azerbaijanian"],
    "BS": ["Bahamian"], "BH": ["Bahraini", "Bahrainian"], "BD": ["Bangladeshi"], "BB": ["Barbadian", "Bajan"],
    "BY": ["Belarusian", "Belarussian", "Byelorussian"], "BE": ["Belgian"], "BZ": ["Belizean"], "BJ": ["Beninese", "Beninois"],
    "BT": ["Bhutanese"], "BO": ["Bolivian"], "BA": ["Bosnian", "Herzegovinian", "Bosnian and Herzegovinian"],
    "BW": ["Botswanan", "Motswana", "Batswana"], "BR": ["Brazilian"], "BN": ["Bruneian"], "BG": ["Bulgarian"],
    "BF": ["Burkinabe", "Burkinabé"], "BI": ["Burundian"], "KH": ["Cambodian"], "CM": ["Cameroonian"],
    "CA": ["Canadian"], "CV": ["Cape Verdean", "Cabo Verdean"], "CF": ["Central African"], "TD": ["Chadian"],
    "CL": ["Chilean"], "CN": ["Chinese"], "CO": ["Colombian"], "KM": ["Comoran", "Comorian"],
    "CG": ["Congolese (Republic of the Congo)"], "CD": ["Congolese", "Congolese (DRC)"], "CR": ["Costa Rican"],
    "CI": ["Ivorian"], "HR": ["Croatian", "Croat"], "CU": ["Cuban"], "CY": ["Cypriot"], "CZ": ["Czech"],
    "DK": ["Danish", "Dane"], "DJ": ["Djiboutian", "Djiboutien"], "DM": ["Dominican (Dominica)"], "DO": ["Dominican"],
    "EC": ["Ecuadorian", "Ecuadorean"], "EG": ["Egyptian"], "SV": ["Salvadoran", "Salvadorian"],
    "GQ": ["Equatorial Guinean", "Equatoguinean"], "ER": ["Eritrean"], "EE": ["Estonian"], "SZ": ["Swazi"],
    "ET": ["Ethiopian"], "FJ": ["Fijian"], "FI": ["Finnish", "Finn"], "FR": ["French"], "GA": ["Gabonese"],
    "GM": ["Gambian"], "GE": ["Georgian"], "DE": ["German"], "GH": ["Ghanaian", "Ghanian"], "GR": ["Greek", "Hellenic"],
    "GD": ["Grenadian"], "GT": ["Guatemalan"], "GN": ["Guinean"], "GW": ["Bissau-Guinean", "Guinea-Bissauan"],
    "GY": ["Guyanese"], "HT": ["Haitian"], "HN": ["Honduran"], "HK": ["Hongkonger", "Hong Konger"], "HU": ["Hungarian"],
    "IS": ["Icelandic", "Icelander"], "IN": ["Indian"], "ID": ["Indonesian"], "IR": ["Iranian", "Persian"],
    "IQ": ["Iraqi"], "IE": ["Irish"], "IL": ["Israeli"], "IT": ["Italian"], "JM": ["Jamaican"], "JP": ["Japanese"],
    "JO": ["Jordanian"], "KZ": ["Kazakh", "Kazakhstani"], "KE": ["Kenyan"], "KI": ["I-Kiribati", "Kiribatian"],
    "KP": ["North Korean"], "KR": ["South Korean"], "XK": ["Kosovar", "Kosovan"], "KW": ["Kuwaiti"],
    "KG": ["Kyrgyz", "Kyrgyzstani", "Kirghiz"], "LA": ["Lao", "Laotian"], "LV": ["Latvian"], "LB": ["Lebanese"],
    "LS": ["Basotho", "Mosotho", "Lesothan"], "LR": ["Liberian"], "LY": ["Libyan"], "LI": ["Liechtensteiner"],
    "LT": ["Lithuanian"], "LU": ["Luxembourgish", "Luxembourger"], "MO": ["Macanese"], "MK": ["Macedonian", "North Macedonian"],
    "MG": ["Malagasy", "Madagascan"], "MW": ["Malawian"], "MY": ["Malaysian"], "MV": ["Maldivian"], "ML": ["Malian"],
    "MT": ["Maltese"], "MH": ["Marshallese"], "MR": ["Mauritanian"], "MU": ["Mauritian"], "MX": ["Mexican"],
    "FM": ["Micronesian"], "MD": ["Moldovan", "Moldavian"], "MC": ["Monegasque", "Monacan"], "MN": ["Mongolian"],
    "ME": ["Montenegrin"], "MA": ["Moroccan"], "MZ": ["Mozambican"], "MM": ["Burmese", "Myanmar national", "Myanma"],
    "NA": ["Namibian"], "NR": ["Nauruan"], "NP": ["Nepali", "Nepalese"], "NL": ["Dutch", "Netherlander"],
    "NZ": ["New Zealander", "New Zealand national", "Kiwi"], "NI": ["Nicaraguan"], "NE": ["Nigerien"], "NG": ["Nigerian"],
    "NO": ["Norwegian"], "OM": ["Omani"], "PK": ["Pakistani"], "PW": ["Palauan"], "PS": ["Palestinian"],
    "PA": ["Panamanian"], "PG": ["Papua New Guinean", "Papuan"], "PY": ["Paraguayan"], "PE": ["Peruvian"],
    "PH": ["Filipino", "Philippine", "Filipina"], "PL": ["Polish", "Pole"], "PT": ["Portuguese"], "QA": ["Qatari", "Qatarian"],
    "RO": ["Romanian"], "RU": ["Russian"], "RW": ["Rwandan", "Rwandese"], "KN": ["Kittitian", "Nevisian"],
    "LC": ["Saint Lucian"], "VC": ["Vincentian"], "WS": ["Samoan"], "SM": ["Sammarinese"],
    "ST": ["Sao Tomean", "São Toméan"], "SA": ["Saudi", "Saudi Arabian"], "SN": ["Senegalese"], "RS": ["Serbian", "Serb"],
    "SC": ["Seychellois"], "SL": ["Sierra Leonean"], "SG": ["Singaporean", "Singapore national"], "SK": ["Slovak", "Slovakian"],
    "SI": ["Slovenian", "Slovene"], "SB": ["Solomon Islander"], "SO": ["Somali", "Somalian"], "ZA": ["South African"],
    "SS": ["South Sudanese"], "ES": ["Spanish", "Spaniard"], "LK": ["Sri Lankan"], "SD": ["Sudanese"],
    "SR": ["Surinamese", "Surinamer"], "SE": ["Swedish", "Swede"], "CH": ["Swiss"], "SY": ["Syrian"],
    "TW": ["Taiwanese"], "TJ": ["Tajik", "Tajikistani", "Tadjik"], "TZ": ["Tanzanian"], "TH": ["Thai"],
    "TL": ["Timorese", "East Timorese"], "TG": ["Togolese"], "TO": ["Tongan"], "TT": ["Trinidadian", "Tobagonian"],
    "TN": ["Tunisian"], "TR": ["Turkish", "Turk", "Turkiyish", "Türkiyish"], "TM": ["Turkmen", "Turkmenistani"], "TV": ["Tuvaluan"],
    "UG": ["Ugandan"], "UA": ["Ukrainian", "Ukranian"], "AE": ["Emirati", "Emirian"], "GB": ["British", "English", "Scottish", "Welsh", "UK national"],
    "US": ["American", "US national", "U.S. national", "US citizen"], "UY": ["Uruguayan"], "UZ": ["Uzbek", "Uzbekistani"],
    "VU": ["Ni-Vanuatu", "Vanuatuan"], "VA": ["Vatican"], "VE": ["Venezuelan"], "VN": ["Vietnamese"],
    "YE": ["Yemeni", "Yemenite"], "ZM": ["Zambian"], "ZW": ["Zimbabwean"],
    "AW": ["Aruban"], "BM": ["Bermudian", "Bermudan"], "KY": ["Caymanian"], "GL": ["Greenlandic", "Greenlander"],
    "PR": ["Puerto Rican"], "GI": ["Gibraltarian"], "CW": ["Curacaoan", "Curaçaoan"], "NC": ["New Caledonian"],
    "PF": ["French Polynesian"], "FO": ["Faroese"], "IM": ["Manx"], "JE": ["Jerseyman", "Jersey national"],
    "GG": ["Guernseyman"], "VG": ["British Virgin Islander"], "AI": ["Anguillan"], "MS": ["Montserratian"],
    "TC": ["Turks and Caicos Islander"], "CK": ["Cook Islander"], "NU": ["Niuean"], "GU": ["Guamanian"],
}

# Keys that must not resolve: "na" is how lists write "not available", not Namibia's code.
EXCLUDED_KEYS = {"na"}


def key(text):
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if unicodedata.category(c) != "Mn").lower()
    t = re.sub(r"['’ʼ`.]", "", t).replace("&", " and ")
    t = re.sub(r"[^a-z0-9]+", " ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    return t


def inverted(name):
    """`Korea, Republic of` → `Republic of Korea`; `Congo, The Democratic Republic of the` → `Democratic Republic of the Congo`."""
    if ", " not in name:
        return []
    head, tail = name.split(", ", 1)
    tail = re.sub(r"^the ", "", tail, flags=re.I)
    out = [f"{tail} {head}"]
    if tail.lower().endswith(" the"):
        out.append(f"{tail} {head}")
    return out


def main():
    names = {}
    for c in pycountry.countries:
        n = [c.alpha_2, c.alpha_3, c.name]
        for attr in ("official_name", "common_name"):
            if hasattr(c, attr):
                n.append(getattr(c, attr))
        n += [v for x in list(n[2:]) for v in inverted(x)]
        names[c.alpha_2] = n
    for code, extra in EXTRA_COUNTRIES.items():
        names[code] = [code] + extra
    for table in (VARIANTS, DEMONYMS):
        for code, extra in table.items():
            if code in names:
                names[code] += extra
            elif extra:
                raise SystemExit(f"unknown country code {code}")

    owner = {}
    lines = []
    for code in sorted(names):
        keys = []
        for n in names[code]:
            k = key(n)
            if not k or k in EXCLUDED_KEYS or k in keys:
                continue
            if not k.isascii():
                raise SystemExit(f"key {k!r} for {code} is not ASCII")
            if k in owner and owner[k] != code:
                raise SystemExit(f"key {k!r} names both {owner[k]} and {code}")
            owner[k] = code
            keys.append(k)
        lines.append(code + "|" + "|".join(keys))
    body = "\n".join("        " + l for l in lines)
    out = f'''// Generated by tools/gen-countries.py from pycountry {pycountry.__version__} (ISO 3166-1) and the variants
// and nationality adjectives listed in the script. Do not edit; run the script again.

extension Countries {{
    /// One line per country: its alpha-2 code, then every normalised key that names it (codes, English
    /// names, variants, adjectives), separated by `|`. {len(lines)} countries, {len(owner)} keys.
    static let table = """
{body}
        """
}}
'''
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(out)
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: {len(lines)} countries, {len(owner)} keys")


if __name__ == "__main__":
    main()
