/// Romanizes Korean names from Hangul without ICU, the way sanctions lists write them:
/// McCune-Reischauer without diacritics (the DPRK and most list spelling: 김정은 -> "kim jong un"),
/// one token per syllable, surname first, with the customary spelling of common surnames
/// (이 -> "ri", 박 -> "pak", 최 -> "choe").
///
/// Hangul syllables decompose arithmetically (U+AC00 + (initial * 21 + medial) * 28 + final),
/// so this is a table walk, not a transliterator call.
public enum HangulRomanizer {
    static let initials = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
    static let medials = [
        "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i",
    ]
    static let finals = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
    ]
    /// Surnames as lists and passports usually spell them (DPRK-leaning where the two differ).
    static let surnames: [Character: String] = [
        "이": "ri", "리": "ri", "박": "pak", "최": "choe", "정": "jong", "조": "jo", "장": "jang", "전": "jon", "노": "ro",
        "류": "ryu", "유": "yu", "임": "rim", "림": "rim", "신": "sin", "서": "so", "오": "o", "우": "u", "문": "mun",
        "양": "yang", "윤": "yun", "강": "kang", "김": "kim", "한": "han", "황": "hwang", "안": "an", "송": "song",
        "홍": "hong", "고": "ko", "손": "son", "배": "pae", "백": "paek", "허": "ho", "남": "nam", "심": "sim", "곽": "kwak",
        "성": "song", "차": "cha", "주": "ju", "구": "ku", "민": "min", "진": "jin", "지": "ji", "채": "chae", "원": "won",
        "천": "chon", "방": "pang", "공": "kong", "현": "hyon", "함": "ham", "변": "pyon", "염": "yom", "추": "chu",
        "도": "to", "석": "sok", "선": "son", "설": "sol", "길": "kil", "연": "yon", "위": "wi", "표": "pyo", "명": "myong",
        "기": "ki", "반": "pan", "왕": "wang", "금": "kum", "옥": "ok", "육": "yuk", "인": "in", "권": "kwon", "태": "thae",
    ]

    /// Romanizes one Hangul syllable; nil for anything else.
    static func syllable(_ s: Unicode.Scalar) -> String? {
        let v = Int(s.value)
        guard v >= 0xAC00, v <= 0xD7A3 else { return nil }
        let index = v - 0xAC00
        let i = index / (21 * 28), m = (index / 28) % 21, f = index % 28
        // Each syllable is written as its own word in list names (KIM Yong Chol, CHOE Ryong Hae),
        // so initials keep their word-initial, unvoiced form.
        let initial = initials[i]
        return initial + medials[m] + finals[f]
    }

    /// Tokens for a Hangul name: each syllable its own token. A name written without spaces is read
    /// as a one-syllable surname followed by the given name.
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "·" || $0 == "-" || $0 == "," }) {
            var first = true
            for ch in word {
                guard let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { continue }
                if first && out.isEmpty, let surname = surnames[ch] {
                    out.append(surname)
                } else if let r = syllable(scalar) {
                    out.append(r)
                } else if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    // Latin mixed in: keep it as its own token.
                    out.append(String(ch).lowercased())
                }
                first = false
            }
        }
        return out.filter { !$0.isEmpty }
    }
}
