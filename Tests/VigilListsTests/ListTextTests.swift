import XCTest
@testable import VigilLists

/// The text helpers the parsers share, and `DateText` (fixed here: it accepted 31 February).
final class ListTextTests: XCTestCase {
    func testSplitEnumerated() {
        XCTAssertEqual(ListText.splitEnumerated("a) Syrian Arab Republic b) State of Palestine"), ["Syrian Arab Republic", "State of Palestine"])
        XCTAssertEqual(ListText.splitEnumerated("(1) Somali (2) Swedish"), ["Somali", "Swedish"])
        XCTAssertEqual(ListText.splitEnumerated("1) Saudi Arabia 2) Qatar"), ["Saudi Arabia", "Qatar"])
        XCTAssertEqual(ListText.splitEnumerated("a) 06/07/1991; b) 06/07/1993"), ["06/07/1991", "06/07/1993"])
        XCTAssertEqual(ListText.splitEnumerated("a)1994 b)1993"), ["1994", "1993"])
        XCTAssertEqual(ListText.splitEnumerated("(1)-(2) Tunisia (3) Libya"), ["Tunisia", "Libya"])
        // Not markers: words in parentheses, a letter inside a word.
        XCTAssertEqual(ListText.splitEnumerated("D 000763 (Afghan)"), ["D 000763 (Afghan)"])
        XCTAssertEqual(ListText.splitEnumerated("MEC Steel Mills (Hmaw Bi/Pyi/Ywama)"), ["MEC Steel Mills (Hmaw Bi/Pyi/Ywama)"])
        XCTAssertEqual(ListText.splitEnumerated("Kim Jong-un)"), ["Kim Jong-un)"])
        XCTAssertEqual(ListText.splitEnumerated(""), [])
    }

    func testCollapsedWhitespace() {
        XCTAssertEqual("  Forces\nDémocratiques \u{A0}Alliées\t".collapsedWhitespace, "Forces Démocratiques Alliées")
        XCTAssertEqual(" \n ".collapsedWhitespace, "")
    }

    func testDateTextChecksDaysInMonth() {
        XCTAssertNil(DateText.parse("31 Feb 1952"))
        XCTAssertNil(DateText.parse("29 Feb 1900"))
        XCTAssertEqual(DateText.parse("29 Feb 2000"), "2000-02-29")
        XCTAssertNil(DateText.parse("31/04/1970"))
        XCTAssertEqual(DateText.parse("30/04/1970"), "1970-04-30")
        XCTAssertEqual(DateText.parse("07 Oct 1952"), "1952-10-07")
        XCTAssertEqual(DateText.parse("circa 1952"), "1951..1953")
        XCTAssertEqual(DateText.parse("1960 to 1962"), "1960..1962")
    }
}
