/// What the scorer remembers across the candidates of a query and, for joined tokens, across the
/// queries of one thread (it lives in the matcher's per-query scratch, lent to one thread at a time:
/// no lock).
struct ScoringState {
    /// Token-pair comparisons of the current query.
    var memo: PairMemo
    /// Joined listed tokens recur (the same listed names are candidates of many queries), and building
    /// one's keys costs more than finding it here. Kept across queries.
    var listedJoins = FormTable(bits: 16)
    /// The current query's joined tokens (built for each of its candidates otherwise).
    var queryJoins: [(key: UInt64, form: TokenForm)] = []
    /// Joins of three tokens made by the current `NameScorer.score` call (they are rare: not cached).
    var threeJoins: [TokenForm] = []
    /// Working buffers of `NameScorer.score`: each name's sides followed by its joined sides.
    var queryWithJoins: [NameScorer.Side] = []
    var listedWithJoins: [NameScorer.Side] = []

    init(memo: PairMemo = PairMemo()) { self.memo = memo }

    /// Bounds the join table. Sides hold their forms unowned, so this runs only between scores.
    mutating func forgetJoinsIfFull() {
        if listedJoins.isFull { listedJoins.removeAll() }
    }

    /// Forgets what belongs to the query just screened.
    mutating func endQuery() {
        memo.removeAll()
        queryJoins.removeAll(keepingCapacity: true)
    }
}

/// Joined-token forms by a nonzero 64-bit key, open addressing: a Swift dictionary's hashing cost
/// more than the rest of a look-up in the scoring loop.
struct FormTable {
    private var keys: [UInt64] = []
    private var forms: [TokenForm?] = []
    private var count = 0
    private let bits: Int

    /// Storage is allocated at the first insert (a one-off comparison never needs it).
    init(bits: Int) { self.bits = bits }

    /// Half full: look-ups stay short.
    var isFull: Bool { count * 2 >= 1 << bits }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits)) }

    func value(for key: UInt64) -> TokenForm? {
        guard !keys.isEmpty else { return nil }
        let mask = keys.count - 1
        var i = slot(key)
        while keys[i] != 0 {
            if keys[i] == key { return forms[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Always stores (sides point to the form unowned): `isFull` is half the room, and the caller
    /// empties the table once it says so, between scores.
    mutating func insert(_ form: TokenForm, for key: UInt64) {
        if keys.isEmpty {
            keys = Array(repeating: 0, count: 1 << bits)
            forms = Array(repeating: nil, count: 1 << bits)
        }
        let mask = keys.count - 1
        var i = slot(key)
        while keys[i] != 0 {
            if keys[i] == key { return }
            i = (i + 1) & mask
        }
        keys[i] = key
        forms[i] = form
        count += 1
        precondition(count < keys.count, "FormTable overfilled: removeAll() when isFull")
    }

    mutating func removeAll() {
        keys = []
        forms = []
        count = 0
    }
}

/// Token-pair comparisons remembered across one query's candidates: the same listed tokens
/// (mohammed, ali, ltd) recur in many candidate names, and a comparison costs far more than a look-up.
/// Open addressing in a fixed table; when it fills up, new pairs are simply not remembered.
struct PairMemo {
    private struct Entry {
        var key: UInt64
        var similarity: Double
        var agreement: TokenSimilarity.Agreement
    }
    private static let bits = 11
    private static let capacity = 1 << bits
    private var entries: [Entry]
    /// Slots in use, so that `removeAll` resets only those.
    private var used: [Int32] = []

    init() { entries = Array(repeating: Entry(key: 0, similarity: 0, agreement: .none), count: Self.capacity) }
    private init(disabled: Void) { entries = [] }
    /// A memo that remembers nothing (a single comparison of two names).
    static var disabled: PairMemo { PairMemo(disabled: ()) }

    var isEnabled: Bool { !entries.isEmpty }

    /// Never 0 (the empty slot): the listed id is shifted above the query position and flags.
    static func key(query: Int, listed: UInt32, korean: Bool, chinese: Bool, vowelsUncertain: Bool) -> UInt64 {
        let flags = (korean ? 1 : 0) | (chinese ? 2 : 0) | (vowelsUncertain ? 4 : 0)
        return (UInt64(listed) + 1) << 9 | UInt64(query & 63) << 3 | UInt64(flags)
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits)) }

    func value(for key: UInt64) -> (similarity: Double, agreement: TokenSimilarity.Agreement)? {
        entries.withUnsafeBufferPointer { e in
            var i = Self.slot(key)
            while e[i].key != 0 {
                if e[i].key == key { return (e[i].similarity, e[i].agreement) }
                i = (i + 1) & (Self.capacity - 1)
            }
            return nil
        }
    }

    mutating func insert(_ value: (similarity: Double, agreement: TokenSimilarity.Agreement), for key: UInt64) {
        guard used.count < Self.capacity * 3 / 4 else { return }
        let slot = entries.withUnsafeMutableBufferPointer { e in
            var i = Self.slot(key)
            while e[i].key != 0 { i = (i + 1) & (Self.capacity - 1) }
            e[i] = Entry(key: key, similarity: value.similarity, agreement: value.agreement)
            return i
        }
        used.append(Int32(slot))
    }

    /// Forgets every pair (the memo is reused by the next query).
    mutating func removeAll() {
        entries.withUnsafeMutableBufferPointer { e in
            for i in used { e[Int(i)].key = 0 }
        }
        used.removeAll(keepingCapacity: true)
    }
}
