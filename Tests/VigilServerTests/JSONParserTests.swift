import VigilServer
import XCTest

final class JSONParserTests: XCTestCase {
    func testValues() throws {
        XCTAssertEqual(
            try JSONParser.parse(#" {"a":[1,-0.5e+3,true,false,null,"x"],"b":{},"c":[]} "#),
            .object([
                "a": .array([.number("1"), .number("-0.5e+3"), .bool(true), .bool(false), .null, .string("x")]),
                "b": .object([:]), "c": .array([]),
            ]))
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00ж""#), .string("a\"b\\c/d\u{8}\u{c}\n\r\té😀ж"))
    }

    func testInvalidInputs() {
        let cases = [
            "", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul",
            "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\u{1}b\"", "{\"a\":1,\"a\":2}",
            "1 2", "{} x", String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "NaN", "'a'",
        ]
        for text in cases {
            XCTAssertThrowsError(try JSONParser.parse(text), "should refuse: \(text)")
        }
        XCTAssertNoThrow(try JSONParser.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)))
    }

    func testUTF8Validation() {
        let cases: [(bytes: [UInt8], firstBad: Int?)] = [
            (Array("héllo ж 😀".utf8), nil),
            ([0x61, 0xC3, 0x28], 1),  // bad continuation
            ([0xC0, 0xAF], 0),  // overlong
            ([0xE0, 0x80, 0xAF], 0),  // overlong
            ([0xED, 0xA0, 0x80], 0),  // surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // past U+10FFFF
            ([0x61, 0xE2, 0x82], 1),  // truncated
            ([0x80], 0),
        ]
        for c in cases {
            let found = c.bytes.withUnsafeBytes { UTF8Check.firstInvalidByte(in: $0) }
            XCTAssertEqual(found, c.firstBad, "\(c.bytes)")
        }
    }
}
