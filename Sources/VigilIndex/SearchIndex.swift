import VigilLists

/// One listed name as the matcher sees it.
public struct IndexedName: Sendable, Equatable {
    /// Position of the entity in `SearchIndex.entities`.
    public let entity: UInt32
    /// Position of the name in the entity's `names`.
    public let slot: UInt16
    /// Token ids in name order.
    public let tokens: Column<UInt32>
    public let flags: NameFlags

    public static func == (a: IndexedName, b: IndexedName) -> Bool {
        a.entity == b.entity && a.slot == b.slot && a.tokens == b.tokens && a.flags == b.flags
    }
}

/// A loaded index, read in place from its file image (`IndexFormat`): entities, names as token ids,
/// token rarity, term postings of tokens (trigrams and phonetic keys -> tokens) and postings of names
/// per token. Retrieval is two-stage: query token -> similar listed tokens -> names holding them.
public final class SearchIndex: Sendable {
    public let meta: IndexMeta
    /// The file's bytes; every column below points into them.
    let image: IndexImage
    public let sectionSizes: [SectionSize]
    public let entities: EntityTable
    public let names: NameTable
    /// Token strings by id, sorted by UTF-8 bytes, so ids order like their bytes.
    public let tokens: TokenTable
    /// In how many names each token occurs.
    public let tokenFrequency: Column<UInt32>
    /// Sorted term keys; list i of `termTokens` holds the tokens of key i.
    @usableFromInline let termKeys: Column<UInt32>
    /// Per term (in key order): the tokens holding it, ascending.
    public let termTokens: PackedIDLists
    /// Per token: the names holding it, ascending.
    public let tokenNames: PackedIDLists
    /// Names of each entity, ascending.
    let entityNames: Column<UInt32>
    let entityNameOffsets: Column<UInt32>
    /// Per token: its postings terms (`Grams.forEachTerm`), in order, flat.
    @usableFromInline let tokenTerms: Column<UInt32>
    @usableFromInline let tokenTermOffsets: Column<UInt32>

    init(meta: IndexMeta, image: IndexImage, sections s: IndexSections) {
        self.meta = meta
        self.image = image
        self.sectionSizes = s.sizes
        self.entities = EntityTable(blocks: s.bytes(.entityBlocks), offsets: s.column(.entityBlockOffsets), lengths: s.column(.entityBlockLengths),
                                    idText: s.bytes(.entityIDs), idOffsets: s.column(.entityIDOffsets),
                                    attributeBytes: s.bytes(.entityAttributes), attributeOffsets: s.column(.entityAttributeOffsets),
                                    contentHashes: s.bytes(.entityContentHashes), count: meta.entityCount)
        self.names = NameTable(entity: s.column(.nameEntity), slot: s.column(.nameSlot), flags: s.column(.nameFlags),
                               tokenOffsets: s.column(.nameTokenOffsets), tokens: s.column(.nameTokens))
        self.tokens = TokenTable(text: s.bytes(.tokenText), offsets: s.column(.tokenTextOffsets))
        self.tokenFrequency = s.column(.tokenFrequency)
        self.termKeys = s.column(.termKeys)
        self.termTokens = s.lists(.termTokens)
        self.tokenNames = s.lists(.tokenNames)
        self.entityNames = s.column(.entityNames)
        self.entityNameOffsets = s.column(.entityNameOffsets)
        self.tokenTerms = s.column(.tokenTerms)
        self.tokenTermOffsets = s.column(.tokenTermOffsets)
    }

    /// A token's id, by binary search over the sorted token bytes.
    public func tokenID(_ token: String) -> UInt32? {
        var token = token
        return token.withUTF8 { tokens.id(of: $0) }
    }

    /// Number of postings terms of each token, for overlap ratios.
    @inlinable @inline(__always)
    public func termCount(ofToken id: UInt32) -> Int {
        Int(tokenTermOffsets[Int(id) + 1] &- tokenTermOffsets[Int(id)])
    }

    /// A token's postings terms (`Grams.forEachTerm`), in order.
    @inlinable
    public func terms(ofToken id: UInt32) -> Column<UInt32> {
        tokenTerms[Int(tokenTermOffsets[Int(id)])..<Int(tokenTermOffsets[Int(id) + 1])]
    }

    /// Inverse document frequency of a token over names: rare tokens weigh more.
    @inline(__always)
    public func rarity(ofTokenID id: UInt32) -> Float {
        Self.idf(frequency: Int(tokenFrequency[Int(id)]), total: names.count)
    }

    /// Rarity of a token that may not be in the index (unknown tokens are as rare as it gets).
    public func rarity(of token: String) -> Float {
        Self.idf(frequency: tokenID(token).map { Int(tokenFrequency[Int($0)]) } ?? 0, total: names.count)
    }

    @inline(__always)
    /// ln(1 + (N+1)/(df+0.5)): the usual rarity, smoothed so it stays positive in a list of one
    /// name (plain ln(N/df) is 0 there, and every score would be 0).
    public static func idf(frequency: Int, total: Int) -> Float {
        Float(naturalLog(1 + Double(total + 1) / (Double(frequency) + 0.5)))
    }

    /// An entity's names (ids into `names`), ascending.
    public func names(ofEntity e: Int) -> Column<UInt32> {
        entityNames[Int(entityNameOffsets[e])..<Int(entityNameOffsets[e + 1])]
    }

    /// Names holding a token, ascending (decoded: the matcher walks `tokenNames` block by block).
    public func names(withToken id: UInt32) -> [UInt32] { tokenNames.ids(ofList: Int(id)) }

    /// The `termTokens` list of a term (trigram or phonetic key), by binary search; nil when unknown.
    @inlinable
    public func termList(_ key: UInt32) -> Int? {
        var lo = 0, hi = termKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if termKeys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < termKeys.count && termKeys[lo] == key ? lo : nil
    }

    /// Tokens containing a term, ascending; empty when unknown.
    public func postings(forGram key: UInt32) -> [UInt32] { termList(key).map { termTokens.ids(ofList: $0) } ?? [] }

    public var gramCount: Int { termKeys.count }

    /// Term key `i` (keys ascend with `i`).
    public func termKey(at i: Int) -> UInt32 { termKeys[i] }

    /// The listed name text of an indexed name.
    public func text(of name: IndexedName) -> String { entities[Int(name.entity)].name(at: Int(name.slot)) }

    /// Checks every offset and id the readers follow, so that no file can make them read out of
    /// bounds (sections are checksummed, but a checksum guards against accidents, not forgery), and
    /// the orders lookups rely on (tokens and term keys sorted). Run at open: tight loops over the
    /// columns, a few milliseconds on a million names.
    public func checkInvariants() throws(IndexError) {
        let (entityCount, nameCount, tokenCount) = (meta.entityCount, meta.nameCount, meta.tokenCount)
        func fail(_ what: String) -> IndexError { .corrupt(reason: what) }
        /// `offsets` has `groups + 1` entries from 0 to `items`, never decreasing.
        func checkOffsets<T: BinaryInteger & BitwiseCopyable>(_ offsets: Column<T>, groups: Int, items: Int, _ label: String) throws(IndexError) {
            guard offsets.count == groups + 1, offsets[0] == 0, Int(offsets[groups]) == items else { throw fail("\(label): offsets do not cover the items") }
            let ok = offsets.withUnsafeBufferPointer { o in
                var prev = o[0]
                for v in o { if v < prev { return false }; prev = v }
                return true
            }
            guard ok else { throw fail("\(label): offsets decrease") }
        }
        func checkIDs(_ ids: Column<UInt32>, below limit: Int, _ label: String) throws(IndexError) {
            let ok = ids.withUnsafeBufferPointer { b in
                var maxID: UInt32 = 0
                for v in b { maxID = max(maxID, v) }
                return b.isEmpty || Int(maxID) < limit
            }
            guard ok else { throw fail("\(label): id out of range") }
        }
        let blocks = (entityCount + IndexFormat.entitiesPerBlock - 1) / IndexFormat.entitiesPerBlock
        guard entities.lengths.count == blocks else { throw fail("entity blocks: \(entities.lengths.count) lengths for \(blocks) blocks") }
        try checkOffsets(entities.offsets, groups: blocks, items: entities.blocks.count, "entity blocks")
        guard entities.contentHashes.count == 32 * entityCount else { throw fail("entity content hashes: \(entities.contentHashes.count) bytes for \(entityCount) entities") }
        for b in 0..<blocks {
            let stored = Int(entities.offsets[b + 1] - entities.offsets[b]), raw = Int(entities.lengths[b])
            // LZ4 expands at most 255:1; checked here so a forged length never allocates gigabytes.
            guard raw <= stored * 256 + 64, raw < 1 << 26 else { throw fail("entity block \(b): LZ4 block of \(stored) bytes cannot hold \(raw) bytes") }
        }
        try checkOffsets(tokens.offsets, groups: tokenCount, items: tokens.text.count, "token text")
        guard tokenFrequency.count == tokenCount else { throw fail("token frequency: wrong count") }
        for t in 1..<max(1, tokenCount) where !tokens.utf8(t - 1).buffer.lexicographicallyPrecedes(tokens.utf8(t).buffer) {
            throw fail("tokens not sorted")
        }
        guard names.entity.count == nameCount, names.slot.count == nameCount, names.flags.count == nameCount else {
            throw fail("names: columns of different lengths")
        }
        try checkIDs(names.entity, below: entityCount, "name entity")
        try checkOffsets(names.tokenOffsets, groups: nameCount, items: names.tokens.count, "name tokens")
        try checkIDs(names.tokens, below: tokenCount, "name tokens")
        guard termKeys.count == meta.gramCount else { throw fail("term keys: wrong count") }
        for i in 1..<max(1, termKeys.count) where termKeys[i - 1] >= termKeys[i] { throw fail("term keys not sorted") }
        try termTokens.check(lists: termKeys.count, limit: tokenCount, "term postings")
        for i in 0..<termKeys.count where termTokens.count(ofList: i) == 0 { throw fail("empty term postings") }
        try tokenNames.check(lists: tokenCount, limit: nameCount, "token -> names")
        try checkOffsets(entityNameOffsets, groups: entityCount, items: entityNames.count, "entity -> names")
        try checkIDs(entityNames, below: nameCount, "entity -> names")
        try checkOffsets(tokenTermOffsets, groups: tokenCount, items: tokenTerms.count, "token terms")
        try checkOffsets(entities.idOffsets, groups: entityCount, items: entities.idText.count, "entity ids")
        try checkOffsets(entities.attributeOffsets, groups: entityCount, items: entities.attributeBytes.count, "entity attributes")
    }

    /// Decodes every entity record and checks each name's slot against its entity: what `open`
    /// leaves to the first look-up (`vigil index verify`).
    public func verifyRecords() throws(IndexError) {
        var nameCounts: [Int] = []
        nameCounts.reserveCapacity(entities.count)
        let per = IndexFormat.entitiesPerBlock
        for b in 0..<((entities.count + per - 1) / per) {
            let decoded = try entities.decodeBlock(b)
            for (k, e) in decoded.enumerated() {
                let i = b * per + k
                guard entities.id(i) == e.id, try entities.readAttributes(i) == ScoringAttributes(e), entities.contentHash(i) == e.contentHash else {
                    throw .corrupt(reason: "entity \(i): id, scoring attributes or content hash differ from its record")
                }
            }
            nameCounts.append(contentsOf: decoded.map(\.names.count))
        }
        for n in 0..<names.count where Int(names.slot[n]) >= nameCounts[Int(names.entity[n])] {
            throw .corrupt(reason: "name \(n) refers to a missing name slot")
        }
    }

    /// The file bytes of this index (what `IndexFile.write` stores).
    public var fileBytes: [UInt8] { Array(image.bytes) }
}

/// Entity records, decoded from their LZ4 block when asked for (a match decodes a handful per query;
/// `vigil index verify` decodes them all).
public struct EntityTable: RandomAccessCollection, Sendable {
    let blocks: Column<UInt8>
    let offsets: Column<UInt64>
    let lengths: Column<UInt32>
    let idText: Column<UInt8>
    let idOffsets: Column<UInt32>
    let attributeBytes: Column<UInt8>
    let attributeOffsets: Column<UInt64>
    let contentHashes: Column<UInt8>
    public let count: Int

    /// Entity `i`'s `Entity.contentHash`, stored at build: read without decoding its record.
    public func contentHash(_ i: Int) -> String {
        SHA256Hasher.hex(Array(contentHashes[(32 * i)..<(32 * i + 32)].buffer))
    }

    /// Entity `i`'s id, read without its record.
    public func id(_ i: Int) -> String {
        String(decoding: idText[Int(idOffsets[i])..<Int(idOffsets[i + 1])].buffer, as: UTF8.self)
    }

    /// What attribute scoring reads of entity `i`, without its record (none when unreadable: only a
    /// forged file, which `vigil index verify` reports).
    public func attributes(_ i: Int) -> ScoringAttributes {
        (try? readAttributes(i)) ?? ScoringAttributes()
    }

    func readAttributes(_ i: Int) throws(IndexError) -> ScoringAttributes {
        var r = ByteReader(Array(attributeBytes[Int(attributeOffsets[i])..<Int(attributeOffsets[i + 1])].buffer), section: SectionKind.entityAttributes.label)
        let a = try ScoringAttributes.read(from: &r)
        guard r.atEnd else { throw .corrupt(reason: "entity \(i): attribute bytes left over") }
        return a
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// Entity `i`. Sections are checksummed at open and every offset checked, so only a file forged
    /// with valid checksums has a record that cannot be read: it reads as an entity with no names
    /// (`vigil index verify` reports it), and no reader crashes on it.
    public subscript(i: Int) -> Entity {
        switch entity(i) {
        case .success(let e): return e
        case .failure: return Entity(id: "unreadable-record-\(i)", list: "", schema: .unknown, names: [])
        }
    }

    /// Entity `i`, or why its record cannot be read: its block is decompressed and the record read at
    /// the offset the block's table gives (no other record of the block is parsed).
    public func entity(_ i: Int) -> Result<Entity, IndexError> {
        precondition(i >= 0 && i < count, "entity index out of range")
        let block = i / IndexFormat.entitiesPerBlock
        return Result { () throws(IndexError) in
            var r = try reader(ofBlock: block)
            let j = i - block * IndexFormat.entitiesPerBlock
            r.offset = 4 * j
            let start = Int(try r.u32())
            guard start >= 4 * records(inBlock: block), start < r.bytes.count else {
                throw .corrupt(reason: "entity block \(block): record \(j) starts outside the block")
            }
            r.offset = start
            return try EntityCodec.read(from: &r)
        }
    }

    /// How many records block `b` holds (the last block may be short).
    func records(inBlock b: Int) -> Int { Swift.min(IndexFormat.entitiesPerBlock, count - b * IndexFormat.entitiesPerBlock) }

    /// A reader over block `b`'s decompressed bytes: a u32 start offset per record, then the records.
    func reader(ofBlock block: Int) throws(IndexError) -> ByteReader {
        let raw = try LZ4.decompress(UnsafeRawBufferPointer(blocks[Int(offsets[block])..<Int(offsets[block + 1])].buffer),
                                     rawLength: Int(lengths[block]), section: SectionKind.entityBlocks.label)
        return ByteReader(raw, section: SectionKind.entityBlocks.label)
    }

    /// The entities of block `b` in order, checked against the block's offset table.
    func decodeBlock(_ b: Int) throws(IndexError) -> [Entity] {
        var r = try reader(ofBlock: b)
        let k = records(inBlock: b)
        var starts: [Int] = []
        for _ in 0..<k { starts.append(Int(try r.u32())) }
        var out: [Entity] = []
        for j in 0..<k {
            guard r.offset == starts[j] else { throw .corrupt(reason: "entity block \(b): record \(j) is not where the block's table says") }
            out.append(try EntityCodec.read(from: &r))
        }
        guard r.atEnd else { throw .corrupt(reason: "entity block \(b): bytes after its last record") }
        return out
    }

    /// The entities of block `b`, each decoded once (a scan over all entities decodes each block once).
    func block(_ b: Int) -> [Entity] {
        if let all = try? decodeBlock(b) { return all }
        let first = b * IndexFormat.entitiesPerBlock
        return (first..<(first + records(inBlock: b))).map { self[$0] }
    }

    /// Iterates block by block: `for e in index.entities` decodes each record once.
    public struct Iterator: IteratorProtocol {
        let table: EntityTable
        var position = 0
        var buffered: [Entity] = []
        var bufferedFrom = 0

        public mutating func next() -> Entity? {
            guard position < table.count else { return nil }
            if position - bufferedFrom >= buffered.count {
                bufferedFrom = position
                buffered = table.block(position / IndexFormat.entitiesPerBlock)
            }
            defer { position += 1 }
            return buffered[position - bufferedFrom]
        }
    }

    public func makeIterator() -> Iterator { Iterator(table: self) }

    /// Every entity, decoded block by block (`map` on the table would decode a block per entity).
    public var all: [Entity] { Array(AnySequence { makeIterator() }) }
}

/// The listed names, read from their columns.
public struct NameTable: RandomAccessCollection, Sendable {
    /// Per name: its entity, its slot among the entity's names, its `NameFlags`.
    public let entity: Column<UInt32>
    public let slot: Column<UInt16>
    public let flags: Column<UInt8>
    let tokenOffsets: Column<UInt32>
    let tokens: Column<UInt32>

    public var startIndex: Int { 0 }
    public var endIndex: Int { entity.count }

    public subscript(i: Int) -> IndexedName {
        IndexedName(entity: entity[i], slot: slot[i], tokens: tokens(ofName: i), flags: NameFlags(rawValue: flags[i]))
    }

    @inline(__always)
    public func tokens(ofName i: Int) -> Column<UInt32> { tokens[Int(tokenOffsets[i])..<Int(tokenOffsets[i + 1])] }

    @inline(__always)
    public func tokenCount(ofName i: Int) -> Int { Int(tokenOffsets[i + 1] &- tokenOffsets[i]) }
}

/// Token strings, read from their bytes.
public struct TokenTable: RandomAccessCollection, Sendable {
    let text: Column<UInt8>
    let offsets: Column<UInt32>

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count - 1 }

    public subscript(i: Int) -> String { String(decoding: utf8(i).buffer, as: UTF8.self) }

    /// The UTF-8 bytes of token `i`.
    @inline(__always)
    public func utf8(_ i: Int) -> Column<UInt8> { text[Int(offsets[i])..<Int(offsets[i + 1])] }

    /// The id of the token with these bytes, by binary search (tokens are sorted by bytes).
    func id(of key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if utf8(mid).buffer.lexicographicallyPrecedes(key) { lo = mid + 1 } else { hi = mid }
        }
        guard lo < count, utf8(lo).buffer.elementsEqual(key) else { return nil }
        return UInt32(lo)
    }
}

extension Entity {
    /// The text of name `slot`, empty when there is none (a forged index's slot).
    public func name(at slot: Int) -> String { names.indices.contains(slot) ? names[slot].value : "" }
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
