import XCTest
@testable import VigilLists

final class GenericCSVTests: XCTestCase {
    func testGoodCSV() throws {
        let path = try ListFixtures.write("""
            ID,Name,aliases,Schema,birth_date,nationality,gender,id_number,notes
            c1,"PETROV, Ivan",Ivan Petrov; I. Petrov,person,07 Oct 1952,Russia;Latvia,M,AB123; CD456,ignored
            c2,Acme Trading LLC,,ORGANIZATION,,,,,
            c3,Sea Star,,Vessel,,,,IMO 9123456,
            c4,Nameless Schema,,,1960,,female,,
            """, named: "mylist.csv", for: self)
        let list = try ListLoader.load(SourceSpec(parsing: "csv=\(path)"))
        XCTAssertEqual(list.issues, [])
        XCTAssertEqual(list.provenance.list, "mylist")
        XCTAssertEqual(list.provenance.format, "csv")
        XCTAssertEqual(list.provenance.files, [path])
        XCTAssertEqual(list.provenance.sha256.first?.count, 64)
        XCTAssertNil(list.provenance.publicationDate)
        XCTAssertEqual(list.entities.map(\.id), ["mylist:c1", "mylist:c2", "mylist:c3", "mylist:c4"])
        XCTAssertTrue(list.entities.allSatisfy { $0.list == "mylist" })

        let ivan = try list.entity("mylist:c1")
        XCTAssertEqual(ivan.schema, .person)
        XCTAssertEqual(ivan.names, [EntityName("PETROV, Ivan", type: .primary), EntityName("Ivan Petrov", type: .aka), EntityName("I. Petrov", type: .aka)])
        XCTAssertEqual(ivan.birthDates, ["1952-10-07"])
        XCTAssertEqual(ivan.nationalities, ["Russia", "Latvia"])
        XCTAssertEqual(ivan.gender, "male")
        XCTAssertEqual(ivan.documents, [IdentityDocument(type: "ID", number: "AB123"), IdentityDocument(type: "ID", number: "CD456")])
        XCTAssertEqual(try list.entity("mylist:c2").schema, .organization)
        XCTAssertEqual(try list.entity("mylist:c3").schema, .vessel)
        let c4 = try list.entity("mylist:c4")
        XCTAssertEqual(c4.schema, .unknown)
        XCTAssertEqual(c4.birthDates, ["1960"])
        XCTAssertEqual(c4.gender, "female")
    }

    func testBadRowsAreIssuesWithLines() throws {
        let path = try ListFixtures.write("""
            id,name,aliases
            1,Good One,
            2,"Two lines
            in a name",
            3,Too,Many,Fields
            ,No Id,
            4,,
            1,Duplicate,
            5,Short
            6,Fine,alias
            """, named: "bad.csv", for: self)
        let list = try GenericCSV.loadCSV(path: path)
        XCTAssertEqual(list.entities.map(\.id), ["bad:1", "bad:2", "bad:6"])
        XCTAssertEqual(try list.entity("bad:2").primaryName, "Two lines in a name")
        XCTAssertEqual(list.issues, [
            RowIssue(.error, file: path, line: 5, message: "row has 4 fields, header has 3; skipped"),
            RowIssue(.error, file: path, line: 6, message: "row has no id; skipped"),
            RowIssue(.error, file: path, line: 7, message: "id 4 has no name; skipped"),
            RowIssue(.error, file: path, line: 8, message: "duplicate id 1; this row skipped, the first kept"),
            RowIssue(.error, file: path, line: 9, message: "row has 2 fields, header has 3; skipped"),
        ])
    }

    /// A list long enough to be made into entities on several cores keeps file order in its entities
    /// and issues: the first of a repeated id wins, every bad value is reported at its own line.
    func testLongListKeepsFileOrder() throws {
        var rows = ["id,name,birth_date"]
        var expectedIDs: [String] = [], expectedWarnings: [Int] = [], expectedErrors: [Int] = []
        for i in 0..<5_000 {
            let line = rows.count + 1
            let duplicate = i % 11 == 10, badDate = i % 7 == 3
            let id = duplicate ? "p\(i - 1)" : "p\(i)"
            rows.append("\(id),Name \(i),\(badDate ? "someday" : "19\(50 + i % 50)-0\(1 + i % 9)-1\(i % 10)")")
            if duplicate { expectedErrors.append(line); continue }
            expectedIDs.append("long:\(id)")
            if badDate { expectedWarnings.append(line) }
        }
        let path = try ListFixtures.write(rows.joined(separator: "\n"), named: "long.csv", for: self)
        let list = try GenericCSV.loadCSV(path: path)
        XCTAssertEqual(list.entities.map(\.id), expectedIDs)
        XCTAssertEqual(list.issues.filter { $0.severity == .error }.map(\.line), expectedErrors)
        XCTAssertEqual(list.issues.filter { $0.severity == .warning }.map(\.line), expectedWarnings)
        XCTAssertEqual(list.issues.map(\.line), list.issues.map(\.line).sorted())
        XCTAssertEqual(try list.entity("long:p4999").birthDates, ["1999-05-19"])
    }

    func testUnreadableOptionalValuesKeepTheRow() throws {
        let path = try ListFixtures.write("id,name,schema,birth_date,gender\n1,A,Spaceship,someday,x\n", named: "odd.csv", for: self)
        let list = try GenericCSV.loadCSV(path: path)
        XCTAssertEqual(list.entities.map(\.id), ["odd:1"])
        XCTAssertEqual(list.issues.map(\.line), [2, 2, 2])
        XCTAssertEqual(list.issues.map(\.message), [
            "id 1: unknown schema 'Spaceship' (Person, Organization, Vessel, Aircraft)",
            "id 1: birth_date 'someday' not understood",
            "id 1: gender 'x' is neither male nor female; left empty",
        ])
    }

    func testHeaderMustHaveIdAndName() throws {
        let path = try ListFixtures.write("identifier,full_name\n1,A\n", named: "nohead.csv", for: self)
        let failure = assertThrowsMalformed(try GenericCSV.loadCSV(path: path))
        XCTAssertEqual(failure?.line, 1)
        let empty = try ListFixtures.write("", named: "empty.csv", for: self)
        assertThrowsMalformed(try GenericCSV.loadCSV(path: empty))
    }

    func testUnterminatedQuoteIsACSVError() throws {
        let path = try ListFixtures.write("id,name\n1,\"never closed\n2,B\n", named: "quote.csv", for: self)
        XCTAssertThrowsError(try GenericCSV.loadCSV(path: path)) { error in
            guard case ListError.csv(.unterminatedQuote(_, let line))? = error as? ListError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 2)
        }
    }

    func testMissingFile() {
        assertThrowsFileError(try ListLoader.load(SourceSpec(format: .csv, paths: ["/nonexistent/list.csv"])))
        assertThrowsFileError(try ListLoader.load(SourceSpec(format: .jsonl, paths: ["/nonexistent/list.jsonl"])))
    }

    func testListNameIsTheFileStem() {
        XCTAssertEqual(GenericCSV.listName(for: "/tmp/mylist.csv"), "mylist")
        XCTAssertEqual(GenericCSV.listName(for: "/tmp/my.list.v2.jsonl"), "my.list.v2")
        XCTAssertEqual(GenericCSV.listName(for: "noext"), "noext")
        XCTAssertEqual(GenericCSV.listName(for: "/tmp/.hidden"), ".hidden")
    }

    func testOneFilePerSource() throws {
        let spec = SourceSpec(format: .csv, paths: ["/tmp/a.csv", "/tmp/b.csv"])
        assertThrowsMalformed(try ListLoader.load(spec))
    }

    // MARK: - JSON lines

    func testJSONLines() throws {
        let path = try ListFixtures.write("""
            {"id": "p1", "name": "PETROV, Ivan", "aliases": ["Ivan Petrov", "I. Petrov"], "schema": "Person", "birth_date": "1952-10-07", "nationality": "Russia", "gender": "male", "id_number": "AB123"}
            {"id": 42, "name": "Acme", "aliases": "Acme Ltd; Acme Limited", "schema": "organization", "extra": {"nested": true}}

            {"id": "p3", "name": "Broken",
            ["not", "an", "object"]
            {"id": "p4"}
            {"id": "p5", "name": "Bad field", "aliases": {"a": 1}}
            {"id": "p6", "name": null, "aliases": null}
            {"id": "p7", "name": "Last line without newline"}
            """, named: "people.jsonl", for: self)
        let list = try ListLoader.load(SourceSpec(format: .jsonl, paths: [path]))
        XCTAssertEqual(list.provenance.list, "people")
        XCTAssertEqual(list.provenance.format, "jsonl")
        XCTAssertEqual(list.entities.map(\.id), ["people:p1", "people:42", "people:p7"])
        let ivan = try list.entity("people:p1")
        XCTAssertEqual(ivan.names(.aka), ["Ivan Petrov", "I. Petrov"])
        XCTAssertEqual(ivan.birthDates, ["1952-10-07"])
        XCTAssertEqual(ivan.documents, [IdentityDocument(type: "ID", number: "AB123")])
        XCTAssertEqual(try list.entity("people:42").names(.aka), ["Acme Ltd", "Acme Limited"])
        XCTAssertEqual(try list.entity("people:42").schema, .organization)
        XCTAssertEqual(list.issues.map(\.line), [4, 5, 6, 7, 8])
        XCTAssertEqual(list.issues.map(\.message), [
            "not valid JSON; skipped",
            "not a JSON object; skipped",
            "id p4 has no name; skipped",
            "field aliases must be text, a number or an array of text; skipped",
            "id p6 has no name; skipped",
        ])
    }
}
