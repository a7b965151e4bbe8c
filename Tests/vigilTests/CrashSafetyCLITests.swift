import Foundation
import XCTest
import VigilTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// What a crash or a full disk leaves behind: never a half index or an output that looks complete,
/// always a clear error, and files with customer data readable by their owner only.
final class CrashSafetyCLITests: XCTestCase {
    var binary: String { CLITests.binary }

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary), "vigil not built at \(binary)")
    }

    /// A rebuild from the real UN list (smaller than the OFAC + UN of the index it replaces, so quicker).
    static var buildSources: [String] { ["--source", "un-xml=\(TestData.dataDirectory)/lists/un/consolidated_2026-02-27.xml"] }

    /// A copy of the shared test index, as the "previous" index a rebuild replaces.
    func previousIndex() throws -> (path: String, bytes: Data) {
        let path = TestData.temporaryPath(UUID().uuidString + "-previous.vigil")
        try FileManager.default.copyItem(atPath: CLITests.index, toPath: path)
        return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func temporaries(of path: String) throws -> [String] {
        let dir = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(base + ".tmp-") }
    }

    /// kill -9 at two moments of a rebuild (while loading the lists, and once the temporary file is
    /// being written): the previous index is untouched byte for byte and still verifies (a kill that
    /// lands after the rename finds the whole new index, also fine, and is tried again); the next
    /// finished build removes the dead run's temporary file.
    func testKilledIndexBuildLeavesThePreviousIndexIntact() throws {
        let (path, before) = try previousIndex()
        var caughtWriting = false
        let dir = (path as NSString).deletingLastPathComponent
        for attempt in 0..<12 {
            for name in try temporaries(of: path) { try FileManager.default.removeItem(atPath: dir + "/" + name) }
            let p = VigilCLI.process(["index", "build", "--out", path] + Self.buildSources)
            p.standardError = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            if attempt == 0 {
                usleep(300_000)
            } else {
                // Poll for the temporary file; kill as soon as it has bytes.
                while p.isRunning, try temporaries(of: path).allSatisfy({ name in
                    let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.size] as? Int) ?? 0
                    return size == 0
                }) { usleep(500) }
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            // Whatever the moment of the kill, PATH is a whole index: the previous one, or (when the
            // build had already renamed its file into place) the finished new one. Never half of one.
            let verify = try VigilCLI.run(["index", "verify", "--index", path])
            XCTAssertEqual(verify.status, 0, "attempt \(attempt): \(verify.err)")
            let now = try Data(contentsOf: URL(fileURLWithPath: path))
            if now != before {
                try before.write(to: URL(fileURLWithPath: path))  // the kill came after the rename; again
                continue
            }
            if attempt > 0, try temporaries(of: path).contains((path as NSString).lastPathComponent + ".tmp-\(p.processIdentifier)") {
                caughtWriting = true  // killed mid-write: the previous index stood, the temporary is left
                break
            }
        }
        XCTAssertTrue(caughtWriting, "never killed the build while it wrote its temporary file")

        let finished = try VigilCLI.run(["index", "build", "--out", path] + Self.buildSources)
        XCTAssertEqual(finished.status, 0, finished.err)
        XCTAssertEqual(try temporaries(of: path), [], "a finished build removes temporaries of dead writers")
        XCTAssertEqual(try VigilCLI.run(["index", "verify", "--index", path]).status, 0)
    }

    /// A write that fails part-way (file size limit, as a full disk would) is an error naming the file;
    /// the previous index stays, and no temporary file is left.
    func testIndexBuildOnAFullDiskFailsClearlyAndKeepsThePreviousIndex() throws {
        if let why = VigilCLI.fileSizeLimitUnsupported { throw XCTSkip(why) }
        let (path, before) = try previousIndex()
        let r = try VigilCLI.run(["index", "build", "--out", path] + Self.buildSources, fileSizeLimitKiB: 256)
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("File too large") && r.err.contains(path + ".tmp-"), r.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(try temporaries(of: path), [])
    }

    /// Bulk screening that runs out of space stops with an error, leaves only `PATH.partial` (never a
    /// file at PATH that looks complete), and `--resume` with space again gives the uninterrupted output.
    func testScreeningOnAFullDiskFailsClearlyAndResumes() throws {
        if let why = VigilCLI.fileSizeLimitUnsupported { throw XCTSkip(why) }
        let input = try BulkCLITests.sampleInput(rows: 1200)
        let reference = TestData.temporaryPath(UUID().uuidString + "-ref.jsonl")
        XCTAssertEqual(try VigilCLI.run(["screen", input, "--index", CLITests.index, "--out", reference]).status, 0)
        let expected = try Data(contentsOf: URL(fileURLWithPath: reference))
        XCTAssertGreaterThan(expected.count, 200 * 1024)

        let out = TestData.temporaryPath(UUID().uuidString + "-full.jsonl")
        let r = try VigilCLI.run(["screen", input, "--index", CLITests.index, "--out", out], fileSizeLimitKiB: 100)
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("File too large") && r.err.contains("--resume"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a failed run left a file that looks complete")
        let partial = try FileManager.default.attributesOfItem(atPath: out + ".partial")[.size] as? Int ?? 0
        XCTAssertLessThanOrEqual(partial, 100 * 1024)

        let resumed = try VigilCLI.run(["screen", input, "--index", CLITests.index, "--out", out, "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), expected)
    }

    /// Results, reports and audit records hold customer data: created 0600 whatever the umask allows.
    func testFilesWithCustomerDataAreOwnerOnly() throws {
        let input = try BulkCLITests.sampleInput(rows: 20)
        let base = TestData.temporaryPath(UUID().uuidString)
        for format in ["jsonl", "csv"] {
            let out = "\(base).\(format)"
            let r = try VigilCLI.run(["screen", input, "--index", CLITests.index, "--out", out, "--format", format,
                                      "--report", out + ".html", "--audit", out + ".audit"])
            XCTAssertEqual(r.status, 0, r.err)
            for file in [out, out + ".html", out + ".audit"] {
                let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
                XCTAssertEqual(mode & 0o777, 0o600, "\(file) is \(String(mode, radix: 8))")
            }
        }
    }
}
