import Foundation
import XCTest
import VigilTestSupport

/// `vigil monitor` as an operator runs it: load customers, follow a real UN list update, list alerts.
final class MonitorCLITests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(VigilCLI.isBuilt, "vigil not built at \(VigilCLI.binary)")
        try XCTSkipUnless(TestData.hasShared, "../shared/data is absent (UN 2024-11-30)")
    }

    func index(_ name: String, _ xml: String) throws -> String {
        let path = TestData.temporaryPath(UUID().uuidString + name)
        let r = try VigilCLI.run(["index", "build", "--out", path, "--source", "un-xml=\(xml)"])
        XCTAssertEqual(r.status, 0, r.err)
        return path
    }

    func alerts(_ store: String, all: Bool = false) throws -> [[String: Any]] {
        let r = try VigilCLI.run(["monitor", "alerts", "--store", store] + (all ? ["--all"] : []))
        XCTAssertEqual(r.status, 0, r.err)
        return r.out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func testLoadUpdateAndAlertsOnARealUNUpdate() throws {
        let old = try index("un-2024.vigil", TestData.sharedDirectory + "/lists/un/consolidated_2024-11-30.xml")
        let new = try index("un-2026.vigil", TestData.dataDirectory + "/lists/un/consolidated_2026-02-27.xml")
        let store = TestData.temporaryPath(UUID().uuidString + ".db")
        let customers = TestData.temporaryPath(UUID().uuidString + ".csv")
        // LIONEL DUMONT is only on the 2024 list, YAS AIR only on the 2026 one; line 5 has no name.
        try "id,name,birth_date\nk1,Lionel Dumont,\nk2,Yas Air,\nk3,Jane Ordinary,1980-01-01\nk4,,\n"
            .write(toFile: customers, atomically: true, encoding: .utf8)

        let load = try VigilCLI.run(["monitor", "load", customers, "--store", store, "--index", old])
        XCTAssertEqual(load.status, 2, "a refused row makes the exit status 2: \(load.err)")
        XCTAssertTrue(load.err.contains("\(customers): line 5: missing name"), load.err)
        XCTAssertTrue(load.err.contains("loaded 4 rows: 3 new, 0 changed, 0 unchanged, 1 refused"), load.err)
        XCTAssertEqual(try alerts(store).map { $0["customer_id"] as? String }, ["k1"])
        XCTAssertFalse(load.err.contains("Lionel"), "no customer names on stderr")

        let refused = try VigilCLI.run(["monitor", "load", customers, "--store", store, "--index", new])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.err.contains("monitor update"), refused.err)

        let update = try VigilCLI.run(["monitor", "update", "--store", store, "--index", new])
        XCTAssertEqual(update.status, 0, update.err)
        XCTAssertTrue(update.err.contains("entities: 136 added, 25 changed, 12 removed, 842 unchanged"), update.err)
        let open = try alerts(store)
        XCTAssertEqual(open.map { $0["customer_id"] as? String }, ["k2"])
        XCTAssertEqual(open.first?["entity_id"] as? String, "un:110327")
        let closed = try alerts(store, all: true).filter { $0["status"] as? String == "closed" }
        XCTAssertEqual(closed.map { $0["close_reason"] as? String }, ["list update: entity removed"])

        let again = try VigilCLI.run(["monitor", "update", "--store", store, "--index", new])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.err.contains("already screened against"), again.err)
    }

    /// `--key-file`: the sample customers in an encrypted store give the alerts a plain store gives,
    /// no name reaches the disk in clear, and the store opens only with its key.
    func testEncryptedStore() throws {
        let un = try index("un-2026.vigil", TestData.dataDirectory + "/lists/un/consolidated_2026-02-27.xml")
        let samples = TestData.dataDirectory + "/samples/customers.csv"
        let key = TestData.temporaryPath(UUID().uuidString + ".key")
        let keygen = try VigilCLI.run(["monitor", "keygen", key])
        XCTAssertEqual(keygen.status, 0, keygen.err)
        let again = try VigilCLI.run(["monitor", "keygen", key])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("refusing to overwrite"), again.err)

        let sealed = TestData.temporaryPath(UUID().uuidString + ".db"), plain = TestData.temporaryPath(UUID().uuidString + ".db")
        let load = try VigilCLI.run(["monitor", "load", samples, "--store", sealed, "--index", un, "--key-file", key])
        XCTAssertEqual(load.status, 2, "two sample rows are refused: \(load.err)")
        XCTAssertEqual(try VigilCLI.run(["monitor", "load", samples, "--store", plain, "--index", un]).status, 2)
        let sealedAlerts = try VigilCLI.run(["monitor", "alerts", "--store", sealed, "--key-file", key])
        XCTAssertEqual(sealedAlerts.status, 0, sealedAlerts.err)
        XCTAssertFalse(sealedAlerts.out.isEmpty)
        XCTAssertEqual(sealedAlerts.out, try VigilCLI.run(["monitor", "alerts", "--store", plain]).out)
        let byEnvironment = try VigilCLI.run(["monitor", "alerts", "--store", sealed], env: ["VIGIL_STORE_KEY_FILE": key])
        XCTAssertEqual(byEnvironment.out, sealedAlerts.out, byEnvironment.err)

        let bytes = try [sealed, sealed + ".customers.vigil"].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for name in ["Yves Menard", "Ofeliya Anarqızı", "LD9711937", "62 Victoria Street"] {
            XCTAssertTrue(bytes.allSatisfy { $0.range(of: Data(name.utf8)) == nil }, "\(name) in clear")
        }

        func refused(_ args: [String], _ message: String) throws {
            let r = try VigilCLI.run(["monitor", "alerts"] + args)
            XCTAssertEqual(r.status, 1, r.out)
            XCTAssertTrue(r.err.contains(message), r.err)
        }
        try refused(["--store", sealed], "the store is encrypted: give its key file (--key-file, or VIGIL_STORE_KEY_FILE)")
        let other = TestData.temporaryPath(UUID().uuidString + ".key")
        XCTAssertEqual(try VigilCLI.run(["monitor", "keygen", other]).status, 0)
        try refused(["--store", sealed, "--key-file", other], "key check failed")
        try refused(["--store", plain, "--key-file", key], "the store is not encrypted, but a key file was given")
        XCTAssertEqual(chmod(key, 0o644), 0)
        try refused(["--store", sealed, "--key-file", key], "mode 644); it must be 0600 or stricter: chmod 600 \(key)")
    }

    func testStoreErrorsAreClear() throws {
        let notADatabase = TestData.temporaryPath(UUID().uuidString + ".db")
        try "this is not sqlite".write(toFile: notADatabase, atomically: true, encoding: .utf8)
        let r = try VigilCLI.run(["monitor", "alerts", "--store", notADatabase])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains(notADatabase) && r.err.contains("not a database"), r.err)
        XCTAssertEqual(try VigilCLI.run(["monitor", "alerts", "--store", notADatabase, "--threshold", "2"]).status, 64)
        let un = try index("un-2026.vigil", TestData.dataDirectory + "/lists/un/consolidated_2026-02-27.xml")
        let update = try VigilCLI.run(["monitor", "update", "--store", TestData.temporaryPath(UUID().uuidString + ".db"), "--index", un])
        XCTAssertEqual(update.status, 1)
        XCTAssertTrue(update.err.contains("monitor load"), update.err)
    }
}
