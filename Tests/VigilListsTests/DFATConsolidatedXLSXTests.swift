import XCTest
@testable import VigilLists

final class DFATConsolidatedXLSXTests: XCTestCase {
    static let file = "lists/au/dfat_regulation8_consolidated_2024-12.xlsx"

    func dfat() throws -> LoadedList { try ListFixtures.load(.dfatXLSX, Self.file) }

    func testCounts() throws {
        let list = try dfat()
        XCTAssertEqual(list.entities.count, 3062)
        XCTAssertEqual(list.count(.person), 2316)
        XCTAssertEqual(list.count(.organization), 746)
        XCTAssertEqual(Set(list.entities.map(\.id)).count, 3062)
        XCTAssertTrue(list.entities.allSatisfy { $0.id.hasPrefix("dfat:") && Int($0.id.dropFirst(5)) != nil })
        XCTAssertTrue(list.entities.allSatisfy { $0.names.first?.type == .primary && $0.names(.primary).count == 1 })
        XCTAssertEqual(list.provenance.format, "dfat-xlsx")
        XCTAssertNil(list.provenance.publicationDate, "the workbook states no publication date")
        XCTAssertTrue(list.provenance.sha256[0].hasPrefix("b68a8f5aba965d86"))
        let names = list.entities.flatMap(\.names)
        XCTAssertEqual(names.filter { $0.type == .fka }.count, 4, "3 Formerly known as + 1 Previously listed as")
        // 440 Original Script rows; one repeats a name already in its group.
        XCTAssertEqual(names.filter { $0.type == .originalScript }.count, 439)
    }

    func testOriginalScriptNames() throws {
        let original = try dfat().entities.flatMap { $0.names(.originalScript) }
        let arabic = original.filter { $0.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }
        let cyrillic = original.filter { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
        let han = original.filter { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        XCTAssertEqual(arabic.count, 392)
        XCTAssertEqual(cyrillic.count, 42)
        XCTAssertEqual(han.count, 3)
    }

    func testKnownIndividual() throws {
        // Rows 2-3: Reference 2 (Primary Name) and 2a (Original Script).
        let e = try dfat().entity("dfat:2")
        XCTAssertEqual(e.schema, .person)
        XCTAssertEqual(e.names, [EntityName("MOHAMMAD HASSAN AKHUND", type: .primary), EntityName("محمد حسن أخوند", type: .originalScript)])
        // "a) Approximately 1955- 1958 b) Approximately 1945-1950"
        XCTAssertEqual(e.birthDates, ["1955..1958", "1945..1950"])
        XCTAssertEqual(e.birthPlaces, ["Pashmul village, Panjwai District, Kandahar Province, Afghanistan"])
        XCTAssertEqual(e.nationalities, ["Afghanistan"])
        XCTAssertEqual(e.addresses, [], "the Address cell says NA")
        XCTAssertEqual(e.programs, ["1988 (Taliban)"])
        XCTAssertEqual(e.listedOn, "2001-01-25", "Listed by UN 1267 Committee on 25 January 2001 (amended ...)")
        XCTAssertTrue(e.remarks?.hasPrefix("Title: a) Mullah b) Haji.") ?? false)
    }

    func testExcelDatesAndYearNumbers() throws {
        let list = try dfat()
        // Date of Birth cell 33867 in a date-formatted style: 1992-09-20 (checked with Python's date arithmetic).
        let yosef = try list.entity("dfat:7969")
        XCTAssertEqual(yosef.primaryName, "Zvi Bar YOSEF")
        XCTAssertEqual(yosef.names(.aka), ["Zvi BAR JOSEPH", "Zvi BAR YOSEPH"])
        XCTAssertEqual(yosef.birthDates, ["1992-09-20"])
        XCTAssertEqual(yosef.nationalities, ["Israeli"])
        // Date of Birth cell 1969 in a General style: a year.
        let dfat8 = try list.entity("dfat:8")
        XCTAssertEqual(dfat8.birthDates, ["1969"])
        XCTAssertEqual(dfat8.names(.originalScript), ["شمس الرحمان عبد الرحمن"])
    }

    func testTextDates() throws {
        let list = try dfat()
        // "14 Mar 1974 >> 13 Apr 1974 >> 14 Apr 1974 >> 1 Aug 1970"
        XCTAssertEqual(try list.entity("dfat:198").birthDates, ["1974-03-14", "1974-04-13", "1974-04-14", "1970-08-01"])
        // "a)1994 b)1993 c)1995 d)1992": markers glued to the years.
        XCTAssertEqual(try list.entity("dfat:3194").birthDates, ["1994", "1993", "1995", "1992"])
        XCTAssertEqual(DFATConsolidatedXLSX.dates(inText: "a) 15/02/1954                      b) 15/02/1957").0, ["1954-02-15", "1957-02-15"])
        XCTAssertEqual(DFATConsolidatedXLSX.date("29-Aprl-1967"), "1967-04-29")
        XCTAssertEqual(DFATConsolidatedXLSX.date("Approximately 1948"), "1947..1949")
        XCTAssertEqual(DFATConsolidatedXLSX.date("Between 1968 and 1970"), "1968..1970")
        XCTAssertEqual(DFATConsolidatedXLSX.date("March 1968 to March 1969"), "1968..1969")
        XCTAssertEqual(DFATConsolidatedXLSX.dates(inText: "c. 1957 or 14 March 1942").0, ["1956..1958", "1942-03-14"])
        XCTAssertEqual(DFATConsolidatedXLSX.dates(inText: "15 May 1968 (as Yasir Sabawi) 1970 (as Ali Thafir Abdallah)").0, ["1968-05-15", "1970"])
        XCTAssertEqual(DFATConsolidatedXLSX.dates(inText: "a) 19 Apr. 1982 b) 18 Apr. 1982 c) 24/06/1402 (Hijri Calendar)").0, ["1982-04-19", "1982-04-18"])
        XCTAssertEqual(DFATConsolidatedXLSX.dates(inText: "01/10/1983,15/10/1983, 01/01/1980").0, ["1983-10-01", "1983-10-15", "1980-01-01"])
        let (dates, unread) = DFATConsolidatedXLSX.dates(inText: "10/061962")
        XCTAssertEqual(dates, [])
        XCTAssertEqual(unread, "10/061962")
    }

    func testUnreadableDatesAreReportedOncePerGroup() throws {
        let list = try dfat()
        XCTAssertEqual(list.issues.count, 6)
        XCTAssertTrue(list.issues.allSatisfy { $0.message.contains("date of birth") })
        // Spreadsheet row 6863: Reference 6960, "10/061962".
        XCTAssertTrue(list.issues.contains { $0.line == 6863 && $0.message.hasPrefix("Reference 6960: date of birth '10/061962'") })
    }

    func testAliasRowsJoinTheirGroupEvenWhenApart() throws {
        let list = try dfat()
        // "2940j" (Chernomorneftegaz CJSC, row 4331) comes after other groups' rows.
        XCTAssertEqual(try list.entity("dfat:2940").name("Chernomorneftegaz CJSC")?.type, .aka)
        // "Formerly known as" rows.
        let adf = try list.entity("dfat:2943")
        XCTAssertEqual(adf.schema, .organization)
        XCTAssertEqual(adf.names(.fka), ["Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda", "ADF/NALU", "NALU"])
    }

    func testExcelSerialDays() {
        XCTAssertEqual(XLSXReader.isoDate(serial: 1), "1900-01-01")
        XCTAssertEqual(XLSXReader.isoDate(serial: 59), "1900-02-28")
        XCTAssertNil(XLSXReader.isoDate(serial: 60), "Excel's 1900-02-29 never was")
        XCTAssertEqual(XLSXReader.isoDate(serial: 61), "1900-03-01")
        XCTAssertEqual(XLSXReader.isoDate(serial: 25569), "1970-01-01")
        XCTAssertEqual(XLSXReader.isoDate(serial: 45498), "2024-07-25")
        XCTAssertEqual(XLSXReader.isoDate(serial: 36585.75), "2000-02-29")
        XCTAssertNil(XLSXReader.isoDate(serial: 0))
        XCTAssertNil(XLSXReader.isoDate(serial: .nan))
        XCTAssertNil(XLSXReader.isoDate(serial: 1e12))
        XCTAssertEqual(XLSXReader.columnIndex("A1"), 0)
        XCTAssertEqual(XLSXReader.columnIndex("AB12"), 27)
        XCTAssertNil(XLSXReader.columnIndex("12"))
        XCTAssertTrue(XLSXReader.isDateFormat("dd/mm/yyyy;@"))
        XCTAssertTrue(XLSXReader.isDateFormat("[$-C09]d\\ mmmm\\ yyyy;@"))
        XCTAssertFalse(XLSXReader.isDateFormat("0.00"))
        XCTAssertFalse(XLSXReader.isDateFormat("\"day\" 0"))
    }

    // MARK: - A workbook written here: inline strings, shared strings, numbers, bad rows

    func testSmallWorkbook() throws {
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Type</t></is></c><c r="D1" t="inlineStr"><is><t>Name Type</t></is></c><c r="E1" t="inlineStr"><is><t>Date of Birth</t></is></c><c r="F1" t="inlineStr"><is><t>Citizenship</t></is></c></row>
            <row r="2"><c r="A2"><v>7</v></c><c r="B2" t="inlineStr"><is><r><t>Ivan </t></r><r><t>PETROV</t></r></is></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="inlineStr"><is><t>Primary Name</t></is></c><c r="E2" s="1"><v>25569</v></c><c r="F2" t="inlineStr"><is><t>a) Russian b) Latvian</t></is></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>7a</t></is></c><c r="B4" t="inlineStr"><is><t>Иван Петров</t></is></c><c r="C4" t="s"><v>2</v></c><c r="D4" t="inlineStr"><is><t>Original script </t></is></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t>x9</t></is></c><c r="B5" t="inlineStr"><is><t>No Reference</t></is></c></row>
            <row r="6"><c r="A6" t="inlineStr"><is><t>8</t></is></c><c r="C6" t="s"><v>2</v></c></row>
            <row r="7"><c r="A7" t="inlineStr"><is><t>9</t></is></c><c r="B7" t="inlineStr"><is><t>ACME</t></is></c><c r="C7" t="inlineStr"><is><t>Entity</t></is></c><c r="D7" t="inlineStr"><is><t>Primary Name</t></is></c><c r="E7"><v>1969</v></c></row>
            </sheetData></worksheet>
            """
        let strings = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Reference</t></si><si><t>Name of Individual or Entity</t></si><si><r><t>Indiv</t></r><r><t>idual</t></r><rPh><t>phonetic</t></rPh></si></sst>
            """
        let styles = """
            <?xml version="1.0" encoding="UTF-8"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="166" formatCode="dd/mm/yyyy;@"/></numFmts>
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="166"/></cellXfs></styleSheet>
            """
        let dir = try ListFixtures.temporaryDirectory(for: self)
        let path = dir.appendingPathComponent("small.xlsx").path
        try StoredZip.write(path: path, entries: [
            ("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles),
        ])
        let list = try DFATConsolidatedXLSX.load(path: path)
        XCTAssertEqual(list.entities.map(\.id), ["dfat:7", "dfat:9"])
        let ivan = try list.entity("dfat:7")
        XCTAssertEqual(ivan.schema, .person)
        XCTAssertEqual(ivan.names, [EntityName("Ivan PETROV", type: .primary), EntityName("Иван Петров", type: .originalScript)])
        XCTAssertEqual(ivan.birthDates, ["1970-01-01"])
        XCTAssertEqual(ivan.nationalities, ["Russian", "Latvian"])
        XCTAssertEqual(try list.entity("dfat:9").birthDates, ["1969"])
        XCTAssertEqual(list.issues.map(\.line), [5, 6], "spreadsheet row numbers")
        XCTAssertEqual(list.issues.map(\.message), ["row has no numeric Reference ('x9'); skipped", "Reference 8 has no name; skipped"])
    }

    func testNotAnXLSXAndMissingFile() throws {
        let path = try ListFixtures.write("Reference,Name\n1,A\n", named: "fake.xlsx", for: self)
        let failure = assertThrowsMalformed(try DFATConsolidatedXLSX.load(path: path))
        XCTAssertTrue(failure?.reason.hasPrefix("not an xlsx file") ?? false, failure?.reason ?? "")
        assertThrowsFileError(try ListLoader.load(SourceSpec(format: .dfatXLSX, paths: ["/nonexistent/dfat.xlsx"])))
    }
}

/// Writes a ZIP archive of uncompressed ("stored") entries: enough for an xlsx fixture.
enum StoredZip {
    static func write(path: String, entries: [(String, String)]) throws {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (name, text) in entries {
            let data = Array(text.utf8), nameBytes = Array(name.utf8)
            let crc = crc32(data), offset = UInt32(out.count)
            out += le32(0x0403_4b50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count)) + le16(0)
            out += nameBytes + data
            central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count))
            central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        try Data(out).write(to: URL(fileURLWithPath: path))
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
