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

/// On-disk layout (all integers little-endian):
///
///     header  "VIGILIDX" | u32 format version | u32 reserved
///     sections, each LZ4-compressed or raw
///     table   per section: u32 kind | u32 codec | u64 offset | u64 stored length | u64 raw length | u32 CRC32C(stored)
///     footer  u64 table offset | u32 section count | u32 CRC32C(bytes before footer) | u32 version | u32 reserved | "VIGILEND"
///
/// The footer is last so a truncated file is caught before anything else is read.
enum IndexFormat {
    static let magic: [UInt8] = Array("VIGILIDX".utf8)
    static let endMagic: [UInt8] = Array("VIGILEND".utf8)
    /// 2: term postings point to tokens (1 pointed to names).
    static let version: UInt32 = 2
    static let headerSize = 16
    static let footerSize = 32
    static let tableEntrySize = 36

    enum Codec: UInt32 { case raw = 0, lz4 = 1 }
}

/// The sections of an index file, named by a documented enum (as Lucene/tantivy name file components).
enum SectionKind: UInt32, CaseIterable {
    /// Build metadata and source provenance.
    case meta = 1
    /// Entity records with every attribute (explanations and attribute scoring need them).
    case entities = 2
    /// Token dictionary: sorted token strings with their document frequency.
    case tokens = 3
    /// Per listed name: entity, name slot and token ids.
    case names = 4
    /// Term dictionary (character trigrams and phonetic keys) and delta-encoded postings of token ids.
    case grams = 5

    var label: String { "\(self)" }
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
