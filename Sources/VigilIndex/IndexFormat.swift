import VigilLists

/// Why an index could not be written or opened. Each case says what to do.
public enum IndexError: Error, CustomStringConvertible, Equatable {
    case io(path: String, reason: String)
    case notAnIndex(path: String)
    case truncated(path: String, size: Int)
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    case checksumMismatch(path: String, section: String)
    case staleNormalization(path: String, found: UInt32, current: UInt32)
    case corrupt(reason: String)

    public var description: String {
        switch self {
        case .io(let path, let reason): return "\(path): \(reason)"
        case .notAnIndex(let path): return "\(path) is not a Vigil index (bad magic); build one with `vigil index build --out \(path)`"
        case .truncated(let path, let size): return "\(path) is truncated (\(size) bytes): the index is incomplete; rebuild it with `vigil index build`"
        case .unsupportedVersion(let path, let found, let supported):
            return "\(path) has index format \(found), this vigil reads format \(supported): rebuild it with this version (`vigil index build`)"
        case .checksumMismatch(let path, let section):
            return "\(path): checksum mismatch in \(section): the file is corrupt; rebuild it with `vigil index build`"
        case .staleNormalization(let path, let found, let current):
            return "\(path) was built with name normalization \(found), this vigil normalizes with \(current): rebuild it (`vigil index build`)"
        case .corrupt(let reason): return "corrupt index: \(reason); rebuild it with `vigil index build`"
        }
    }
}

/// On-disk layout (all integers little-endian). Everything but the meta section is a flat array used
/// where it lies in the mapped file (`Column`): opening verifies and checks, it does not decode.
///
///     header  "VIGILIDX" | u32 format version | u32 reserved
///     sections, each starting at a multiple of 8 (zero padding between them)
///     table   per section: u32 kind | u32 element width | u64 offset | u64 length in bytes | u32 CRC32C | u32 reserved
///     footer  u64 table offset | u32 section count | u32 CRC32C(header + table) | u32 version | u32 reserved | "VIGILEND"
///
/// The footer is last so a truncated file is caught before anything else is read.
enum IndexFormat {
    static let magic: [UInt8] = Array("VIGILIDX".utf8)
    static let endMagic: [UInt8] = Array("VIGILEND".utf8)
    /// 2: term postings point to tokens (1 pointed to names).
    /// 3: flat sections read in place (mapped, not decoded); entity records in LZ4 blocks; the token ->
    ///    names and entity -> names groups, token terms and per-name flags stored, not derived at open.
    /// 4: postings (term -> tokens, token -> names) delta-coded and bit-packed in blocks of 128
    ///    (`PackedIDLists`), with each block's first id as skip data.
    /// 5: each entity's content hash stored (a list update diffs without decoding every record).
    static let version: UInt32 = 5
    static let headerSize = 16
    static let footerSize = 32
    static let tableEntrySize = 32
    static let alignment = 8
    /// Entity records per LZ4 block: a match decodes one block, so blocks stay small (~2-4 KiB).
    static let entitiesPerBlock = 16
}

/// The sections of an index file, named by a documented enum (as Lucene/tantivy name file components).
/// Id arrays: names, tokens, entities and terms are numbered from 0 in section order.
enum SectionKind: UInt32, CaseIterable {
    /// Build metadata and source provenance (varint-coded; the only section decoded at open).
    case meta = 1
    /// Entity records (`EntityCodec`), `IndexFormat.entitiesPerBlock` to a block, each block LZ4-compressed;
    /// a block is a u32 start offset per record, then the records.
    case entityBlocks = 2
    /// u64 per block + 1: where block b lies in `entityBlocks`.
    case entityBlockOffsets = 3
    /// u32 per block: its decompressed length.
    case entityBlockLengths = 4
    /// Token strings, UTF-8, sorted by bytes, concatenated.
    case tokenText = 5
    /// u32 per token + 1: where token t lies in `tokenText`.
    case tokenTextOffsets = 6
    /// u32 per token: in how many names it occurs.
    case tokenFrequency = 7
    /// u32 per name: its entity.
    case nameEntity = 8
    /// u16 per name: its position among the entity's names.
    case nameSlot = 9
    /// u8 per name: `NameFlags`.
    case nameFlags = 10
    /// u32 per name + 1: where name n's tokens lie in `nameTokens`.
    case nameTokenOffsets = 11
    /// u32 token ids, in name order.
    case nameTokens = 12
    /// u32 per term (character trigrams and phonetic keys), ascending.
    case termKeys = 13
    /// u32 per term + 1: cumulative count of the tokens holding each term (`PackedIDLists.counts`).
    case termOffsets = 14
    /// The tokens holding each term, ascending per term: bit-packed gaps (`PackedIDLists.packed`).
    case termPostings = 15
    /// u32 per token + 1: cumulative count of the names holding each token (`PackedIDLists.counts`).
    case tokenNameOffsets = 16
    /// The names holding each token, ascending per token: bit-packed gaps (`PackedIDLists.packed`).
    case tokenNames = 17
    /// u32 per entity + 1: where entity e's names lie in `entityNames`.
    case entityNameOffsets = 18
    /// u32 name ids of each entity, ascending.
    case entityNames = 19
    /// u32 per token + 1: where token t's terms lie in `tokenTerms`.
    case tokenTermOffsets = 20
    /// u32 terms of each token (`Grams.forEachTerm`), in order.
    case tokenTerms = 21
    /// Entity ids, UTF-8, concatenated in entity order (output order breaks ties by id).
    case entityIDs = 22
    /// u32 per entity + 1: where entity e's id lies in `entityIDs`.
    case entityIDOffsets = 23
    /// What attribute scoring reads of each entity (`ScoringAttributes`), uncompressed: a candidate's
    /// score needs no entity record; only the matches returned decode theirs.
    case entityAttributes = 24
    /// u64 per entity + 1: where entity e's attributes lie in `entityAttributes`.
    case entityAttributeOffsets = 25
    /// Block tables of the term -> tokens lists (`PackedIDLists`): u32 per term + 1 (first block),
    /// u32 per block (first id), u32 per block + 1 (packed offset), u8 per block (bits per gap).
    case termBlockStarts = 26
    case termBlockFirst = 27
    case termBlockOffsets = 28
    case termBlockWidths = 29
    /// Block tables of the token -> names lists, as for terms.
    case tokenNameBlockStarts = 30
    case tokenNameBlockFirst = 31
    case tokenNameBlockOffsets = 32
    case tokenNameBlockWidths = 33
    /// 32 bytes per entity: the SHA-256 of its screening-relevant content (`Entity.contentHash`).
    case entityContentHashes = 34

    var label: String {
        switch self {
        case .meta: "meta"
        case .entityBlocks: "entity records"
        case .entityBlockOffsets: "entity block offsets"
        case .entityBlockLengths: "entity block lengths"
        case .tokenText: "token text"
        case .tokenTextOffsets: "token text offsets"
        case .tokenFrequency: "token frequency"
        case .nameEntity: "name entity"
        case .nameSlot: "name slot"
        case .nameFlags: "name flags"
        case .nameTokenOffsets: "name token offsets"
        case .nameTokens: "name tokens"
        case .termKeys: "term keys"
        case .termOffsets: "term offsets"
        case .termPostings: "term postings"
        case .tokenNameOffsets: "token -> names offsets"
        case .tokenNames: "token -> names"
        case .entityNameOffsets: "entity -> names offsets"
        case .entityNames: "entity -> names"
        case .tokenTermOffsets: "token term offsets"
        case .tokenTerms: "token terms"
        case .entityIDs: "entity ids"
        case .entityIDOffsets: "entity id offsets"
        case .entityAttributes: "entity scoring attributes"
        case .entityAttributeOffsets: "entity attribute offsets"
        case .termBlockStarts: "term block starts"
        case .termBlockFirst: "term block first ids"
        case .termBlockOffsets: "term block offsets"
        case .termBlockWidths: "term block widths"
        case .tokenNameBlockStarts: "token -> names block starts"
        case .tokenNameBlockFirst: "token -> names block first ids"
        case .tokenNameBlockOffsets: "token -> names block offsets"
        case .tokenNameBlockWidths: "token -> names block widths"
        case .entityContentHashes: "entity content hashes"
        }
    }

    /// Bytes per element (1 for byte strings and varint-coded sections).
    var width: Int {
        switch self {
        case .meta, .entityBlocks, .tokenText, .nameFlags, .entityIDs, .entityAttributes, .termPostings, .tokenNames,
             .termBlockWidths, .tokenNameBlockWidths, .entityContentHashes: 1
        case .nameSlot: 2
        case .entityBlockOffsets, .entityAttributeOffsets: 8
        default: 4
        }
    }
}

/// Per-name facts the scorer needs before any entity record is decoded.
public struct NameFlags: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Its entity is scored as a person (a person or of unknown type).
    public static let person = NameFlags(rawValue: 1)
    /// A weak or low-quality alias.
    public static let weak = NameFlags(rawValue: 2)
    /// Written in a script other than Latin: a query in that script compares it there too.
    public static let nativeScript = NameFlags(rawValue: 4)
}

/// What attribute scoring (`AttributeScorer`) reads of a listed entity.
public struct ScoringAttributes: Sendable, Equatable {
    public var birthDates: [String]
    public var gender: String?
    public var nationalities: [String]
    public var documentNumbers: [String]

    public init(birthDates: [String] = [], gender: String? = nil, nationalities: [String] = [], documentNumbers: [String] = []) {
        self.birthDates = birthDates
        self.gender = gender
        self.nationalities = nationalities
        self.documentNumbers = documentNumbers
    }

    public init(_ e: Entity) {
        self.init(birthDates: e.birthDates, gender: e.gender, nationalities: e.nationalities, documentNumbers: e.documents.map(\.number))
    }

    func write(to w: inout ByteWriter) {
        w.strings(birthDates)
        w.optionalString(gender)
        w.strings(nationalities)
        w.strings(documentNumbers)
    }

    static func read(from r: inout ByteReader) throws(IndexError) -> ScoringAttributes {
        ScoringAttributes(birthDates: try r.strings(), gender: try r.optionalString(), nationalities: try r.strings(), documentNumbers: try r.strings())
    }
}

/// Size of one section of an index file, for `vigil index info`.
public struct SectionSize: Sendable, Equatable {
    public var name: String
    public var bytes: Int
}

/// What an index says about itself.
public struct IndexMeta: Sendable, Equatable {
    public var formatVersion: UInt32
    public var buildTime: String
    public var normalizationVersion: UInt32
    public var sources: [SourceProvenance]
    public var entityCount: Int
    public var nameCount: Int
    public var tokenCount: Int
    public var gramCount: Int
}
