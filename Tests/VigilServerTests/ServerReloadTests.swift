import Foundation
import VigilIndex
import VigilServer
import VigilTestSupport
import XCTest

/// Hot reload: swap, refusal of bad files, the token, and reloads while requests are in flight.
final class ServerReloadTests: ServerTestCase {
    func testReloadSwapsToTheNewIndex() throws {
        let newPath = try Fixture.writeSmallIndex(
            named: "reload-swap", buildTime: "2030-01-01T00:00:00Z", rows: [("7", "Ivan Petrovich Sidorov")])
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        XCTAssertEqual(try client.request(#"{"op":"info"}"#).object("result")["build_time"] as? String, "test")

        let reload = try client.request(#"{"id":"r","op":"reload","path":"\#(newPath)"}"#)
        XCTAssertTrue(reload.isOK, "\(reload)")
        let result = try reload.object("result")
        XCTAssertEqual(result["build_time"] as? String, "2030-01-01T00:00:00Z")
        XCTAssertEqual(result["previous_build_time"] as? String, "test")
        XCTAssertEqual(result["generation"] as? Int, 2)
        XCTAssertEqual(result["entities"] as? Int, 17)

        let info = try client.request(#"{"op":"info"}"#).object("result")
        XCTAssertEqual(info["build_time"] as? String, "2030-01-01T00:00:00Z")
        XCTAssertEqual(info["path"] as? String, newPath)
        let matches = try client.request(#"{"op":"screen","name":"Ivan Sidorov"}"#).object("result").objects("matches")
        XCTAssertEqual(try matches.first?.string("entity_id"), "reload-swap:7")
        let putin = try client.request(#"{"op":"screen","name":"Vladimir Vladimirovich PUTIN"}"#).object("result")
        XCTAssertEqual(putin["alert"] as? Bool, false, "the old index is gone")
    }

    func testCorruptTruncatedOrMissingIndexIsRefusedAndTheOldOneKeepsServing() throws {
        let good = try Fixture.writeSmallIndex(named: "reload-good", buildTime: "good", rows: [("1", "Ivan Petrovich Sidorov")])
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: good)))
        bytes[bytes.count / 2] ^= 0xFF
        let corrupt = TestData.temporaryPath("reload-corrupt.vigil")
        try Data(bytes).write(to: URL(fileURLWithPath: corrupt))
        let truncated = TestData.temporaryPath("reload-truncated.vigil")
        try Data(bytes.prefix(bytes.count - 10)).write(to: URL(fileURLWithPath: truncated))

        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        for (path, reason) in [(corrupt, "checksum"), (truncated, "truncated"), ("/nonexistent/x.vigil", "cannot open")] {
            let response = try client.request(#"{"id":"r","op":"reload","path":"\#(path)"}"#)
            XCTAssertEqual(response["ok"] as? Bool, false, path)
            XCTAssertEqual(response.errorCode, "reload_failed", path)
            let message = try response.object("error").string("message")
            XCTAssertTrue(message.contains(reason) && message.contains(path), "\(path): \(message)")
        }
        XCTAssertEqual(try client.request(#"{"op":"info"}"#).object("result")["build_time"] as? String, "test")
        XCTAssertEqual(try client.request(#"{"op":"info"}"#).object("result")["generation"] as? Int, 1)
        let putin = try client.request(#"{"op":"screen","name":"Vladimir Vladimirovich PUTIN"}"#).object("result")
        XCTAssertEqual(try putin.objects("matches").first?.string("entity_id"), "ofac:35096")
    }

    func testReloadNeedsTheTokenWhenOneIsSet() throws {
        let newPath = try Fixture.writeSmallIndex(named: "reload-token", buildTime: "tokened", rows: [("1", "Ivan Sidorov")])
        let (_, port) = try startServer { $0.token = "s3cret" }
        let client = try LineClient(port: port)
        let without = try client.request(#"{"id":1,"op":"reload","path":"\#(newPath)"}"#)
        XCTAssertEqual(without.errorCode, "unauthorized")
        XCTAssertEqual(without["id"] as? Int, 1)
        XCTAssertEqual(try client.request(#"{"op":"reload","token":"s3creT","path":"\#(newPath)"}"#).errorCode, "unauthorized")
        XCTAssertEqual(try client.request(#"{"op":"reload","token":5,"path":"\#(newPath)"}"#).errorCode, "bad_request")
        XCTAssertEqual(try client.request(#"{"op":"info"}"#).object("result")["build_time"] as? String, "test")
        XCTAssertTrue(try client.request(#"{"op":"screen","name":"Kim Jong Un"}"#).isOK, "on loopback only reload needs the token")
        XCTAssertTrue(try client.request(#"{"op":"reload","token":"s3cret","path":"\#(newPath)"}"#).isOK)
        XCTAssertEqual(try client.request(#"{"op":"info"}"#).object("result")["build_time"] as? String, "tokened")
    }

    func testReloadWithoutPathReopensTheServedFile() throws {
        let path = try Fixture.writeSmallIndex(named: "reload-same", buildTime: "v1", rows: [("1", "Ivan Sidorov")])
        let (server, port) = try startServer(index: try IndexFile.open(path), indexPath: path)
        _ = try Fixture.writeSmallIndex(named: "reload-same", buildTime: "v2", rows: [("1", "Ivan Sidorov"), ("2", "Petr Petrov")])
        let client = try LineClient(port: port)
        XCTAssertEqual(try client.request(#"{"op":"info"}"#).object("result")["build_time"] as? String, "v1")
        XCTAssertEqual(try client.request(#"{"op":"reload"}"#).object("result")["build_time"] as? String, "v2")

        // The SIGHUP path: the same swap, from outside any connection.
        _ = try Fixture.writeSmallIndex(named: "reload-same", buildTime: "v3", rows: [("1", "Ivan Sidorov")])
        guard case .success(let text) = server.reload() else { return XCTFail("reload failed") }
        XCTAssertTrue(text.contains("built v3"), text)
        let info = try client.request(#"{"op":"info"}"#).object("result")
        XCTAssertEqual(info["build_time"] as? String, "v3")
        XCTAssertEqual(info["generation"] as? Int, 3)
    }

    func testReloadsUnderLoadFailNoRequest() throws {
        let index = try Fixture.index()
        let path = TestData.temporaryPath("reload-load.vigil")
        _ = try IndexFile.write(index, to: path)
        let (_, port) = try startServer(index: index, indexPath: path)
        let worker = try LineClient(port: port)
        let admin = try LineClient(port: port)
        let expected = try Fixture.expectedScreenLines(name: "Kim Jong Un")
        let rounds = 4, perRound = 50
        for round in 0..<rounds {
            let requests = (0..<perRound).map { #"{"id":\#(round * perRound + $0),"op":"screen","name":"Kim Jong Un"}"# + "\n" }
            try worker.send(requests.joined())
            try admin.send(#"{"id":"r\#(round)","op":"reload"}"# + "\n")
            for n in 0..<perRound {
                let id = round * perRound + n
                XCTAssertEqual(try worker.expectLine(), expected(id))
            }
            let reload = try admin.readObject()
            XCTAssertTrue(reload.isOK, "\(reload)")
        }
        XCTAssertEqual(try admin.request(#"{"op":"info"}"#).object("result")["generation"] as? Int, rounds + 1)
    }
}
