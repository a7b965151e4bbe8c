import XCTest
@testable import VigilLists

final class UNConsolidatedXMLTests: XCTestCase {
    static let file2026 = "lists/un/consolidated_2026-02-27.xml"
    static let file2024 = "lists/un/consolidated_2024-11-30.xml"

    func un2026() throws -> LoadedList { try ListFixtures.load(.unXML, Self.file2026) }

    func testCountsAndProvenance2026() throws {
        let list = try un2026()
        XCTAssertEqual(list.count(.person), 730)
        XCTAssertEqual(list.count(.organization), 273)
        XCTAssertEqual(list.entities.count, 1003)
        XCTAssertEqual(Set(list.entities.map(\.id)).count, 1003, "ids are unique")
        XCTAssertTrue(list.entities.allSatisfy { $0.id.hasPrefix("un:") && $0.list == "un" && $0.names.first?.type == .primary })
        XCTAssertEqual(list.provenance.list, "un")
        XCTAssertEqual(list.provenance.format, "un-xml")
        XCTAssertEqual(list.provenance.publicationDate, "2026-02-27")
        XCTAssertEqual(list.provenance.files, [try ListFixtures.path(Self.file2026)])
        // shared/data/MANIFEST.tsv gives the first 16 hex digits of each file's SHA-256.
        XCTAssertEqual(list.provenance.sha256.count, 1)
        XCTAssertTrue(list.provenance.sha256[0].hasPrefix("66b392a4090868d2"), list.provenance.sha256[0])
        XCTAssertEqual(list.provenance.sha256[0].count, 64)
    }

    func testNameTypesAndQualities2026() throws {
        let all = try un2026().entities.flatMap(\.names)
        XCTAssertEqual(all.filter { $0.type == .primary }.count, 1003)
        // 378 NAME_ORIGINAL_SCRIPT values; one (JAMAAH ANSHARUT DAULAH, un:6908835) repeats its primary name.
        XCTAssertEqual(all.filter { $0.type == .originalScript }.count, 377)
        XCTAssertTrue(all.filter { $0.type == .aka && $0.quality != nil }.allSatisfy { $0.quality == "Good" })
        XCTAssertTrue(all.filter { $0.type == .weakAka }.allSatisfy { $0.quality == "Low" })
        XCTAssertGreaterThan(all.filter { $0.type == .weakAka }.count, 600)
        XCTAssertGreaterThan(all.filter { $0.type == .fka }.count, 15, "entity aliases with QUALITY f.k.a.")
    }

    func testOriginalScriptNames() throws {
        let list = try un2026()
        let original = list.entities.flatMap { $0.names(.originalScript) }
        let arabic = original.filter { $0.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }
        let cyrillic = original.filter { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
        XCTAssertEqual(arabic.count, 366)
        XCTAssertEqual(cyrillic.count, 11)

        let umarov = try list.entity("un:2960872")
        XCTAssertEqual(umarov.primaryName, "DOKU KHAMATOVICH UMAROV")
        XCTAssertEqual(umarov.names(.originalScript), ["Умаров Доку Хаматович"])
        // An alias in another script in parentheses becomes a name of its own: "Jin Tiesan (金铁三)".
        let kim = try list.entity("un:6908566")
        XCTAssertEqual(kim.names(.aka), ["Jin Tiesan", "金铁三"])
    }

    func testKnownIndividual() throws {
        // <INDIVIDUAL> DATAID 2962519, QDi.291, as in the raw file.
        let e = try un2026().entity("un:2962519")
        XCTAssertEqual(e.schema, .person)
        XCTAssertEqual(e.primaryName, "IBRAHIM HASSAN TALI AL-ASIRI")
        XCTAssertEqual(e.names(.originalScript), ["إبراهيم حسن طالع العسيري"])
        XCTAssertEqual(e.name("Ibrahim Hasan Talea Aseeri"), EntityName("Ibrahim Hasan Talea Aseeri", type: .aka, quality: "Good"))
        XCTAssertEqual(e.name("Abu Saleh"), EntityName("Abu Saleh", type: .weakAka, quality: "Low"))
        // "Ibrahim Hassan Tali Asiri (إبراهيم حسن طالع عسيري)" is two names.
        XCTAssertNotNil(e.name("Ibrahim Hassan Tali Asiri"))
        XCTAssertNotNil(e.name("إبراهيم حسن طالع عسيري"))
        // DOB a) 19 Apr. 1982 b) 18 Apr. 1982; the Hijri date 24/06/1402 is not converted.
        XCTAssertEqual(e.birthDates, ["1982-04-19", "1982-04-18"])
        XCTAssertEqual(e.birthPlaces, ["Riyadh, Saudi Arabia"])
        XCTAssertEqual(e.nationalities, ["Saudi Arabia"])
        XCTAssertEqual(e.documents, [
            IdentityDocument(type: "Passport", number: "F654645", country: "Saudi Arabia"),
            IdentityDocument(type: "National Identification Number", number: "1028745097", country: "Saudi Arabia"),
        ])
        XCTAssertEqual(e.programs, ["Al-Qaida", "QDi.291"])
        XCTAssertEqual(e.listedOn, "2011-03-24")
        XCTAssertEqual(e.addresses, ["Yemen"])
        XCTAssertNil(e.gender)
        XCTAssertTrue(e.remarks?.hasPrefix("Operative and principal bomb maker") ?? false)
    }

    func testDatesOfBirthByType() throws {
        let list = try un2026()
        // EXACT DATE 1962-03-17 and APPROXIMATELY YEAR 1966 (circa: ±1 year).
        XCTAssertEqual(try list.entity("un:6908006").birthDates, ["1962-03-17", "1965..1967"])
        // BETWEEN FROM_YEAR 1973 TO_YEAR 1974.
        XCTAssertEqual(try list.entity("un:6908021").birthDates, ["1973..1974"])
        // EXACT with only a NOTE "Nov. 1973".
        XCTAssertEqual(try list.entity("un:6907996").birthDates, ["1973-11"])
        // EXACT YEAR 1971, and GENDER Male.
        let badege = try list.entity("un:6907993")
        XCTAssertEqual(badege.birthDates, ["1971"])
        XCTAssertEqual(badege.gender, "male")
        XCTAssertEqual(try list.entity("un:6908473").gender, "female")
        XCTAssertEqual(list.entities.filter { $0.gender == "female" }.count, 2)
        XCTAssertEqual(list.entities.filter { $0.gender == "male" }.count, 52)
    }

    func testAliasListsInParentheses() throws {
        // ALIAS_NAME "حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)" is four names.
        let e = try un2026().entity("un:2983746")
        for name in ["حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul", "أبو شيماء", "Abu-Shaima"] {
            XCTAssertNotNil(e.name(name), name)
        }
        XCTAssertEqual(e.name("Abu-Shaima")?.type, .weakAka)
        // Acronyms in parentheses stay part of the name.
        let aqap = try un2026().entity("un:2881836")
        XCTAssertEqual(aqap.name("Al-Qaida in Yemen (AQY)")?.type, .fka)
    }

    func testKnownEntity() throws {
        let e = try un2026().entity("un:6908402")
        XCTAssertEqual(e.schema, .organization)
        XCTAssertEqual(e.primaryName, "ADF")
        XCTAssertEqual(e.names(.aka), ["Allied Democratic Forces"])
        XCTAssertEqual(e.names(.fka), ["Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda", "ADF/NALU", "NALU"])
        XCTAssertEqual(e.addresses, ["North Kivu, Democratic Republic of the Congo"])
        XCTAssertEqual(e.programs, ["DRC", "CDe.001"])
        XCTAssertEqual(e.listedOn, "2014-06-30")
        // FIRST_NAME holding two names separated by ";".
        let glbc = try un2026().entity("un:6908026")
        XCTAssertEqual(glbc.primaryName, "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)")
        XCTAssertEqual(glbc.name("GREAT LAKES BUSINESS COMPANY (GLBC)")?.type, .aka)
    }

    func testUnreadableDatesAreIssuesWithLines() throws {
        let list = try un2026()
        let path = try ListFixtures.path(Self.file2026)
        // <INDIVIDUAL_DATE_OF_BIRTH> at line 23633: NOTE "Between Aug. and Sep. 1977"; the record is kept.
        XCTAssertEqual(list.issues, [
            RowIssue(.warning, file: path, line: 13391, message: "DATAID 6908703: date of birth '30-35 years old' not understood"),
            RowIssue(.warning, file: path, line: 23633, message: "DATAID 2983746: date of birth 'Between Aug. and Sep. 1977' not understood"),
        ])
        XCTAssertEqual(try list.entity("un:2983746").birthDates, ["1976"])
    }

    func testParses2024AndIdsAreStableAcrossVersions() throws {
        let old = try ListFixtures.load(.unXML, Self.file2024)
        XCTAssertEqual(old.count(.person), 686)
        XCTAssertEqual(old.count(.organization), 193)
        XCTAssertEqual(old.provenance.publicationDate, "2024-11-30")
        XCTAssertTrue(old.provenance.sha256[0].hasPrefix("30092ad94cdc53b9"))
        // The 2024 file writes some alias dates of birth as the text "null": not dates, not issues.
        XCTAssertFalse(old.issues.contains { $0.message.contains("'null'") })
        XCTAssertEqual(old.issues.count, 2)

        let new = try un2026()
        let oldByID = Dictionary(uniqueKeysWithValues: old.entities.map { ($0.id, $0) })
        let common = new.entities.filter { oldByID[$0.id] != nil }
        XCTAssertGreaterThan(common.count, 850)
        XCTAssertEqual(try old.entity("un:2962519").primaryName, try new.entity("un:2962519").primaryName)
    }

    func testMissingFileThrowsFileError() {
        assertThrowsFileError(try ListLoader.load(SourceSpec(format: .unXML, paths: ["/nonexistent/un.xml"])))
    }

    func testBrokenRecordIsAnErrorAndTheOthersAreKept() throws {
        let path = try ListFixtures.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
              <INDIVIDUALS>
                <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>ANNA</FIRST_NAME></INDIVIDUAL>
                <INDIVIDUAL><DATAID>2</DATAID><FIRST_NAME>BROKEN</SECOND_NAME>
                </INDIVIDUAL>
                <INDIVIDUAL><DATAID>3</DATAID><FIRST_NAME>UNCLOSED</FIRST_NAME>
                <INDIVIDUAL><DATAID>4</DATAID><FIRST_NAME>CARL &amp; SONS</FIRST_NAME></INDIVIDUAL>
              </INDIVIDUALS>
            </CONSOLIDATED_LIST>
            """, named: "broken.xml", for: self)
        // libxml2 stops at the first mismatched tag (line 5); the reader then parses record by record. The
        // unclosed record runs up to the next record (line 8), where its data ends early (libxml2 error 5).
        let list = try UNConsolidatedXML.load(path: path)
        XCTAssertEqual(list.entities.map(\.id), ["un:1", "un:4"])
        XCTAssertEqual(try list.entity("un:4").primaryName, "CARL & SONS")
        XCTAssertEqual(list.issues, [
            RowIssue(.error, file: path, line: 5, message: "broken <INDIVIDUAL> record: XML is not well-formed (error 76) at line 5; skipped"),
            RowIssue(.error, file: path, line: 7, message: "broken <INDIVIDUAL> record: XML is not well-formed (error 5) at line 8; skipped"),
        ])
        XCTAssertEqual(list.provenance.publicationDate, "2026-01-01", "root attributes read before the error")
        XCTAssertThrowsError(try IssuePolicy.strict.check([list]))
        XCTAssertNoThrow(try IssuePolicy.lenient.check([list]))

        // A missing end tag of the last record: the record is broken, nothing else is lost.
        let unclosed = try ListFixtures.write("""
            <CONSOLIDATED_LIST>
              <INDIVIDUALS>
                <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME>
              </INDIVIDUALS>
            </CONSOLIDATED_LIST>
            """, named: "unclosed.xml", for: self)
        let one = try UNConsolidatedXML.load(path: unclosed)
        XCTAssertEqual(one.entities.count, 0)
        XCTAssertEqual(one.issues.map(\.line), [3])
        XCTAssertEqual(one.issues.map(\.severity), [.error])

        // Not XML at all, or XML with no record: the file is refused whole.
        let notXML = try ListFixtures.write("not xml at all", named: "plain.xml", for: self)
        XCTAssertEqual(assertThrowsMalformed(try UNConsolidatedXML.load(path: notXML))?.line, 1)
        let noRecords = try ListFixtures.write("<CONSOLIDATED_LIST><INDIVIDUALS></ENTITIES></CONSOLIDATED_LIST>", named: "none.xml", for: self)
        XCTAssertEqual(assertThrowsMalformed(try UNConsolidatedXML.load(path: noRecords))?.reason, "XML is not well-formed (error 76)")
    }

    func testBadRecordsAreIssuesNotDropsOrTraps() throws {
        let path = try ListFixtures.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
              <INDIVIDUALS>
                <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>ANNA</FIRST_NAME><SECOND_NAME>KARLSSON</SECOND_NAME>
                  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-02-31</DATE></INDIVIDUAL_DATE_OF_BIRTH>
                </INDIVIDUAL>
                <INDIVIDUAL><FIRST_NAME>NO ID</FIRST_NAME></INDIVIDUAL>
                <INDIVIDUAL><DATAID>3</DATAID><FIRST_NAME> </FIRST_NAME></INDIVIDUAL>
                <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>DUPLICATE</FIRST_NAME></INDIVIDUAL>
              </INDIVIDUALS>
              <ENTITIES><ENTITY><DATAID>9</DATAID><FIRST_NAME>ACME</FIRST_NAME>
                <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>ACME LTD; ACME LIMITED</ALIAS_NAME></ENTITY_ALIAS>
              </ENTITY></ENTITIES>
            </CONSOLIDATED_LIST>
            """, named: "small.xml", for: self)
        let list = try UNConsolidatedXML.load(path: path)
        XCTAssertEqual(list.entities.map(\.id), ["un:1", "un:9"])
        XCTAssertEqual(try list.entity("un:1").primaryName, "ANNA KARLSSON")
        XCTAssertEqual(try list.entity("un:9").names(.aka), ["ACME LTD", "ACME LIMITED"])
        XCTAssertEqual(list.provenance.publicationDate, "2026-01-01")
        XCTAssertEqual(list.issues.map(\.line), [5, 7, 8, 9])
        XCTAssertEqual(list.issues.map(\.message), [
            "DATAID 1: date of birth '1970-02-31' not understood",
            "INDIVIDUAL has no DATAID; skipped",
            "INDIVIDUAL 3 has no name; skipped",
            "duplicate DATAID 1; this record skipped, the first kept",
        ])
    }
}
