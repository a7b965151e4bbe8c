import Dispatch
import VigilIndex
import VigilLists

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
        /// Whether the name is written in a script other than Latin (`SameScriptCheck` reads it then).
        var isNativeScript: Bool
    }

    let records: [Record]
    /// Empty when built lazily: `sides(ofName:into:)` makes a name's when it is scored, and
    /// `withBuffers` makes them all the first time it is asked.
    private let eagerSides: [NameScorer.Side]
    private let lazySides: LazySides?
    private let names: NameTable
    private let forms: [TokenForm]
    private let weights: [Double]

    /// Whether every name's sides were built at init.
    var isEager: Bool { lazySides == nil }

    /// Sides built on first use, for a lazily built table asked for all of them.
    final class LazySides: @unchecked Sendable {
        let lock = Lock()
        var sides: [NameScorer.Side]?
    }

    /// - Parameters: forms and weights: the matcher's, per listed token.
    ///   - eager: build every name's sides now (screening scores candidates across the whole index);
    ///     a reverse look-up scores few names of a large index, and builds only theirs.
    init(index: SearchIndex, forms: [TokenForm], weights: [Double], eager: Bool = true) {
        self.names = index.names
        self.forms = forms
        self.weights = weights
        let (records, sides) = Self.build(index.names, forms: forms, weights: weights, sides: eager)
        self.records = records
        self.eagerSides = sides
        self.lazySides = eager ? nil : LazySides()
    }

    /// The records and, when `sides`, every name's sides.
    private static func build(_ names: NameTable, forms: [TokenForm], weights: [Double], sides buildSides: Bool)
        -> ([Record], [NameScorer.Side]) {
        // Where each name's sides start: known from the token counts, so that every core fills its own
        // range of names in place (a million names took a second on one core).
        var starts = [UInt32](repeating: 0, count: names.count + 1)
        for n in names.indices { starts[n + 1] = starts[n] + UInt32(min(names.tokens(ofName: n).count, NameScorer.maximumTokens)) }
        let sideCount = buildSides ? Int(starts[names.count]) : 0
        let nameStarts = starts
        let lanes = max(1, min(Machine.coreCount, names.count / 50_000))
        var records: [Record] = []
        let sides = [NameScorer.Side](unsafeUninitializedCapacity: sideCount) { sideBuffer, initialized in
            records = [Record](unsafeUninitializedCapacity: names.count) { recordBuffer, recordsInitialized in
                nonisolated(unsafe) let (sideOut, recordOut) = (sideBuffer, recordBuffer)
                DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                    var scratch: [NameScorer.Side] = []
                    for n in (names.count * lane / lanes)..<(names.count * (lane + 1) / lanes) {
                        if buildSides {
                            Self.sides(ofName: n, names, forms: forms, weights: weights, into: &scratch)
                            if !scratch.isEmpty { (sideOut.baseAddress! + Int(nameStarts[n])).initialize(from: scratch, count: scratch.count) }
                        }
                        let flags = NameFlags(rawValue: names.flags[n])
                        (recordOut.baseAddress! + n).initialize(to: Record(
                            start: nameStarts[n], count: nameStarts[n + 1] - nameStarts[n], entity: names.entity[n], slot: names.slot[n],
                            isPerson: flags.contains(.person), isWeak: flags.contains(.weak),
                            isNativeScript: flags.contains(.nativeScript)))
                    }
                }
                recordsInitialized = names.count
            }
            initialized = sideCount
        }
        return (records, sides)
    }

    /// Name `n`'s sides, as the eager table holds them, into `out` (its forms stay owned by the matcher).
    func sides(ofName n: Int, into out: inout [NameScorer.Side]) {
        Self.sides(ofName: n, names, forms: forms, weights: weights, into: &out)
    }

    private static func sides(ofName n: Int, _ names: NameTable, forms: [TokenForm], weights: [Double], into out: inout [NameScorer.Side]) {
        out.removeAll(keepingCapacity: true)
        let isPerson = NameFlags(rawValue: names.flags[n]).contains(.person)
        for (i, t) in names.tokens(ofName: n).prefix(NameScorer.maximumTokens).enumerated() {
            let form = forms[Int(t)]
            // Weights are damped for organisations; a person's legal-form word is an initial or a name.
            let weight = isPerson ? Matcher.personWeight(weights[Int(t)], of: form) : weights[Int(t)]
            out.append(NameScorer.Side(form: form, weight: weight, position: i, tokenID: t))
        }
        Matcher.markNameKind(&out[...])
    }

    /// Runs `body` with the names' records and sides as buffers, for a query's scoring loop.
    func withBuffers<T>(_ body: (UnsafeBufferPointer<Record>, UnsafeBufferPointer<NameScorer.Side>) throws -> T) rethrows -> T {
        guard let lazySides else {
            return try records.withUnsafeBufferPointer { r in try eagerSides.withUnsafeBufferPointer { s in try body(r, s) } }
        }
        let sides = lazySides.lock.withLock {
            if let built = lazySides.sides { return built }
            let built = Self.build(names, forms: forms, weights: weights, sides: true).1
            lazySides.sides = built
            return built
        }
        return try records.withUnsafeBufferPointer { r in try sides.withUnsafeBufferPointer { s in try body(r, s) } }
    }
}

extension UnsafeBufferPointer where Element == NameScorer.Side {
    /// The sides of one listed name.
    @inline(__always)
    func of(_ record: ListedNames.Record) -> UnsafeBufferPointer<NameScorer.Side> {
        UnsafeBufferPointer(rebasing: self[Int(record.start) ..< Int(record.start) + Int(record.count)])
    }
}
