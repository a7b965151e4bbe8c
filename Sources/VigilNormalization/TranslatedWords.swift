/// Generic words of organisations' names in the languages lists give them in (the EU list writes one
/// name in several: `Grupo Abu Sayyaf`, `Banque centrale de Syrie`), as the English word: a spelling
/// fold, so they meet it as a transliteration does while the name keeps its own tokens (`GRUPODE` still
/// joins `GRUPO DE`). Only words no person is named, and none that is a legal form in English (the
/// form's own rules weigh those).
enum TranslatedWords {
    /// Each word, to the English word (`PhoneticKey.wordFolds`).
    static let english: [String: String] = [
        "grupo": "group", "groupe": "group", "gruppe": "group", "gruppo": "group",
        "banque": "bank", "banco": "bank", "banca": "bank", "centrale": "central",
        "internacional": "international", "internationale": "international", "nacional": "national",
        "nationale": "national", "industrias": "industries",
        "fundacion": "foundation", "fondation": "foundation", "stiftung": "foundation",
        "ministerio": "ministry", "ministere": "ministry", "ministerium": "ministry",
        "republica": "republic", "republique": "republic", "republik": "republic",
        "organizacion": "organization", "organisation": "organization", "instituto": "institute",
        "institut": "institute", "universidad": "university", "universite": "university",
        "universitat": "university", "asociacion": "association", "comite": "committee",
        "movimiento": "movement", "mouvement": "movement", "ejercito": "army", "armee": "army",
        "partido": "party", "brigada": "brigade", "consejo": "council", "conseil": "council",
    ]
}
