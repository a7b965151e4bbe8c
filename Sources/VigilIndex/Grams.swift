import VigilNormalization

/// Character trigrams of a token with word-boundary markers: `xi` -> `^xi`, `xi$`.
/// A gram key packs three bytes into a UInt32. Tokens are folded ASCII, so bytes are letters/digits.
public enum Grams {
    static let start: UInt8 = 0x5E  // ^
    static let end: UInt8 = 0x24  // $

    @inline(__always)
    public static func forEach(in token: String, _ body: (UInt32) -> Void) {
        var t = token
        t.withUTF8 { buf in
            let n = buf.count
            guard n > 0 else { return }
            // Padded sequence: ^ t0 t1 ... tn-1 $ ; trigrams over it.
            @inline(__always) func at(_ i: Int) -> UInt32 {
                i == 0 ? UInt32(start) : (i == n + 1 ? UInt32(end) : UInt32(buf[i - 1]))
            }
            if n == 1 {
                body(at(0) << 16 | at(1) << 8 | at(2))
                return
            }
            for i in 0..<n {
                body(at(i) << 16 | at(i + 1) << 8 | at(i + 2))
            }
        }
    }

    /// Postings term for a token's phonetic skeleton (`PhoneticKey`): FNV-1a of the skeleton with the
    /// top bit set, so it never collides with a trigram (trigram keys stay below 2^24). Brings
    /// `hezbollah` to `hizballah` although they share few trigrams.
    public static func phoneticTerm(of token: String) -> UInt32? {
        guard token.utf8.count >= 4, let k = PhoneticKey.skeletonString(token) else { return nil }
        var h: UInt32 = 0x811C_9DC5
        for b in k.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return 0x8000_0000 | (h & 0x7FFF_FFFF)
    }

    /// Postings terms for the pinyin spellings a token may stand for (`MandarinRomanization`):
    /// FNV-1a with bit 30 set and bit 31 clear, apart from trigrams and phonetic terms.
    /// Brings `hsi` to `xi` and `chinping` to `jinping`.
    public static func romanizationTerms(of token: String, _ body: (UInt32) -> Void) {
        guard token.utf8.count >= 2, let readings = MandarinRomanization.syllableReadings(token) else { return }
        for spelling in MandarinRomanization.pinyinSpellings(readings) {
            var h: UInt32 = 0x811C_9DC5
            for b in spelling.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
            body(0x4000_0000 | (h & 0x3FFF_FFFF))
        }
    }

    /// Every postings term of a token: its trigrams, its phonetic term, its pinyin spellings.
    /// - Parameter romanization: false leaves the pinyin spellings out (for a token known not to read
    ///   as Chinese: finding them is the costly part).
    @inline(__always)
    public static func forEachTerm(in token: String, romanization: Bool = true, _ body: (UInt32) -> Void) {
        forEach(in: token, body)
        if let p = phoneticTerm(of: token) { body(p) }
        if romanization { romanizationTerms(of: token, body) }
    }

    public static func keys(of token: String) -> [UInt32] {
        var out: [UInt32] = []
        forEach(in: token) { out.append($0) }
        return out
    }
}
