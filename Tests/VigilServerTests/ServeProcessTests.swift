import Foundation
import VigilTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `vigil serve` as a process under swift-service-lifecycle: SIGHUP reloads, SIGTERM answers every
/// request already sent and exits 0.
final class ServeProcessTests: XCTestCase {
    func testSIGTERMDrainsPipelinedRequestsAndSIGHUPReloads() throws {
        try XCTSkipUnless(VigilCLI.isBuilt, "vigil not built at \(VigilCLI.binary)")
        let index = try Fixture.writeSmallIndex(named: "serve-\(UUID().uuidString)", buildTime: "2026-03-04T05:06:07Z",
                                                rows: [("p1", "Alpha Person")])
        let p = VigilCLI.process(["serve", "--port", "0", "--index", index])
        let err = Pipe()
        p.standardError = err
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        // The server's log, read as it comes on another thread, so that a wait has a deadline (a
        // blocking read would hang the run if the line never came).
        let logged = LockedText()
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil } else { logged.append(String(decoding: data, as: UTF8.self)) }
        }
        defer { err.fileHandleForReading.readabilityHandler = nil }
        var log: String { logged.text }
        func waitForLog(_ text: String) throws {
            let deadline = Date().addingTimeInterval(60)
            while !log.contains(text) {
                guard Date() < deadline else { throw LogTimeout(text: text, log: log) }
                usleep(10_000)
            }
        }
        try waitForLog("listening on 127.0.0.1:")
        let port = try XCTUnwrap(log.split(separator: "\n").first { $0.hasPrefix("listening on") }?.split(separator: ":").last.flatMap { Int($0) })

        let client = try LineClient(port: port)
        XCTAssertEqual(try client.request(#"{"id":0,"op":"health"}"#)["ok"] as? Bool, true)
        kill(p.processIdentifier, SIGHUP)
        try waitForLog("reloaded ")
        let info = try client.request(#"{"id":1,"op":"info"}"#)
        XCTAssertEqual((info["result"] as? [String: Any])?["generation"] as? Int, 2)

        // Requests in flight when SIGTERM arrives: those the server has read are answered, in order;
        // then a clean end of stream (never a reset that would lose answers already sent).
        let count = 200
        try client.send((0..<count).map { #"{"id":\#($0),"op":"screen","name":"Alpha Persson"}"# + "\n" }.joined())
        let first = try client.readObject()
        XCTAssertEqual(first["id"] as? Int, 0)
        kill(p.processIdentifier, SIGTERM)
        var ids = [0]
        while let line = try client.readLine() {
            let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(o["ok"] as? Bool, true, line)
            ids.append(o["id"] as? Int ?? -1)
        }
        XCTAssertEqual(ids, Array(0..<ids.count), "answers are the first requests, in order, none skipped")
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        try waitForLog("stopped")
    }
}

struct LogTimeout: Error, CustomStringConvertible {
    var text: String
    var log: String
    var description: String { "the server's log never said '\(text)' within 60 s: \(log)" }
}

/// Text appended from one thread and read from another.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""
    func append(_ s: String) { lock.lock(); value += s; lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return value }
}
