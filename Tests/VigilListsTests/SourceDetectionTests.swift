import XCTest
@testable import VigilLists

/// `--source PATH` without `FORMAT=`, and OFAC sources given as a directory.
final class SourceDetectionTests: XCTestCase {
    func testDetectsEveryRealFormat() throws {
        let cases: [(String, ListFormat)] = [
            ("lists/ofac/sdn_2024-07-02.csv", .ofacCSV),
            ("lists/ofac/alt_2025-01-06.csv", .ofacCSV),
            ("lists/ofac/2021-07-07", .ofacCSV),
            ("lists/ofac/consolidated_2025-12-19", .ofacConsCSV),
            ("lists/ofac/consolidated_2025-12-19/cons_prim.csv", .ofacConsCSV),
            ("lists/un/consolidated_2026-02-27.xml", .unXML),
            ("lists/au/dfat_regulation8_consolidated_2024-12.xlsx", .dfatXLSX),
            ("lists/uk/hmt_conlist_2018-04-13.csv", .hmtCSV),
            ("lists/ca/sema-lmes_2020-04.xml", .semaXML),
            ("opensanctions/sa_wiki_peps_v2_entities.ftm_2024-03.json", .ftmJSON),
            ("opensanctions/yente_fixtures/zala_entities.ftm.json", .ftmJSON),
            ("opensanctions/interpol_red_notices_targets.simple_2025-05.csv", .targetsCSV),
            ("opensanctions/us_congress_senzing_2026-01.json", .senzingJSON),
        ]
        for (file, format) in cases {
            let path = try ListFixtures.path(file)
            XCTAssertEqual(try SourceSpec(parsing: path), SourceSpec(format: format, paths: [path]), file)
        }
        let csv = try ListFixtures.write("id,name,aliases\n1,Anna Berg,\n", named: "mine.csv", for: self)
        XCTAssertEqual(try SourceSpec(parsing: csv).format, .csv)
        let jsonl = try ListFixtures.write("{\"id\": \"1\", \"name\": \"Anna Berg\"}\n", named: "mine.jsonl", for: self)
        XCTAssertEqual(try SourceSpec(parsing: jsonl).format, .jsonl)
        // Explicit formats still win, and a comma list of OFAC files detects as one source.
        XCTAssertEqual(try SourceSpec(parsing: "csv=\(csv)"), SourceSpec(format: .csv, paths: [csv]))
        let sdn = try ListFixtures.path("lists/ofac/sdn_2024-07-02.csv"), alt = try ListFixtures.path("lists/ofac/alt_2025-01-06.csv")
        XCTAssertEqual(try SourceSpec(parsing: "\(sdn),\(alt)"), SourceSpec(format: .ofacCSV, paths: [sdn, alt]))
    }

    func testUnsureIsAClearErrorListingTheFormats() throws {
        let text = try ListFixtures.write("just some notes\nnothing tabular\n", named: "notes.txt", for: self)
        XCTAssertThrowsError(try SourceSpec(parsing: text)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("cannot tell the list format of \(text): "), message)
            XCTAssertTrue(message.contains("give it as FORMAT=\(text) (formats: ofac-csv, ofac-cons-csv, un-xml, dfat-xlsx, hmt-csv, sema-xml, ftm-json, targets-csv, senzing-json, csv, jsonl)"), message)
        }
        let xml = try ListFixtures.write("<?xml version=\"1.0\"?><other/>", named: "other.xml", for: self)
        XCTAssertThrowsError(try SourceSpec(parsing: xml)) { XCTAssertTrue("\($0)".contains("XML, but neither"), "\($0)") }
        let fakeXLSX = try ListFixtures.write("id,name\n", named: "list.xlsx", for: self)
        XCTAssertThrowsError(try SourceSpec(parsing: fakeXLSX)) { XCTAssertTrue("\($0)".contains("not a zip archive"), "\($0)") }
        XCTAssertThrowsError(try SourceSpec(parsing: "/nonexistent/list.csv")) { XCTAssertTrue("\($0)".contains("No such file"), "\($0)") }
        XCTAssertThrowsError(try SourceSpec(parsing: "nope=/x")) { XCTAssertEqual($0 as? SourceSpecError, .unknownFormat("nope")) }
        let sdn = try ListFixtures.path("lists/ofac/sdn_2024-07-02.csv"), un = try ListFixtures.path("lists/un/consolidated_2026-02-27.xml")
        XCTAssertThrowsError(try SourceSpec(parsing: "\(sdn),\(un)")) { XCTAssertTrue("\($0)".contains("looks like ofac-csv but"), "\($0)") }
    }

    func testOFACDirectoryEqualsItsFiles() throws {
        // The repository's data/lists/ofac holds exactly the default pairing (one file per role).
        let dir = ListFixtures.repoRoot.appendingPathComponent("data/lists/ofac").path
        let fromDirectory = try ListLoader.load(try SourceSpec(parsing: "ofac-csv=\(dir)"))
        let fromFiles = try ListFixtures.load(.ofacCSV, OFACLegacyCSVTests.sdn)
        XCTAssertEqual(fromDirectory.entities, fromFiles.entities)
        XCTAssertEqual(fromDirectory.provenance.files.map { $0.split(separator: "/").last! },
                       ["sdn_2024-07-02.csv", "alt_2025-01-06.csv", "add_2025-01-06.csv", "sdn_comments_2025-12-24.csv"])
        XCTAssertEqual(fromDirectory.provenance.sha256, fromFiles.provenance.sha256)
    }

    func testOFACDirectoryOfOneDate() throws {
        // SOURCES.md: 2021-07-07 is a set from a single date: 8,976 entries (4,620 individuals), 11,910 aliases,
        // 13,837 addresses; every alias and address row belongs to an entry (no orphans).
        let list = try ListLoader.load(SourceSpec(format: .ofacCSV, paths: [try ListFixtures.path("lists/ofac/2021-07-07")]))
        XCTAssertEqual(list.entities.count, 8976)
        XCTAssertEqual(list.count(.person), 4620)
        XCTAssertEqual(list.rowCount(.orphan), 0)
        XCTAssertEqual(list.rowCount(.error), 0)
        XCTAssertEqual(list.entities.reduce(0) { $0 + $1.addresses.count }, 13837 - 2397, "2,397 address rows are all -0-")
    }

    func testOFACDirectoryWithTwoFilesOfARoleIsRefused() throws {
        let dir = try ListFixtures.path("lists/ofac")
        XCTAssertThrowsError(try ListLoader.load(SourceSpec(format: .ofacCSV, paths: [dir]))) { error in
            XCTAssertTrue("\(error)".contains("directory holds 3 alias (alt.csv) files (alt_2024-01-08.csv, alt_2025-01-06.csv, alt_2026-06-02.csv); name the files instead"), "\(error)")
        }
    }

    func testOFACRolesFromColumnsWhenNamesSayNothing() throws {
        let dir = try ListFixtures.temporaryDirectory(for: self)
        let files = [
            "a.csv": "10,\"BERG, Anna\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1970; nationality Swe\"\n",
            "b.csv": "10,1,\"aka\",\"BERG, Anne\",-0-\n",
            "c.csv": "10,1,\"Storgatan 1\",\"Stockholm\",\"Sweden\",-0-\n",
            "d.csv": "10,\"den; Gender Female.\"\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let list = try ListLoader.load(SourceSpec(format: .ofacCSV, paths: [dir.path]))
        let e = try list.entity("ofac:10")
        XCTAssertEqual(e.names.map(\.value), ["BERG, Anna", "BERG, Anne"])
        XCTAssertEqual(e.addresses, ["Storgatan 1, Stockholm, Sweden"])
        XCTAssertEqual(e.gender, "female", "comments file (2 columns): the remarks' overflow")
        XCTAssertEqual(e.nationalities, ["Sweden"])
        XCTAssertEqual(e.birthDates, ["1970"])
        XCTAssertEqual(list.issues, [])
        try Data("1,2,3\n".utf8).write(to: dir.appendingPathComponent("e.csv"))
        XCTAssertThrowsError(try ListLoader.load(SourceSpec(format: .ofacCSV, paths: [dir.path]))) { error in
            XCTAssertTrue("\(error)".contains("e.csv:1: cannot tell the role of this file"), "\(error)")
        }
    }
}
