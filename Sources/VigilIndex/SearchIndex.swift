import VigilLists

/// One listed name as the matcher sees it.
public struct IndexedName: Sendable, Equatable {
    /// Position of the entity in `SearchIndex.entities`.
    public let entity: UInt32
    /// Position of the name in the entity's `names`.
    public let slot: UInt16
    /// Token ids in name order.
    public let tokens: [UInt32]
}

/// A loaded index: entities, names as token ids, token rarity, term postings of tokens (trigrams and
/// phonetic keys -> tokens) and, derived at open, postings of names per token. Retrieval is two-stage:
/// query token -> similar listed tokens -> names holding them.
public final class SearchIndex: Sendable {
    public let meta: IndexMeta
    public let entities: [Entity]
    public let names: [IndexedName]
    /// Token strings by id, sorted, so ids order like strings.
    public let tokens: [String]
    /// In how many names each token occurs.
    public let tokenFrequency: [UInt32]
    /// UTF-8 bytes of each token, for byte-level similarity in the matcher's hot loop.
    public let tokenBytes: [[UInt8]]
    let tokenIDs: [String: UInt32]
    /// Sorted term keys; token postings of key i are `postings[gramOffsets[i]..<gramOffsets[i+1]]`.
    let gramKeys: [UInt32]
    let gramOffsets: [UInt32]
    let postings: [UInt32]
    /// Names holding each token, ascending.
    let tokenNames: FlatGroups
    /// Names of each entity, ascending.
    let entityNames: FlatGroups
    /// Number of terms (trigrams + phonetic key) of each token, for overlap ratios.
    public let tokenTermCounts: [UInt8]
    /// Per token: its postings terms (`Grams.forEachTerm`), in order, flat.
    let tokenTerms: [UInt32]
    let tokenTermOffsets: [UInt32]

    init(meta: IndexMeta, entities: [Entity], names: [IndexedName], tokens: [String], tokenFrequency: [UInt32],
         gramKeys: [UInt32], gramOffsets: [UInt32], postings: [UInt32]) {
        self.meta = meta
        self.entities = entities
        self.names = names
        self.tokens = tokens
        self.tokenFrequency = tokenFrequency
        var ids: [String: UInt32] = [:]
        ids.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() { ids[t] = UInt32(i) }
        self.tokenIDs = ids
        self.tokenBytes = tokens.map { Array($0.utf8) }
        self.gramKeys = gramKeys
        self.gramOffsets = gramOffsets
        self.postings = postings
        // A name's distinct tokens: names are short, so a look back beats a Set (a million of them at scale).
        self.tokenNames = FlatGroups(keys: tokens.count, items: names.count) { ni, key in
            let ts = names[ni].tokens
            for (i, t) in ts.enumerated() where Int(t) < tokens.count && !ts[..<i].contains(t) { key(Int(t)) }
        }
        self.entityNames = FlatGroups(keys: entities.count, items: names.count) { ni, key in
            if Int(names[ni].entity) < entities.count { key(Int(names[ni].entity)) }
        }
        var terms: [UInt32] = [], termOffsets: [UInt32] = [0], termCounts: [UInt8] = []
        termOffsets.reserveCapacity(tokens.count + 1)
        termCounts.reserveCapacity(tokens.count)
        for t in tokens {
            let before = terms.count
            Grams.forEachTerm(in: t) { terms.append($0) }
            termOffsets.append(UInt32(terms.count))
            termCounts.append(UInt8(min(terms.count - before, 255)))
        }
        self.tokenTerms = terms
        self.tokenTermOffsets = termOffsets
        self.tokenTermCounts = termCounts
    }

    public func tokenID(_ token: String) -> UInt32? { tokenIDs[token] }

    /// A token's postings terms (`Grams.forEachTerm`), in order.
    public func terms(ofToken id: UInt32) -> ArraySlice<UInt32> {
        tokenTerms[Int(tokenTermOffsets[Int(id)])..<Int(tokenTermOffsets[Int(id) + 1])]
    }

    /// Inverse document frequency of a token over names: rare tokens weigh more.
    @inline(__always)
    public func rarity(ofTokenID id: UInt32) -> Float {
        Self.idf(frequency: Int(tokenFrequency[Int(id)]), total: names.count)
    }

    /// Rarity of a token that may not be in the index (unknown tokens are as rare as it gets).
    public func rarity(of token: String) -> Float {
        Self.idf(frequency: tokenIDs[token].map { Int(tokenFrequency[Int($0)]) } ?? 0, total: names.count)
    }

    @inline(__always)
    /// ln(1 + (N+1)/(df+0.5)): the usual rarity, smoothed so it stays positive in a list of one
    /// name (plain ln(N/df) is 0 there, and every score would be 0).
    static func idf(frequency: Int, total: Int) -> Float {
        Float(naturalLog(1 + Double(total + 1) / (Double(frequency) + 0.5)))
    }

    /// An entity's names (ids into `names`), ascending.
    public func names(ofEntity e: Int) -> ArraySlice<UInt32> { entityNames[e] }

    /// Names holding a token, ascending.
    public func names(withToken id: UInt32) -> ArraySlice<UInt32> {
        tokenNames[Int(id)]
    }

    /// Runs `body` with the flat name postings of all tokens and their offsets: token i's names are
    /// `postings[offsets[i] ..< offsets[i + 1]]`, ascending. For loops that walk many tokens' names.
    public func withNamePostings<T>(_ body: (_ postings: UnsafeBufferPointer<UInt32>, _ offsets: UnsafeBufferPointer<UInt32>) throws -> T) rethrows -> T {
        try tokenNames.items.withUnsafeBufferPointer { p in try tokenNames.offsets.withUnsafeBufferPointer { o in try body(p, o) } }
    }

    /// Tokens containing a term (trigram or phonetic key), sorted ascending; empty when unknown.
    public func postings(forGram key: UInt32) -> ArraySlice<UInt32> {
        var lo = 0, hi = gramKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if gramKeys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        guard lo < gramKeys.count, gramKeys[lo] == key else { return [] }
        return postings[Int(gramOffsets[lo])..<Int(gramOffsets[lo + 1])]
    }

    public var gramCount: Int { gramKeys.count }

    /// The listed name text of an indexed name.
    public func text(of name: IndexedName) -> String { entities[Int(name.entity)].names[Int(name.slot)].value }

    /// Checks structural invariants (postings sorted, ids in range, offsets increasing).
    public func checkInvariants() throws(IndexError) {
        for n in names {
            guard Int(n.entity) < entities.count, Int(n.slot) < entities[Int(n.entity)].names.count else {
                throw .corrupt(reason: "name refers to a missing entity or name slot")
            }
            for t in n.tokens where Int(t) >= tokens.count { throw .corrupt(reason: "name refers to a missing token") }
        }
        guard gramOffsets.count == gramKeys.count + 1, gramOffsets.last.map({ Int($0) == postings.count }) ?? false else {
            throw .corrupt(reason: "gram offsets do not cover the postings")
        }
        for i in 0..<gramKeys.count {
            if i > 0 && gramKeys[i - 1] >= gramKeys[i] { throw .corrupt(reason: "gram keys not sorted") }
            let a = Int(gramOffsets[i]), b = Int(gramOffsets[i + 1])
            guard a < b else { throw .corrupt(reason: "empty or reversed postings") }
            for j in a..<b where Int(postings[j]) >= tokens.count || (j > a && postings[j - 1] >= postings[j]) {
                throw .corrupt(reason: "postings not sorted or out of range")
            }
        }
    }
}

/// ln(x) without Foundation: log via the exponent and a short series, accurate to ~1e-7 for idf use.
@inline(__always)
func naturalLog(_ x: Double) -> Double {
    // ln(x) = k ln 2 + ln(m), m in [1, 2)
    guard x > 0 else { return 0 }
    let k = Double(x.exponent)
    let m = x.significand
    let y = (m - 1) / (m + 1)
    let y2 = y * y
    var term = y, sum = 0.0
    var n = 1.0
    for _ in 0..<12 {
        sum += term / n
        term *= y2
        n += 2
    }
    return k * 0.6931471805599453 + 2 * sum
}
