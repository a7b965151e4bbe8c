import Foundation
import XCTest
@testable import VigilIndex
import VigilLists
import VigilTestSupport

final class IndexFileTests: XCTestCase {
    func index() throws -> SearchIndex { try TestData.ofacUNIndex.get() }

    func testRealListsRoundTripThroughTheFile() throws {
        let idx = try index()
        XCTAssertEqual(idx.meta.entityCount, 15443 + 1003, "OFAC SDN 2024-07-02 + UN 2026-02-27")
        XCTAssertEqual(idx.meta.sources.map(\.list), ["ofac", "un"])
        XCTAssertEqual(idx.meta.sources[0].sha256.count, 4)
        XCTAssertTrue(idx.meta.sources[0].sha256.allSatisfy { $0.count == 64 })
        let putin = try XCTUnwrap(idx.entities.first { $0.id == "ofac:35096" })
        XCTAssertEqual(putin.primaryName, "PUTIN, Vladimir Vladimirovich")
        XCTAssertEqual(putin.birthDates, ["1952-10-07"])
        XCTAssertEqual(putin.gender, "male")
        XCTAssertTrue(putin.names.contains { $0.value == "PUTIN, Vladimir" && $0.type == .aka })
        XCTAssertNoThrow(try idx.checkInvariants())
    }

    func testRarityFavoursRareTokens() throws {
        let idx = try index()
        XCTAssertGreaterThan(idx.rarity(of: "zawahiri"), idx.rarity(of: "mohammed"))
        XCTAssertGreaterThan(idx.rarity(of: "mohammed"), idx.rarity(of: "al"))
    }

    func testPostingsAreSortedAndLeadFromTermToTokenToName() throws {
        let idx = try index()
        let putinNames = Set(idx.names.indices.filter { idx.entities[Int(idx.names[$0].entity)].id == "ofac:35096" }.map(UInt32.init))
        XCTAssertFalse(putinNames.isEmpty)
        let putin = try XCTUnwrap(idx.tokenID("putin"))
        for g in Grams.keys(of: "putin") {
            let p = idx.postings(forGram: g)
            XCTAssertEqual(Array(p), Array(p).sorted())
            XCTAssertTrue(p.contains(putin), "term \(g) lacks the token putin")
        }
        let holders = idx.names(withToken: putin)
        XCTAssertEqual(Array(holders), Array(holders).sorted())
        XCTAssertTrue(putinNames.isSubset(of: Set(holders)))
        XCTAssertTrue(idx.postings(forGram: 0x7A7A7A).isEmpty, "zzz occurs in no token")
        // The phonetic term joins spellings that share few trigrams.
        let hizballah = try XCTUnwrap(Grams.phoneticTerm(of: "hizballah"))
        XCTAssertEqual(Grams.phoneticTerm(of: "hezbollah"), hizballah)
        // The listed "HIZBALLAH" is indexed as the compound's canonical form (Hizb Allah -> hizbullah).
        XCTAssertTrue(idx.postings(forGram: hizballah).contains(try XCTUnwrap(idx.tokenID("hizbullah"))))
    }

    func testGramsCoverWordBoundaries() {
        XCTAssertEqual(Grams.keys(of: "xi").count, 2)  // ^xi, xi$
        XCTAssertEqual(Grams.keys(of: "a").count, 1)  // ^a$
        XCTAssertEqual(Grams.keys(of: "putin").count, 5)
    }

    // MARK: refusing bad files

    func writeSmallIndex() throws -> (String, [UInt8]) {
        var b = IndexBuilder()
        b.add(try ListLoader.load(TestData.unSource))
        let path = TestData.temporaryPath("small-\(UUID().uuidString).vigil")
        try IndexFile.write(b.build(buildTime: "test"), to: path)
        return (path, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    func testTruncatedIndexIsRefused() throws {
        let (path, bytes) = try writeSmallIndex()
        for cut in [0, 7, 100, bytes.count / 2, bytes.count - 1] {
            try Data(bytes.prefix(cut)).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try IndexFile.open(path), "cut at \(cut)") { error in
                guard let e = error as? IndexError else { return XCTFail("not an IndexError: \(error)") }
                switch e {
                case .truncated, .notAnIndex: break
                default: XCTFail("cut at \(cut): unexpected \(e)")
                }
            }
        }
    }

    func testEveryFlippedByteInASampleIsDetected() throws {
        let (path, bytes) = try writeSmallIndex()
        var positions = Array(stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)))
        // Every byte of the header and of the footer (which the file checksum does not cover).
        positions.append(contentsOf: Array(0..<16) + Array((bytes.count - 32)..<bytes.count))
        for p in positions {
            var copy = bytes
            copy[p] ^= 0x5A
            try Data(copy).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try IndexFile.open(path), "flip at \(p) went unnoticed")
        }
    }

    /// Found by Fuzz/FuzzIndexReader: a footer table offset past Int.max trapped (`Int(UInt64)`)
    /// before any checksum was looked at. The fuzzer's crash input, minimized: magic, header, and a
    /// footer whose table offset is 0xBABA...BA.
    func testTableOffsetPastIntMaxIsCorruptNotATrap() throws {
        let bytes: [UInt8] = Array("VIGILIDX".utf8) + [2, 0, 0, 0, 0, 0, 0, 0]
            + [UInt8](repeating: 0xBA, count: 17) + [0x64, 0x69, 0x6D, 0x69, 0, 0, 0] + Array("VIGILEND".utf8)
        let path = TestData.temporaryPath("fuzz-table-offset.vigil")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try IndexFile.open(path)) { XCTAssertNotNil($0 as? IndexError, "\($0)") }
    }

    /// The table's checksum (header and table) recomputed after an edit, as a forger would.
    func resealTable(_ copy: inout [UInt8]) {
        let footer = copy.count - IndexFormat.footerSize
        let table = (0..<8).reduce(0) { $0 | Int(copy[footer + $1]) << (8 * $1) }
        let header = CRC32C.checksum(Array(copy[..<IndexFormat.headerSize]))
        let crc = Array(copy[table..<footer]).withUnsafeBytes { CRC32C.checksum($0, seed: header) }
        for i in 0..<4 { copy[footer + 12 + i] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i))) }
    }

    /// Where section `kind` lies in a file: its table entry, and its bytes' offset and length.
    func locate(_ kind: SectionKind, in bytes: [UInt8]) throws -> (entry: Int, offset: Int, length: Int) {
        let footer = bytes.count - IndexFormat.footerSize
        let table = (0..<8).reduce(0) { $0 | Int(bytes[footer + $1]) << (8 * $1) }
        let count = Int(bytes[footer + 8])
        let entry = try XCTUnwrap((0..<count).map { table + $0 * IndexFormat.tableEntrySize }.first { UInt32(bytes[$0]) == kind.rawValue },
                                  "no \(kind.label) section")
        let field = { (at: Int) in (0..<8).reduce(0) { $0 | Int(bytes[entry + at + $1]) << (8 * $1) } }
        return (entry, field(8), field(16))
    }

    /// `bytes` with section `kind` edited and every checksum made valid again, as a forger would.
    func forged(_ bytes: [UInt8], _ kind: SectionKind, edit: (inout [UInt8], _ offset: Int, _ length: Int) -> Void) throws -> [UInt8] {
        let (entry, offset, length) = try locate(kind, in: bytes)
        var copy = bytes
        edit(&copy, offset, length)
        let crc = CRC32C.checksum(Array(copy[offset..<(offset + length)]))
        for i in 0..<4 { copy[entry + 24 + i] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i))) }
        resealTable(&copy)
        return copy
    }

    /// The same inside the checksummed table (a crafted file): a section offset past Int.max, and one
    /// whose offset + size overflows, are "out of bounds", not a trap.
    func testSectionOffsetPastIntMaxIsCorruptNotATrap() throws {
        let (path, bytes) = try writeSmallIndex()
        let footer = bytes.count - IndexFormat.footerSize
        let table = (0..<8).reduce(0) { $0 | Int(bytes[footer + $1]) << (8 * $1) }
        for (offset, stored) in [(UInt64.max, UInt64(1)), (UInt64(IndexFormat.headerSize), UInt64.max)] {
            var copy = bytes
            for i in 0..<8 {
                copy[table + 8 + i] = UInt8(truncatingIfNeeded: offset >> (8 * UInt64(i)))
                copy[table + 16 + i] = UInt8(truncatingIfNeeded: stored >> (8 * UInt64(i)))
            }
            resealTable(&copy)  // a valid table checksum, so the table is read
            try Data(copy).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try IndexFile.open(path)) { error in
                guard case .corrupt(let reason)? = error as? IndexError else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains("out of bounds"), reason)
            }
        }
    }

    /// Found by Fuzz/FuzzIndexReader (a timeout) in format 2: an LZ4 section whose raw length was
    /// corrupted to 2^31 + 318 allocated 2 GiB and then trapped converting the length to Int32. In
    /// format 3 the lengths are a column of their own, forged here with valid checksums: refused at open.
    func testImpossibleLZ4RawLengthIsCorruptNotAnAllocation() throws {
        let (path, bytes) = try writeSmallIndex()
        for raw in [UInt32(1) << 31 + 318, UInt32.max] {
            let copy = try forged(bytes, .entityBlockLengths) { b, offset, _ in
                for i in 0..<4 { b[offset + i] = UInt8(truncatingIfNeeded: raw >> (8 * UInt32(i))) }
            }
            try Data(copy).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try IndexFile.open(path)) { error in
                guard case .corrupt(let reason)? = error as? IndexError else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains("LZ4"), reason)
            }
        }
    }

    /// A forged file with valid checksums whose ids point past the end: refused at open, since the
    /// columns are read in place without bounds on every access.
    func testForgedIDPastTheEndIsRefusedAtOpen() throws {
        let (path, bytes) = try writeSmallIndex()
        // Packed postings: the last block's first id, and the padding after the packed gaps.
        for kind in [SectionKind.nameTokens, .tokenNameBlockFirst, .entityNames, .nameEntity, .termBlockFirst, .tokenNames, .termPostings] {
            let copy = try forged(bytes, kind) { b, offset, length in
                for i in 0..<4 { b[offset + length - 4 + i] = 0xFF }  // the last id becomes 2^32 - 1
            }
            try Data(copy).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try IndexFile.open(path), kind.label) { error in
                guard case .corrupt? = error as? IndexError else { return XCTFail("\(kind.label): \(error)") }
            }
        }
    }

    /// A forged record (valid checksums, id column edited): open succeeds, as it reads no record;
    /// verify finds that the record and the id column disagree.
    func testVerifyFindsARecordThatDisagreesWithItsColumns() throws {
        let (path, bytes) = try writeSmallIndex()
        let copy = try forged(bytes, .entityIDs) { b, offset, _ in b[offset] ^= 0x20 }
        try Data(copy).write(to: URL(fileURLWithPath: path))
        let index = try IndexFile.open(path)
        XCTAssertThrowsError(try index.verifyRecords()) { error in
            guard case .corrupt(let reason)? = error as? IndexError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("differ"), reason)
        }
    }

    /// Open reads no entity record; verify decodes them all and checks each name's slot.
    func testVerifyDecodesEveryRecord() throws {
        let (path, _) = try writeSmallIndex()
        let index = try IndexFile.open(path)
        XCTAssertNoThrow(try index.verifyRecords())
        XCTAssertEqual(index.entities.count, index.meta.entityCount)
        XCTAssertEqual(Set(index.entities.map(\.id)).count, index.meta.entityCount, "each position decodes its own record")
        let sizes = Dictionary(uniqueKeysWithValues: index.sectionSizes.map { ($0.name, $0.bytes) })
        XCTAssertEqual(sizes["name entity"], 4 * index.meta.nameCount)
        XCTAssertLessThan(sizes["entity records"] ?? 0, index.entities.lengths.reduce(0) { $0 + Int($1) }, "LZ4 pays on entity records")
    }

    func testForeignFileAndOtherVersionAreRefusedWithAdvice() throws {
        let path = TestData.temporaryPath("foreign.vigil")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try IndexFile.open(path)) { XCTAssertEqual($0 as? IndexError, .notAnIndex(path: path)) }

        let (p2, bytes) = try writeSmallIndex()
        var copy = bytes
        copy[8] = 99  // header version
        copy[copy.count - 16] = 99  // footer version
        try Data(copy).write(to: URL(fileURLWithPath: p2))
        XCTAssertThrowsError(try IndexFile.open(p2)) { error in
            XCTAssertEqual(error as? IndexError, .unsupportedVersion(path: p2, found: 99, supported: IndexFormat.version))
            XCTAssertTrue("\(error)".contains("rebuild"))
        }
    }

    func testMissingIndexIsAClearError() {
        XCTAssertThrowsError(try IndexFile.open("/nonexistent/x.vigil")) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/x.vigil"))
        }
    }

    func testWriteReplacesAtomicallyAndLeavesNoTemporaryFile() throws {
        let (path, _) = try writeSmallIndex()
        let dir = (path as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
        XCTAssertNoThrow(try IndexFile.open(path))
    }

    func testCRC32CKnownVector() {
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
    }

    /// The instruction path (or the table where the CPU lacks it) against the bit-by-bit definition,
    /// over lengths and start offsets that exercise the 8-byte loop and its tail, and chained seeds.
    func testCRC32CMatchesTheBitwiseDefinition() {
        func bitwise(_ bytes: ArraySlice<UInt8>, seed: UInt32 = 0) -> UInt32 {
            var c = ~seed
            for b in bytes {
                c ^= UInt32(b)
                for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
            }
            return ~c
        }
        var rng = SystemRandomNumberGenerator()
        let data = (0..<4_099).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for start in 0..<9 {
            for length in [0, 1, 7, 8, 9, 63, 64, 65, 1_000, 4_090 - start] {
                let slice = data[start..<(start + length)]
                XCTAssertEqual(Array(slice).withUnsafeBytes { CRC32C.checksum($0) }, bitwise(slice), "start \(start) length \(length)")
            }
        }
        let first = CRC32C.checksum(Array(data[..<1_000]))
        XCTAssertEqual(Array(data[1_000...]).withUnsafeBytes { CRC32C.checksum($0, seed: first) }, CRC32C.checksum(data))
    }
}
