import NIOCore
import VigilServer
import XCTest

/// Decoding, authorization and answers without a socket: `RequestService.handle` on one line.
final class RequestServiceTests: XCTestCase {
    private func service(token: String?, everyRequest: Bool) throws -> RequestService {
        RequestService(
            store: IndexStore(index: try Fixture.index(), path: "/nonexistent.vigil"),
            authorization: Authorization(token: token, requiredForEveryRequest: everyRequest))
    }

    /// The response line for `request`; reloads are reported as "reload".
    private func answer(_ service: RequestService, _ request: String) -> String {
        switch service.handle(ByteBuffer(string: request)) {
        case .response(let buffer): return String(buffer: buffer)
        case .reload: return "reload"
        }
    }

    func testNonLoopbackServerNeedsTheTokenOnEveryRequest() throws {
        let s = try service(token: "t0k", everyRequest: true)
        for request in [#"{"id":1,"op":"health"}"#, #"{"id":1,"op":"screen","name":"x"}"#, #"{"id":1,"op":"nope"}"#] {
            XCTAssertEqual(
                answer(s, request),
                #"{"id":1,"ok":false,"error":{"code":"unauthorized","message":"this request needs the server's \"token\""}}"# + "\n")
        }
        XCTAssertTrue(answer(s, #"{"id":1,"op":"health","token":"t0kk"}"#).contains(#""code":"unauthorized","message":"wrong \"token\"""#))
        XCTAssertTrue(answer(s, #"{"id":1,"op":"health","token":"t0k"}"#).hasPrefix(#"{"id":1,"ok":true,"result":{"status":"ok""#))
        XCTAssertEqual(answer(s, #"{"op":"reload","token":"t0k"}"#), "reload")
    }

    func testLoopbackServerWithTokenGuardsOnlyReload() throws {
        let s = try service(token: "t0k", everyRequest: false)
        XCTAssertTrue(answer(s, #"{"op":"health"}"#).contains(#""ok":true"#))
        XCTAssertTrue(answer(s, #"{"op":"reload"}"#).contains("unauthorized"))
        XCTAssertEqual(answer(s, #"{"op":"reload","token":"t0k","path":"/x.vigil"}"#), "reload")
    }

    func testLoopbackServerWithoutTokenAllowsReload() throws {
        let s = try service(token: nil, everyRequest: false)
        XCTAssertEqual(answer(s, #"{"op":"reload","token":"anything"}"#), "reload")
        XCTAssertTrue(answer(s, #"{"op":"reload","path":""}"#).contains("bad_request"))
        XCTAssertTrue(answer(s, #"{"op":"reload","path":7}"#).contains("bad_request"))
        XCTAssertTrue(answer(s, #"{"op":"reload","extra":1}"#).contains(#"unknown field \"extra\" for op reload"#))
    }

    func testReloadFailureKeepsTheServedIndex() throws {
        let s = try service(token: nil, everyRequest: false)
        guard case .failure(let error) = s.store.reloadNow(path: "/nonexistent/x.vigil") else { return XCTFail("opened a missing file") }
        let line = String(buffer: s.reloadResponse(id: .string("r"), .failure(error)))
        XCTAssertTrue(line.hasPrefix(#"{"id":"r","ok":false,"error":{"code":"reload_failed","message":"/nonexistent/x.vigil: cannot open"#), line)
        XCTAssertTrue(line.contains("still serving /nonexistent.vigil, generation 1"), line)
        XCTAssertEqual(s.store.current.number, 1)
    }
}
