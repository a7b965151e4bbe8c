import Foundation
import XCTest
import VigilIndex
import VigilLists
import VigilMatcher
@testable import VigilScreening
import VigilTestSupport

/// `--decisions`: a known false positive is suppressed while the listed entity stays as reviewed, and
/// alerts again once a list update changes the entity — tested on two real UN list versions.
final class DecisionsTests: XCTestCase {
    static func unIndex(_ date: String) throws -> (SearchIndex, [Entity]) {
        let path = TestData.sharedDirectory + "/lists/un/consolidated_\(date).xml"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "\(path) absent (../shared/data)")
        let list = try ListLoader.load(SourceSpec(format: .unXML, paths: [path]))
        var builder = IndexBuilder()
        builder.add(list)
        let file = TestData.temporaryPath("un-\(date)-\(UUID().uuidString).vigil")
        try IndexFile.write(builder.build(buildTime: "test"), to: file)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return (try IndexFile.open(file), list.entities)
    }

    func decision(_ customer: String, _ entity: Entity, _ verdict: Decision.Verdict, hash: String? = nil, date: String = "2025-01-15") -> Decision {
        Decision(customerID: customer, entityID: entity.id, verdict: verdict, entityHash: hash ?? entity.contentHash,
                 reviewer: "a.reviewer", date: date, note: nil, source: "test")
    }

    func testClearedFalsePositiveStaysClearedUntilTheListedEntityGainsAnAlias() throws {
        let (oldIndex, oldEntities) = try Self.unIndex("2024-11-30")
        let (newIndex, newEntities) = try Self.unIndex("2026-02-27")
        // Persons whose 2026 entry adds names to the 2024 one and keeps its primary name.
        let diff = ListDiff(old: oldEntities, new: newEntities)
        let gainedAlias = diff.entries.filter { e in
            guard e.change == .changed, let old = e.old, let new = e.new, old.schema == .person, old.primaryName == new.primaryName,
                  let names = e.fields.first(where: { $0.field == .names }) else { return false }
            return Set(names.after).isSuperset(of: names.before) && names.after.count > names.before.count
        }
        XCTAssertFalse(gainedAlias.isEmpty, "UN 2024-11 -> 2026-02 has persons with new aliases")
        var checked = 0
        for change in gainedAlias.prefix(5) {
            let old = try XCTUnwrap(change.old)
            let customer = Customer(id: "K\(checked)", name: old.primaryName)
            let plain = Screener(matcher: Matcher(index: oldIndex)).screen(customer)
            guard let i = plain.matches.firstIndex(where: { $0.entity.id == old.id }), plain.matches[i].score >= plain.threshold else { continue }
            checked += 1

            // The reviewer clears it on the 2024 list: suppressed there, never an alert from that entity.
            let book = DecisionBook([decision(customer.id, old, .falsePositive, hash: plain.matches[i].entity.contentHash)])
            let before = Screener(matcher: Matcher(index: oldIndex), decisions: book).screen(customer)
            let j = try XCTUnwrap(before.matches.firstIndex { $0.entity.id == old.id })
            XCTAssertEqual(before.effect(of: j), .suppressed, old.id)
            XCTAssertTrue(before.matches[j].score >= before.threshold, "still shown with its score")
            XCTAssertEqual(before.alert, before.matches.indices.contains { before.matches[$0].score >= before.threshold && $0 != j })
            let json = String(decoding: before.jsonLine(), as: UTF8.self)
            XCTAssertTrue(json.contains("\"suppressed\":true") && json.contains("\"effect\":\"suppressed\""), json)

            // After the list update the entity has a new alias: the cleared match alerts again.
            let after = Screener(matcher: Matcher(index: newIndex), decisions: book).screen(customer)
            let k = try XCTUnwrap(after.matches.firstIndex { $0.entity.id == old.id }, "\(old.id) still matches in 2026")
            XCTAssertEqual(after.effect(of: k), .reAlert, old.id)
            XCTAssertTrue(after.alert)
            XCTAssertNotEqual(after.decisions[k]?.currentHash, book.decision(customer: customer.id, entity: old.id)?.entityHash)
        }
        XCTAssertGreaterThan(checked, 0, "no cleared entity was checked")
    }

    func testConfirmedTrueMatchStillAlerts() throws {
        let (index, entities) = try Self.unIndex("2026-02-27")
        let matcher = Matcher(index: index)
        let listed = try XCTUnwrap(entities.first { $0.schema == .person })
        let first = Screener(matcher: matcher).screen(Customer(id: "c1", name: listed.primaryName))
        let top = try XCTUnwrap(first.matches.first)
        XCTAssertTrue(first.alert)
        let book = DecisionBook([decision("c1", top.entity, .trueMatch)])
        let again = Screener(matcher: matcher, decisions: book).screen(Customer(id: "c1", name: listed.primaryName))
        XCTAssertEqual(again.effect(of: 0), .confirmed)
        XCTAssertTrue(again.alert)
        // A decision is per customer: another customer of the same name is untouched.
        let other = Screener(matcher: matcher, decisions: book).screen(Customer(id: "c2", name: listed.primaryName))
        XCTAssertNil(other.effect(of: 0))
    }

    func testLaterDecisionOnTheSamePairWins() {
        let e = Entity(id: "un:1", list: "un", schema: .person, names: [EntityName("A B", type: .primary)])
        var book = DecisionBook()
        book.add(decision("c", e, .trueMatch, date: "2025-03-01"))
        book.add(decision("c", e, .falsePositive, date: "2025-01-01"))
        XCTAssertEqual(book.decision(customer: "c", entity: "un:1")?.verdict, .trueMatch)
        book.add(decision("c", e, .falsePositive, date: "2025-06-01"))
        XCTAssertEqual(book.decision(customer: "c", entity: "un:1")?.verdict, .falsePositive)
        XCTAssertEqual(book.count, 1)
    }

    func testBadDecisionLinesStopTheLoadNamingTheLine() throws {
        let good = #"{"customer_id":"c1","entity_id":"un:1","decision":"false-positive","entity_hash":"AB12","reviewer":"r","date":"2025-01-02"}"#
        let cases: [(String, String)] = [
            ("not json", "not a JSON object"),
            (#"{"customer_id":"c1","entity_id":"un:1","decision":"maybe","entity_hash":"a","reviewer":"r","date":"2025-01-02"}"#, "neither false_positive nor true_match"),
            (#"{"customer_id":"c1","entity_id":"un:1","decision":"false_positive","reviewer":"r","date":"2025-01-02"}"#, "'entity_hash' is missing"),
            (#"{"customer_id":"c1","entity_id":"un:1","decision":"false_positive","entity_hash":"a","reviewer":"r","date":"2025-13-02"}"#, "not YYYY-MM-DD"),
            (#"{"customer_id":7,"entity_id":"un:1","decision":"false_positive","entity_hash":"a","reviewer":"r","date":"2025-01-02"}"#, "'customer_id' must be a string"),
            (#"{"entity_id":"un:1","decision":"false_positive","entity_hash":"a","reviewer":"r","date":"2025-01-02"}"#, "'customer_id' is missing"),
        ]
        for (bad, reason) in cases {
            let path = TestData.temporaryPath("decisions-\(UUID().uuidString).jsonl")
            try Data((good + "\n\n" + bad + "\n").utf8).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try DecisionBook.load(path: path)) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("\(path):3:") && text.contains(reason), text)
            }
        }
        let path = TestData.temporaryPath("decisions-\(UUID().uuidString).jsonl")
        try Data(("\u{FEFF}" + good + "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        let book = try DecisionBook.load(path: path)
        XCTAssertEqual(book.decision(customer: "c1", entity: "un:1")?.verdict, .falsePositive)
        XCTAssertEqual(book.decision(customer: "c1", entity: "un:1")?.entityHash, "ab12")
    }
}
