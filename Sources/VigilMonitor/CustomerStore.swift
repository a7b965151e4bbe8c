import VigilIndex
import VigilLists
import VigilMatcher
import VigilScreening

/// The monitored customers and what was last found for each, in one SQLite file (created 0600):
///
/// - `customers`: the KYC elements, risk level and a content hash (a reloaded, unchanged customer is not
///   screened again);
/// - `screenings`: the last screening of each customer (index, time, best score, the bulk JSON row);
/// - `alerts`: one row per (customer, listed entity) that reached the threshold, open or closed with
///   the reason, and the entity content hash it was raised on;
/// - `entities`: id and content hash of every entity of the index the store was last screened against,
///   so a list update is diffed without the old index file;
/// - `audit`: append-only events (loads, updates) with counts, never customer names.
///
/// A store created with a key is encrypted for good (`FieldCipher`): the customers' KYC fields, the
/// stored screening results, decision notes and case reasons are sealed, and the content hash is keyed.
/// Ids, risk grades, scores, times and alert states stay in clear: the store looks rows up by them.
public final class CustomerStore {
    public let path: String
    let db: SQLiteDatabase
    /// Seals the personal fields; nil in a plain store.
    let cipher: FieldCipher?
    static let schemaVersion = "1"
    /// The schema version of an encrypted store: a vigil that predates encryption refuses it rather
    /// than screening sealed text as names.
    static let encryptedSchemaVersion = "1-encrypted"

    /// True when the store's personal fields are sealed under a key.
    public var isEncrypted: Bool { cipher != nil }

    /// Opens the store at `path`, or creates it: encrypted when `key` is given, plain otherwise. An
    /// existing store is opened as it was created: an encrypted one only with its key, a plain one
    /// only without a key (a store is never half sealed).
    /// - Throws: `StoreError` when the file is not a store, is of another schema version, or the key
    ///   is missing, wrong, or given for a plain store.
    public init(path: String, key: StoreKey? = nil) throws(StoreError) {
        self.path = path
        cipher = key.map(FieldCipher.init)
        db = try SQLiteDatabase(path: path)
        try db.execute("""
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS customers(
                id TEXT PRIMARY KEY, name TEXT NOT NULL, gender TEXT, birth_date TEXT, nationality TEXT,
                occupation TEXT, address TEXT, contact TEXT, id_type TEXT, id_number TEXT, id_expiry TEXT,
                risk TEXT NOT NULL DEFAULT 'low', content_hash TEXT NOT NULL, updated_at TEXT NOT NULL,
                first_seen TEXT NOT NULL, last_review TEXT);
            CREATE TABLE IF NOT EXISTS screenings(
                customer_id TEXT PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
                index_id TEXT NOT NULL, screened_at TEXT NOT NULL, best_score REAL NOT NULL, result TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS screenings_best ON screenings(best_score);
            CREATE TABLE IF NOT EXISTS alerts(
                customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE, entity_id TEXT NOT NULL,
                entity_hash TEXT NOT NULL, score REAL NOT NULL, status TEXT NOT NULL, opened_at TEXT NOT NULL,
                closed_at TEXT, close_reason TEXT, PRIMARY KEY(customer_id, entity_id));
            CREATE INDEX IF NOT EXISTS alerts_entity ON alerts(entity_id, status);
            CREATE TABLE IF NOT EXISTS entities(id TEXT PRIMARY KEY, content_hash TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS decisions(
                customer_id TEXT NOT NULL, entity_id TEXT NOT NULL, verdict TEXT NOT NULL, entity_hash TEXT NOT NULL,
                reviewer TEXT NOT NULL, date TEXT NOT NULL, note TEXT, PRIMARY KEY(customer_id, entity_id));
            CREATE TABLE IF NOT EXISTS cases(
                id INTEGER PRIMARY KEY AUTOINCREMENT, customer_id TEXT NOT NULL, status TEXT NOT NULL, priority INTEGER NOT NULL,
                opened_at TEXT NOT NULL, updated_at TEXT NOT NULL, reasons TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS cases_customer ON cases(customer_id, status);
            CREATE TABLE IF NOT EXISTS audit(seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, event TEXT NOT NULL, details TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS token_frequencies(token TEXT PRIMARY KEY, frequency INTEGER NOT NULL) WITHOUT ROWID;
            """)
        // Stores made before screenings kept their distance to the threshold gain the column (NULL:
        // unknown, so such a customer counts as near the threshold until screened again).
        if !(try db.prepare("SELECT 1 FROM pragma_table_info('screenings') WHERE name = 'gap'").step()) {
            try db.execute("ALTER TABLE screenings ADD COLUMN gap REAL; ALTER TABLE screenings ADD COLUMN matched TEXT")
        }
        try db.execute("""
            CREATE INDEX IF NOT EXISTS screenings_gap ON screenings(gap);
            CREATE INDEX IF NOT EXISTS screenings_matched ON screenings(matched, gap, customer_id) WHERE matched != '';
            """)
        guard let version = try meta("schema_version") else {
            // A new store. The version goes last: a store interrupted here is still new next time.
            try setMeta("encryption", cipher == nil ? "none" : FieldCipher.algorithm)
            if let cipher { try setMeta("key_check", cipher.keyCheck) }
            try setMeta("schema_version", cipher == nil ? Self.schemaVersion : Self.encryptedSchemaVersion)
            return
        }
        guard version == Self.schemaVersion || version == Self.encryptedSchemaVersion else {
            throw StoreError(path: path, reason: "store schema version \(version), this vigil reads version \(Self.schemaVersion) (\(Self.encryptedSchemaVersion) encrypted)")
        }
        // Stores made before encryption existed have no `encryption` key: plain.
        let encryption = try meta("encryption") ?? "none"
        guard (encryption == "none") == (version == Self.schemaVersion) else {
            throw StoreError(path: path, reason: "the store's meta table is inconsistent (schema version \(version), encryption \(encryption))")
        }
        switch (encryption, cipher) {
        case ("none", nil):
            break
        case ("none", _?):
            throw StoreError(path: path, reason: "the store is not encrypted, but a key file was given; a store is encrypted (or not) "
                             + "from its creation: to encrypt one, load the customers into a new store with the key")
        case (FieldCipher.algorithm, nil):
            throw StoreError(path: path, reason: "the store is encrypted: give its key file (--key-file, or \(StoreKey.environmentVariable))")
        case (FieldCipher.algorithm, let cipher?):
            guard try meta("key_check") == cipher.keyCheck else {
                throw StoreError(path: path, reason: "the key file does not open this store (key check failed): wrong key")
            }
        default:
            throw StoreError(path: path, reason: "the store is encrypted with \(encryption), which this vigil cannot open")
        }
    }

    // MARK: sealed fields

    /// `value` as stored in `place` (`table.column`) of `row`: sealed in an encrypted store.
    func sealed(_ value: String?, _ place: String, row: String) -> SQLiteValue {
        guard let value else { return .null }
        return .text(cipher?.seal(value, place: place, row: row) ?? value)
    }

    /// The stored `text` of `place` in `row`, opened in an encrypted store.
    /// - Throws: when it does not open (altered, or moved from another row or column).
    func opened(_ text: String?, _ place: String, row: String) throws(StoreError) -> String? {
        guard let text, let cipher else { return text }
        guard let plain = cipher.open(text, place: place, row: row) else {
            throw StoreError(path: path, reason: "\(place) of \(row) does not decrypt with the store key: the store was altered or damaged")
        }
        return plain
    }

    // MARK: meta

    public func meta(_ key: String) throws(StoreError) -> String? {
        let s = try db.prepare("SELECT value FROM meta WHERE key = ?").bind(.text(key))
        return try s.step() ? s.text(0) : nil
    }

    func setMeta(_ key: String, _ value: String) throws(StoreError) {
        try db.prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(.text(key), .text(value)).run()
    }

    /// The index the stored screenings were made with (`nil` before the first load).
    public var indexID: String? { get throws(StoreError) { try meta("index_id") } }

    /// Refuses work against `indexID` when the store was screened against another index.
    func requireScreened(against indexID: String) throws(StoreError) {
        if let current = try self.indexID, current != indexID {
            throw StoreError(path: path, reason: "the store was screened against another index; run `vigil monitor update` with this index first")
        }
    }

    // MARK: customers

    /// Content hash of every field that can change a screening or the record: SHA-256 in a plain
    /// store; in an encrypted one keyed (HMAC), so it cannot confirm a guessed name without the key.
    func contentHash(_ c: Customer) -> String {
        let fields = [c.name, c.gender, c.birthDate, c.nationality, c.occupation, c.address, c.contact, c.idType, c.idNumber, c.idExpiry]
        if let cipher { return cipher.contentHash(fields) }
        var h = SHA256Hasher()
        for field in fields {
            h.update(Array((field ?? "\u{1}").utf8))
            h.update([0])
        }
        return h.finalizeHex()
    }

    /// Asked once per input row of a load: prepared once.
    private lazy var storedHashQuery = Result { () throws(StoreError) in try db.prepare("SELECT content_hash FROM customers WHERE id = ?") }

    func storedHash(of id: String) throws(StoreError) -> String? {
        let s = try storedHashQuery.get().bind(.text(id))
        return try s.step() ? s.text(0) : nil
    }

    func upsert(_ c: Customer, hash: String, at time: String) throws(StoreError) {
        func field(_ value: String?, _ column: String) -> SQLiteValue { sealed(value, "customers." + column, row: c.id) }
        try db.prepare("""
            INSERT INTO customers(id, name, gender, birth_date, nationality, occupation, address, contact, id_type, id_number, id_expiry, content_hash, updated_at, first_seen)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, gender = excluded.gender, birth_date = excluded.birth_date,
              nationality = excluded.nationality, occupation = excluded.occupation, address = excluded.address,
              contact = excluded.contact, id_type = excluded.id_type, id_number = excluded.id_number,
              id_expiry = excluded.id_expiry, content_hash = excluded.content_hash, updated_at = excluded.updated_at
            """).bind(.text(c.id), field(c.name, "name"), field(c.gender, "gender"), field(c.birthDate, "birth_date"),
                      field(c.nationality, "nationality"), field(c.occupation, "occupation"), field(c.address, "address"),
                      field(c.contact, "contact"), field(c.idType, "id_type"), field(c.idNumber, "id_number"),
                      field(c.idExpiry, "id_expiry"), .text(hash), .text(time), .text(time)).run()
    }

    public func risk(of id: String) throws(StoreError) -> RiskLevel? {
        let s = try db.prepare("SELECT risk FROM customers WHERE id = ?").bind(.text(id))
        return try s.step() ? s.text(0).flatMap(RiskLevel.init(rawValue:)) : nil
    }

    func setRisk(_ level: RiskLevel, of id: String) throws(StoreError) {
        try db.prepare("UPDATE customers SET risk = ? WHERE id = ?").bind(.text(level.rawValue), .text(id)).run()
    }

    /// (id, risk, first seen, last review, ID expiry) of every customer, for periodic review.
    func reviewStates() throws(StoreError) -> [(id: String, risk: RiskLevel, since: String, idExpiry: String?)] {
        let s = try db.prepare("SELECT id, risk, coalesce(last_review, first_seen), id_expiry FROM customers ORDER BY id")
        var out: [(String, RiskLevel, String, String?)] = []
        while try s.step() {
            let id = s.text(0) ?? ""
            out.append((id, RiskLevel(rawValue: s.text(1) ?? "") ?? .low, s.text(2) ?? "", try opened(s.text(3), "customers.id_expiry", row: id)))
        }
        return out
    }

    func setLastReview(_ date: String, of id: String) throws(StoreError) {
        try db.prepare("UPDATE customers SET last_review = ? WHERE id = ?").bind(.text(date), .text(id)).run()
    }

    private static let customerColumns = "id, name, gender, birth_date, nationality, occupation, address, contact, id_type, id_number, id_expiry"

    /// The customer of the current row of a `SELECT customerColumns` statement, its fields opened.
    private func customer(_ s: SQLiteStatement) throws(StoreError) -> Customer {
        let id = s.text(0) ?? ""
        func field(_ column: Int32, _ name: String) throws(StoreError) -> String? { try opened(s.text(column), "customers." + name, row: id) }
        var c = Customer(id: id, name: try field(1, "name") ?? "")
        c.gender = try field(2, "gender")
        c.birthDate = try field(3, "birth_date")
        c.nationality = try field(4, "nationality")
        c.occupation = try field(5, "occupation")
        c.address = try field(6, "address")
        c.contact = try field(7, "contact")
        c.idType = try field(8, "id_type")
        c.idNumber = try field(9, "id_number")
        c.idExpiry = try field(10, "id_expiry")
        return c
    }

    /// Every customer, in id order, a row at a time.
    public func forEachCustomer(_ body: (Customer) throws -> Void) throws {
        let s = try db.prepare("SELECT \(Self.customerColumns) FROM customers ORDER BY id")
        while try s.step() { try body(try customer(s)) }
    }

    /// Every customer's id and name, in id order (opens only the name of a sealed row).
    func forEachName(_ body: (_ id: String, _ name: String) throws -> Void) throws {
        let s = try db.prepare("SELECT id, name FROM customers ORDER BY id")
        while try s.step() {
            let id = s.text(0) ?? ""
            try body(id, try opened(s.text(1), "customers.name", row: id) ?? "")
        }
    }

    public func customer(id: String) throws(StoreError) -> Customer? {
        let s = try db.prepare("SELECT \(Self.customerColumns) FROM customers WHERE id = ?").bind(.text(id))
        return try s.step() ? try customer(s) : nil
    }

    /// The stored customers among `ids`, in the order given (one prepared statement for all).
    func customers(ids: [String]) throws(StoreError) -> [Customer] {
        let s = try db.prepare("SELECT \(Self.customerColumns) FROM customers WHERE id = ?")
        var out: [Customer] = []
        out.reserveCapacity(ids.count)
        for id in ids {
            s.bind(.text(id))
            if try s.step() { out.append(try customer(s)) }
        }
        return out
    }

    public func customerCount() throws(StoreError) -> Int {
        let s = try db.prepare("SELECT count(*) FROM customers")
        _ = try s.step()
        return Int(s.integer(0))
    }

    // MARK: screenings and alerts

    /// Stores `result` as the customer's last screening and brings its alerts in line: an alerting
    /// match opens (or re-opens) an alert; an open alert whose entity no longer alerts is closed with
    /// `closeReason(entityID)`.
    /// - Returns: alerts opened and closed.
    /// - Parameter gap: how far the result's scores are from changing it (`Monitor.gap`).
    func record(_ result: ScreeningResult, indexID: String, at time: String, gap: Double,
                closeReason: (String) -> String) throws(StoreError) -> (opened: [Match], closed: Int) {
        let best = result.matches.first?.score ?? 0
        try db.prepare("""
            INSERT INTO screenings(customer_id, index_id, screened_at, best_score, result, gap, matched) VALUES(?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(customer_id) DO UPDATE SET index_id = excluded.index_id, screened_at = excluded.screened_at,
              best_score = excluded.best_score, result = excluded.result, gap = excluded.gap, matched = excluded.matched
            """).bind(.text(result.id), .text(indexID), .text(time), .real(best),
                      sealed(String(decoding: result.jsonLine().dropLast(), as: UTF8.self), "screenings.result", row: result.id),
                      .real(gap), .text(result.matches.map(\.entity.id).joined(separator: "\n"))).run()
        var alerting: [String: Match] = [:]
        for m in result.alertingMatches { alerting[m.entity.id] = m }
        var status: [String: String] = [:]  // entity id -> status
        let existing = try db.prepare("SELECT entity_id, status FROM alerts WHERE customer_id = ?").bind(.text(result.id))
        while try existing.step() { status[existing.text(0) ?? ""] = existing.text(1) }
        var opened: [Match] = []
        var closed = 0
        for (entityID, m) in alerting.sorted(by: { $0.key < $1.key }) {
            if status[entityID] == "open" {
                try db.prepare("UPDATE alerts SET score = ?, entity_hash = ? WHERE customer_id = ? AND entity_id = ?")
                    .bind(.real(m.score), .text(m.entityHash), .text(result.id), .text(entityID)).run()
            } else {
                try db.prepare("""
                    INSERT INTO alerts(customer_id, entity_id, entity_hash, score, status, opened_at) VALUES(?, ?, ?, ?, 'open', ?)
                    ON CONFLICT(customer_id, entity_id) DO UPDATE SET entity_hash = excluded.entity_hash, score = excluded.score,
                      status = 'open', opened_at = excluded.opened_at, closed_at = NULL, close_reason = NULL
                    """).bind(.text(result.id), .text(entityID), .text(m.entityHash), .real(m.score), .text(time)).run()
                opened.append(m)
            }
        }
        for (entityID, s) in status.sorted(by: { $0.key < $1.key }) where s == "open" && alerting[entityID] == nil {
            try closeAlert(customer: result.id, entity: entityID, at: time, reason: closeReason(entityID))
            closed += 1
        }
        return (opened, closed)
    }

    func closeAlert(customer: String, entity: String, at time: String, reason: String) throws(StoreError) {
        try db.prepare("UPDATE alerts SET status = 'closed', closed_at = ?, close_reason = ? WHERE customer_id = ? AND entity_id = ?")
            .bind(.text(time), .text(reason), .text(customer), .text(entity)).run()
    }

    /// An alert as stored.
    public struct Alert: Sendable, Equatable {
        public var customerID: String
        public var entityID: String
        public var entityHash: String
        public var score: Double
        public var open: Bool
        public var closeReason: String?
    }

    /// Alerts in (customer, entity) order; only open ones unless `includeClosed`.
    public func alerts(includeClosed: Bool = false) throws(StoreError) -> [Alert] {
        let s = try db.prepare("SELECT customer_id, entity_id, entity_hash, score, status, close_reason FROM alerts"
                               + (includeClosed ? "" : " WHERE status = 'open'") + " ORDER BY customer_id, entity_id")
        var out: [Alert] = []
        while try s.step() {
            out.append(Alert(customerID: s.text(0) ?? "", entityID: s.text(1) ?? "", entityHash: s.text(2) ?? "",
                             score: s.real(3), open: s.text(4) == "open", closeReason: s.text(5)))
        }
        return out
    }

    /// Customers with an open alert on any of `entityIDs`.
    func customersAlerted(on entityIDs: [String]) throws(StoreError) -> Set<String> {
        try customerIDs("SELECT customer_id FROM alerts WHERE entity_id = ? AND status = 'open'", for: entityIDs)
    }

    /// The customer ids `sql` (one `?`: an entity id) selects, over all of `entityIDs`.
    func customerIDs(_ sql: String, for entityIDs: [String]) throws(StoreError) -> Set<String> {
        let s = try db.prepare(sql)
        var out = Set<String>()
        for id in entityIDs {
            s.bind(.text(id))
            while try s.step() { out.insert(s.text(0) ?? "") }
        }
        return out
    }

    /// Customers whose last screening came within `score` of an alert (their matches may move across
    /// the threshold when token rarities shift with the list).
    func customers(withBestScoreAtLeast score: Double) throws(StoreError) -> Set<String> {
        let s = try db.prepare("SELECT customer_id FROM screenings WHERE best_score >= ?").bind(.real(score))
        var out = Set<String>()
        while try s.step() { out.insert(s.text(0) ?? "") }
        return out
    }

    /// Customers whose last screening lies within `gap` of changing (or is of unknown distance).
    func customers(withGapAtMost gap: Double) throws(StoreError) -> Set<String> {
        let s = try db.prepare("SELECT customer_id FROM screenings WHERE gap IS NULL OR gap <= ?").bind(.real(gap))
        var out = Set<String>()
        while try s.step() { out.insert(s.text(0) ?? "") }
        return out
    }

    /// Customers whose last screening matched any entity: their distance to a change (`Monitor.gap`)
    /// and the entities (read from an index of its own, not the stored results).
    func matchedScreenings() throws(StoreError) -> [(id: String, gap: Double, matched: [Substring])] {
        let s = try db.prepare("SELECT customer_id, gap, matched FROM screenings INDEXED BY screenings_matched WHERE matched != ''")
        var out: [(String, Double, [Substring])] = []
        while try s.step() { out.append((s.text(0) ?? "", s.isNull(1) ? 0 : s.real(1), (s.text(2) ?? "").split(separator: "\n"))) }
        return out
    }

    // MARK: token rarity

    /// How many names of the index the store was last screened against hold each token, and how many
    /// names it had: an update compares them with the new index's to bound how far scores moved.
    func tokenFrequencies() throws(StoreError) -> (names: Int, frequencies: [String: Int])? {
        guard let names = try meta("names_count").flatMap({ Int($0) }) else { return nil }
        let s = try db.prepare("SELECT token, frequency FROM token_frequencies")
        var out: [String: Int] = [:]
        while try s.step() { out[s.text(0) ?? ""] = Int(s.integer(1)) }
        return (names, out)
    }

    /// Writes changed token frequencies (`RarityDrift.changedFrequencies`, `goneTokens`) and the name
    /// count of the index the store is now screened against.
    func updateTokenFrequencies(set: [(token: String, frequency: Int)], removed: [String], names: Int) throws(StoreError) {
        let upsert = try db.prepare("INSERT OR REPLACE INTO token_frequencies(token, frequency) VALUES(?, ?)")
        for t in set { try upsert.bind(.text(t.token), .integer(Int64(t.frequency))).run() }
        let delete = try db.prepare("DELETE FROM token_frequencies WHERE token = ?")
        for token in removed { try delete.bind(.text(token)).run() }
        try setMeta("names_count", String(names))
    }

    func replaceTokenFrequencies(of index: SearchIndex) throws(StoreError) {
        try db.execute("DELETE FROM token_frequencies")
        let all = (0..<index.tokens.count).map { (String(decoding: index.tokens.utf8($0), as: UTF8.self), Int(index.tokenFrequency[$0])) }
        try updateTokenFrequencies(set: all, removed: [], names: index.names.count)
    }

    // MARK: listed entities

    func entityHashes() throws(StoreError) -> [String: String] {
        let s = try db.prepare("SELECT id, content_hash FROM entities")
        var out: [String: String] = [:]
        while try s.step() { out[s.text(0) ?? ""] = s.text(1) ?? "" }
        return out
    }

    /// Brings the stored entity hashes in line with an update's diff, row by row.
    func updateEntities(set: [(id: String, hash: String)], removed: [String], indexID: String) throws(StoreError) {
        let upsert = try db.prepare("INSERT OR REPLACE INTO entities(id, content_hash) VALUES(?, ?)")
        for e in set { try upsert.bind(.text(e.id), .text(e.hash)).run() }
        let delete = try db.prepare("DELETE FROM entities WHERE id = ?")
        for id in removed { try delete.bind(.text(id)).run() }
        try setMeta("index_id", indexID)
    }

    func replaceEntities(_ hashes: [(id: String, hash: String)], indexID: String) throws(StoreError) {
        try db.execute("DELETE FROM entities")
        try updateEntities(set: hashes, removed: [], indexID: indexID)
    }

    // MARK: audit

    func audit(_ event: String, at time: String, details: String) throws(StoreError) {
        try db.prepare("INSERT INTO audit(at, event, details) VALUES(?, ?, ?)").bind(.text(time), .text(event), .text(details)).run()
    }

    /// Audit events, oldest first: (time, event, details JSON).
    public func auditLog() throws(StoreError) -> [(at: String, event: String, details: String)] {
        let s = try db.prepare("SELECT at, event, details FROM audit ORDER BY seq")
        var out: [(String, String, String)] = []
        while try s.step() { out.append((s.text(0) ?? "", s.text(1) ?? "", s.text(2) ?? "")) }
        return out
    }
}
