import Dispatch
import VigilLists
import VigilNormalization
import Synchronization

/// Collects entities from list sources and builds a `SearchIndex`: every name normalized to Latin
/// tokens, tokens interned and counted, trigram and phonetic postings of tokens.
public struct IndexBuilder {
    /// Bumped whenever normalization or key derivation changes: an index of another version is refused
    /// on open, since its stored keys would no longer meet the keys queries compute.
    public static let normalizationVersion: UInt32 = 9

    private let normalizer: NameNormalizer
    private var entities: [Entity] = []
    private var sources: [SourceProvenance] = []
    private var seenIDs: Set<String> = []
    /// Problems found while building (duplicate ids, names with no letters), reported, never hidden.
    public private(set) var issues: [String] = []

    public init(normalizer: NameNormalizer = .shared) {
        self.normalizer = normalizer
    }

    public mutating func add(_ list: LoadedList) {
        sources.append(list.provenance)
        for e in list.entities {
            guard seenIDs.insert(e.id).inserted else {
                issues.append("duplicate entity id \(e.id) (from \(list.provenance.files.first ?? list.provenance.list)); later copy skipped")
                continue
            }
            entities.append(e)
        }
    }

    /// - Parameter progress: called from the normalizing threads with entities done and the total.
    public func build(buildTime: String, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> SearchIndex {
        // 1. Normalize every name (in parallel: normalization is most of a build); intern tokens.
        let normalized = normalizeNames(progress: progress)
        var rawNames: [(entity: UInt32, slot: UInt16, tokens: [String])] = []
        var frequency: [String: UInt32] = [:]
        for (ei, names) in normalized.enumerated() {
            var seen: Set<[String]> = []
            for (slot, tokens) in names where seen.insert(tokens).inserted {
                rawNames.append((UInt32(ei), slot, tokens))
                // Each distinct token once: names are short, so a look back beats a Set per name.
                for (i, t) in tokens.enumerated() where !tokens[..<i].contains(t) { frequency[t, default: 0] += 1 }
            }
        }
        let tokenList = frequency.keys.sorted()
        var ids: [String: UInt32] = [:]
        for (i, t) in tokenList.enumerated() { ids[t] = UInt32(i) }
        let names = rawNames.map { IndexedName(entity: $0.entity, slot: $0.slot, tokens: $0.tokens.map { ids[$0]! }) }

        // 2. Term postings over the token dictionary: for each trigram or phonetic term, the sorted
        //    ids of the distinct tokens that contain it. Token -> names is derived when the index opens.
        var gramToTokens: [UInt32: [UInt32]] = [:]
        for (ti, t) in tokenList.enumerated() {
            var grams: Set<UInt32> = []
            Grams.forEachTerm(in: t) { grams.insert($0) }
            for g in grams { gramToTokens[g, default: []].append(UInt32(ti)) }
        }
        let keys = gramToTokens.keys.sorted()
        var offsets: [UInt32] = [0]
        var postings: [UInt32] = []
        offsets.reserveCapacity(keys.count + 1)
        for k in keys {
            postings.append(contentsOf: gramToTokens[k]!)  // appended in ascending token order
            offsets.append(UInt32(postings.count))
        }

        let meta = IndexMeta(
            formatVersion: IndexFormat.version, buildTime: buildTime, normalizationVersion: Self.normalizationVersion,
            sources: sources, entityCount: entities.count, nameCount: names.count, tokenCount: tokenList.count,
            gramCount: keys.count)
        return SearchIndex(
            meta: meta, entities: entities, names: names, tokens: tokenList,
            tokenFrequency: tokenList.map { frequency[$0]! }, gramKeys: keys, gramOffsets: offsets, postings: postings)
    }

    /// Per entity, its names' non-empty token lists with their slots, normalized on every core in
    /// chunks taken from a shared counter (names in Han go through ICU, which serializes them).
    private func normalizeNames(progress: (@Sendable (Int, Int) -> Void)?) -> [[(slot: UInt16, tokens: [String])]] {
        let chunk = 2_048
        let chunks = (entities.count + chunk - 1) / chunk
        var results = [[[(slot: UInt16, tokens: [String])]]](repeating: [], count: chunks)
        let next = Atomic<Int>(0), done = Atomic<Int>(0)
        let workers = max(1, min(Machine.coreCount, chunks))
        let entities = self.entities, normalizer = self.normalizer
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let c = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard c < chunks else { return }
                    let range = c * chunk ..< min(entities.count, (c + 1) * chunk)
                    out[c] = entities[range].map { e in
                        let isPerson = e.schema == .person || e.schema == .unknown
                        return e.names.enumerated().compactMap { slot, name in
                            guard slot < Int(UInt16.max) else { return nil }
                            let tokens = normalizer.normalize(name.value, stripHonorifics: isPerson).tokens
                            return tokens.isEmpty ? nil : (UInt16(slot), tokens)
                        }
                    }
                    progress?(done.add(range.count, ordering: .relaxed).newValue, entities.count)
                }
            }
        }
        return results.flatMap { $0 }
    }
}
