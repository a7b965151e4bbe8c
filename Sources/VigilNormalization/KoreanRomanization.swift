/// Korean name syllables as they are written in Latin letters: Revised Romanization (South Korean
/// passports since 2000: Jeong, Seong, Gyeong), McCune-Reischauer as lists and the DPRK write it
/// (Jong, Song, Kyong) and the customary spellings of passports and the press (Jung, Sung, Soo, Hee,
/// Choi, Park, Lee). A token that splits into such syllables gets, per syllable, the Hangul syllables
/// it may spell; two tokens are the same Korean name when those meet syllable by syllable
/// (Park Ji-sung ~ Pak Ji Song ~ 박지성).
///
/// Spellings are generated from the jamo of each Sino-Korean syllable (`KoreanSyllables`) and of the
/// surnames `HangulRomanizer` knows, by the rules of each system, not listed by hand.
public enum KoreanRomanization {
    /// Spellings of each initial consonant (index as in Unicode's Hangul decomposition).
    static let initials: [[String]] = [
        ["k", "g"], ["kk", "gg"], ["n"], ["t", "d"], ["tt", "dd"], ["r", "l", "n"], ["m"], ["p", "b"], ["pp", "bb"],
        ["s"], ["ss", "s"], [""], ["j", "ch"], ["jj", "tch"], ["ch"], ["k", "kh"], ["t", "th"], ["p", "ph"], ["h"],
    ]
    /// Spellings of each vowel: RR, McCune-Reischauer without breves, and the customary forms.
    static let medials: [[String]] = [
        ["a"], ["ae"], ["ya"], ["yae"], ["eo", "o", "u"], ["e"], ["yeo", "yo", "yu"], ["ye"], ["o"], ["wa"], ["wae"],
        ["oe", "oi"], ["yo"], ["u", "oo"], ["wo"], ["we"], ["wi"], ["yu"], ["eu", "u"], ["ui", "eui", "i"], ["i", "ee"],
    ]
    /// Spellings of each final consonant, as pronounced at the end of a syllable.
    static let finals: [[String]] = [
        [""], ["k", "g"], ["k"], ["k"], ["n"], ["n"], ["n"], ["t"], ["l", "r"], ["k"], ["m"], ["l"], ["l"], ["l"], ["p"],
        ["l"], ["m"], ["p", "b"], ["p"], ["t"], ["t"], ["ng"], ["t"], ["t"], ["k"], ["t"], ["p"], ["t"],
    ]
    /// Customary surname spellings the rules do not produce.
    static let customarySurnames: [String: Character] = [
        "park": "박", "bahk": "박", "lee": "이", "rhee": "이", "yi": "이", "rhie": "이", "ri": "리", "roh": "노", "oh": "오",
        "ahn": "안", "suh": "서", "sohn": "손", "huh": "허", "hur": "허", "yoon": "윤", "woo": "우", "paik": "백",
        "baik": "백", "yook": "육", "yim": "임", "rim": "림", "ryu": "류", "yu": "유", "youn": "윤", "shin": "신", "shim": "심",
    ]

    /// Spelling (packed, see `MandarinRomanization.pack`) -> the Hangul syllables it may spell.
    static let syllablesByKey: [UInt64: [UInt32]] = {
        var map: [UInt64: Set<UInt32>] = [:]
        var inventory = Set(KoreanSyllables.sinoKorean.unicodeScalars.map(\.value).filter { (0xAC00...0xD7A3).contains($0) })
        for c in HangulRomanizer.surnames.keys { if let v = c.unicodeScalars.first?.value { inventory.insert(v) } }
        for v in inventory {
            let index = Int(v) - 0xAC00
            let i = index / (21 * 28), m = (index / 28) % 21, f = index % 28
            for a in initials[i] {
                for b in medials[m] {
                    // ㅅ before i/wi/y is written sh (Shin, Shim); both spellings stay.
                    let onsets = a == "s" && (b.hasPrefix("i") || b.hasPrefix("y") || b.hasPrefix("wi")) ? ["s", "sh"] : [a]
                    for o in onsets {
                        for c in finals[f] {
                            // The customary u for ㅓ ㅕ ㅡ is written before a final (Jung, Sung, Hyun, Kum),
                            // not in open syllables (서 is Seo or Suh, never Su, which is 수).
                            if f == 0 && medials[m].count > 1 && b.hasSuffix("u") && (m == 4 || m == 6 || m == 18) { continue }
                            let s = o + b + c
                            if !s.isEmpty && s.utf8.count <= 7 { map[MandarinRomanization.pack(Array(s.utf8)), default: []].insert(v) }
                        }
                    }
                }
            }
        }
        for (spelling, c) in customarySurnames {
            if let v = c.unicodeScalars.first?.value { map[MandarinRomanization.pack(Array(spelling.utf8)), default: []].insert(v) }
        }
        return map.mapValues { $0.sorted() }
    }()

    static let longestSpelling = 7
    static let syllablesFilter = KeyFilter(syllablesByKey.keys)

    /// The Hangul syllables each syllable of a token may spell, or nil when it does not split into
    /// Korean name syllables (at most 4).
    public static func syllableReadings(_ bytes: [UInt8]) -> [[UInt32]]? {
        guard bytes.count >= 1, bytes.count <= 4 * longestSpelling,
              bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
              case let filter = syllablesFilter,
              let keys = MandarinRomanization.split(bytes, longest: longestSpelling, valid: { filter.mayContain($0) && syllablesByKey[$0] != nil })
        else { return nil }
        return keys.map { syllablesByKey[$0] ?? [] }
    }

    /// Whether two tokens can be one Korean name in two romanizations.
    public static func sameName(_ a: [[UInt32]], _ b: [[UInt32]]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !x.contains(where: { y.contains($0) }) { return false }
        return true
    }
}
