/// Similarity of two folded ASCII tokens, 0...1, fit for short name tokens.
public enum TokenSimilarity {
    /// Jaro-Winkler similarity over bytes (prefix scale 0.1, prefix up to 4).
    public static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let la = a.count, lb = b.count
        if la == 0 || lb == 0 { return la == lb ? 1 : 0 }
        if a == b { return 1 }
        let window = max(0, max(la, lb) / 2 - 1)
        var aMatched = [Bool](repeating: false, count: la)
        var bMatched = [Bool](repeating: false, count: lb)
        var matches = 0
        for i in 0..<la {
            let lo = max(0, i - window), hi = min(lb - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !bMatched[j] && a[i] == b[j] {
                aMatched[i] = true
                bMatched[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var j = 0
        for i in 0..<la where aMatched[i] {
            while !bMatched[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(la) + m / Double(lb) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, la, lb) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

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
    static func vowelGroups(_ t: [UInt8]) -> Int {
        var n = 0
        var inVowel = false
        for c in t {
            let v = c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121
            if v && !inVowel { n += 1 }
            inVowel = v
        }
        return n
    }

    /// Best similarity of two tokens on their spelling and on their skeleton. Tokens of 1 letter
    /// (initials) match a token with the same first letter at 0.6.
    public static func similarity(_ a: [UInt8], _ b: [UInt8], skeletonA: [UInt8], skeletonB: [UInt8]) -> Double {
        if a == b { return 1 }
        if a.count == 1 || b.count == 1 {
            return a.first == b.first ? 0.6 : 0
        }
        var s = jaroWinkler(a, b)
        // Short tokens: JW is generous ("li" ~ "lin"); demand more before it counts.
        let shortest = min(a.count, b.count)
        if shortest <= 3 && s < 0.9 { s = min(s, 0.5) }
        // Same consonant skeleton and the same number of syllables: a transliteration variant
        // (qadhafi/gaddafi, mohammed/muhammad), not an inserted syllable (putin/potanin).
        if skeletonA.count >= 2 && skeletonA == skeletonB && shortest >= 4 && vowelGroups(a) == vowelGroups(b) {
            s = max(s, 0.9)
        }
        return s
    }
}
