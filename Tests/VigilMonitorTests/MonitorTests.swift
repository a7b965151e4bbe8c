import Foundation
import VigilIndex
import VigilLists
import VigilMatcher
import VigilMonitor
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
        // Customers named like added entities now alert on them.
        let added = Set(s.diff.entries.filter { $0.change == .added }.map(\.id))
        XCTAssertGreaterThan(after.filter { added.contains($0.entityID) }.count, 50)

        // A second update to the same index does nothing; a reload of unchanged customers screens none.
        XCTAssertEqual(try monitor.update(to: s.new, indexID: "un-2026").rescreened, 0)
        let again = try monitor.load(try CustomerReader(path: s.customersCSV), matcher: s.new, indexID: "un-2026")
        XCTAssertEqual([again.unchanged, again.added, again.changed], [s.customerCount, 0, 0])
        XCTAssertEqual(try store.alerts(), after)
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
}
