import Foundation
import VigilMonitor
import XCTest

final class PolicyTests: XCTestCase {
    func parse(_ json: String) throws -> Policy { try Policy.parse(Data(json.utf8)) }

    func error(_ json: String) -> String {
        do {
            _ = try parse(json)
            return "parsed"
        } catch { return "\(error)" }
    }

    func testDefaultsAndAFullPolicy() throws {
        let d = Policy()
        XCTAssertEqual(d.reviewCycleYears, [.high: 1, .medium: 2, .low: 3])
        XCTAssertEqual(d.triggers[.newAlert]?.flow, .openCase)
        XCTAssertEqual(d.triggers[.nationalityChanged]?.flow, .rescreen)
        let p = try parse("""
            {"review_cycle_years": {"high": 1, "medium": 3},
             "triggers": {"nationality_changed": {"priority": 2, "flow": "open_case"}},
             "risk": {"nationalities": {"IR": "high", "KP": "high"}, "occupations": {"Diplomat": "medium"}, "base": "low", "expired_id": "high"}}
            """)
        XCTAssertEqual(p.reviewCycleYears, [.high: 1, .medium: 3, .low: 3], "keys left out keep their defaults")
        XCTAssertEqual(p.triggers[.nationalityChanged], Policy.Rule(priority: 2, flow: .openCase))
        XCTAssertEqual(p.triggers[.newAlert], d.triggers[.newAlert])
        XCTAssertEqual(p.risk.nationalities, ["IR": .high, "KP": .high])
        XCTAssertEqual(p.risk.occupations, ["diplomat": .medium])
        XCTAssertEqual(p.risk.expiredID, .high)
    }

    func testMistakesAreReportedWithTheirPath() {
        XCTAssertTrue(error("{\"review_cycle_years\": {\"high\": \"one\"}}").contains("$.review_cycle_years.high: must be a whole number"))
        XCTAssertTrue(error("{\"review_cycle_years\": {\"high\": true}}").contains("$.review_cycle_years.high: must be a whole number"))
        XCTAssertTrue(error("{\"review_cycle_years\": {\"urgent\": 1}}").contains("$.review_cycle_years.urgent: unknown key"))
        XCTAssertTrue(error("{\"triggers\": {\"new_alrt\": {\"priority\": 1, \"flow\": \"open_case\"}}}").contains("$.triggers.new_alrt: unknown key; expected one of new_alert"))
        XCTAssertTrue(error("{\"triggers\": {\"new_alert\": {\"priority\": 0, \"flow\": \"open_case\"}}}").contains("$.triggers.new_alert.priority: must be 1 or more"))
        XCTAssertTrue(error("{\"triggers\": {\"new_alert\": {\"priority\": 1, \"flow\": \"email\"}}}").contains("$.triggers.new_alert.flow: must be \"open_case\" or \"rescreen\""))
        XCTAssertTrue(error("{\"triggers\": {\"new_alert\": {\"priority\": 1}}}").contains("$.triggers.new_alert: needs priority and flow"))
        XCTAssertTrue(error("{\"risk\": {\"nationalities\": {\"ir\": \"high\"}}}").contains("$.risk.nationalities.ir: use ISO 3166"))
        XCTAssertTrue(error("{\"risk\": {\"alert\": \"severe\"}}").contains("$.risk.alert: must be \"low\", \"medium\" or \"high\""))
        XCTAssertTrue(error("[1]").contains("$: must be an object"))
        XCTAssertTrue(error("{\"review_cycle_years\": ").contains("not valid JSON"))
    }
}
