import Foundation
import XCTest
import VigilServer

/// Hostile and careless clients: one that trickles a line and never ends it, one that never reads
/// its answers, a 100 kB name. Each is dealt with, and other clients are served meanwhile.
final class ServerLimitsTests: ServerTestCase {
    /// A slowloris client keeps sending bytes of a line it never finishes: the idle timeout never
    /// fires for it, the line timeout does. Its earlier request is answered first.
    func testALineNeverFinishedIsTimedOutAfterEarlierAnswers() throws {
        let (_, port) = try startServer { $0.lineTimeout = .milliseconds(400) }
        let slow = try LineClient(port: port)
        try slow.send(#"{"id":1,"op":"screen","name":"Kim Jong Un"}"# + "\n" + #"{"id":2,"op":"hea"#)
        XCTAssertEqual(try slow.readObject()["id"] as? Int, 1, "the finished request is answered")
        let started = Date()
        var trickled = 0
        // One byte every 50 ms: never idle for long, never a whole line.
        while !slow.hasDataWaiting(), Date().timeIntervalSince(started) < 20, (try? slow.send(" ")) != nil {
            trickled += 1
            usleep(50_000)
        }
        XCTAssertEqual(try slow.readObject().errorCode, "read_timeout")
        XCTAssertNil(try slow.readLine(), "then the connection is closed")
        XCTAssertGreaterThan(trickled, 4, "it was still sending when timed out")
        XCTAssertTrue(try LineClient(port: port).request(#"{"op":"health"}"#).isOK)
    }

    /// A line sent in pieces that ends within the timeout is a normal request, however many pieces.
    func testALineSentInSlowPiecesWithinTheTimeoutIsAnswered() throws {
        let (_, port) = try startServer { $0.lineTimeout = .seconds(5) }
        let client = try LineClient(port: port)
        for piece in [#"{"id":"p","#, #""op":"screen","#, #""name":"Vladimir Putin"}"#, "\n"] {
            try client.send(piece)
            usleep(100_000)
        }
        let answer = try client.readObject()
        XCTAssertTrue(answer.isOK, "\(answer)")
        XCTAssertEqual(answer["id"] as? String, "p")
    }

    /// A client that pipelines without end and never reads: the server stops reading from it once its
    /// answers back up (so the client's sends block, memory stays bounded) and serves others meanwhile.
    func testAClientThatNeverReadsIsHeldBackAndOthersAreServed() throws {
        let (_, port) = try startServer()
        let hog = try LineClient(port: port)
        let request = #"{"op":"screen","name":"Vladimir Vladimirovich Putin","birth_date":"1952-10-07"}"# + "\n"
        let flood = Array(String(repeating: request, count: 200_000).utf8)
        let sent = LockedCount()
        // Only the sender thread uses the hog's socket from here on.
        nonisolated(unsafe) let hogSocket = hog
        let bytes = flood
        let sender = Thread { sent.set(hogSocket.sendUntilBlocked(bytes: bytes, seconds: 3)) }
        sender.start()

        let other = try LineClient(port: port)
        for i in 0..<5 {
            let answer = try other.request(#"{"id":\#(i),"op":"screen","name":"Kim Jong Un"}"#)
            XCTAssertTrue(answer.isOK, "\(answer)")
        }
        while sent.value == nil { usleep(50_000) }
        let accepted = try XCTUnwrap(sent.value)
        print("never-reading client: the server took \(accepted) of \(bytes.count) bytes")
        XCTAssertLessThan(accepted, bytes.count / 2, "the server kept reading from a client that reads nothing")
        XCTAssertTrue(try LineClient(port: port).request(#"{"op":"health"}"#).isOK)
    }

    /// A 100 kB name is screened and answered like any other (the line limit is 1 MiB).
    func testAHundredKilobyteNameIsAnswered() throws {
        let (_, port) = try startServer()
        let name = "Vladimir Putin " + String(repeating: "Aleksandrovich Petrovsky ", count: 4_100)
        XCTAssertGreaterThan(name.utf8.count, 100_000)
        let client = try LineClient(port: port)
        let answer = try client.request(#"{"id":"huge","op":"screen","name":"\#(name)"}"#)
        XCTAssertTrue(answer.isOK, "\(answer.errorCode ?? "")")
        XCTAssertEqual(answer["id"] as? String, "huge")
        XCTAssertTrue(try client.request(#"{"op":"health"}"#).isOK)
    }
}

/// A value set by one thread and read by another.
private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int?
    var value: Int? { lock.withLock { stored } }
    func set(_ v: Int) { lock.withLock { stored = v } }
}
