import VigilIndex

/// Every listed name as the scorer sees it, built once when the index opens and laid out flat: one
/// record per name and all names' sides in one array. Scoring a candidate reads its record and one run
/// of sides; an array per name (and flags kept in arrays of their own) cost a cache miss each.
struct ListedNames: Sendable {
    struct Record: Sendable {
        /// The name's sides: `sides[start ..< start + count]`.
        var start: UInt32
        var count: UInt32
        var entity: UInt32
        /// The name's position among its entity's names.
        var slot: UInt16
        /// Whether its entity is scored as a person.
        var isPerson: Bool
        /// Whether the name is a weak or low-quality alias (its scores count 0.9).
        var isWeak: Bool
    }

    let records: [Record]
    let sides: [NameScorer.Side]

    /// - Parameters: forms and weights: the matcher's, per listed token.
    init(index: SearchIndex, forms: [TokenForm], weights: [Double]) {
        var records: [Record] = []
        var sides: [NameScorer.Side] = []
        records.reserveCapacity(index.names.count)
        // One allocation: growing by doubling copied and page-faulted the whole array ~20 times at 1M names.
        sides.reserveCapacity(index.names.reduce(0) { $0 + min($1.tokens.count, NameScorer.maximumTokens) })
        for name in index.names {
            let start = sides.count
            for (i, t) in name.tokens.prefix(NameScorer.maximumTokens).enumerated() {
                sides.append(NameScorer.Side(form: forms[Int(t)], weight: weights[Int(t)], position: i, tokenID: t))
            }
            Matcher.markNameKind(&sides[start...])
            let (schema, listed) = index.entities.withUnsafeBufferPointer { ($0[Int(name.entity)].schema, $0[Int(name.entity)].names[Int(name.slot)]) }
            records.append(Record(start: UInt32(start), count: UInt32(sides.count - start), entity: name.entity, slot: name.slot,
                                  isPerson: schema == .person || schema == .unknown,
                                  isWeak: listed.type == .weakAka || listed.quality?.lowercased() == "low"))
        }
        self.records = records
        self.sides = sides
    }

    /// Runs `body` with the names' records and sides as buffers, for a query's scoring loop.
    func withBuffers<T>(_ body: (UnsafeBufferPointer<Record>, UnsafeBufferPointer<NameScorer.Side>) throws -> T) rethrows -> T {
        try records.withUnsafeBufferPointer { r in try sides.withUnsafeBufferPointer { s in try body(r, s) } }
    }
}

extension UnsafeBufferPointer where Element == NameScorer.Side {
    /// The sides of one listed name.
    @inline(__always)
    func of(_ record: ListedNames.Record) -> UnsafeBufferPointer<NameScorer.Side> {
        UnsafeBufferPointer(rebasing: self[Int(record.start) ..< Int(record.start) + Int(record.count)])
    }
}
