import XCTest
@testable import VigilLists

final class OFACLegacyCSVTests: XCTestCase {
    static let sdn = [
        "lists/ofac/sdn_2024-07-02.csv", "lists/ofac/alt_2025-01-06.csv",
        "lists/ofac/add_2025-01-06.csv", "lists/ofac/sdn_comments_2025-12-24.csv",
    ]
    static let consolidated = ["cons_prim", "cons_alt", "cons_add", "cons_comments"].map { "lists/ofac/consolidated_2025-12-19/\($0).csv" }

    func sdn() throws -> LoadedList { try ListFixtures.load(.ofacCSV, Self.sdn) }

    func testCounts() throws {
        let list = try sdn()
        XCTAssertEqual(list.entities.count, 15443)
        XCTAssertEqual(list.count(.person), 6927)
        XCTAssertEqual(list.count(.organization), 7270)
        XCTAssertEqual(list.count(.vessel), 872)
        XCTAssertEqual(list.count(.aircraft), 374)
        XCTAssertEqual(Set(list.entities.map(\.id)).count, 15443)
        XCTAssertEqual(list.provenance.list, "ofac")
        XCTAssertEqual(list.provenance.sha256.count, 4)
        XCTAssertTrue(list.provenance.sha256[0].hasPrefix("fb6a6ff6e93643d4"))
    }

    func testPutin() throws {
        let e = try sdn().entity("ofac:35096")
        XCTAssertEqual(e.primaryName, "PUTIN, Vladimir Vladimirovich")
        XCTAssertEqual(e.schema, .person)
        XCTAssertEqual(e.birthDates, ["1952-10-07"])
        XCTAssertEqual(e.birthPlaces, ["Leningrad, Russia"])
        XCTAssertEqual(e.gender, "male")
        XCTAssertEqual(e.nationalities, ["Russia"], "nationality Russia; citizen Russia: one value")
        XCTAssertEqual(e.programs, ["RUSSIA-EO14024"])
        XCTAssertEqual(e.name("PUTIN, Vladimir")?.type, .aka, "from alt_2025-01-06.csv")
        XCTAssertTrue(e.addresses.contains("Kremlin, Moscow, Russia"))
    }

    func testCircaDatesAreRanges() throws {
        // "DOB circa 1951; POB Foca, Bosnia-Herzegovina." DateText returned the bare year before the fix.
        let e = try sdn().entity("ofac:7782")
        XCTAssertEqual(e.birthDates, ["1950..1952"])
        XCTAssertEqual(e.birthPlaces, ["Foca, Bosnia-Herzegovina"])
    }

    func testDocumentsFromRemarks() throws {
        let list = try sdn()
        // "... Cedula No. 8011256 (Colombia); a.k.a. 'DON MARIO'."
        let rendon = try list.entity("ofac:11501")
        XCTAssertEqual(rendon.documents, [IdentityDocument(type: "Cedula No", number: "8011256", country: "Colombia")])
        XCTAssertEqual(rendon.birthDates, ["1964-11-12", "1964-12-01"], "DOB and alt. DOB")
        let passports = list.entities.flatMap(\.documents).filter { $0.type == "Passport" }
        XCTAssertGreaterThan(passports.count, 2000)
        // ofac:2676 remarks: "DOB 19 Jun 1951; POB Giza, Egypt; Passport 1084010 (Egypt); alt. Passport 19820215; ..."
        let zawahiri = try list.entity("ofac:2676")
        XCTAssertEqual(zawahiri.primaryName, "AL ZAWAHIRI, Dr. Ayman")
        XCTAssertEqual(zawahiri.documents, [
            IdentityDocument(type: "Passport", number: "1084010", country: "Egypt"),
            IdentityDocument(type: "Passport", number: "19820215"),
        ])
        XCTAssertEqual(zawahiri.birthDates, ["1951-06-19"])
        XCTAssertEqual(zawahiri.birthPlaces, ["Giza, Egypt"])
    }

    func testAliasesFromRemarks() throws {
        let list = try sdn()
        // The alt file has no alias for 11501; "a.k.a. 'DON MARIO'" is only in the remarks.
        XCTAssertEqual(try list.entity("ofac:11501").names, [EntityName("RENDON HERRERA, Daniel", type: .primary), EntityName("DON MARIO", type: .aka)])
        let ulanUde = try list.entity("ofac:35862")
        XCTAssertEqual(ulanUde.name("AO U-UAZ")?.type, .aka)
        XCTAssertEqual(ulanUde.documents.first, IdentityDocument(type: "Tax ID No", number: "0323018510", country: "Russia"))
    }

    func testOrphanRowsAreCountedNotDropped() throws {
        let list = try sdn()
        // alt_2025-01-06 has 1,109 rows for 704 entities designated after 2024-07-02; add has 1,852.
        let alias = try XCTUnwrap(list.issues.first { $0.file.hasSuffix("alt_2025-01-06.csv") })
        XCTAssertTrue(alias.message.hasPrefix("1109 rows refer to ent_nums absent from the primary file"), alias.message)
        let address = try XCTUnwrap(list.issues.first { $0.file.hasSuffix("add_2025-01-06.csv") })
        XCTAssertTrue(address.message.hasPrefix("1852 rows"), address.message)
    }

    func testConsolidatedList() throws {
        let list = try ListFixtures.load(.ofacConsCSV, Self.consolidated)
        XCTAssertEqual(list.entities.count, 442)
        XCTAssertEqual(list.count(.person), 79)
        XCTAssertTrue(list.entities.allSatisfy { $0.id.hasPrefix("ofac-cons:") && Int($0.id.dropFirst("ofac-cons:".count)) != nil })
        XCTAssertEqual(list.provenance.list, "ofac-cons")
        XCTAssertTrue(list.provenance.sha256[0].hasPrefix("7027f6656b7815e3"))
    }

    func testMissingFiles() {
        assertThrowsFileError(try ListLoader.load(SourceSpec(format: .ofacCSV, paths: ["/nonexistent/sdn.csv"])))
        XCTAssertThrowsError(try ListLoader.load(SourceSpec(format: .ofacCSV, paths: ["/tmp/alt.csv"]))) { error in
            guard case ListError.missingFile? = error as? ListError else { return XCTFail("\(error)") }
        }
    }

    func testBadPrimaryRowIsAnIssueWithLine() throws {
        let path = try ListFixtures.write("""
            36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-
            abc,"NO NUMBER",individual
            37,-0-,individual
            """, named: "sdn.csv", for: self)
        let list = try ListLoader.load(SourceSpec(format: .ofacCSV, paths: [path]))
        XCTAssertEqual(list.entities.map(\.id), ["ofac:36"])
        XCTAssertEqual(list.issues.map(\.line), [2, 3])
    }
}
