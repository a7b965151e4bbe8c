/// Numbers in names: written out or as ordinals they become digits; a lone digit inside a word is the
/// letter it looks like.
extension NameNormalizer {
    static let numberWords: [String: Int] = {
        var table: [String: Int] = [:]
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (n, w) in units.enumerated() where w != "one" { table[w] = n }  // "one-person company", "Capital One"
        for (i, w) in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].enumerated() { table[w] = 20 + 10 * i }
        table["fourty"] = 40  // a common misspelling
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
        for (n, w) in ordinals.enumerated() { table[w] = n + 1 }
        for (i, w) in ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"].enumerated() {
            table[w] = 20 + 10 * i
        }
        return table
    }()

    /// English numbers written out or as ordinals become digits, as names write them either way (`Brigade
    /// Forty-Four` / `Brigade 44`, `First International Bank` / `1st International Bank`): number words
    /// up to ninety-nine (a tens word takes a following unit, in words or a digit), ordinals, and digit
    /// ordinals (`1st`, `22nd`, `3rd`, `4th`). `One` stays a word: it is part of names and of the legal
    /// form "one-person company" more often than a number.
    static func numbersAsDigits(_ tokens: [String]) -> [String] {
        guard tokens.contains(where: { mayBeNumberWord($0) || digitsOfOrdinal($0) != nil }) else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if let digits = digitsOfOrdinal(t) {
                out.append(digits)
            } else if let n = numberWords[t] {
                // Tens followed by a unit: forty four, forty-four, forty 4.
                if n >= 20, n % 10 == 0, i + 1 < tokens.count,
                   let unit = numberWords[tokens[i + 1]] ?? (tokens[i + 1].utf8.count == 1 ? Int(tokens[i + 1]) : nil), (1...9).contains(unit) {
                    out.append(String(n + unit))
                    i += 2
                    continue
                }
                out.append(String(n))
            } else {
                out.append(t)
            }
            i += 1
        }
        return out
    }

    /// A lone digit between two letters of a word is the letter it looks like (OCR, or a filter dodged:
    /// `Ig0r Sech1n`, `I9or`): 0 o, 1 i, 3 e, 4 a, 5 s, 7 t, 8 b, 9 g, in words of three letters or more.
    /// Digits at a word's edge or in a run (`737`, `B2B`, `A380`) stay digits.
    static func lettersForDigits(_ tokens: [String]) -> [String] {
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        func isLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        guard tokens.contains(where: { $0.utf8.contains(where: isDigit) }) else { return tokens }
        return tokens.map { t in
            guard t.utf8.count >= 4, t.utf8.contains(where: isDigit), t.utf8.lazy.filter(isLetter).count >= 3 else { return t }
            var bytes = Array(t.utf8)
            var changed = false
            for k in 1..<(bytes.count - 1) where isLetter(bytes[k - 1]) && isLetter(bytes[k + 1]) {
                if let letter = lookAlikeLetters[bytes[k]] { bytes[k] = letter; changed = true }
            }
            return changed ? String(decoding: bytes, as: UTF8.self) : t
        }
    }

    static let lookAlikeLetters: [UInt8: UInt8] = [
        UInt8(ascii: "0"): UInt8(ascii: "o"), UInt8(ascii: "1"): UInt8(ascii: "i"), UInt8(ascii: "3"): UInt8(ascii: "e"),
        UInt8(ascii: "4"): UInt8(ascii: "a"), UInt8(ascii: "5"): UInt8(ascii: "s"), UInt8(ascii: "7"): UInt8(ascii: "t"),
        UInt8(ascii: "8"): UInt8(ascii: "b"), UInt8(ascii: "9"): UInt8(ascii: "g"),
    ]

    /// Number words begin with e, f, n, s, t or z and have 3 to 11 letters: most tokens are ruled out
    /// without hashing them.
    @inline(__always)
    static func mayBeNumberWord(_ t: String) -> Bool {
        guard let c = t.utf8.first, (3...11).contains(t.utf8.count) else { return false }
        switch c {
        case UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "z"):
            return numberWords[t] != nil
        default: return false
        }
    }

    /// The number of a digit ordinal (`1st` -> 1, `22nd` -> 22, `3rd`, `11th`); nil for any other token.
    static func digitsOfOrdinal(_ t: String) -> String? {
        guard let first = t.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"), t.utf8.count >= 3 else { return nil }
        let bytes = Array(t.utf8)
        let digits = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        guard bytes.count == digits + 2 else { return nil }
        let suffix = String(decoding: bytes[digits...], as: UTF8.self)
        guard suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" else { return nil }
        return String(decoding: bytes[..<digits], as: UTF8.self)
    }
}
