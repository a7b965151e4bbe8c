import VigilLists
import VigilNormalization

/// Collects entities from list sources and builds a `SearchIndex`: every name normalized to Latin
/// tokens, tokens interned and counted, trigram and phonetic postings of tokens.
public struct IndexBuilder {
    /// Bumped whenever normalization or key derivation changes: an index of another version is refused
    /// on open, since its stored keys would no longer meet the keys queries compute.
    /// (19: names carry `NameFlags.nativeScript`; 20: the Slavic -ej spelling fold; 21: organisations'
    /// generic words in other languages as the English word; 22: a leading "so called" dropped;
    /// 23: Jr and Sr taken off persons' names; 24: the words of 21 kept, met through the spelling fold.)
    public static let normalizationVersion: UInt32 = 24

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
        // Sorted by bytes: the index finds a token by binary search over its bytes.
        let tokenList = frequency.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var ids: [String: UInt32] = [:]
        for (i, t) in tokenList.enumerated() { ids[t] = UInt32(i) }

        var blocks: [UInt8] = [], blockOffsets: [UInt64] = [0], blockLengths: [UInt32] = [], contentHashes: [UInt8] = []
        for chunk in entityBlocks() {
            contentHashes.append(contentsOf: chunk.hashes)
            blocks.append(contentsOf: chunk.packed)
            blockOffsets.append(UInt64(blocks.count))
            blockLengths.append(UInt32(chunk.rawLength))
        }

        // 2. Names as token ids, and their flags.
        var nameEntity: [UInt32] = [], nameSlot: [UInt16] = [], nameFlags: [UInt8] = [], nameTokenOffsets: [UInt32] = [0], nameTokens: [UInt32] = []
        for n in rawNames {
            let entity = entities[Int(n.entity)], listed = entity.names[Int(n.slot)]
            var flags: NameFlags = []
            if entity.schema == .person || entity.schema == .unknown { flags.insert(.person) }
            if listed.type == .weakAka || listed.quality?.lowercased() == "low" { flags.insert(.weak) }
            if Script.dominant(in: listed.value) != .latin { flags.insert(.nativeScript) }
            nameEntity.append(n.entity)
            nameSlot.append(n.slot)
            nameFlags.append(flags.rawValue)
            nameTokens.append(contentsOf: n.tokens.map { ids[$0]! })
            nameTokenOffsets.append(UInt32(nameTokens.count))
        }

        // 3. Term postings over the token dictionary: for each trigram or phonetic term, the sorted
        //    ids of the distinct tokens that contain it; and each token's terms in order.
        var gramToTokens: [UInt32: [UInt32]] = [:]
        var tokenTerms: [UInt32] = [], tokenTermOffsets: [UInt32] = [0]
        for (ti, t) in tokenList.enumerated() {
            var grams: Set<UInt32> = []
            Grams.forEachTerm(in: t) { grams.insert($0); tokenTerms.append($0) }
            tokenTermOffsets.append(UInt32(tokenTerms.count))
            for g in grams { gramToTokens[g, default: []].append(UInt32(ti)) }
        }
        let keys = gramToTokens.keys.sorted()
        var termTokens = PackedIDListsWriter()
        for k in keys { termTokens.append(gramToTokens[k]!) }  // appended in ascending token order
        termTokens.finish()

        // 4. Names of each token (each distinct token of a name once) and of each entity.
        let tokenNames = FlatGroups(keys: tokenList.count, items: rawNames.count) { ni, key in
            let a = Int(nameTokenOffsets[ni]), b = Int(nameTokenOffsets[ni + 1])
            for i in a..<b where !nameTokens[a..<i].contains(nameTokens[i]) { key(Int(nameTokens[i])) }
        }
        var tokenNamesPacked = PackedIDListsWriter()
        for t in 0..<tokenList.count { tokenNamesPacked.append(tokenNames.items[Int(tokenNames.offsets[t])..<Int(tokenNames.offsets[t + 1])]) }
        tokenNamesPacked.finish()
        let entityNames = FlatGroups(keys: entities.count, items: rawNames.count) { ni, key in key(Int(nameEntity[ni])) }

        var sections = IndexFile.SectionWriter()
        let meta = IndexMeta(
            formatVersion: IndexFormat.version, buildTime: buildTime, normalizationVersion: Self.normalizationVersion,
            sources: sources, entityCount: entities.count, nameCount: rawNames.count, tokenCount: tokenList.count,
            gramCount: keys.count)
        sections.add(.meta, IndexFile.metaBytes(meta))
        sections.add(.entityBlocks, blocks)
        sections.add(.entityBlockOffsets, blockOffsets)
        sections.add(.entityBlockLengths, blockLengths)
        sections.add(.tokenText, Array(tokenList.joined().utf8))
        var textOffsets: [UInt32] = [0]
        for t in tokenList { textOffsets.append(textOffsets.last! + UInt32(t.utf8.count)) }
        sections.add(.tokenTextOffsets, textOffsets)
        sections.add(.tokenFrequency, tokenList.map { frequency[$0]! })
        sections.add(.nameEntity, nameEntity)
        sections.add(.nameSlot, nameSlot)
        sections.add(.nameFlags, nameFlags)
        sections.add(.nameTokenOffsets, nameTokenOffsets)
        sections.add(.nameTokens, nameTokens)
        sections.add(.termKeys, keys)
        sections.add(termTokens, as: .termTokens)
        sections.add(tokenNamesPacked, as: .tokenNames)
        sections.add(.entityNameOffsets, entityNames.offsets)
        sections.add(.entityNames, entityNames.items)
        sections.add(.tokenTermOffsets, tokenTermOffsets)
        sections.add(.tokenTerms, tokenTerms)
        var idText: [UInt8] = [], idOffsets: [UInt32] = [0], attributes = ByteWriter(), attributeOffsets: [UInt64] = [0]
        for e in entities {
            idText.append(contentsOf: e.id.utf8)
            idOffsets.append(UInt32(idText.count))
            ScoringAttributes(e).write(to: &attributes)
            attributeOffsets.append(UInt64(attributes.bytes.count))
        }
        sections.add(.entityIDs, idText)
        sections.add(.entityIDOffsets, idOffsets)
        sections.add(.entityAttributes, attributes.bytes)
        sections.add(.entityAttributeOffsets, attributeOffsets)
        sections.add(.entityContentHashes, contentHashes)
        do {
            return try IndexFile.decode(bytes: sections.finish(), path: "(index being built)")
        } catch {
            fatalError("a freshly built index fails its own checks: \(error)")
        }
    }

    /// Entity records encoded and LZ4-compressed, `IndexFormat.entitiesPerBlock` to a block, on every core.
    /// Each block's entities' content hashes come along (32 raw bytes each, in entity order).
    private func entityBlocks() -> [(packed: [UInt8], rawLength: Int, hashes: [UInt8])] {
        let per = IndexFormat.entitiesPerBlock
        let entities = self.entities
        return Parallel.map(Array(0..<((entities.count + per - 1) / per)), chunk: 1) { b in
            // A start offset per record, then the records: a look-up parses only its own record.
            let members = entities[(b * per)..<min(entities.count, (b + 1) * per)]
            var records = ByteWriter(), starts: [Int] = [], hashes: [UInt8] = []
            for e in members {
                starts.append(4 * members.count + records.bytes.count)
                EntityCodec.write(e, to: &records)
                hashes.append(contentsOf: e.contentDigest)
            }
            var w = ByteWriter()
            for s in starts { w.u32(UInt32(s)) }
            w.bytes.append(contentsOf: records.bytes)
            return (LZ4.compress(w.bytes), w.bytes.count, hashes)
        }
    }

    /// Per entity, its names' non-empty token lists with their slots, normalized on every core
    /// (names in Han go through ICU, which serializes them).
    private func normalizeNames(progress: (@Sendable (Int, Int) -> Void)?) -> [[(slot: UInt16, tokens: [String])]] {
        let total = entities.count, normalizer = self.normalizer
        var done: (@Sendable (Int) -> Void)?
        if let progress { done = { progress($0, total) } }
        return Parallel.map(entities, chunk: 2_048, progress: done) { (e: Entity) -> [(slot: UInt16, tokens: [String])] in
            let isPerson = e.schema == .person || e.schema == .unknown
            return e.names.enumerated().compactMap { (slot: Int, name: EntityName) -> (slot: UInt16, tokens: [String])? in
                guard slot < Int(UInt16.max) else { return nil }
                let tokens = normalizer.normalize(name.value, stripHonorifics: isPerson).tokens
                return tokens.isEmpty ? nil : (UInt16(slot), tokens)
            }
        }
    }
}
