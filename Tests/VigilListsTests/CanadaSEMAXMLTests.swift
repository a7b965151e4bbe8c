import XCTest
@testable import VigilLists

final class CanadaSEMAXMLTests: XCTestCase {
    static let file = "lists/ca/sema-lmes_2020-04.xml"

    func sema() throws -> LoadedList { try ListFixtures.load(.semaXML, Self.file) }

    func testCountsAndKeys() throws {
        let list = try sema()
        XCTAssertEqual(list.entities.count, 1369)
        XCTAssertEqual(list.count(.person), 985)
        XCTAssertEqual(list.count(.organization), 384)
        XCTAssertEqual(Set(list.entities.map(\.id)).count, 1369, "regulation + schedule + item is unique")
        XCTAssertEqual(list.issues, [])
        XCTAssertEqual(list.provenance.format, "sema-xml")
        XCTAssertTrue(list.provenance.sha256[0].hasPrefix("db1b38c7c3fa1446"))
        XCTAssertEqual(list.entities.first?.id, "sema:burma-s1-1")
        XCTAssertEqual(list.entities.last?.id, "sema:zimbabwe-181")
        XCTAssertEqual(Set(list.entities.map { $0.id.split(separator: ":")[1].split(separator: "-")[0] }),
                       ["burma", "iran", "jvcfor", "nicaragua", "russia", "south", "syria", "ukraine", "venezuela", "zimbabwe"])
    }

    func testKeyParts() {
        XCTAssertEqual(CanadaSEMAXML.slug("Russia / Russie"), "russia")
        XCTAssertEqual(CanadaSEMAXML.slug("South Sudan / Soudan du sud"), "south-sudan")
        XCTAssertEqual(CanadaSEMAXML.slug("Venezuela "), "venezuela")
        XCTAssertEqual(CanadaSEMAXML.slug("Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR) / \u{A0}Règlement (RJVDEC)"), "jvcfor")
        XCTAssertEqual(CanadaSEMAXML.schedule("1"), "s1")
        XCTAssertEqual(CanadaSEMAXML.schedule("1, Part 2"), "s1p2")
        XCTAssertNil(CanadaSEMAXML.schedule("N/A"))
        XCTAssertNil(CanadaSEMAXML.schedule(nil))
    }

    func testEntityWithAliases() throws {
        // <Entity>Htoo Furniture</Entity> <Aliases>Htoo Wood, Htoo Wood Products, ...</Aliases> Schedule 1 Item 7.
        let e = try sema().entity("sema:burma-s1-7")
        XCTAssertEqual(e.schema, .organization)
        XCTAssertEqual(e.primaryName, "Htoo Furniture")
        XCTAssertEqual(e.names(.aka), ["Htoo Wood", "Htoo Wood Products", "Htoo Wood Products Pte. Limited", "Htoo Wood-Based Industry"])
        XCTAssertEqual(e.programs, ["Burma / Birmanie"])
        // A bilingual name gives each language as an alias too.
        let aio = try sema().entity("sema:iran-s1-1")
        XCTAssertEqual(aio.names(.aka), ["Aerospace Industries Organization (AIO)", "Organisation iranienne des industries aérospatiales"])
    }

    func testPersonsAndNameVariants() throws {
        let list = try sema()
        // LastName YUDIN, GivenName Andrey Vyacheslavovich, Aliases "Andrei ", DateOfBirth 1962-04-02.
        let yudin = try list.entity("sema:russia-s1-118")
        XCTAssertEqual(yudin.schema, .person)
        XCTAssertEqual(yudin.names, [EntityName("Andrey Vyacheslavovich YUDIN", type: .primary), EntityName("Andrei Vyacheslavovich YUDIN", type: .aka)])
        XCTAssertEqual(yudin.birthDates, ["1962-04-02"])
        // "Aleksei, Oleksii SALYAYEV, SALIAIEV": a given-name variant, a full name, a surname variant.
        XCTAssertEqual(try list.entity("sema:russia-s1-112").names(.aka), [
            "Aleksei Mikhailovich SALYAEV", "Oleksii SALYAYEV", "Aleksey Mikhailovich SALIAIEV",
        ])
        // A call sign is a weak alias of its own: Arseny PAVLOV, "Motorola".
        XCTAssertEqual(try list.entity("sema:ukraine-s1-83").names(.weakAka), ["Motorola"])
        // Full-name aliases elsewhere stay as written.
        XCTAssertEqual(try list.entity("sema:syria-s2-121").names(.aka), ["Asma Fawaz Al Akhras"])
        XCTAssertEqual(try list.entity("sema:russia-s1-43").names(.aka), ["Igor STRELKOV"])
    }

    func testDatesOfBirth() throws {
        let list = try sema()
        let years = list.entities.flatMap(\.birthDates)
        XCTAssertEqual(years.count, 213, "212 DateOfBirth elements, one with two dates")
        XCTAssertTrue(years.contains("1964-03"))
        XCTAssertTrue(list.entities.contains { $0.birthDates == ["1972-08-10", "1972-08-11"] })
    }

    func testBadRecordsAndFiles() throws {
        let path = try ListFixtures.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <data-set>
              <record><Country>Iran</Country><Entity>Good Co</Entity><Schedule>1</Schedule><Item>1</Item></record>
              <record><Country>Iran</Country><Entity>No Item</Entity><Schedule>1</Schedule></record>
              <record><Country>Iran</Country><Schedule>1</Schedule><Item>2</Item></record>
              <record><Country>Iran</Country><Entity>Repeat</Entity><Schedule>1</Schedule><Item>1</Item></record>
              <record><Country>Iran</Country><LastName>Doe</LastName><DateOfBirth>soon</DateOfBirth><Schedule>1</Schedule><Item>3</Item></record>
            </data-set>
            """, named: "sema.xml", for: self)
        let list = try CanadaSEMAXML.load(path: path)
        XCTAssertEqual(list.entities.map(\.id), ["sema:iran-s1-1", "sema:iran-s1-3"])
        XCTAssertEqual(list.issues.map(\.line), [4, 5, 6, 7])
        XCTAssertEqual(list.issues.last?.message, "record iran-s1-3: DateOfBirth 'soon' not understood")
        assertThrowsFileError(try ListLoader.load(SourceSpec(format: .semaXML, paths: ["/nonexistent/sema.xml"])))
        let empty = try ListFixtures.write("<data-set></data-set>", named: "empty.xml", for: self)
        assertThrowsMalformed(try CanadaSEMAXML.load(path: empty))
    }
}
