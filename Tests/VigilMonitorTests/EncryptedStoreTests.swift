import Foundation
import VigilIndex
import VigilLists
import VigilMatcher
@testable import VigilMonitor
import VigilScreening
import VigilTestSupport
import XCTest

/// An encrypted customer store (`--key-file`) on the repository's sample customers and real indexes:
/// it must work exactly as a plain store does, keep no personal field in clear on disk, and open only
/// with its own key.
final class EncryptedStoreTests: XCTestCase {
    static let samples = TestData.dataDirectory + "/samples/customers.csv"

    func temporary(_ suffix: String) -> String { TestData.temporaryPath(UUID().uuidString + suffix) }

    func newKey() throws -> (path: String, key: StoreKey) {
        let path = temporary(".key")
        try StoreKey.generate(at: path)
        return (path, try StoreKey.read(path: path))
    }

    /// The sample customers' personal fields, as the file gives them.
    func sampleCustomers() throws -> [Customer] {
        let reader = try CustomerReader(path: Self.samples)
        var out: [Customer] = []
        while let row = try reader.next() {
            if row.errors.isEmpty && row.isScreenable { out.append(row.customer) }
        }
        return out
    }

    /// Every file of a store: the database, its WAL and shared memory, the index over customers' names.
    func storeBytes(_ path: String) throws -> [(file: String, bytes: Data)] {
        try ["", "-wal", "-shm", ".customers.vigil"].map { path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
            .map { ($0, try Data(contentsOf: URL(fileURLWithPath: $0))) }
    }

    /// Cases without their times (two runs open them at different instants).
    func caseContent(_ store: CustomerStore) throws -> [String] {
        try store.cases(includeClosed: true).map { "\($0.id) \($0.customerID) \($0.open) P\($0.priority) \($0.reasons)" }
    }

    func testAnEncryptedStoreWorksLikeAPlainOneAndKeepsNoPersonalFieldInClear() throws {
        let ofacUN = Matcher(index: try TestData.ofacUNIndex.get())
        let all = Matcher(index: try TestData.defaultIndex.get())
        let plainPath = temporary(".db"), sealedPath = temporary(".db")
        let plain = Monitor(store: try CustomerStore(path: plainPath))
        let sealed = Monitor(store: try CustomerStore(path: sealedPath, key: try newKey().key))
        XCTAssertFalse(plain.store.isEncrypted)
        XCTAssertTrue(sealed.store.isEncrypted)
        for m in [plain, sealed] { m.workers = 2 }

        // Load against OFAC + UN, then follow the update to every shipped list (EU, HMT, DFAT… added):
        // the update looks the added names up in the (sealed) index over the customers.
        let loads = try [plain, sealed].map { try $0.load(try CustomerReader(path: Self.samples), matcher: ofacUN, indexID: "ofac-un") }
        let loaded = loads.map { [$0.rows, $0.added, $0.rejected.count, $0.alertsOpened, $0.casesOpened] }
        XCTAssertEqual(loaded[1], loaded[0])
        XCTAssertEqual(loaded[0].prefix(3), [200, 198, 2])
        XCTAssertGreaterThan(loads[0].alertsOpened, 0)
        XCTAssertEqual(try sealed.store.alerts(), try plain.store.alerts())
        let updates = try [plain, sealed].map { try $0.update(to: all, indexID: "all") }
        XCTAssertGreaterThan(updates[0].reached, 0, "the update reached customers through the customer index")
        let updated = updates.map { [$0.entitiesAdded, $0.lookupCandidates, $0.reached, $0.rescreened, $0.alertsOpened, $0.alertsClosed, $0.casesOpened] }
        XCTAssertEqual(updated[1], updated[0])
        XCTAssertEqual(try sealed.store.alerts(includeClosed: true), try plain.store.alerts(includeClosed: true))

        // A reviewer clears a false positive with a note; a periodic review far ahead opens cases.
        let first = try XCTUnwrap(try plain.store.alerts().first)
        let note = "Met the customer at the Lyon branch; passport checked"
        for m in [plain, sealed] {
            try m.decide(customer: first.customerID, entity: first.entityID, verdict: .falsePositive, reviewer: "a.kim", date: "2026-12-01", note: note)
        }
        XCTAssertEqual(try sealed.store.alerts(includeClosed: true), try plain.store.alerts(includeClosed: true))
        let reviews = try [plain, sealed].map { try $0.review(asOf: "2040-01-31", matcher: all, indexID: "all") }
        let reviewed = reviews.map { [$0.customers, $0.due, $0.idExpired, $0.casesOpened, $0.casesAppended] }
        XCTAssertEqual(reviewed[1], reviewed[0])
        XCTAssertEqual(reviewed[0].prefix(2), [198, 198])
        XCTAssertGreaterThan(reviews[0].idExpired, 0)
        XCTAssertEqual(try caseContent(sealed.store), try caseContent(plain.store))
        XCTAssertEqual(try sealed.store.decisionBook().decision(customer: first.customerID, entity: first.entityID)?.note, note)

        // The customers read back whole.
        let customers = try sampleCustomers()
        for c in customers.prefix(20) { XCTAssertEqual(try sealed.store.customer(id: c.id), c) }

        // On disk: every personal field the plain store holds in clear is absent from the sealed one.
        var secrets = Set<String>([note])
        for c in customers {
            secrets.insert(c.name)
            for field in [c.address, c.contact, c.idNumber] { if let field, field.count >= 6 { secrets.insert(field) } }
        }
        let plainFiles = try storeBytes(plainPath), sealedFiles = try storeBytes(sealedPath)
        XCTAssertTrue(sealedFiles.contains { $0.file.hasSuffix(".customers.vigil") })
        let inPlain = secrets.filter { s in plainFiles.contains { $0.bytes.range(of: Data(s.utf8)) != nil } }
        XCTAssertGreaterThan(inPlain.count, secrets.count * 9 / 10, "the control: a plain store holds the fields in clear")
        for (file, bytes) in sealedFiles {
            let found = secrets.filter { bytes.range(of: Data($0.utf8)) != nil }
            XCTAssertEqual(found, [], "in clear in \(file)")
        }
        // Straight from SQLite: every personal column is sealed text.
        let s = try sealed.store.db.prepare("SELECT name, address, id_number, birth_date FROM customers WHERE id = 'C0001'")
        XCTAssertTrue(try s.step())
        for column: Int32 in 0..<4 { XCTAssertTrue(s.text(column)?.hasPrefix("enc1:") ?? false, s.text(column) ?? "NULL") }
        let r = try sealed.store.db.prepare("SELECT result FROM screenings")
        while try r.step() { XCTAssertTrue(r.text(0)?.hasPrefix("enc1:") ?? false) }
    }

    func testAStoreOpensOnlyWithItsOwnKey() throws {
        let (_, key) = try newKey()
        let (_, other) = try newKey()
        let sealedPath = temporary(".db"), plainPath = temporary(".db")
        var c = Customer(id: "C1", name: "Ofeliya Anarqızı")
        c.birthDate = "1985-11-29"
        do {
            let store = try CustomerStore(path: sealedPath, key: key)
            try store.upsert(c, hash: store.contentHash(c), at: "2026-12-01T00:00:00Z")
            try store.upsert(Customer(id: "C2", name: "Yves Menard"), hash: "h", at: "2026-12-01T00:00:00Z")
            _ = try CustomerStore(path: plainPath)
        }
        XCTAssertEqual(try CustomerStore(path: sealedPath, key: key).customer(id: "C1"), c)

        func refusal(_ path: String, _ key: StoreKey?) -> String {
            do { _ = try CustomerStore(path: path, key: key); return "opened" } catch { return error.reason }
        }
        XCTAssertTrue(refusal(sealedPath, nil).contains("the store is encrypted: give its key file"), refusal(sealedPath, nil))
        XCTAssertTrue(refusal(sealedPath, other).contains("key check failed"), refusal(sealedPath, other))
        XCTAssertTrue(refusal(plainPath, key).contains("the store is not encrypted, but a key file was given"), refusal(plainPath, key))

        // The content hash is keyed: another key, another hash; a plain store's is SHA-256 of the fields.
        let a = try CustomerStore(path: temporary(".db"), key: key), b = try CustomerStore(path: temporary(".db"), key: other)
        let p = try CustomerStore(path: plainPath)
        XCTAssertNotEqual(a.contentHash(c), b.contentHash(c))
        XCTAssertNotEqual(a.contentHash(c), p.contentHash(c))
        XCTAssertEqual(a.contentHash(c), try CustomerStore(path: sealedPath, key: key).contentHash(c))

        // A sealed value moved to another row does not open as that row's.
        let store = try CustomerStore(path: sealedPath, key: key)
        try store.db.execute("UPDATE customers SET name = (SELECT name FROM customers WHERE id = 'C2') WHERE id = 'C1'")
        XCTAssertThrowsError(try store.customer(id: "C1")) { XCTAssertTrue("\($0)".contains("customers.name of C1 does not decrypt"), "\($0)") }
    }

    func testKeyFiles() throws {
        let (path, key) = try newKey()
        var st = stat()
        XCTAssertEqual(stat(path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text.count, 65)
        XCTAssertTrue(text.hasSuffix("\n"))
        XCTAssertThrowsError(try StoreKey.generate(at: path)) { XCTAssertTrue("\($0)".contains("refusing to overwrite"), "\($0)") }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text, "the key is untouched")

        func write(_ bytes: [UInt8], mode: mode_t) throws -> String {
            let p = temporary(".key")
            FileManager.default.createFile(atPath: p, contents: Data(bytes))
            chmod(p, mode)
            return p
        }
        // The same key as 64 hex digits without a newline, in upper case, and as 32 raw bytes.
        let hex = Array(text.utf8.prefix(64))
        let raw: [UInt8] = stride(from: 0, to: 64, by: 2).map { UInt8(String(decoding: hex[$0..<($0 + 2)], as: UTF8.self), radix: 16)! }
        for variant in [hex, Array(text.uppercased().utf8), raw] {
            let k = try StoreKey.read(path: try write(variant, mode: 0o400))
            XCTAssertEqual(FieldCipher(k).keyCheck, FieldCipher(key).keyCheck)
        }
        XCTAssertThrowsError(try StoreKey.read(path: try write(Array(text.utf8), mode: 0o644))) {
            XCTAssertTrue("\($0)".contains("open to group or others (mode 644)"), "\($0)")
        }
        XCTAssertThrowsError(try StoreKey.read(path: try write(Array(text.utf8), mode: 0o640)))
        for bad in [Array(hex.prefix(62)) + [10], raw + raw, Array(hex.prefix(63)) + [UInt8(ascii: "g")], []] {
            XCTAssertThrowsError(try StoreKey.read(path: try write(bad, mode: 0o600))) {
                XCTAssertTrue("\($0)".contains("a store key is 32 raw bytes or 64 hex digits"), "\($0)")
            }
        }
        XCTAssertThrowsError(try StoreKey.read(path: temporary(".key"))) { XCTAssertTrue("\($0)".contains("cannot open key file"), "\($0)") }
    }
}
