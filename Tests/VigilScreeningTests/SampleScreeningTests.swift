import Foundation
import XCTest
import VigilLists
import VigilMatcher
@testable import VigilScreening
import VigilTestSupport

/// The first run a user makes: the shipped sample customers against the default index. Each listed
/// person in the sample (real names in other spellings and scripts; answer key in
/// customers_expected.csv) must alert on the expected entity; the ordinary customers must not.
final class SampleScreeningTests: XCTestCase {
    func testSampleCustomersAlertExactlyOnTheListedOnes() throws {
        let index = try TestData.defaultIndex.get()
        let dir = TestData.dataDirectory + "/samples"
        var expected: [String: (entity: String, variant: String)] = [:]
        let key = try CSVReader(path: dir + "/customers_expected.csv")
        _ = try key.next()
        while let r = try key.next() { expected[r.fields[0]] = (r.fields[1], r.fields[2]) }
        XCTAssertGreaterThanOrEqual(expected.count, 50)

        let bulk = BulkScreener(screener: Screener(matcher: Matcher(index: index)))
        var results: [ScreeningResult] = []
        let summary = try bulk.run(try CustomerReader(path: dir + "/customers.csv"), emit: { results.append($0) })
        XCTAssertEqual(summary.rows, 200)
        XCTAssertEqual(results.filter { $0.error != nil }.map(\.id).sorted(), ["C0108", "C0136"])

        var missed: [String] = []
        var falseAlerts: [String] = []
        for r in results {
            let alerted = r.matches.filter { $0.score >= r.threshold }.map(\.entity.id)
            if let e = expected[r.id] {
                if !alerted.contains(e.entity) { missed.append("\(r.id) \(e.variant) \(e.entity) got \(r.matches.prefix(2).map { "\($0.entity.id)=\($0.score)" })") }
            } else if !alerted.isEmpty {
                falseAlerts.append("\(r.id) -> \(alerted)")
            }
        }
        XCTAssertEqual(missed, [], "listed customers not alerted")
        XCTAssertEqual(falseAlerts, [], "ordinary customers alerted")
    }
}
