/// Spelling-independent keys of folded ASCII tokens, used both to retrieve candidates (as postings
/// terms) and to compare tokens. They erase the differences transliteration makes between two
/// spellings of one name.
public enum PhoneticKey {
    /// A consonant skeleton that erases common transliteration differences:
    /// vowels after the first letter dropped, doubled letters collapsed, and
    /// kh/gh/q/c/k -> k, ph/f -> f, dh/th/d/t -> d, sh/ch/j/zh -> j, w/v -> v, y -> i.
    /// `qadhafi`, `gaddafi`, `kadhafi` -> `kdf`/`gdf`; `mohammed`, `muhammad` -> `mmd`.
    public static func skeleton(_ t: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(t.count)
        var i = 0
        func emit(_ c: UInt8) { if out.last != c { out.append(c) } }
        while i < t.count {
            let c = t[i]
            let next: UInt8 = i + 1 < t.count ? t[i + 1] : 0
            let isVowel = c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121
            if next == UInt8(ascii: "h") && (c == UInt8(ascii: "k") || c == UInt8(ascii: "g") || c == UInt8(ascii: "p")
                || c == UInt8(ascii: "d") || c == UInt8(ascii: "t") || c == UInt8(ascii: "s") || c == UInt8(ascii: "c") || c == UInt8(ascii: "z")) {
                switch c {
                case UInt8(ascii: "k"), UInt8(ascii: "g"): emit(UInt8(ascii: "k"))
                case UInt8(ascii: "p"): emit(UInt8(ascii: "f"))
                case UInt8(ascii: "d"), UInt8(ascii: "t"): emit(UInt8(ascii: "d"))
                default: emit(UInt8(ascii: "j"))
                }
                i += 2
                continue
            }
            if isVowel {
                if out.isEmpty { out.append(UInt8(ascii: "a")) }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "q"), UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "g"): emit(UInt8(ascii: "k"))
            case UInt8(ascii: "t"): emit(UInt8(ascii: "d"))
            case UInt8(ascii: "w"): emit(UInt8(ascii: "v"))
            case UInt8(ascii: "z"): emit(UInt8(ascii: "s"))
            default: emit(c)
            }
            i += 1
        }
        return out
    }

    /// Number of vowel runs, a cheap syllable count.
    public static func vowelGroups(_ t: [UInt8]) -> Int {
        var n = 0
        var inVowel = false
        // A silent final e after a consonant (French "Poutine", English "-ine") is not a syllable.
        let end = t.count >= 5 && t.last == 101 && !isVowel(t[t.count - 2]) ? t.count - 1 : t.count
        for c in t[..<end] {
            let v = isVowel(c)
            if v && !inVowel { n += 1 }
            inVowel = v
        }
        return n
    }

    @inline(__always)
    static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121 }

    /// The skeleton as one string, or nil when it is too short to tell names apart (under 3 consonants).
    public static func skeletonString(_ token: String) -> String? {
        let k = skeleton(Array(token.utf8))
        return k.count >= 3 ? String(decoding: k, as: UTF8.self) : nil
    }
}
