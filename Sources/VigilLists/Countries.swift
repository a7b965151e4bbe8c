/// Country names and codes as lists and customers write them, mapped to ISO 3166-1 alpha-2.
public enum Countries {
    /// ISO alpha-2 code for a code (alpha-2 or alpha-3) or an English country name; nil when unknown.
    public static func code(_ text: String) -> String? {
        let key = String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0 == " " })).trimmedWhitespace
        if key.count == 2, names.values.contains(key.uppercased()) { return key.uppercased() }
        return names[key]
    }

    static let names: [String: String] = [
        "russia": "RU", "russian federation": "RU", "rus": "RU", "ru": "RU",
        "china": "CN", "chn": "CN", "iran": "IR", "irn": "IR", "iraq": "IQ", "irq": "IQ", "syria": "SY", "syr": "SY",
        "north korea": "KP", "korea north": "KP", "prk": "KP", "united states": "US", "usa": "US",
        "united kingdom": "GB", "gbr": "GB", "afghanistan": "AF", "afg": "AF", "pakistan": "PK", "pak": "PK",
        "libya": "LY", "lby": "LY", "cuba": "CU", "cub": "CU", "belarus": "BY", "blr": "BY", "ukraine": "UA", "ukr": "UA",
    ]
}
