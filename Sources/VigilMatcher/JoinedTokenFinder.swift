import VigilIndex
import VigilNormalization

/// The listed tokens a joined query probe ("jin" + "ping" = "jinping") can meet. The scorer accepts a
/// join only when nearly exact (one edit, as written or spelling-folded), as another romanization
/// (a common pinyin reading, through Wade-Giles, Cantonese or dialect readings on either side), or
/// as a part of the probe ("jin" in "jinping"); so instead of the fuzzy trigram search single tokens
/// get (which walks the postings of every gram, the costliest step of retrieval, for probes that are
/// new in every query) a joined probe looks up its one-deletion variants, its readings and its
/// prefixes and suffixes. `Matcher.similarTokens` then applies the
/// same filters and comparison to these tokens as to any others.
struct JoinedTokenFinder: Sendable {
    /// Every listed token and each of its one-deletion variants (as written and folded): two tokens
    /// within one edit share a key.
    private let deletions: HashMultiMap
    /// Every listed token as written, for prefix and suffix look-ups.
    private let exact: HashMultiMap
    /// The pinyin spellings each listed token may stand for (its Mandarin and alternate readings):
    /// two tokens with a reading in common share one.
    private let readings: HashMultiMap
    /// Spellings taken per token: enough for the two or three readings a syllable has.
    static let spellingLimit = 32

    init(tokenForms: [TokenForm]) {
        var deletions: [(UInt64, UInt32)] = [], exact: [(UInt64, UInt32)] = [], readings: [(UInt64, UInt32)] = []
        deletions.reserveCapacity(tokenForms.count * 10)
        exact.reserveCapacity(tokenForms.count)
        for (i, form) in tokenForms.enumerated() {
            let id = UInt32(i)
            exact.append((Self.hash(form.bytes[...]), id))
            Self.forEachVariant(form) { deletions.append(($0, id)) }
            Self.forEachReading(form) { readings.append(($0, id)) }
        }
        self.deletions = HashMultiMap(deletions)
        self.exact = HashMultiMap(exact)
        self.readings = HashMultiMap(readings)
    }

    /// Calls `body` with each listed token that may meet `probe` as a join (possibly more than once).
    func forEachCandidate(_ probe: TokenForm, _ body: (UInt32) -> Void) {
        Self.forEachVariant(probe) { deletions.forEach($0, body) }
        Self.forEachReading(probe) { readings.forEach($0, body) }
        // Parts: a listed token the probe starts or ends with, at least 2 letters and 2 shorter.
        let bytes = probe.bytes
        guard bytes.count >= 4 else { return }
        for k in 2...(bytes.count - 2) {
            exact.forEach(Self.hash(bytes[..<k]), body)
            exact.forEach(Self.hash(bytes[(bytes.count - k)...]), body)
        }
    }

    /// The pinyin spellings of a token's Mandarin and alternate readings.
    private static func forEachReading(_ form: TokenForm, _ body: (UInt64) -> Void) {
        for readings in [form.mandarin, form.alternates] {
            guard let readings else { continue }
            for spelling in MandarinRomanization.pinyinSpellings(readings, limit: spellingLimit) { body(hash(Array(spelling.utf8)[...])) }
        }
    }

    /// The token and its one-deletion variants, as written and spelling-folded.
    private static func forEachVariant(_ form: TokenForm, _ body: (UInt64) -> Void) {
        forEachDeletion(form.bytes, body)
        if let folded = form.folded { forEachDeletion(folded, body) }
    }

    private static func forEachDeletion(_ bytes: [UInt8], _ body: (UInt64) -> Void) {
        body(hash(bytes[...]))
        guard bytes.count >= 2 else { return }
        for skip in bytes.indices { body(hash(bytes[...], skipping: skip)) }
    }

    /// FNV-1a, 64 bits, of the bytes without the one at `skipping`: a collision only costs one more
    /// comparison, which rejects it.
    private static func hash(_ bytes: ArraySlice<UInt8>, skipping: Int = -1) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in bytes.indices where i != skipping { h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// Token ids under 64-bit keys, several per key: sorted by key, with a directory on the top 16 bits
/// so that a look-up reads one directory slot and a few neighbouring keys (a binary search over the
/// few hundred thousand keys missed the cache at every step).
struct HashMultiMap: Sendable {
    private let keys: [UInt64]
    private let values: [UInt32]
    /// starts[b] is the first position whose key's top 16 bits are b or more.
    private let starts: [UInt32]
    private static let bits = 16

    /// Sorted by key, then value: scattered into the top-16-bit buckets first (a counting pass), then
    /// each small bucket sorted (a comparison sort of a million pairs was a tenth of a 1M-name index's
    /// matcher start).
    init(_ pairs: [(UInt64, UInt32)]) {
        let shift = UInt64(64 - Self.bits)
        var starts = [UInt32](repeating: 0, count: (1 << Self.bits) + 1)
        for (key, _) in pairs { starts[Int(key >> shift) + 1] += 1 }
        for b in 1..<starts.count { starts[b] += starts[b - 1] }
        var fill = starts
        var bucketed = [(UInt64, UInt32)](repeating: (0, 0), count: pairs.count)
        for pair in pairs {
            let b = Int(pair.0 >> shift)
            bucketed[Int(fill[b])] = pair
            fill[b] += 1
        }
        for b in 0..<(1 << Self.bits) where starts[b + 1] - starts[b] > 1 {
            bucketed[Int(starts[b])..<Int(starts[b + 1])].sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        }
        keys = bucketed.map(\.0)
        values = bucketed.map(\.1)
        self.starts = starts
    }

    /// Calls `body` with each value stored under `key`.
    @inline(__always)
    func forEach(_ key: UInt64, _ body: (UInt32) -> Void) {
        let bucket = Int(key >> UInt64(64 - Self.bits))
        var i = Int(starts[bucket])
        let end = Int(starts[bucket + 1])
        while i < end && keys[i] < key { i += 1 }
        while i < end && keys[i] == key {
            body(values[i])
            i += 1
        }
    }
}
