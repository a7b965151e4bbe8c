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
        positions.append(contentsOf: [8, bytes.count - 20, bytes.count - 1])
        for p in positions {
            var copy = bytes
            copy[p] ^= 0x5A
            try Data(copy).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try IndexFile.open(path), "flip at \(p) went unnoticed")
        }
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
}
