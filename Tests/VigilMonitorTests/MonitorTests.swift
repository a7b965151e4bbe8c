import Foundation
import VigilIndex
import VigilLists
import VigilMatcher
import VigilNormalization
@testable import VigilMonitor
import VigilScreening
import VigilTestSupport
import XCTest

/// The customer store followed through a real list update: UN consolidated 2024-11-30 -> 2026-02-27
/// (136 entities added, 25 changed, 12 removed), with synthetic customers and customers named like
/// listed entities of every kind of change.
final class MonitorTests: XCTestCase {
    struct Setup {
        var old: Matcher
        var new: Matcher
        var customersCSV: String
        var customerCount: Int
        var diff: ListDiff
    }

    static let setup: Result<Setup, Error> = Result {
        let oldList = try ListLoader.load(SourceSpec(format: .unXML, paths: [TestData.sharedDirectory + "/lists/un/consolidated_2024-11-30.xml"]))
        let newList = try ListLoader.load(SourceSpec(format: .unXML, paths: [TestData.dataDirectory + "/lists/un/consolidated_2026-02-27.xml"]))
        func matcher(_ list: LoadedList, _ name: String) throws -> Matcher {
            var b = IndexBuilder()
            b.add(list)
            let path = TestData.temporaryPath(name)
            try IndexFile.write(b.build(buildTime: name), to: path)
            return Matcher(index: try IndexFile.open(path))
        }
        let diff = ListDiff(old: oldList.entities, new: newList.entities)
        // Customers: synthetic people, plus one named like each added, changed and removed entity
        // (its primary name, and for persons a typo of it), plus 150 unchanged listed entities.
        var rows: [(String, String)] = []
        let synthetic = try syntheticNames(3000)
        for (i, n) in synthetic.enumerated() { rows.append(("S\(i)", n)) }
        for (i, e) in diff.entries.enumerated() {
            rows.append(("D\(i)", e.name))
            if e.entity.schema == .person, e.name.count > 8 {
                var chars = Array(e.name)
                chars.swapAt(3, 4)
                rows.append(("T\(i)", String(chars)))
            }
        }
        let changedIDs = Set(diff.entries.map(\.id))
        for (i, e) in newList.entities.filter({ !changedIDs.contains($0.id) }).prefix(150).enumerated() { rows.append(("U\(i)", e.primaryName)) }
        let csv = TestData.temporaryPath("monitor-customers.csv")
        let text = "id,name\n" + rows.map { "\($0.0),\"\($0.1.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }.joined()
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        return Setup(old: try matcher(oldList, "un-2024.vigil"), new: try matcher(newList, "un-2026.vigil"),
                     customersCSV: csv, customerCount: rows.count, diff: diff)
    }

    static func syntheticNames(_ n: Int) throws -> [String] {
        let path = TestData.sharedDirectory + "/names/synthetic_customers_faker40.54_1M.csv.gz"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "zcat '\(path)' | head -\(n + 1) | cut -d, -f2"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst().map(String.init)
    }

    override func setUpWithError() throws {
        try XCTSkipUnless(TestData.hasShared, "../shared/data is absent (UN 2024-11-30, synthetic customers)")
    }

    func newStore() throws -> CustomerStore {
        try CustomerStore(path: TestData.temporaryPath(UUID().uuidString + ".store"))
    }

    /// Alerting (customer, entity) pairs of a full screen of every customer.
    func fullScreenAlerts(_ matcher: Matcher, _ s: Setup) throws -> Set<String> {
        let reader = try CustomerReader(path: s.customersCSV)
        var out = Set<String>()
        let screener = Screener(matcher: matcher)
        while let row = try reader.next() {
            for m in screener.screen(row.customer).matches where m.score >= ScreeningOptions.defaultThreshold {
                out.insert(row.customer.id + " " + m.entity.id)
            }
        }
        return out
    }

    func testUpdateAfterARealListChangeEqualsAFullRescreen() throws {
        let s = try Self.setup.get()
        let store = try newStore()
        let monitor = Monitor(store: store)
        let loaded = try monitor.load(try CustomerReader(path: s.customersCSV), matcher: s.old, indexID: "un-2024")
        XCTAssertEqual(loaded.rows, s.customerCount)
        XCTAssertEqual(loaded.added, s.customerCount)
        XCTAssertEqual(loaded.rejected, [])
        let before = try store.alerts()
        XCTAssertEqual(Set(before.map { $0.customerID + " " + $0.entityID }), try fullScreenAlerts(s.old, s))

        let update = try monitor.update(to: s.new, indexID: "un-2026")
        XCTAssertEqual([update.entitiesAdded, update.entitiesChanged, update.entitiesRemoved],
                       [s.diff.count(.added), s.diff.count(.changed), s.diff.count(.removed)])
        let after = try store.alerts()
        let expected = try fullScreenAlerts(s.new, s)
        XCTAssertEqual(Set(after.map { $0.customerID + " " + $0.entityID }), expected, "update differs from a full re-screen")
        XCTAssertLessThan(update.rescreened, s.customerCount / 2, "the update screened most customers again")
        print("monitor update: \(update.rescreened) of \(s.customerCount) customers screened again (reached \(update.reached), "
              + "alerted on changed \(update.alertedOnChanged), near threshold \(update.nearThreshold)); "
              + "alerts opened \(update.alertsOpened), closed \(update.alertsClosed)")

        // Alerts on entities the update removed are closed, with the reason.
        let removed = Set(s.diff.entries.filter { $0.change == .removed }.map(\.id))
        let closedOnRemoved = try store.alerts(includeClosed: true).filter { removed.contains($0.entityID) }
        XCTAssertFalse(closedOnRemoved.isEmpty)
        for a in closedOnRemoved {
            XCTAssertFalse(a.open)
            XCTAssertEqual(a.closeReason, "list update: entity removed")
        }
        // Customers named like added entities now alert on them, and each has a case saying so.
        let added = Set(s.diff.entries.filter { $0.change == .added }.map(\.id))
        let onAdded = after.filter { added.contains($0.entityID) }
        XCTAssertGreaterThan(onAdded.count, 50)
        let cases = Dictionary(try store.cases().map { ($0.customerID, $0) }, uniquingKeysWith: { a, _ in a })
        for a in onAdded {
            let reasons = cases[a.customerID]?.reasons ?? []
            XCTAssertTrue(reasons.contains { $0.hasPrefix("new_alert: new alert on \(a.entityID) ") }, "\(a.customerID): \(reasons)")
        }

        // A second update to the same index does nothing; a reload of unchanged customers screens none.
        XCTAssertEqual(try monitor.update(to: s.new, indexID: "un-2026").rescreened, 0)
        let again = try monitor.load(try CustomerReader(path: s.customersCSV), matcher: s.new, indexID: "un-2026")
        XCTAssertEqual([again.unchanged, again.added, again.changed], [s.customerCount, 0, 0])
        XCTAssertEqual(try store.alerts(), after)
    }

    /// The bound `RarityDrift` puts on how far a list update moves a score (which spares an update from
    /// screening again every customer near the threshold) holds on real names: unchanged UN entities'
    /// names against typos of themselves and against synthetic customers, scored with the rarities of
    /// each version, wherever no token of the pair is one whose rarity moved more.
    func testRarityDriftBoundsHowFarScoresMove() throws {
        let s = try Self.setup.get()
        let old = s.old.index
        var frequencies: [String: Int] = [:]
        for t in 0..<old.tokens.count { frequencies[String(decoding: old.tokens.utf8(t), as: UTF8.self)] = Int(old.tokenFrequency[t]) }
        // The UN list alone grew by a sixth: every rarity moved by more than the 0.2% a daily update of
        // the default lists leaves most tokens within, so the split is made at 5% here.
        let drift = RarityDrift(old: (old.names.count, frequencies), new: s.new.index, tolerance: 0.05)
        XCTAssertFalse(drift.drifted.isEmpty)
        XCTAssertLessThan(drift.bound, 0.11)
        let changed = Set(s.diff.entries.map(\.id))
        let listed = s.new.index.entities.all.filter { !changed.contains($0.id) }.prefix(150).map(\.primaryName)
        var queries = listed.map { name -> String in
            var chars = Array(name)
            if chars.count > 6 { chars.swapAt(2, 3) }
            return String(chars)
        }
        queries += try Self.syntheticNames(60)
        let normalizer = NameNormalizer.shared
        var checked = 0, moved = 0
        for q in queries {
            let qTokens = normalizer.normalize(q).tokens
            guard !qTokens.contains(where: { drift.drifted[$0] != nil }) else { continue }
            for l in listed where !normalizer.normalize(l).tokens.contains(where: { drift.drifted[$0] != nil }) {
                let before = s.old.compare(q, l).score, after = s.new.compare(q, l).score
                guard before > 0 || after > 0 else { continue }
                checked += 1
                if before != after { moved += 1 }
                XCTAssertLessThanOrEqual(abs(after - before), drift.bound, "\(q) ~ \(l): \(before) -> \(after)")
            }
        }
        XCTAssertGreaterThan(checked, 150)
        XCTAssertGreaterThan(moved, 0, "no score moved: the test would prove nothing")
    }

    func testStoreIsOwnerOnlyAndTheAuditLogHasCountsNotNames() throws {
        let s = try Self.setup.get()
        let store = try newStore()
        let monitor = Monitor(store: store)
        _ = try monitor.load(try CustomerReader(path: s.customersCSV), matcher: s.old, indexID: "un-2024")
        for file in [store.path, monitor.customerIndexPath] {
            let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
            XCTAssertEqual(mode & 0o777, 0o600, file)
        }
        let log = try store.auditLog()
        XCTAssertEqual(log.map(\.event), ["load"])
        XCTAssertTrue(log[0].details.contains("\"added\":\(s.customerCount)"), log[0].details)
        let someName = try Self.syntheticNames(1)[0]
        XCTAssertFalse(log[0].details.contains(someName))
        // Loading against another index than the store's is refused until it is updated.
        XCTAssertThrowsError(try monitor.load(try CustomerReader(path: s.customersCSV), matcher: s.new, indexID: "un-2026"))
    }

    func testChangedAndBadRowsOnReload() throws {
        let s = try Self.setup.get()
        let store = try newStore()
        let monitor = Monitor(store: store)
        let csv = TestData.temporaryPath(UUID().uuidString + ".csv")
        try "id,name,birth_date\nk1,Jane Ordinary,1980-01-01\nk2,Lionel Dumont,\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let first = try monitor.load(try CustomerReader(path: csv), matcher: s.old, indexID: "un-2024")
        XCTAssertEqual(first.added, 2)
        XCTAssertEqual(try store.alerts().map(\.customerID), ["k2"])
        // k2 is renamed (its alert closes), k1 unchanged, a row without a name and one with a bad date are refused with their lines.
        try "id,name,birth_date\nk1,Jane Ordinary,1980-01-01\nk2,Jane Other,\nk3,,\nk4,Some One,31/31/1990\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let second = try monitor.load(try CustomerReader(path: csv), matcher: s.old, indexID: "un-2024")
        XCTAssertEqual([second.unchanged, second.changed, second.added], [1, 1, 0])
        XCTAssertEqual(second.rejected.count, 2)
        XCTAssertTrue(second.rejected[0].hasPrefix("line 4:"), "\(second.rejected)")
        XCTAssertTrue(second.rejected[1].hasPrefix("line 5:"), "\(second.rejected)")
        XCTAssertEqual(try store.alerts(), [])
        XCTAssertEqual(try store.alerts(includeClosed: true).map(\.closeReason), ["customer changed"])
    }

    /// One customer through the cycle of decisions: alert on the 2024 list, cleared as a false positive
    /// (alert closed, stays cleared on a reload), then un:6908131 gains the alias "BASHAR AL-NASIRI" in
    /// 2026: the update alerts again and opens a re_alert case.
    func testClearedFalsePositiveReAlertsWhenTheEntityGainsAnAlias() throws {
        let s = try Self.setup.get()
        let entity = try XCTUnwrap(s.old.index.entities.first { $0.id == "un:6908131" })
        let csv = TestData.temporaryPath(UUID().uuidString + ".csv")
        try "id,name\nfp1,\"\(entity.primaryName)\"\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let store = try newStore()
        let monitor = Monitor(store: store)
        _ = try monitor.load(try CustomerReader(path: csv), matcher: s.old, indexID: "un-2024")
        XCTAssertTrue(try store.alerts().contains { $0.entityID == "un:6908131" })
        XCTAssertTrue(try store.cases().first?.reasons.contains { $0.hasPrefix("new_alert: new alert on un:6908131") } ?? false)

        try monitor.decide(customer: "fp1", entity: "un:6908131", verdict: .falsePositive, reviewer: "a.kim", date: "2026-12-01", note: "other person")
        XCTAssertFalse(try store.alerts().contains { $0.entityID == "un:6908131" })
        XCTAssertEqual(try store.alert(customer: "fp1", entity: "un:6908131")?.closeReason, "false positive (a.kim, 2026-12-01)")
        XCTAssertThrowsError(try monitor.decide(customer: "fp1", entity: "un:1", verdict: .trueMatch, reviewer: "a.kim", date: "2026-12-01", note: nil))

        let update = try monitor.update(to: s.new, indexID: "un-2026")
        XCTAssertGreaterThanOrEqual(update.alertsOpened, 1)
        let alert = try XCTUnwrap(store.alert(customer: "fp1", entity: "un:6908131"))
        XCTAssertTrue(alert.open, "the entity changed since it was cleared: it alerts again")
        XCTAssertEqual(alert.entityHash, s.new.index.entities.first { $0.id == "un:6908131" }?.contentHash)
        let reasons = try XCTUnwrap(store.cases().first { $0.customerID == "fp1" }).reasons
        XCTAssertTrue(reasons.contains { $0.hasPrefix("re_alert: re-alert on un:6908131") }, "\(reasons)")
        XCTAssertEqual(try store.cases().count, 1, "the open case got the new reason; no second case")
    }

    /// A customer whose Hanja name reads in Korean as a newly listed name (金英哲, KIM Yong Chol) is reached
    /// by the update, as a full screen would alert on it: the customer index holds the Korean reading too.
    func testANewlyListedKoreanNameReachesItsHanjaCustomer() throws {
        let s = try Self.setup.get()
        let kim = "un:6908511"  // KIM YONG CHOL, on the 2026 list
        let oldList = LoadedList(entities: s.new.index.entities.all.filter { $0.id != kim }, provenance: SourceProvenance(
            list: "un", format: "test", files: [], sha256: [], publicationDate: nil), issues: [])
        var b = IndexBuilder()
        b.add(oldList)
        let path = TestData.temporaryPath(UUID().uuidString + ".vigil")
        try IndexFile.write(b.build(buildTime: "test"), to: path)
        let without = Matcher(index: try IndexFile.open(path))
        let csv = TestData.temporaryPath(UUID().uuidString + ".csv")
        try "id,name\nk1,金英哲\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let store = try newStore()
        let monitor = Monitor(store: store)
        _ = try monitor.load(try CustomerReader(path: csv), matcher: without, indexID: "without-kim")
        XCTAssertFalse(try store.alerts().contains { $0.entityID == kim })
        let update = try monitor.update(to: s.new, indexID: "un-2026")
        XCTAssertEqual(update.entitiesAdded, 1)
        XCTAssertTrue(try store.alerts().contains { $0.customerID == "k1" && $0.entityID == kim }, "update reached \(update.reached)")
    }

    /// A customer index left by an older vigil (another index format) is built again by `update`, not
    /// an error: it is derived from the store.
    func testUpdateRebuildsACustomerIndexOfAnOlderFormat() throws {
        let s = try Self.setup.get()
        let entity = try XCTUnwrap(s.old.index.entities.first { $0.id == "un:6908131" })
        let csv = TestData.temporaryPath(UUID().uuidString + ".csv")
        try "id,name\nc1,\"\(entity.primaryName)\"\nc2,Jane Ordinary\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let store = try newStore()
        let monitor = Monitor(store: store)
        _ = try monitor.load(try CustomerReader(path: csv), matcher: s.old, indexID: "un-2024")
        // The format version sits in the header (bytes 8-11) and the footer (24 bytes before the end).
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: monitor.customerIndexPath)))
        let current = try IndexFile.open(monitor.customerIndexPath).meta.formatVersion
        for at in [8, bytes.count - 16] { bytes[at] = UInt8(current - 1) }
        try Data(bytes).write(to: URL(fileURLWithPath: monitor.customerIndexPath))
        XCTAssertThrowsError(try IndexFile.open(monitor.customerIndexPath))
        let update = try monitor.update(to: s.new, indexID: "un-2026")
        XCTAssertEqual(update.customers, 2)
        XCTAssertEqual(try IndexFile.open(monitor.customerIndexPath).meta.formatVersion, current)
        XCTAssertTrue(try store.alerts().contains { $0.customerID == "c1" && $0.entityID == "un:6908131" })
    }

    /// Triggers follow the policy: the highest-priority flow runs, reasons are added to an open case,
    /// review cycles depend on the risk grade, expired ID documents fire.
    func testTriggerPriorityCaseAppendingAndPeriodicReview() throws {
        let s = try Self.setup.get()
        var policy = try Policy.parse(Data("""
            {"triggers": {"id_document_changed": {"priority": 3, "flow": "open_case"}},
             "risk": {"occupations": {"diplomat": "medium"}}}
            """.utf8))
        policy.reviewCycleYears = [.high: 1, .medium: 2, .low: 3]
        let store = try newStore()
        let monitor = Monitor(store: store, policy: policy)
        let csv = TestData.temporaryPath(UUID().uuidString + ".csv")
        func write(_ rows: [String]) throws {
            try ("id,name,nationality,occupation,id_type,id_number,id_expiry\n" + rows.joined(separator: "\n") + "\n")
                .write(toFile: csv, atomically: true, encoding: .utf8)
        }
        try write(["low1,Jane Ordinary,FR,teacher,passport,P1,2030-01-01",
                   "mid1,John Ordinary,FR,Senior Diplomat,passport,P2,2027-06-30",
                   "high1,Lionel Dumont,FR,,passport,P3,2031-01-01"])
        _ = try monitor.load(try CustomerReader(path: csv), matcher: s.old, indexID: "un-2024")
        XCTAssertEqual(try [store.risk(of: "low1"), store.risk(of: "mid1"), store.risk(of: "high1")], [.low, .medium, .high])
        XCTAssertEqual(try store.cases().map(\.customerID), ["high1"])

        // Nationality (rescreen flow by default) alone opens nothing; a new ID document (open_case
        // here, priority 3) opens a case that lists both reasons.
        try write(["low1,Jane Ordinary,DE,teacher,passport,P1,2030-01-01",
                   "mid1,John Ordinary,DE,Senior Diplomat,passport,P9,2027-06-30",
                   "high1,Lionel Dumont,FR,,passport,P3,2031-01-01"])
        let reload = try monitor.load(try CustomerReader(path: csv), matcher: s.old, indexID: "un-2024")
        XCTAssertEqual([reload.changed, reload.unchanged, reload.casesOpened], [2, 1, 1])
        let mid = try XCTUnwrap(store.cases().first { $0.customerID == "mid1" })
        XCTAssertEqual(mid.priority, 3)
        XCTAssertEqual(mid.reasons, ["id_document_changed: ID document changed", "nationality_changed: nationality changed"])
        XCTAssertNil(try store.cases().first { $0.customerID == "low1" })

        // At the end of next year: the high-risk customer's yearly review is due (added to its open
        // case, which keeps priority 1); the medium one (2 years) is not, but its passport expired in
        // 2027-06 (added to its case); the low one has nothing.
        let today = String(AuditRecord.timestamp().prefix(10))
        let nextYear = String(Int(today.prefix(4))! + 1) + "-12-31"
        let first = try monitor.review(asOf: nextYear, matcher: nil, indexID: nil)
        XCTAssertEqual([first.due, first.idExpired, first.casesOpened, first.casesAppended], [1, 1, 0, 2])
        let high = try XCTUnwrap(store.cases().first { $0.customerID == "high1" })
        XCTAssertEqual(high.priority, 1)
        XCTAssertTrue(high.reasons.last?.hasPrefix("review_due: periodic review due") ?? false, "\(high.reasons)")
        XCTAssertEqual(try store.cases().first { $0.customerID == "mid1" }?.reasons.last, "id_expired: ID document expired 2027-06-30")
        XCTAssertNil(try store.cases().first { $0.customerID == "low1" })
        // Four years on, the low-risk customer's 3-year cycle has come, and its passport has expired:
        // one case of its own, at the priority of the higher trigger (id_expired, 2), with both reasons.
        let later = try monitor.review(asOf: String(Int(today.prefix(4))! + 4) + "-01-31", matcher: nil, indexID: nil)
        XCTAssertEqual(later.due, 3)
        XCTAssertEqual(later.casesOpened, 1)
        let low = try XCTUnwrap(store.cases().first { $0.customerID == "low1" })
        XCTAssertEqual(low.priority, 2)
        XCTAssertEqual(low.reasons.map { $0.prefix { $0 != ":" } }, ["id_expired", "review_due"])
        XCTAssertEqual(try store.cases().count, 3)
        XCTAssertThrowsError(try monitor.review(asOf: "31/01/2029", matcher: nil, indexID: nil))
    }
}
