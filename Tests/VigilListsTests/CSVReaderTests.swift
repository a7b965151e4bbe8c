import XCTest
@testable import VigilLists

final class CSVReaderTests: XCTestCase {
    func records(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> [[String]] {
        let url = try ListFixtures.temporaryDirectory(for: self).appendingPathComponent("f.csv")
        try Data(bytes).write(to: url)
        let reader = CSVReader(source: try ByteSource(path: url.path, chunkSize: chunkSize))
        var out: [[String]] = []
        while let r = try reader.next() { out.append(r.fields) }
        return out
    }

    func testByteOrderMarkNeedsAllThreeBytes() throws {
        XCTAssertEqual(try records([0xEF, 0xBB, 0xBF] + Array("id,name\n".utf8)), [["id", "name"]])
        // U+FF01 (！) is EF BC 81: only its first byte is the BOM's; nothing may be skipped.
        XCTAssertEqual(try records(Array("！a,b\n".utf8)), [["！a", "b"]])
        XCTAssertEqual(try records([0xEF, 0xBB, 0x41, 0x0A]).first?.first?.unicodeScalars.last, "A", "a cut BOM is data")
        XCTAssertEqual(try records([0xEF, 0xBB]).count, 1, "a two-byte file does not read past its end")
    }

    /// Chunk boundaries fall inside quoted fields, `""` escapes and CRLF pairs: same records at any chunk size.
    func testChunkBoundariesChangeNothing() throws {
        let text = "1,\"AL-QAIDA, \"\"The Base\"\"\",x\r\n2,\"multi\nline\",y\r\n\r\n3,plain,\"\"\n"
        let whole = try records(Array(text.utf8))
        XCTAssertEqual(whole, [["1", "AL-QAIDA, \"The Base\"", "x"], ["2", "multi\nline", "y"], ["3", "plain", ""]])
        for size in [4, 5, 7, 16] {
            XCTAssertEqual(try records(Array(text.utf8), chunkSize: size), whole, "chunk size \(size)")
        }
    }

    func testLineNumbersCountQuotedLineBreaks() throws {
        let path = try ListFixtures.write("a,\"b\nc\"\r\nd,e\n", named: "l.csv", for: self)
        let reader = try CSVReader(path: path)
        XCTAssertEqual(try reader.next()?.line, 1)
        XCTAssertEqual(try reader.next()?.line, 3)
        XCTAssertNil(try reader.next())
    }
}
