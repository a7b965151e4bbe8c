import XCTest
@testable import VigilIndex
import VigilTestSupport

final class PackedIDListsTests: XCTestCase {
    /// Columns over a writer's arrays, kept alive by the caller's closure.
    func withLists<R>(_ w: PackedIDListsWriter, _ body: (PackedIDLists) throws -> R) rethrows -> R {
        try w.counts.withUnsafeBufferPointer { counts in
            try w.blockStarts.withUnsafeBufferPointer { starts in
                try w.blockFirst.withUnsafeBufferPointer { first in
                    try w.blockOffsets.withUnsafeBufferPointer { offsets in
                        try w.blockWidths.withUnsafeBufferPointer { widths in
                            try w.packed.withUnsafeBufferPointer { packed in
                                try body(PackedIDLists(counts: Column(base: counts.baseAddress, count: counts.count),
                                                       blockStarts: Column(base: starts.baseAddress, count: starts.count),
                                                       blockFirst: Column(base: first.baseAddress, count: first.count),
                                                       blockOffsets: Column(base: offsets.baseAddress, count: offsets.count),
                                                       blockWidths: Column(base: widths.baseAddress, count: widths.count),
                                                       packed: Column(base: packed.baseAddress, count: packed.count)))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Lists of every shape the index holds: empty, single ids, runs of consecutive ids (width 0),
    /// block boundaries (127, 128, 129, 256 ids), gaps up to 2^32 - 2 (width 32).
    func testListsRoundTripAtBlockBoundariesAndExtremeGaps() throws {
        var rng = SystemRandomNumberGenerator()
        var lists: [[UInt32]] = [[], [0], [UInt32.max - 1], [0, UInt32.max - 1], Array(1000..<1128), Array(5..<6_005)]
        for n in [2, 127, 128, 129, 255, 256, 257, 1_000] {
            var ids = Set<UInt32>()
            while ids.count < n { ids.insert(UInt32.random(in: 0..<(n < 200 ? 300 : 1 << 30), using: &rng)) }
            lists.append(ids.sorted())
        }
        var w = PackedIDListsWriter()
        for l in lists { w.append(l) }
        w.finish()
        try withLists(w) { packed in
            XCTAssertEqual(packed.listCount, lists.count)
            for (i, l) in lists.enumerated() {
                XCTAssertEqual(packed.ids(ofList: i), l, "list \(i) of \(l.count) ids")
                XCTAssertEqual(packed.blocks(ofList: i).count, (l.count + 127) / 128)
            }
            XCTAssertNoThrow(try packed.check(lists: lists.count, limit: Int(UInt32.max), "test"))
            // Every id must lie below the limit the index gives (names or tokens).
            XCTAssertThrowsError(try packed.check(lists: lists.count, limit: Int(UInt32.max - 1), "test"))
        }
        // A run of consecutive ids packs to nothing but its first id: 128 ids, zero bits per gap.
        var run = PackedIDListsWriter()
        run.append(Array(UInt32(7)..<135))
        XCTAssertEqual(run.blockWidths, [0])
        XCTAssertEqual(run.packed.count, 0)
    }

    /// A forged gap that makes an id wrap past 2^32 reads as out of order, not as a small id.
    func testWrappingGapIsRefused() throws {
        var w = PackedIDListsWriter()
        w.append([UInt32.max - 10, UInt32.max - 5])
        w.finish()
        // The gap (4, in 3 bits) becomes 255 in 8 bits (still one byte): max - 10 + 256 wraps around.
        XCTAssertEqual(w.blockOffsets, [0, 1])
        w.packed[0] = 0xFF
        w.blockWidths[0] = 8
        XCTAssertThrowsError(try withLists(w) { try $0.check(lists: 1, limit: Int(UInt32.max), "test") }) { error in
            guard case .corrupt(let reason)? = error as? IndexError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("ascending"), reason)
        }
    }

    /// On the real OFAC + UN index, every token's packed names are the names whose tokens hold it.
    func testTokenNamesOfTheRealIndexAreTheNamesHoldingEachToken() throws {
        let idx = try TestData.ofacUNIndex.get()
        var expected = [[UInt32]](repeating: [], count: idx.tokens.count)
        for n in idx.names.indices {
            for t in Set(idx.names.tokens(ofName: n)) { expected[Int(t)].append(UInt32(n)) }
        }
        for t in idx.tokens.indices { XCTAssertEqual(idx.names(withToken: UInt32(t)), expected[t], idx.tokens[t]) }
        let sizes = Dictionary(uniqueKeysWithValues: idx.sectionSizes.map { ($0.name, $0.bytes) })
        let rawBytes = 4 * expected.reduce(0) { $0 + $1.count }
        XCTAssertLessThan(sizes["token -> names"] ?? .max, rawBytes / 2, "bit-packed gaps take under half of raw u32 ids")
    }
}
