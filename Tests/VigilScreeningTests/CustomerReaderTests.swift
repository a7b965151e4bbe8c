import Foundation
import XCTest
@testable import VigilScreening
import VigilTestSupport

final class CustomerReaderTests: XCTestCase {
    func write(_ text: String, _ name: String = "c.csv") throws -> String {
        let path = TestData.temporaryPath(UUID().uuidString + "-" + name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func rows(_ path: String) throws -> [CustomerRow] {
        let r = try CustomerReader(path: path)
        var out: [CustomerRow] = []
        while let row = try r.next() { out.append(row) }
        return out
    }

    func testBadRowsCarryTheirLineAndAreNotDropped() throws {
        let path = try write("""
        id,name,gender,birth_date,nationality
        c1,Vladimir Putin,male,1952-10-07,RU
        c2,,,,
        c3,"Smith, John",male,1975-13-45,GB
        c4,Too Few
        c5,"Multi
        Line Name",female,1980-01-01,FR
        c6,Ana,x-unknown,1980,ES

        """)
        let r = try rows(path)
        XCTAssertEqual(r.map(\.customer.id), ["c1", "c2", "c3", "c4", "c5", "c6"])
        XCTAssertEqual(r.map(\.line), [2, 3, 4, 5, 6, 8])
        XCTAssertEqual(r[0].errors, [])
        XCTAssertEqual(r[0].customer.birthDate, "1952-10-07")
        XCTAssertEqual(r[1].errors, ["missing name"])
        XCTAssertFalse(r[1].isScreenable)
        XCTAssertEqual(r[2].customer.name, "Smith, John")
        XCTAssertTrue(r[2].errors.first?.contains("1975-13-45") ?? false)
        XCTAssertNil(r[2].customer.birthDate)
        XCTAssertTrue(r[2].isScreenable, "a bad date does not stop the name being screened")
        XCTAssertEqual(r[3].errors, ["expected 5 fields, found 2"])
        XCTAssertEqual(r[4].customer.name, "Multi\nLine Name")
        XCTAssertTrue(r[5].errors.first?.contains("gender") ?? false)
    }

    func testSemicolonsBOMAndOtherHeaderSpellings() throws {
        let path = try write("\u{FEFF}Customer ID;First Name;Last Name;DOB\nx1;Ivan;Petrov;1970-02-03\n")
        let r = try rows(path)
        XCTAssertEqual(r.count, 1)
        XCTAssertEqual(r[0].customer.id, "x1")
        XCTAssertEqual(r[0].customer.name, "Ivan Petrov")
        XCTAssertEqual(r[0].customer.birthDate, "1970-02-03")
    }

    func testJSONLines() throws {
        let path = try write("""
        {"id":"j1","name":"Kim Jong Un","birth_date":"1984-01-08"}
        not json
        {"id":2,"name":"Ana"}

        """, "c.jsonl")
        let r = try rows(path)
        XCTAssertEqual(r.map(\.customer.id), ["j1", "", "2"])
        XCTAssertEqual(r.map(\.line), [1, 2, 3])
        XCTAssertEqual(r[1].errors, ["not a JSON object"])
    }

    func testUnreadableFilesGiveClearErrors() throws {
        XCTAssertThrowsError(try CustomerReader(path: "/nonexistent/customers.csv")) { e in
            XCTAssertTrue("\(e)".contains("/nonexistent/customers.csv"))
        }
        let utf16 = TestData.temporaryPath("u16.csv")
        try Data([0xFF, 0xFE] + Array("i\0d\0".utf8)).write(to: URL(fileURLWithPath: utf16))
        XCTAssertThrowsError(try CustomerReader(path: utf16)) { XCTAssertTrue("\($0)".contains("UTF-16")) }
        let noName = try write("id,email\n1,a@b.c\n")
        XCTAssertThrowsError(try CustomerReader(path: noName)) { XCTAssertTrue("\($0)".contains("'name'")) }
        let empty = try write("")
        XCTAssertThrowsError(try CustomerReader(path: empty)) { XCTAssertTrue("\($0)".contains("header")) }
    }
}
