import Foundation
import XCTest
import VigilTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `vigil screen` as a user runs it on customer files: --columns, encodings, CSV output, progress,
/// and an output file that survives a killed run (`--resume`).
final class BulkCLITests: XCTestCase {
    typealias Run = CLITests.Run
    var binary: String { CLITests.binary }
    var index: String { CLITests.index }

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary), "vigil not built at \(binary)")
    }

    func process(_ args: [String]) -> Process { VigilCLI.process(args) }

    @discardableResult
    func vigil(_ args: [String], stdin: [UInt8]? = nil) throws -> Run { try VigilCLI.run(args, stdin: stdin) }

    static func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = TestData.temporaryPath(UUID().uuidString + "-" + name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func jsonRows(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func testColumnsMapOtherHeaders() throws {
        let csv = try Self.temp("bank.csv", Array("Client No;Full Name;DOB\nk1;Vladimir Putin;1952-10-07\nk2;Jane Q Ordinary-Customer;\n".utf8))
        let r = try vigil(["screen", csv, "--index", index, "--format", "jsonl", "--columns", "Client No=id,Full Name=name,DOB=birth_date"])
        XCTAssertEqual(r.status, 0, r.err)
        let rows = jsonRows(r.out)
        XCTAssertEqual(rows.map { $0["id"] as? String }, ["k1", "k2"])
        XCTAssertEqual((rows[0]["matches"] as? [[String: Any]])?.first?["entity_id"] as? String, "ofac:35096")
        XCTAssertNil(rows[0]["error"])
        XCTAssertEqual(rows[1]["alert"] as? Bool, false)
    }

    func testBadColumnsExit64NamingTheProblem() throws {
        let csv = try Self.temp("bank.csv", Array("Client No,Full Name\nk1,Ana\n".utf8))
        for (spec, expected) in [("Client No=idd,Full Name=name", "unknown field 'idd'"),
                                 ("Client Nr=id,Full Name=name", "'Client Nr' but the header has no such column"),
                                 ("Client No", "not HEADER=field")] {
            let r = try vigil(["screen", csv, "--index", index, "--format", "jsonl", "--columns", spec])
            XCTAssertEqual(r.status, 64, "\(spec): \(r.err)")
            XCTAssertTrue(r.err.contains(expected), "\(spec): \(r.err)")
            XCTAssertTrue(r.out.isEmpty)
        }
    }

    /// "Putin" and "Müller" as a Windows export writes them (ü = FC).
    let cp1252 = Array("id,name,birth_date\nc1,Vladimir Putin,1952-10-07\nc2,Hans M".utf8) + [0xFC] + Array("ller,\n".utf8)

    func testCP1252IsRefusedOrDecodedOnRequest() throws {
        let csv = try Self.temp("win.csv", cp1252)
        let out = TestData.temporaryPath(UUID().uuidString + "-win.jsonl")
        let refused = try vigil(["screen", csv, "--index", index, "--out", out])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.err.contains("\(csv):3: byte 0xFC is not UTF-8"), refused.err)
        XCTAssertTrue(refused.err.contains("iconv -f CP1252 -t UTF-8"), refused.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))

        let decoded = try vigil(["screen", csv, "--index", index, "--out", out, "--encoding", "cp1252"])
        XCTAssertEqual(decoded.status, 0, decoded.err)
        let rows = jsonRows(try String(contentsOfFile: out, encoding: .utf8))
        XCTAssertEqual(rows.map { $0["id"] as? String }, ["c1", "c2"])
        XCTAssertEqual(rows[0]["alert"] as? Bool, true)
        XCTAssertNil(rows[1]["error"])
    }

    func testCSVOutputListsEveryRowAndEveryMatch() throws {
        let input = "id,name,birth_date\nc1,Vladimir Putin,1952-10-07\nc2,Jane Q Ordinary-Customer,\nc3,,\nc4,Kim Jong Un,\n"
        let r = try vigil(["screen", "-", "--index", index, "--format", "csv", "--limit", "2"], stdin: Array(input.utf8))
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "id,line,entity_id,list,name,matched_name,score,alert,explanation,error,entity_hash,decision")
        XCTAssertEqual(lines.last, "")
        let body = lines.dropFirst().dropLast()
        XCTAssertTrue((1...2).contains(body.filter { $0.hasPrefix("c1,2,") }.count), "\(body)")
        XCTAssertTrue(body.first?.hasPrefix("c1,2,ofac:35096,ofac,\"PUTIN, Vladimir Vladimirovich\",\"PUTIN, Vladimir\",1,true,putin(1.0) vladimir(1.0)") ?? false, body.first ?? "")
        XCTAssertTrue(body.contains("c2,3,,,,,,,,,,"), "\(body)")
        XCTAssertTrue(body.contains("c3,4,,,,,,,,line 4: missing name,,"), "\(body)")
        XCTAssertTrue(body.contains { $0.hasPrefix("c4,5,ofac:20157,") }, "\(body)")
        XCTAssertEqual(Set(body.map { String($0.prefix(2)) }), ["c1", "c2", "c3", "c4"])
    }

    func testProgressOnATerminalAndQuietOtherwise() throws {
        let csv = try Self.temp("p.csv", Array("id,name\nc1,Vladimir Putin\n".utf8))
        let out = TestData.temporaryPath(UUID().uuidString + "-p.jsonl")
        let quiet = try vigil(["screen", csv, "--index", index, "--out", out])
        XCTAssertEqual(quiet.status, 0, quiet.err)
        XCTAssertFalse(quiet.err.contains("\r"), quiet.err)
        XCTAssertTrue(quiet.err.hasPrefix("screened 1 rows: 1 alerts, 0 errors in "), quiet.err)
        for part in ["rows/s", "index built", "lists: ofac", "un 2026-02-27", "results in \(out)"] {
            XCTAssertTrue(quiet.err.contains(part), "summary lacks \(part): \(quiet.err)")
        }
        // On a pseudo-terminal (util-linux `script`): the progress line, then cleared.
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "no script(1) for a pty")
        var rows = "id,name\n"
        for i in 0..<400 { rows += "c\(i),\(["Vladimir Putin", "Ana Lopez", "Kim Jong Un"][i % 3])\n" }
        let big = try Self.temp("p400.csv", Array(rows.utf8))
        let cmd = "'\(binary)' screen '\(big)' --index '\(index)' --out '\(out)'"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", cmd, "/dev/null"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("screened 400 rows"), text)
        // 400 rows are one batch: one progress line after it, then the line is cleared.
        XCTAssertTrue(text.contains("\r400 rows, "), text)
        XCTAssertTrue(text.contains("rows/s, 100%, ETA 0:00"), text)
    }

    /// Real customer rows from data/samples, repeated with fresh ids.
    static func sampleInput(rows n: Int) throws -> String {
        let sample = try String(contentsOfFile: TestData.dataDirectory + "/samples/customers.csv", encoding: .utf8)
        let lines = sample.split(separator: "\n").map(String.init)
        var out = lines[0] + "\n"
        let body = lines.dropFirst().filter { $0.contains(",") }
        for i in 0..<n {
            let row = body[body.startIndex + i % body.count]
            out += "R\(i)" + row[row.firstIndex(of: ",")!...] + "\n"
        }
        return try Self.temp("big.csv", Array(out.utf8))
    }

    func testKilledRunLeavesOnlyAPartialAndResumeMatchesAnUninterruptedRun() throws {
        let input = try Self.sampleInput(rows: 1200)
        let reference = TestData.temporaryPath(UUID().uuidString + "-ref.jsonl")
        let whole = try vigil(["screen", input, "--index", index, "--out", reference])
        XCTAssertEqual(whole.status, 0, whole.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: reference + ".partial"))

        let out = TestData.temporaryPath(UUID().uuidString + "-run.jsonl")
        let p = process(["screen", input, "--index", index, "--out", out])
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Kill once some rows are on disk (64 KiB flushes) and the run is not over.
        var size = 0
        while p.isRunning && size < 150_000 {
            usleep(20_000)
            size = (try? FileManager.default.attributesOfItem(atPath: out + ".partial")[.size] as? Int) ?? 0
        }
        XCTAssertTrue(p.isRunning, "the run ended before it could be killed; use a larger input")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a killed run left a file that looks complete")
        // Tear the last line as a crash mid-write would.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: out + ".partial"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\"R".utf8))
        try handle.close()

        let resumed = try vigil(["screen", input, "--index", index, "--out", out, "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        XCTAssertTrue(resumed.err.contains("(resumed after "), resumed.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + ".partial"))
        let expected = try String(contentsOfFile: reference, encoding: .utf8)
        let got = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(got.split(separator: "\n").count, 1200)
        XCTAssertEqual(jsonRows(got).map { $0["id"] as? String }, (0..<1200).map { "R\($0)" })
        XCTAssertTrue(got == expected, "resumed output differs from an uninterrupted run")
    }

    func testResumeOfACSVRunAndOptionChecks() throws {
        let input = try Self.sampleInput(rows: 60)
        let reference = TestData.temporaryPath(UUID().uuidString + "-ref.csv")
        XCTAssertEqual(try vigil(["screen", input, "--index", index, "--out", reference, "--format", "csv"]).status, 0)
        let expected = try String(contentsOfFile: reference, encoding: .utf8)
        // A partial cut in the middle of row R20's matches, as a crash would leave it.
        let lines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("R20,") })
        let out = TestData.temporaryPath(UUID().uuidString + "-run.csv")
        try Data((lines[..<cut].joined(separator: "\n") + "\n" + lines[cut].prefix(9)).utf8).write(to: URL(fileURLWithPath: out + ".partial"))
        let r = try vigil(["screen", input, "--index", index, "--out", out, "--format", "csv", "--resume"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("(resumed after 19 rows)"), r.err)  // R19's group is screened again
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), expected)

        XCTAssertEqual(try vigil(["screen", input, "--index", index, "--resume"]).status, 64)
        XCTAssertEqual(try vigil(["screen", input, "--index", index, "--out", out, "--format", "table"]).status, 64)
        XCTAssertEqual(try vigil(["screen", input, "--index", index, "--threads", "0"]).status, 64)
        XCTAssertEqual(try vigil(["screen", input, "--index", index, "--redact"]).status, 64, "--redact without --report")
    }

    /// A reviewer clears every alert of the sample run; the rerun with those decisions suppresses
    /// exactly them, and each run leaves an audit record with hashes and counts but no customer data.
    func testDecisionsSuppressClearedAlertsAndEveryRunIsAudited() throws {
        let customers = TestData.dataDirectory + "/samples/customers.csv"
        let out = TestData.temporaryPath(UUID().uuidString + "-out.jsonl")
        let first = try vigil(["screen", customers, "--index", index, "--out", out])
        XCTAssertEqual(first.status, 0, first.err)
        let rows = jsonRows(try String(contentsOfFile: out, encoding: .utf8))
        var decisions: [String] = []
        for r in rows {
            for m in (r["matches"] as? [[String: Any]] ?? []) where m["alert"] as? Bool == true {
                let d: [String: Any] = ["customer_id": r["id"]!, "entity_id": m["entity_id"]!, "decision": "false_positive",
                                        "entity_hash": m["entity_hash"]!, "reviewer": "qa", "date": "2026-12-01"]
                decisions.append(String(decoding: try JSONSerialization.data(withJSONObject: d), as: UTF8.self))
            }
        }
        XCTAssertGreaterThan(decisions.count, 10)
        let book = try Self.temp("decisions.jsonl", Array((decisions.joined(separator: "\n") + "\n").utf8))
        let second = try vigil(["screen", customers, "--index", index, "--decisions", book, "--format", "jsonl"])
        XCTAssertEqual(second.status, 0, second.err)
        XCTAssertTrue(second.err.contains("0 alerts (\(decisions.count) known false positives suppressed, 0 re-alerted"), second.err)
        let cleared = jsonRows(second.out)
        XCTAssertEqual(cleared.count, rows.count, "one output row per input row")
        XCTAssertFalse(cleared.contains { $0["alert"] as? Bool == true })

        // The audit record of the first run: next to the output, owner-only, naming files by hash.
        let auditPath = out + ".audit.jsonl"
        var st = stat()
        XCTAssertEqual(stat(auditPath, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        let auditText = try String(contentsOfFile: auditPath, encoding: .utf8)
        let audit = try XCTUnwrap(jsonRows(auditText).first)
        XCTAssertEqual((audit["counts"] as? [String: Any])?["rows"] as? Int, rows.count)
        XCTAssertEqual((audit["counts"] as? [String: Any])?["alerts"] as? Int, rows.filter { $0["alert"] as? Bool == true }.count)
        let sha = try XCTUnwrap((audit["input"] as? [String: Any])?["sha256"] as? String)
        XCTAssertEqual(sha.count, 64)
        XCTAssertEqual(((audit["index"] as? [String: Any])?["sha256"] as? String)?.count, 64)
        XCTAssertFalse(((audit["index"] as? [String: Any])?["lists"] as? [Any] ?? []).isEmpty)
        // No customer id or name from the file is in the record.
        let csv = try String(contentsOfFile: customers, encoding: .utf8).split(separator: "\n").dropFirst()
        for line in csv.prefix(50) {
            for field in line.split(separator: ",").prefix(2) where field.count > 3 {
                XCTAssertFalse(auditText.contains(String(field)), "audit holds customer data '\(field)'")
            }
        }
    }

    /// `--report`: a self-contained page whose counts agree with the run; rendered by headless
    /// Chromium when it is installed (`tools/setup.sh --with-test-tools` installs it).
    func testReportIsSelfContainedAgreesWithTheRunAndRenders() throws {
        let customers = TestData.dataDirectory + "/samples/customers.csv"
        let report = TestData.temporaryPath(UUID().uuidString + "-report.html")
        let r = try vigil(["screen", customers, "--index", index, "--format", "jsonl", "--report", report])
        XCTAssertEqual(r.status, 0, r.err)
        let rows = jsonRows(r.out)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        let alerts = rows.filter { $0["alert"] as? Bool == true }.count
        XCTAssertTrue(html.contains("data-count=\"rows\"><b>\(rows.count)</b>"), "rows count")
        XCTAssertTrue(html.contains("data-count=\"alerts\"><b>\(alerts)</b>"), "alerts count")
        XCTAssertFalse(html.contains("<script") || html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"), "no script, no network")
        XCTAssertTrue(html.contains("ofac:35096"), "Putin's alert is among the top alerts")
        var st = stat()
        XCTAssertEqual(stat(report, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)

        // Redacted: no customer id, no customer-side token.
        let redactedPath = TestData.temporaryPath(UUID().uuidString + "-redacted.html")
        XCTAssertEqual(try vigil(["screen", customers, "--index", index, "--format", "jsonl", "--report", redactedPath, "--redact"]).status, 0)
        let redacted = try String(contentsOfFile: redactedPath, encoding: .utf8)
        for id in rows.compactMap({ $0["id"] as? String }).prefix(100) { XCTAssertFalse(redacted.contains(">\(id)<"), id) }
        XCTAssertFalse(redacted.contains("vladimir~"), "customer tokens are masked")

        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else { throw XCTSkip("no headless Chromium here; the HTML was checked as text only") }
        func headless(_ args: [String]) throws -> (status: Int32, out: String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: chromium)
            p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1600"] + args + ["file://\(report)"]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, text)
        }
        let dump = try headless(["--dump-dom"])
        XCTAssertEqual(dump.status, 0)
        let dom = dump.out
        let png = TestData.temporaryPath(UUID().uuidString + "-report.png")
        XCTAssertEqual(try headless(["--screenshot=\(png)"]).status, 0)
        // The DOM Chromium built holds the chart and the alert table: it parsed and laid out the page.
        XCTAssertTrue(dom.contains("<svg") && dom.contains("<rect"), "histogram rendered")
        XCTAssertTrue(dom.contains("id=\"alerts\"") && dom.contains("ofac:35096"))
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, 20_000, "a screenshot of the rendered page")
    }
}
