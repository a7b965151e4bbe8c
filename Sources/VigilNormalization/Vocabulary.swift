/// Word lists that change how a token counts. All entries are folded ASCII, as produced by `NameNormalizer`.
public enum Vocabulary {
    /// Titles and honorifics: removed from the name, recorded on the result.
    public static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mister", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "haji", "hajji", "hadji", "alhaji", "sheikh", "shaikh", "sheik", "shaykh", "mullah", "mulla", "maulana",
        "maulvi", "mawlawi", "qari", "imam", "ayatollah", "sayyid", "sayed", "syed",
        "general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "lieutenant", "lt", "admiral", "adm",
        "brigadier", "commander", "cmdr", "sergeant", "sgt", "minister",
        // President as other languages write it before a name (Presidente Lula, Präsident Putin).
        "president", "presidente", "prasident", "praesident", "prezident", "prezydent", "predsjednik", "presedintele",
        "presiden", "elnok", "senator", "rev", "reverend",
        "father", "bishop", "prince", "princess", "king", "queen", "emir", "amir",
        // Mr and Mrs in the languages of forms and letters (Monsieur Bolojan, Señora Rodríguez, Herr Scholz).
        "monsieur", "madame", "mademoiselle", "mme", "mlle", "herr", "frau", "senor", "senora", "senorita", "sra",
        "srta", "signor", "signora", "signorina", "meneer", "mevrouw", "gospodin", "gospozha", "shri", "shrimati", "smt",
        "doctor", "honourable", "honorable",
    ]

    /// Generational suffixes (Jr, Sr: also the Spanish Señor written short), no part of the name itself:
    /// taken off names written in Latin letters only (a Hebrew or Arabic name romanized without vowels
    /// may read `sr`: סער Sa'ar).
    public static let generationalSuffixes: Set<String> = ["jr", "sr"]

    /// Endings of East Slavic patronymics as other languages spell them: Russian, Ukrainian and Belarusian
    /// (-ovich, -ovych, -avich, -ovna, -ivna), French (-ovitch), German (-owitsch), Dutch (-owitsj),
    /// Hungarian (-ovics), Greek (-ovits). The Balkan surname ending -ović is not among them.
    static let patronymicEndings: [[UInt8]] = [
        "ovich", "evich", "ovych", "evych", "avich", "ovitch", "evitch", "ovitsch", "evitsch", "owitsch", "ewitsch", "owitsj",
        "ewitsj", "ovics", "evics", "ovits", "evits", "ovna", "evna", "ivna", "inichna",
    ].map { Array($0.utf8) }

    /// Whether a folded token is a patronymic (`Vladimirovich`, `Vladimirovitch`, `Sergeevna`): an ending
    /// of `patronymicEndings` after a stem of three letters or more.
    public static func isPatronymic(_ token: [UInt8]) -> Bool {
        guard token.count >= 7 else { return false }
        for ending in patronymicEndings where token.count >= ending.count + 3 && token[(token.count - ending.count)...].elementsEqual(ending) {
            return true
        }
        return false
    }

    /// Organisation legal forms: kept but weighted low, so "X Ltd" meets "X Limited" and "X".
    public static let legalForms: [String: String] = [
        "llc": "llc", "ltd": "ltd", "limited": "ltd", "inc": "inc", "incorporated": "inc", "corp": "corp",
        "corporation": "corp", "co": "co", "company": "co", "plc": "plc", "pjsc": "pjsc", "ojsc": "ojsc",
        "cjsc": "cjsc", "jsc": "jsc", "ooo": "ooo", "oao": "oao", "zao": "zao", "pao": "pao", "ao": "ao",
        "gmbh": "gmbh", "ag": "ag", "sa": "sa", "sarl": "sarl", "srl": "srl", "spa": "spa", "bv": "bv",
        "nv": "nv", "ab": "ab", "as": "as", "oy": "oy", "kg": "kg", "lp": "lp", "llp": "llp", "fze": "fze",
        "fzco": "fzco", "fzc": "fzc", "pte": "pte", "pty": "pty", "sdn": "sdn", "bhd": "bhd", "tbk": "tbk",
        "group": "group", "holding": "holding", "holdings": "holding", "trading": "trading",
        "youxian": "ltd", "gongsi": "co", "youxiangongsi": "ltd", "pvt": "pvt",
        // Other jurisdictions (ISO 20275). Left out: forms that are also names or name syllables
        // (asa, se, ad, da, sl, ug, ou, ike, sas, sia, prat, doo).
        "spzoo": "spzoo", "sro": "sro", "kft": "kft", "zrt": "zrt", "nyrt": "nyrt", "ltda": "ltda",
        "lda": "lda", "eireli": "eireli", "aps": "aps", "oyj": "oyj", "tov": "tov", "too": "too",
        "tzov": "tzov", "uab": "uab", "ood": "ood", "eood": "eood", "ead": "ead",
        "sasu": "sasu", "eurl": "eurl", "snc": "snc", "srls": "srls", "sapa": "sapa", "scarl": "scarl",
        "sprl": "sprl", "bvba": "bvba", "vof": "vof", "ohg": "ohg", "kgaa": "kgaa", "gbr": "gbr", "mbh": "mbh",
        "slu": "slu", "sll": "sll", "sapi": "sapi", "sac": "sac", "pcl": "pcl", "pllc": "pllc", "lllp": "lllp",
        "wll": "wll", "spc": "spc", "saoc": "saoc", "saog": "saog", "kk": "kk", "pt": "pt", "cv": "cv",
        "berhad": "bhd", "sti": "sti", "ehf": "ehf", "fz": "fz", "dmcc": "dmcc", "fgup": "fgup", "gup": "gup",
    ]

    /// Two-letter legal forms joined when written with dots (`S.A.`, `A.G.`); other pairs of dotted
    /// letters are a person's initials (`K.K. Sharma`, `C.V. Raman`, `P.T. Usha`), matched one by one.
    public static let dottedPairForms: Set<String> = ["sa", "ag", "ab", "as", "ao", "co", "kg", "lp", "nv", "bv", "oy"]

    /// Legal forms written with dots that may be run into the name before them (`NIMR INTERNATIONALS.R.L.`):
    /// dotted, they are the form even where the letters alone may be a name (`d.o.o.`).
    public static let dottedLegalForms: Set<String> = ["srl", "sro", "spa", "sarl", "doo", "llc", "ltd", "gmbh", "sa", "ag", "bv", "nv",
                                                       "oy", "ab", "as", "kg", "lp", "llp", "plc", "inc", "sas", "sl", "ad"]

    /// "Son of" / "daughter of" in Arabic, Hebrew, Malay and Mauritanian names: the word after one is
    /// the father's (or an ancestor's) name, not the person's own.
    public static let kinshipParticles: Set<String> = ["bin", "ben", "ibn", "bint", "binti", "ould"]

    /// Words that carry no identity in a name.
    public static let stopWords: Set<String> = ["of", "the", "and", "for", "de", "del", "la", "le", "der", "von", "van", "bin", "ibn", "bint", "al", "el"]

    /// A series or vintage number in an organisation's or vessel's name: up to four digits, or a Roman
    /// numeral of two letters or more up to 39 (`KKR Asian Fund III`, `Victory 3`, `Trust 2004`). It
    /// tells siblings of one name apart, not the name itself: a fund of the same sponsor in another
    /// vintage, or a ship of a numbered series, is what a screener wants to see. A lone letter is an
    /// initial or a word (`i` is "and" or "in" in several languages: `Al-Qaida i Yemen`).
    public static func isSeriesMarker(_ token: String) -> Bool {
        let bytes = token.utf8
        if !bytes.isEmpty && bytes.count <= 4 && bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return true }
        return romanNumerals.contains(token)
    }

    /// ii ... xxxix, as `isSeriesMarker` accepts them (no l, c, d, m: `li`, `di`, `mi`, `dc` are names).
    static let romanNumerals: Set<String> = {
        let ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
        var all = Set<String>()
        for tens in ["", "x", "xx", "xxx"] { for one in ones where (tens + one).count >= 2 { all.insert(tens + one) } }
        return all
    }()
}
