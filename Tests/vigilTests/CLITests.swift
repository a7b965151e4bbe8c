import Foundation
import XCTest
import VigilTestSupport

/// Runs the built `vigil` binary and checks output and exit codes, as a user would see them.
final class CLITests: XCTestCase {
    static var binary: String { VigilCLI.binary }

    typealias Run = VigilCLI.Run

    @discardableResult
    func vigil(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> Run {
        try VigilCLI.run(args, stdin: stdin.map { Array($0.utf8) }, env: env)
    }

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Self.binary), "vigil not built at \(Self.binary)")
    }

    /// Index over real OFAC + UN files, built through the CLI once.
    static let index: String = {
        let path = TestData.temporaryPath("cli.vigil")
        let d = TestData.dataDirectory + "/lists"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["index", "build", "--out", path,
                       "--source", "ofac-csv=\(d)/ofac/sdn_2024-07-02.csv,\(d)/ofac/alt_2025-01-06.csv,\(d)/ofac/add_2025-01-06.csv",
                       "--source", "un-xml=\(d)/un/consolidated_2026-02-27.xml"]
        p.standardError = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
        return path
    }()

    func testArgumentErrorsExit64WithAMessage() throws {
        for args in [["query"], ["screen", "x.csv", "--threshold", "2"], ["index", "build"], ["screen"],
                     ["index", "build", "--out", "/tmp/x.vigil", "--source", "nope=/x"], ["bogus"]] {
            let r = try vigil(args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.err)")
            XCTAssertFalse(r.err.isEmpty, "\(args) printed no message")
        }
    }

    func testMissingInputFileIsAClearErrorNotATrap() throws {
        let r = try vigil(["screen", "/nonexistent/customers.csv", "--index", Self.index, "--out", TestData.temporaryPath("n.jsonl")])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("/nonexistent/customers.csv"), r.err)
    }

    func testMissingOrTruncatedIndexIsRefused() throws {
        let csv = TestData.temporaryPath("one.csv")
        try Data("id,name\n1,Kim Jong Un\n".utf8).write(to: URL(fileURLWithPath: csv))
        var r = try vigil(["screen", csv, "--index", "/nonexistent/i.vigil"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("/nonexistent/i.vigil"), r.err)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.index))
        let cut = TestData.temporaryPath("cut.vigil")
        try bytes.prefix(4096).write(to: URL(fileURLWithPath: cut))
        r = try vigil(["screen", csv, "--index", cut])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("truncated"), r.err)
    }

    /// A list that yields no entity (a header alone, as a failed download leaves it) is refused with
    /// its name and file, beside a real list too, and no index is written.
    func testEmptySourceIsRefused() throws {
        let empty = TestData.temporaryPath("watchlist.csv"), out = TestData.temporaryPath("empty.vigil")
        try Data("id,name,aliases\n".utf8).write(to: URL(fileURLWithPath: empty))
        let un = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: TestData.dataDirectory + "/lists/un").first { $0.hasSuffix(".xml") })
        let r = try vigil(["index", "build", "--out", out, "--source", TestData.dataDirectory + "/lists/un/" + un, "--source", "csv=" + empty])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("watchlist (csv): no entities in \(empty)"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testScreenFromStdinWritesOneRowPerInputRow() throws {
        let r = try vigil(["screen", "-", "--index", Self.index, "--format", "jsonl"],
                          stdin: "id,name,birth_date\nc1,Vladimir Putin,1952-10-07\nc2,Jane Q Ordinary-Customer,\nc3,,\n")
        XCTAssertEqual(r.status, 0, r.err)
        let rows = r.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows.map { $0?["id"] as? String }, ["c1", "c2", "c3"])
        XCTAssertEqual(rows[0]?["alert"] as? Bool, true)
        XCTAssertEqual((rows[0]?["matches"] as? [[String: Any]])?.first?["entity_id"] as? String, "ofac:35096")
        XCTAssertEqual(rows[1]?["alert"] as? Bool, false)
        XCTAssertNotNil(rows[2]?["error"])
        XCTAssertTrue(r.err.contains("screened 3 rows"), r.err)
    }

    func testQueryPrintsTheMatchAndWhy() throws {
        let r = try vigil(["query", "Владимир Путин", "--index", Self.index, "--limit", "2"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("ALERT"), r.out)
        XCTAssertTrue(r.out.contains("ofac:35096"), r.out)
        XCTAssertTrue(r.out.contains("why:"), r.out)
        let j = try vigil(["query", "Kim Jong Un", "--index", Self.index, "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(j.out.utf8)) as? [String: Any]
        XCTAssertEqual(((obj?["matches"] as? [[String: Any]])?.first)?["entity_id"] as? String, "ofac:20157")
    }

    func testIndexInfoAndVerify() throws {
        let info = try vigil(["index", "info", "--index", Self.index])
        XCTAssertEqual(info.status, 0, info.err)
        XCTAssertTrue(info.out.contains("ofac"), info.out)
        XCTAssertTrue(info.out.contains("consolidated_2026-02-27.xml"), info.out)
        let verify = try vigil(["index", "verify", "--index", Self.index])
        XCTAssertEqual(verify.status, 0, verify.err)
        XCTAssertTrue(verify.out.hasPrefix("ok"), verify.out)
    }
}
