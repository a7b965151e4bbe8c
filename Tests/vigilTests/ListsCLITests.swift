import Foundation
import XCTest
import VigilTestSupport

/// `vigil lists diff` and `vigil lists inspect` as a user runs them.
final class ListsCLITests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(VigilCLI.isBuilt, "vigil not built at \(VigilCLI.binary)")
    }

    func write(_ text: String, _ dir: String, _ name: String) throws -> String {
        let folder = TestData.temporaryPath(dir)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testDiffShowsAddedRemovedAndChangedFields() throws {
        let old = try write("id,name,birth_date\n1,Ivan Petrov,1970-01-01\n2,Anna Ivanova,\n", "old", "watch.csv")
        let new = try write("id,name,birth_date,aliases\n1,Ivan Petrov,1971-01-01,Iwan Petrow\n3,Oleg Sidorov,,\n", "new", "watch.csv")
        let r = try VigilCLI.run(["lists", "diff", "csv=\(old)", "csv=\(new)"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("added 1  removed 1  changed 1  unchanged 0"), r.out)
        XCTAssertTrue(r.out.contains("+ Iwan Petrow (aka)"), r.out)
        XCTAssertTrue(r.out.contains("- 1970-01-01"), r.out)

        let j = try VigilCLI.run(["lists", "diff", "csv=\(old)", "csv=\(new)", "--json", "--exit-code"])
        XCTAssertEqual(j.status, 1, "differences with --exit-code exit 1")
        let rows = j.out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(rows.map { $0["change"] as? String }, ["changed", "removed", "added"])
        XCTAssertEqual(rows.map { $0["entity_id"] as? String }, ["watch:1", "watch:2", "watch:3"])

        let same = try VigilCLI.run(["lists", "diff", "csv=\(old)", "csv=\(old)", "--exit-code"])
        XCTAssertEqual(same.status, 0, same.out)
    }

    func testDiffAndInspectRefuseBadInput() throws {
        let r = try VigilCLI.run(["lists", "diff", "nope=/x", "csv=/y"])
        XCTAssertEqual(r.status, 64, r.err)
        let missing = try VigilCLI.run(["lists", "diff", "csv=/nonexistent/a.csv", "csv=/nonexistent/b.csv"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("/nonexistent/a.csv"), missing.err)
        let inspect = try VigilCLI.run(["lists", "inspect", "un-xml=\(TestData.dataDirectory)/lists/un/consolidated_2026-02-27.xml"])
        XCTAssertEqual(inspect.status, 0, inspect.err)
        XCTAssertTrue(inspect.out.contains("1003") || inspect.out.contains("1,003"), inspect.out)
    }
}
