import Foundation
import XCTest
import VigilMatcher
@testable import VigilScreening
import VigilTestSupport

final class BulkScreenerTests: XCTestCase {
    func testEveryRowGetsExactlyOneResultInInputOrder() throws {
        let matcher = Matcher(index: try TestData.ofacUNIndex.get())
        var lines = ["id,name,birth_date"]
        let names = ["Vladimir Putin", "Jane Ordinary", "", "Kim Jong Un", "Hassan Nasrallah", "Peter Smithson"]
        for i in 0..<1500 { lines.append("r\(i),\(names[i % names.count]),\(i % 97 == 0 ? "bad-date" : "")") }
        let path = TestData.temporaryPath("bulk.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))

        let bulk = BulkScreener(screener: Screener(matcher: matcher), workers: 2, batchSize: 128)
        var results: [ScreeningResult] = []
        let summary = try bulk.run(try CustomerReader(path: path), emit: { results.append($0) })
        XCTAssertEqual(summary.rows, 1500)
        XCTAssertEqual(results.map(\.id), (0..<1500).map { "r\($0)" })
        for (i, r) in results.enumerated() {
            switch names[i % names.count] {
            case "Vladimir Putin": XCTAssertEqual(r.matches.first?.entity.id, "ofac:35096", "row \(i)")
            case "": XCTAssertNotNil(r.error); XCTAssertFalse(r.alert)
            case "Peter Smithson": XCTAssertFalse(r.alert, "row \(i)")
            default: break
            }
            if i % 97 == 0 { XCTAssertNotNil(r.error, "row \(i) has a bad date") }
        }
        XCTAssertEqual(summary.errors, results.filter { $0.error != nil }.count)
        XCTAssertEqual(summary.alerts, results.filter(\.alert).count)
    }

    func testOutputRowFollowsTheContract() throws {
        let matcher = Matcher(index: try TestData.ofacUNIndex.get())
        let screener = Screener(matcher: matcher, options: ScreeningOptions(threshold: 0.8, limit: 3))
        let r = screener.screen(Customer(id: "c\"1", name: "Vladimir Putin"))
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.jsonLine())) as? [String: Any])
        XCTAssertEqual(obj["id"] as? String, "c\"1")
        XCTAssertEqual(obj["alert"] as? Bool, true)
        XCTAssertEqual(obj["threshold"] as? Double, 0.8)
        XCTAssertNil(obj["error"])
        let matches = try XCTUnwrap(obj["matches"] as? [[String: Any]])
        XCTAssertLessThanOrEqual(matches.count, 3)
        let first = try XCTUnwrap(matches.first)
        XCTAssertEqual(first["entity_id"] as? String, "ofac:35096")
        XCTAssertEqual(first["list"] as? String, "ofac")
        XCTAssertEqual(first["name"] as? String, "PUTIN, Vladimir Vladimirovich")
        XCTAssertNotNil(first["matched_name"] as? String)
        let scores = matches.compactMap { $0["score"] as? Double }
        XCTAssertEqual(scores, scores.sorted(by: >))
        for m in matches { XCTAssertEqual(m["alert"] as? Bool, (m["score"] as! Double) >= 0.8) }
        let explanation = try XCTUnwrap(first["explanation"] as? [String: Any])
        XCTAssertNotNil(explanation["summary"] as? String)
        XCTAssertEqual((explanation["tokens"] as? [[String: Any]])?.count, 2)
    }
}
