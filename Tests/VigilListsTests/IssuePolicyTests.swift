import XCTest
@testable import VigilLists

/// Issue severities and the strict / lenient build policy, through the library API a build uses.
final class IssuePolicyTests: XCTestCase {
    /// A generic list with one malformed row (an error), one unreadable date (a warning) and good rows.
    func mixedList() throws -> (LoadedList, String) {
        let path = try ListFixtures.write("""
            id,name,birth_date
            1,Anna Berg,1970
            2,Carl Dahl,sometime
            3,Too,many,fields
            4,Eva Ek,1980-05-01
            """, named: "mixed.csv", for: self)
        return (try ListLoader.load(SourceSpec(format: .csv, paths: [path])), path)
    }

    func testStrictRefusesErrorsLenientSkipsAndReportsThem() throws {
        let (list, path) = try mixedList()
        XCTAssertEqual(list.entities.map(\.id), ["mixed:1", "mixed:2", "mixed:4"], "the warning's record is kept")
        XCTAssertEqual(list.issues.map(\.severity), [.warning, .error])
        XCTAssertEqual(list.rowCount(.error), 1)
        XCTAssertEqual(list.rowCount(.warning), 1)

        XCTAssertThrowsError(try IssuePolicy.strict.check([list])) { error in
            guard case ListError.rejected(let issues)? = error as? ListError else { return XCTFail("\(error)") }
            XCTAssertEqual(issues, [RowIssue(.error, file: path, line: 4, message: "row has 4 fields, header has 3; skipped")])
            XCTAssertTrue("\(error)".contains("\(path):4: error: row has 4 fields"), "\(error)")
        }
        XCTAssertNoThrow(try IssuePolicy.lenient.check([list]))

        // The summary lists every error, and the first warnings.
        let lines = IssueSummary([list], shown: 5).lines(verbose: false)
        XCTAssertEqual(lines, [
            "mixed (csv): 1 error, 1 warning, 0 orphan rows",
            "  \(path):4: error: row has 4 fields, header has 3; skipped",
            "  \(path):3: warning: id 2: birth_date 'sometime' not understood",
        ])
    }

    func testWarningsAndOrphansAreNeverFatal() throws {
        // The default OFAC pairing: 2,966 orphan rows (alias, address and comment rows of entities designated
        // after 2024-07-02), 12 warnings, no error: a strict build goes on.
        let list = try ListFixtures.load(.ofacCSV, OFACLegacyCSVTests.sdn)
        XCTAssertEqual(list.rowCount(.error), 0)
        XCTAssertEqual(list.rowCount(.orphan), 1109 + 1852 + 5)
        XCTAssertEqual(list.issues(.orphan).map(\.rows), [5, 1109, 1852])
        XCTAssertEqual(list.rowCount(.warning), 12)
        XCTAssertNoThrow(try IssuePolicy.strict.check([list]))
        let summary = IssueSummary([list], shown: 2).lines(verbose: false)
        XCTAssertEqual(summary.first, "ofac (ofac-csv): 0 errors, 12 warnings, 2966 orphan rows")
        XCTAssertTrue(summary.contains("  ... 10 more warnings (use --verbose)"), "\(summary)")
        XCTAssertTrue(summary.contains("  ... 1 more orphans (use --verbose)"), "\(summary)")
        XCTAssertEqual(IssueSummary([list], shown: 2).lines(verbose: true).count, 1 + 12 + 3)
    }

    /// `vigil index build` with no source reads these five, strictly: none may have an error.
    func testDefaultListsHaveNoErrors() throws {
        var lists: [LoadedList] = []
        for spec in ListLoader.defaultSources(dataDirectory: ListFixtures.repoRoot.appendingPathComponent("data").path) {
            let files = spec.paths.map { "lists/" + $0.components(separatedBy: "/data/lists/").last! }
            lists.append(try ListFixtures.load(spec.format, files))
        }
        XCTAssertEqual(lists.map(\.provenance.list), ["ofac", "ofac-cons", "un", "dfat", "hmt"])
        for list in lists { XCTAssertEqual(list.issues(.error), [], list.provenance.list) }
        XCTAssertNoThrow(try IssuePolicy.strict.check(lists))
    }

    func testSeverityOfEachParsersIssues() throws {
        // HMT: a short row and a row without a name are errors; an odd Alias Type is a warning.
        let hmt = try ListFixtures.write("""
            Last Updated,13/04/2018
            Name 6,Name 1,Group Type,Alias Type,Group ID,DOB
            BERG,Anna,Individual,Prime Alias,1,00/00/1970
            BERG,Anna,Individual
            ,,Individual,AKA,2,
            DAHL,Carl,Individual,Nickname,3,31/02/1970
            """, named: "hmt.csv", for: self)
        let h = try ListLoader.load(SourceSpec(format: .hmtCSV, paths: [hmt]))
        XCTAssertEqual(h.issues.map(\.severity), [.error, .error, .warning, .warning])
        // SEMA: a record without key is an error, a bad date a warning.
        let sema = try ListFixtures.write("""
            <data-set>
              <record><Country>Iran</Country><Entity>No Item</Entity></record>
              <record><Country>Iran</Country><LastName>Doe</LastName><DateOfBirth>soon</DateOfBirth><Item>3</Item></record>
            </data-set>
            """, named: "sema.xml", for: self)
        XCTAssertEqual(try ListLoader.load(SourceSpec(format: .semaXML, paths: [sema])).issues.map(\.severity), [.error, .warning])
        // OFAC: a short alias row is an error, an unreadable DOB in the remarks a warning, an unknown ent_num an orphan.
        let dir = try ListFixtures.temporaryDirectory(for: self)
        try Data("""
            10,"BERG, Anna","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB sometime; Passport B 960789 issued 08 Sep 2006 (Sweden)."
            """.utf8).write(to: dir.appendingPathComponent("sdn.csv"))
        try Data("10,1,\"aka\"\n99,2,\"aka\",\"GHOST\",-0-\n".utf8).write(to: dir.appendingPathComponent("alt.csv"))
        let o = try ListLoader.load(SourceSpec(format: .ofacCSV, paths: [dir.path]))
        XCTAssertEqual(o.issues.map(\.severity), [.warning, .error, .orphan])
        XCTAssertEqual(o.issues[0].message, "ent_num 10: DOB 'sometime' not understood")
        XCTAssertEqual(try o.entity("ofac:10").documents, [IdentityDocument(type: "Passport", number: "B 960789", country: "Sweden")])
    }
}
