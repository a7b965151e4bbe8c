import Foundation
import VigilServer
import XCTest

/// Many clients at once, and graceful shutdown.
final class ServerLoadTests: ServerTestCase {
    static let names = [
        "Vladimir Vladimirovich PUTIN", "Kim Jong Un", "Jane Q Ordinary-Customer", "Osama bin Laden", "Ramzan Kadyrov",
    ]

    func testFiftyConnectionsOfTwentyPipelinedRequestsAreAllAnsweredCorrectly() throws {
        let (_, port) = try startServer()
        let expected = try Self.names.map { try Fixture.expectedScreenLines(name: $0) }
        let connections = 50, perConnection = 20
        let clients = try (0..<connections).map { _ in try LineClient(port: port) }
        // Every client's requests go out before any answer is read, so all 50 are open and busy at once.
        for (c, client) in clients.enumerated() {
            let lines = (0..<perConnection).map { r in
                let id = c * perConnection + r
                return #"{"id":\#(id),"op":"screen","name":"\#(Self.names[id % Self.names.count])"}"# + "\n"
            }
            try client.send(lines.joined())
        }
        var answered = 0
        for (c, client) in clients.enumerated() {
            for r in 0..<perConnection {
                let id = c * perConnection + r
                XCTAssertEqual(try client.expectLine(), expected[id % Self.names.count](id), "connection \(c), request \(r)")
                answered += 1
            }
        }
        XCTAssertEqual(answered, connections * perConnection)
    }

    func testShutdownAnswersWhatWasReadThenCloses() throws {
        let (server, port) = try startServer()
        let client = try LineClient(port: port)
        // One small write: the server reads all five lines in the read that yields the first answer.
        let requests = (0..<5).map { #"{"id":\#($0),"op":"screen","name":"Kim Jong Un"}"# + "\n" }.joined()
        XCTAssertLessThan(requests.utf8.count, 1024)
        try client.send(requests)
        XCTAssertEqual(try client.readObject()["id"] as? Int, 0)
        server.shutdown()
        for id in 1..<5 {
            let response = try client.readObject()
            XCTAssertEqual(response["id"] as? Int, id)
            XCTAssertTrue(response.isOK, "\(response)")
        }
        XCTAssertNil(try client.readLine(), "the server closes the connection once it is drained")
        server.waitUntilStopped()
        XCTAssertThrowsError(try LineClient(port: port), "no new connections after shutdown")
    }

    func testShutdownWithNoConnectionsStops() throws {
        let (server, _) = try startServer()
        server.shutdownAndWait()
        server.shutdownAndWait()  // a second call is harmless
        XCTAssertTrue(server.isShuttingDown)
    }
}
