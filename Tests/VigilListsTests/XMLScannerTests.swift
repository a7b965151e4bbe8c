import Foundation
import XCTest
@testable import VigilLists

/// `XMLScanner` (the fast reader of xlsx parts) must read what FoundationXML's `XMLParser` reads.
final class XMLScannerTests: XCTestCase {
    func assertSameTrees(_ a: [XMLNode], _ b: [XMLNode], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        for (x, y) in zip(a, b) {
            guard x.name == y.name, x.attributes == y.attributes, x.text == y.text, x.line == y.line, x.children.count == y.children.count else {
                return XCTFail("<\(x.name)> line \(x.line) differs from <\(y.name)> line \(y.line): \(x.attributes) \(y.attributes) '\(x.text)' '\(y.text)'", file: file, line: line)
            }
            assertSameTrees(x.children, y.children, file: file, line: line)
        }
    }

    func testSameRecordsAsXMLParserOnRealFiles() throws {
        for (file, records) in [("lists/un/consolidated_2026-02-27.xml", ["INDIVIDUAL", "ENTITY"]), ("lists/ca/sema-lmes_2020-04.xml", ["record"])] {
            let data = try Data(contentsOf: URL(fileURLWithPath: try ListFixtures.path(file)))
            let fast = try XMLScanner.read(data, path: file, records: Set(records))
            let reference = try XMLRecordReader.read(data, path: file, records: Set(records))
            XCTAssertEqual(fast.root, reference.root, file)
            XCTAssertGreaterThan(fast.records.count, 1000, file)
            assertSameTrees(fast.records, reference.records)
        }
    }

    func testEntitiesCDATANamespacesAndLineEnds() throws {
        let xml = "<?xml version=\"1.0\"?>\r\n<!-- a comment -->\r\n<x:sst xmlns:x=\"urn:x\" xmlns:r=\"urn:r\" count=\"2\">\r\n"
            + "<x:si><x:t xml:space=\"preserve\"> A &amp; B &lt;C&gt; &#233;&#x4E2D; </x:t></x:si>\r\n"
            + "<x:si r:id=\"a&quot;b\"><![CDATA[<raw> & ]]><x:t/></x:si>\r\n</x:sst>"
        let data = Data(xml.utf8)
        let fast = try XMLScanner.read(data, path: "t.xml", records: ["si"])
        XCTAssertEqual(fast.root["count"], "2")
        XCTAssertEqual(fast.records.map(\.line), [4, 5])
        XCTAssertEqual(fast.records[0].child("t")?.text, " A & B <C> é中 ")
        XCTAssertEqual(fast.records[1].attributes["r:id"], "a\"b")
        XCTAssertEqual(fast.records[1].text, "<raw> & ")
        assertSameTrees(fast.records, try XMLRecordReader.read(data, path: "t.xml", records: ["si"]).records)
    }

    func testMalformedXMLIsRefusedWithItsLine() {
        let cases: [(String, Int, String)] = [
            ("<a>\n<b>\n</a>", 3, "XML is not well-formed (</a> closes <b>)"),
            ("<a>\n<b>&nope;</b></a>", 2, "XML is not well-formed (unknown entity &nope;)"),
            ("<a>\n<b x=1/></a>", 2, "XML is not well-formed (attribute x is not quoted)"),
            ("<a><b>", 1, "XML is not well-formed (element <b> is never closed)"),
            ("<a/>\n<b/>", 2, "XML is not well-formed (a second root element)"),
            ("<!DOCTYPE a><a/>", 1, "XML is not well-formed (DTDs are not read)"),
            ("", 1, "XML is not well-formed (no root element)"),
        ]
        for (text, line, reason) in cases {
            let failure = assertThrowsMalformed(try XMLScanner.read(Data(text.utf8), path: "m.xml", records: ["b"]))
            XCTAssertEqual(failure?.line, line, text)
            XCTAssertEqual(failure?.reason, reason, text)
        }
    }
}
