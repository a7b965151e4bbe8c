/// Word lists that change how a token counts. All entries are folded ASCII, as produced by `NameNormalizer`.
public enum Vocabulary {
    /// Titles and honorifics: removed from the name, recorded on the result.
    public static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mister", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "haji", "hajji", "hadji", "alhaji", "sheikh", "shaikh", "sheik", "shaykh", "mullah", "mulla", "maulana",
        "maulvi", "mawlawi", "qari", "imam", "ayatollah", "sayyid", "sayed", "syed",
        "general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "lieutenant", "lt", "admiral", "adm",
        "brigadier", "commander", "cmdr", "sergeant", "sgt", "president", "minister", "senator", "rev", "reverend",
        "father", "bishop", "prince", "princess", "king", "queen", "emir", "amir",
    ]

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
    ]

    /// Words that carry no identity in a name.
    public static let stopWords: Set<String> = ["of", "the", "and", "for", "de", "del", "la", "le", "der", "von", "van", "bin", "ibn", "bint", "al", "el"]
}
