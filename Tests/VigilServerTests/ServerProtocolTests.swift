import Foundation
import VigilScreening
import VigilServer
import XCTest

/// The protocol over a real loopback socket, against the real OFAC + UN index.
final class ServerProtocolTests: ServerTestCase {
    func testScreenFindsPutinWithTheBulkRowAsResult() throws {
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        try client.send(#"{"id":"a","op":"screen","name":"Vladimir Vladimirovich PUTIN"}"# + "\n")
        let line = try client.expectLine()
        let expected = try Fixture.expectedScreenLine(idJSON: #""a""#, customer: Customer(id: "a", name: "Vladimir Vladimirovich PUTIN"))
        XCTAssertEqual(line, expected, "the result must be exactly the bulk output row")

        let response = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        XCTAssertEqual(response["id"] as? String, "a")
        XCTAssertEqual(response["ok"] as? Bool, true)
        let result = try response.object("result")
        XCTAssertEqual(result["alert"] as? Bool, true)
        let matches = try result.objects("matches")
        XCTAssertEqual(try matches.first?.string("entity_id"), "ofac:35096")
        XCTAssertNotNil(matches.first?["explanation"] as? [String: Any])
    }

    func testAttributesThresholdAndLimitAreApplied() throws {
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        let request = #"{"id":1,"op":"screen","name":"Vladimir Putin","gender":"male","birth_date":"1952-10-07","nationality":"RU","threshold":0.95,"limit":1}"#
        try client.send(request + "\n")
        var customer = Customer(id: "1", name: "Vladimir Putin")
        customer.gender = "male"
        customer.birthDate = "1952-10-07"
        customer.nationality = "RU"
        let result = Screener(matcher: try Fixture.matcher.get(), options: ScreeningOptions(threshold: 0.95, limit: 1)).screen(customer)
        let row = String(decoding: result.jsonLine().dropLast(), as: UTF8.self)
        XCTAssertEqual(try client.expectLine(), #"{"id":1,"ok":true,"result":"# + row + "}")
        XCTAssertLessThanOrEqual(result.matches.count, 1)
    }

    func testIDsAreEchoedExactlyAsSent() throws {
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        for (sent, echoed) in [
            (#""id":"x\"y""#, #""x\"y""#), (#""id":7"#, "7"), (#""id":1.50"#, "1.50"), (#""id":-2e3"#, "-2e3"),
            (#""id":true"#, "true"), (#""id":null"#, "null"), ("", "null"), (#""id":"Ж""#, #""Ж""#),
        ] {
            let members = sent.isEmpty ? "" : sent + ","
            try client.send("{\(members)\"op\":\"health\"}\n")
            let line = try client.expectLine()
            XCTAssertTrue(line.hasPrefix("{\"id\":\(echoed),\"ok\":true,"), "sent \(sent), got \(line)")
        }
    }

    func testPipelinedRequestsAreAnsweredInOrderAndGarbageGetsBadJSON() throws {
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        try client.send(
            #"{"id":"a","op":"screen","name":"Vladimir Vladimirovich PUTIN"}"# + "\n{not json\n"
                + #"{"id":"c","op":"screen","name":"Kim Jong Un"}"# + "\n")
        let a = try client.readObject()
        let b = try client.readObject()
        let c = try client.readObject()
        XCTAssertEqual(a["id"] as? String, "a")
        XCTAssertTrue(a.isOK)
        XCTAssertEqual(try a.object("result").objects("matches").first?.string("entity_id"), "ofac:35096")
        XCTAssertTrue(b["id"] is NSNull)
        XCTAssertEqual(b["ok"] as? Bool, false)
        XCTAssertEqual(b.errorCode, "bad_json")
        XCTAssertEqual(c["id"] as? String, "c")
        XCTAssertTrue(c.isOK)
        XCTAssertEqual(try client.request(#"{"id":"d","op":"health"}"#)["id"] as? String, "d", "the connection stays usable")
    }

    func testOverLongLineIsRefusedAndTheConnectionGoesOn() throws {
        let (_, port) = try startServer()  // default limit: 1 MiB
        let client = try LineClient(port: port)
        let long = #"{"id":"long","op":"screen","name":""# + String(repeating: "A", count: (1 << 20) + 10) + "\"}\n"
        try client.send(long + #"{"id":"next","op":"screen","name":"Kim Jong Un"}"# + "\n")
        let refused = try client.readObject()
        XCTAssertEqual(refused.errorCode, "line_too_long")
        XCTAssertTrue(refused["id"] is NSNull, "the id of a discarded line is unknown")
        let next = try client.readObject()
        XCTAssertEqual(next["id"] as? String, "next")
        XCTAssertTrue(next.isOK)
    }

    func testLineJustUnderTheLimitIsAccepted() throws {
        let (_, port) = try startServer { $0.maximumLineLength = 200 }
        let client = try LineClient(port: port)
        var request = #"{"id":"edge","op":"health"}"#
        request += String(repeating: " ", count: 200 - request.utf8.count)
        XCTAssertEqual(request.utf8.count, 200)
        XCTAssertTrue(try client.request(request + "\r").isOK, "200 bytes plus CRLF is within a 200-byte limit")
        XCTAssertEqual(try client.request(request + " ").errorCode, "line_too_long")
        XCTAssertTrue(try client.request(#"{"op":"health"}"#).isOK)
    }

    func testBatchAnswersOneRowPerCustomerInOrder() throws {
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        let response = try client.request(
            #"{"id":"b1","op":"batch","customers":[{"id":"p","name":"Vladimir Vladimirovich PUTIN","birth_date":"1952-10-07"},"#
                + #"{"id":42,"name":"Jane Q Ordinary-Customer"},{"name":"  "},{"name":"Kim Jong Un"}]}"#)
        XCTAssertEqual(response["id"] as? String, "b1")
        let results = try response.object("result").objects("results")
        XCTAssertEqual(results.count, 4)
        XCTAssertEqual(results.map { $0["id"] as? String }, ["p", "42", "2", "3"], "ids as given, else the position")
        XCTAssertEqual(try results[0].objects("matches").first?.string("entity_id"), "ofac:35096")
        XCTAssertEqual(results[0]["alert"] as? Bool, true)
        XCTAssertEqual(results[1]["alert"] as? Bool, false)
        XCTAssertEqual(results[2]["error"] as? String, "name is empty")
        XCTAssertEqual(results[2]["alert"] as? Bool, false)
        XCTAssertEqual(results[3]["alert"] as? Bool, true)
    }

    func testInfoDescribesTheServedIndex() throws {
        let index = try Fixture.index()
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        let info = try client.request(#"{"id":"i","op":"info"}"#).object("result")
        XCTAssertEqual(info["build_time"] as? String, "test")
        XCTAssertEqual(info["generation"] as? Int, 1)
        let counts = try info.object("counts")
        XCTAssertEqual(counts["entities"] as? Int, index.meta.entityCount)
        XCTAssertEqual(counts["names"] as? Int, index.meta.nameCount)
        let sources = try info.objects("sources")
        XCTAssertEqual(sources.compactMap { $0["list"] as? String }, index.meta.sources.map(\.list))
        XCTAssertEqual(sources.map { $0["publication_date"] as? String }, index.meta.sources.map(\.publicationDate))
        XCTAssertTrue(sources.allSatisfy { ($0["files"] as? [String])?.isEmpty == false })

        let health = try client.request(#"{"id":"h","op":"health"}"#).object("result")
        XCTAssertEqual(health["status"] as? String, "ok")
        XCTAssertEqual(health["entities"] as? Int, index.meta.entityCount)
    }

    func testBadRequestsAreAnsweredAndTheConnectionSurvives() throws {
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        let cases: [(request: String, code: String, mentions: String)] = [
            (#"{"id":1,"op":"frobnicate"}"#, "unknown_op", "frobnicate"),
            (#"{"id":2,"name":"x"}"#, "bad_request", "op"),
            (#"{"id":3,"op":7}"#, "bad_request", "op"),
            (#"{"id":4,"op":"screen"}"#, "bad_request", "name"),
            (#"{"id":5,"op":"screen","name":12}"#, "bad_request", "name"),
            (#"{"id":6,"op":"screen","name":"   "}"#, "bad_request", "empty"),
            (#"{"id":7,"op":"screen","name":"x","threshold":2}"#, "bad_request", "threshold"),
            (#"{"id":8,"op":"screen","name":"x","limit":0.5}"#, "bad_request", "limit"),
            (#"{"id":9,"op":"screen","name":"x","birthdate":"1952"}"#, "bad_request", "birthdate"),
            (#"{"id":10,"op":"batch","customers":{}}"#, "bad_request", "customers"),
            (#"{"id":11,"op":"batch","customers":[{"name":"x","dob":"1"}]}"#, "bad_request", "customers[0].dob"),
            (#"{"id":12,"op":"screen","name":"x","name":"y"}"#, "bad_json", "duplicate"),
            (#"{"id":[1],"op":"health"}"#, "bad_request", "id"),
            (#"[1,2]"#, "bad_request", "object"),
            (#"{"id":13,"op":"health"} trailing"#, "bad_json", "after"),
            (#"{"id":14,"op":"screen","name":"\ud800"}"#, "bad_json", "surrogate"),
            (String(repeating: "[", count: 10_000), "bad_json", "nesting"),
        ]
        for c in cases {
            let response = try client.request(c.request)
            XCTAssertEqual(response["ok"] as? Bool, false, c.request)
            XCTAssertEqual(response.errorCode, c.code, c.request)
            let message = try response.object("error").string("message")
            XCTAssertTrue(message.contains(c.mentions), "\(c.request): message \(message) should mention \(c.mentions)")
        }
        try client.send(bytes: Array(#"{"id":15,"op":"screen","name":""#.utf8) + [0xC3, 0x28] + Array("\"}\n".utf8))
        let invalidUTF8 = try client.readObject()
        XCTAssertEqual(invalidUTF8.errorCode, "bad_json")
        XCTAssertTrue(try client.request(#"{"op":"health"}"#).isOK, "the connection survives every bad request")
    }

    func testBlankLinesAreSkipped() throws {
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        try client.send("\n  \r\n" + #"{"id":"after-blank","op":"health"}"# + "\n")
        XCTAssertEqual(try client.readObject()["id"] as? String, "after-blank")
    }

    func testHalfClosedClientGetsEveryAnswerThenEndOfStream() throws {
        let (_, port) = try startServer()
        let client = try LineClient(port: port)
        // The last request has no newline: it is still a request when the input ends.
        try client.send(#"{"id":1,"op":"screen","name":"Kim Jong Un"}"# + "\n" + #"{"id":2,"op":"health"}"#)
        client.finishSending()
        XCTAssertEqual(try client.readObject()["id"] as? Int, 1)
        XCTAssertEqual(try client.readObject()["id"] as? Int, 2)
        XCTAssertNil(try client.readLine(), "the server closes once everything is answered")
    }

    func testIdleConnectionIsClosed() throws {
        let (_, port) = try startServer { $0.idleTimeout = .milliseconds(100) }
        let idle = try LineClient(port: port)
        XCTAssertNil(try idle.readLine(), "an idle connection is closed by the server")
        XCTAssertTrue(try LineClient(port: port).request(#"{"op":"health"}"#).isOK)
    }

    func testALongBatchDoesNotHoldUpOtherConnections() throws {
        let (_, port) = try startServer {
            $0.ioThreads = 1
            $0.screeningThreads = 2
        }
        let busy = try LineClient(port: port)
        let other = try LineClient(port: port)
        let customers = Array(repeating: #"{"name":"Vladimir Vladimirovich PUTIN","birth_date":"1952-10-07"}"#, count: 400)
        try busy.send(#"{"id":"long","op":"batch","customers":["# + customers.joined(separator: ",") + "]}\n")
        XCTAssertTrue(try other.request(#"{"id":"quick","op":"health"}"#).isOK)
        XCTAssertFalse(busy.hasDataWaiting(), "the quick request on another connection was answered first")
        let batch = try busy.readObject()
        XCTAssertEqual(try batch.object("result").objects("results").count, 400)
    }

    func testConnectionsBeyondTheLimitAreRefusedWithAReason() throws {
        let (_, port) = try startServer { $0.maximumConnections = 2 }
        let first = try LineClient(port: port)
        let second = try LineClient(port: port)
        XCTAssertTrue(try first.request(#"{"op":"health"}"#).isOK)
        XCTAssertTrue(try second.request(#"{"op":"health"}"#).isOK)
        let third = try LineClient(port: port)
        XCTAssertEqual(try third.readObject().errorCode, "too_many_connections")
        XCTAssertNil(try third.readLine())
        XCTAssertTrue(try first.request(#"{"op":"health"}"#).isOK, "admitted connections are unaffected")
    }

    func testNonLoopbackBindWithoutTokenDoesNotStart() throws {
        var config = ServerConfiguration()
        config.host = "0.0.0.0"
        config.port = 0
        let server = ScreeningServer(configuration: config, index: try Fixture.index(), indexPath: "x")
        XCTAssertThrowsError(try server.start()) { error in
            XCTAssertEqual(error as? ServerStartError, .tokenRequired(host: "0.0.0.0"))
        }
        server.shutdownAndWait()
    }
}
