import VigilNormalization

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

    /// Best similarity of two tokens on their spelling and on their skeleton. Tokens of 1 letter
    /// (initials) match a token with the same first letter at 0.6.
    public static func similarity(_ a: [UInt8], _ b: [UInt8], skeletonA: [UInt8], skeletonB: [UInt8]) -> Double {
        if a == b { return 1 }
        if a.count == 1 || b.count == 1 {
            return a.first == b.first ? 0.6 : 0
        }
        var s = jaroWinkler(a, b)
        // Short tokens: JW is generous ("li" ~ "lin", "chen" ~ "sheng", "rami" ~ "rania"); demand more.
        let shortest = min(a.count, b.count), longest = max(a.count, b.count)
        if shortest <= 3 && s < 0.9 { s = min(s, 0.5) }
        if shortest <= 5 && s < 0.85 { s = min(s, 0.5) }
        // A token that is only a prefix of a much longer one ("feng" ~ "fengying") is another name.
        if shortest * 3 < longest * 2 { s = min(s, 0.7) }
        // Same consonant skeleton and the same number of syllables: a transliteration variant
        // (qadhafi/gaddafi, mohammed/muhammad), not an inserted syllable (putin/potanin).
        if skeletonA.count >= 2 && skeletonA == skeletonB && shortest >= 4 && PhoneticKey.vowelGroups(a) == PhoneticKey.vowelGroups(b) {
            s = max(s, 0.9)
        }
        return s
    }
}
