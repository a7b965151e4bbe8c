import XCTest
@testable import VigilLists

final class HMTConsolidatedCSVTests: XCTestCase {
    static let file = "lists/uk/hmt_conlist_2018-04-13.csv"

    func hmt() throws -> LoadedList { try ListFixtures.load(.hmtCSV, Self.file) }

    func testCountsAndProvenance() throws {
        let list = try hmt()
        XCTAssertEqual(list.count(.person), 1426)
        XCTAssertEqual(list.count(.organization), 680)
        XCTAssertEqual(list.entities.count, 2106)
        XCTAssertEqual(Set(list.entities.map(\.id)).count, 2106)
        XCTAssertEqual(list.issues, [])
        XCTAssertEqual(list.provenance.publicationDate, "2018-04-13", "row 1: Last Updated,13/04/2018")
        XCTAssertEqual(list.provenance.format, "hmt-csv")
        XCTAssertTrue(list.provenance.sha256[0].hasPrefix("4402c65f027b678f"))
        // Every group has its prime alias first, and only one primary name.
        XCTAssertTrue(list.entities.allSatisfy { $0.names.first?.type == .primary && $0.names(.primary).count == 1 })
        // 9,487 name rows repeat names once per DOB: 5,548 distinct names per group remain.
        XCTAssertEqual(list.entities.reduce(0) { $0 + $1.names.count }, 5548)
        XCTAssertEqual(list.entities.flatMap { $0.names(.fka) }.count, 9)
    }

    func testPrimeAliasFirstEvenWhenNotTheFirstRow() throws {
        // Group 13349's first row (line 3) is the AKA "Sheikh Farooq AL-QAHTANI"; its Prime Alias comes later.
        let e = try hmt().entity("hmt:13349")
        XCTAssertEqual(e.schema, .person)
        XCTAssertEqual(e.primaryName, "Nayef Salam Muhammad Ujaym AL-HABABI")
        XCTAssertEqual(e.name("Sheikh Farooq AL-QAHTANI")?.type, .aka)
        XCTAssertEqual(e.names.count, 8)
        // 00/00/1980 and 00/00/1981: year only.
        XCTAssertEqual(e.birthDates, ["1980", "1981"])
        XCTAssertEqual(e.birthPlaces, ["Saudi Arabia"])
        XCTAssertEqual(e.nationalities, ["Saudi Arabia", "Qatar"], "1) Saudi Arabia 2) Qatar")
        XCTAssertEqual(e.documents, [IdentityDocument(type: "Passport", number: "592667")])
        XCTAssertEqual(e.programs, ["The ISIL (Da'esh) and Al-Qaida organisations"])
        XCTAssertEqual(e.listedOn, "2016-04-01")
        XCTAssertEqual(e.addresses, ["Afghanistan (since 2009)"])
    }

    func testNameOrderAndFullDate() throws {
        // " IL,Kim Kyong ,...,01/08/1979": Name 1..5 then Name 6 (surname); dd/mm/yyyy.
        let e = try hmt().entity("hmt:13562")
        XCTAssertEqual(e.primaryName, "Kim Kyong IL")
        XCTAssertEqual(e.birthDates, ["1979-08-01"])
        XCTAssertEqual(e.documents, [IdentityDocument(type: "Passport", number: "836210029")])
        XCTAssertEqual(e.addresses, ["Libya"])
        XCTAssertTrue(e.remarks?.contains("Position: Foreign Trade Bank deputy chief representative in Libya") ?? false)
    }

    func testWindows1252IsDecoded() throws {
        let list = try hmt()
        // Byte 0xC9 is É; 0x92 is the right single quotation mark U+2019.
        XCTAssertNotNil(try list.entity("hmt:6963").name("GROUPE ISLAMIQUE ARMÉ"))
        XCTAssertNotNil(try list.entity("hmt:13190").name("Abdallah AL-MU\u{2019}AYYAD"))
        XCTAssertFalse(list.entities.flatMap(\.names).contains { $0.value.contains("\u{FFFD}") })
    }

    func testEntityGroup() throws {
        let e = try hmt().entity("hmt:7247")
        XCTAssertEqual(e.schema, .organization)
        XCTAssertEqual(e.names(.fka), ["LE GROUPE SALAFISTE POUR LA PREDICATION ET LE COMBAT (GSPC)", "SALAFIST GROUP FOR CALL AND COMBAT"])
    }

    func testDocumentsFromFreeText() {
        XCTAssertEqual(HMTDocuments.parse("(1) K929139 (Tunisian). Issued on 14 Feb 1995. Expired on 13 Feb 2000. (2) 00319547 (Tunisian) Issued on 8 December 1994.", type: "Passport"), [
            IdentityDocument(type: "Passport", number: "K929139", country: "Tunisian"),
            IdentityDocument(type: "Passport", number: "00319547", country: "Tunisian"),
        ])
        XCTAssertEqual(HMTDocuments.parse("Passport number:F50859", type: "Passport"), [IdentityDocument(type: "Passport", number: "F50859")])
        XCTAssertEqual(HMTDocuments.parse("Issued on 3 May 2007", type: "Passport"), [])
        XCTAssertEqual(HMTDocuments.parse(nil, type: "Passport"), [])
    }

    func testDayMonthYearWithUnknownParts() {
        XCTAssertEqual(HMTConsolidatedCSV.dmy("17/08/1957"), "1957-08-17")
        XCTAssertEqual(HMTConsolidatedCSV.dmy("00/08/1957"), "1957-08")
        XCTAssertEqual(HMTConsolidatedCSV.dmy("00/00/1957"), "1957")
        XCTAssertNil(HMTConsolidatedCSV.dmy("31/02/1957"))
        XCTAssertNil(HMTConsolidatedCSV.dmy("12/00/1957"))
        XCTAssertNil(HMTConsolidatedCSV.dmy("1957"))
    }

    static let header = "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,Country of Birth,Nationality,Passport Details,NI Number,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,Regime,Listed On,Last Updated,Group ID"

    func testBadRowsAreIssuesWithLines() throws {
        let path = try ListFixtures.write("""
            Last Updated,01/02/2020,,,,,,,,,,,,,,,,,,,,,,,,,,,
            \(Self.header)
            SMITH,John,,,,,,00/00/1970,,,,,,,,,,,,,,,,Individual,AKA,Test,01/01/2020,01/01/2020,1
            DOE,Jane,,,,,,
            SMITH,Johnny,,,,,,45/13/1970,,,,,,,,,,,,,,,,Individual,Prime Alias,Test,01/01/2020,01/01/2020,1
            ,,,,,,,,,,,,,,,,,,,,,,,Entity,AKA,Test,01/01/2020,01/01/2020,2
            ACME,,,,,,,,,,,,,,,,,,,,,,,Entity,Prime Alias,Test,01/01/2020,01/01/2020,
            ACME,,,,,,,,,,,,,,,,,,,,,,,Entity,Nickname,Test,01/01/2020,01/01/2020,3
            """, named: "hmt.csv", for: self)
        let list = try HMTConsolidatedCSV.load(path: path)
        XCTAssertEqual(list.provenance.publicationDate, "2020-02-01")
        XCTAssertEqual(list.entities.map(\.id), ["hmt:1", "hmt:3"])
        let smith = try list.entity("hmt:1")
        XCTAssertEqual(smith.names, [EntityName("Johnny SMITH", type: .primary), EntityName("John SMITH", type: .aka)])
        XCTAssertEqual(smith.birthDates, ["1970"])
        XCTAssertEqual(list.issues.map(\.line), [4, 5, 6, 7, 8])
        XCTAssertEqual(list.issues.map(\.file), Array(repeating: path, count: 5))
        XCTAssertEqual(list.issues[0].message, "row has 8 fields, header has 29; skipped")
        XCTAssertEqual(list.issues[1].message, "Group ID 1: DOB '45/13/1970' is not dd/mm/yyyy")
        XCTAssertEqual(list.issues[2].message, "Group ID 2: row has no name; skipped")
        XCTAssertEqual(list.issues[3].message, "row has no Group ID; skipped")
        XCTAssertEqual(list.issues[4].message, "Group ID 3: unknown Alias Type 'Nickname'; read as AKA")
    }

    func testMissingColumnsAndFiles() throws {
        let path = try ListFixtures.write("Name 6,Name 1\nSMITH,John\n", named: "hmt.csv", for: self)
        let failure = assertThrowsMalformed(try HMTConsolidatedCSV.load(path: path))
        XCTAssertEqual(failure?.line, 1)
        XCTAssertEqual(failure?.reason, "HMT header lacks Group Type, Alias Type, Group ID")
        assertThrowsFileError(try ListLoader.load(SourceSpec(format: .hmtCSV, paths: ["/nonexistent/hmt.csv"])))
    }
}
