import Foundation
import VigilIndex
import VigilServer
import XCTest

/// Prometheus metrics over real loopback sockets: the `metrics` op and `GET /metrics` on the metrics
/// port count what the server did (requests by op, errors by code, customers, alerts, connections).
final class ServerMetricsTests: ServerTestCase {
    /// Reads a whole HTTP response from 127.0.0.1:`port` for `request`.
    func http(_ port: Int, _ request: String) throws -> String {
        let client = try LineClient(port: port)
        try client.send(request)
        var lines: [String] = []
        while let line = try client.readLine() { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// The value of one sample line (`name{labels} value`) of an exposition text.
    func sample(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    func testMetricsCountRequestsErrorsCustomersAndAlerts() throws {
        let (server, port) = try startServer { $0.metricsPort = 0 }
        let metricsPort = try XCTUnwrap(server.metricsPort)
        let client = try LineClient(port: port)
        XCTAssertEqual(try client.request(#"{"id":1,"op":"screen","name":"Vladimir Putin"}"#)["ok"] as? Bool, true)
        _ = try client.request(#"{"id":2,"op":"batch","customers":[{"id":"a","name":"Kim Jong Un"},{"id":"b","name":"Jane Q Ordinary-Customer"}]}"#)
        _ = try client.request(#"{"id":3,"op":"no_such_op"}"#)
        _ = try client.request("not json at all")
        _ = try client.request(#"{"id":4,"op":"health"}"#)

        // Through the protocol.
        let viaOp = try client.request(#"{"id":5,"op":"metrics"}"#)
        let text = try XCTUnwrap((viaOp["result"] as? [String: Any])?["text"] as? String)
        XCTAssertEqual(sample(text, #"vigil_requests_total{op="screen"}"#), 1)
        XCTAssertEqual(sample(text, #"vigil_requests_total{op="batch"}"#), 1)
        XCTAssertEqual(sample(text, #"vigil_requests_total{op="invalid"}"#), 2, "unknown op and bad JSON: no client-chosen label")
        XCTAssertEqual(sample(text, #"vigil_request_errors_total{code="unknown_op"}"#), 1)
        XCTAssertEqual(sample(text, #"vigil_request_errors_total{code="bad_json"}"#), 1)
        XCTAssertEqual(sample(text, "vigil_customers_screened_total"), 3)
        XCTAssertEqual(sample(text, "vigil_alerts_total"), 2, "Putin and Kim Jong Un alert, the ordinary customer does not")
        XCTAssertEqual(sample(text, "vigil_connections"), 1)
        XCTAssertEqual(sample(text, "vigil_index_generation"), 1)
        XCTAssertEqual(sample(text, #"vigil_request_duration_seconds_count{op="screen"}"#), 1)

        // Over HTTP, as Prometheus scrapes it: the same counters, one more metrics request.
        let response = try http(metricsPort, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertTrue(response.hasPrefix("HTTP/1.1 200 OK"), response)
        XCTAssertTrue(response.contains("Content-Type: text/plain; version=0.0.4"), response)
        XCTAssertEqual(sample(response, #"vigil_requests_total{op="metrics"}"#), 1)
        XCTAssertEqual(sample(response, "vigil_customers_screened_total"), 3)
        XCTAssertTrue(try http(metricsPort, "GET /other HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 404"))
        XCTAssertTrue(try http(metricsPort, "POST /metrics HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 405"))
        XCTAssertTrue(try http(metricsPort, "garbage\r\n\r\n").hasPrefix("HTTP/1.1 400"))
        // The server still answers after all that.
        XCTAssertEqual(try client.request(#"{"id":6,"op":"health"}"#)["ok"] as? Bool, true)
    }

    func testReloadIsCountedAndTheNewIndexShown() throws {
        let first = try Fixture.writeSmallIndex(named: "metrics-a-\(UUID().uuidString)", buildTime: "2026-01-02T03:04:05Z", rows: [("p1", "Alpha Person")])
        let second = try Fixture.writeSmallIndex(named: "metrics-b-\(UUID().uuidString)", buildTime: "2026-02-03T04:05:06Z", rows: [("p2", "Beta Person")])
        let (_, port) = try startServer(index: try IndexFile.open(first), indexPath: first)
        let client = try LineClient(port: port)
        let before = try XCTUnwrap(((try client.request(#"{"id":1,"op":"metrics"}"#))["result"] as? [String: Any])?["text"] as? String)
        XCTAssertEqual(sample(before, "vigil_index_built_timestamp_seconds"), 1_767_323_045)
        XCTAssertEqual(try client.request(#"{"id":2,"op":"reload","path":"\#(second)"}"#)["ok"] as? Bool, true)
        XCTAssertEqual(try client.request(#"{"id":3,"op":"reload","path":"/nonexistent.vigil"}"#)["ok"] as? Bool, false)
        let after = try XCTUnwrap(((try client.request(#"{"id":4,"op":"metrics"}"#))["result"] as? [String: Any])?["text"] as? String)
        XCTAssertEqual(sample(after, "vigil_index_generation"), 2)
        XCTAssertEqual(sample(after, "vigil_index_built_timestamp_seconds"), 1_770_091_506)
        XCTAssertEqual(sample(after, #"vigil_requests_total{op="reload"}"#), 2)
        XCTAssertEqual(sample(after, #"vigil_request_errors_total{code="reload_failed"}"#), 1)
    }
}
