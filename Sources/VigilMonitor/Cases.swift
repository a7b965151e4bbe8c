import VigilScreening

/// Review cases and reviewers' decisions in the store.
extension CustomerStore {
    /// A review case: why a customer needs a reviewer, highest priority first (1 is the highest).
    public struct Case: Sendable, Equatable {
        public var id: Int
        public var customerID: String
        public var open: Bool
        public var priority: Int
        public var openedAt: String
        public var updatedAt: String
        /// Every trigger reason, oldest first.
        public var reasons: [String]
    }

    /// Opens a case with `reasons`, or, when the customer already has an open case, adds the reasons it
    /// lacks to it (and raises its priority if this one is higher). Returns true when a case was opened.
    @discardableResult
    func openOrAppendCase(customer: String, priority: Int, reasons: [String], at time: String) throws(StoreError) -> Bool {
        let s = try db.prepare("SELECT id, priority, reasons FROM cases WHERE customer_id = ? AND status = 'open'").bind(.text(customer))
        if try s.step() {
            let id = s.integer(0)
            let current = Int(s.integer(1))
            var all = Self.decodeReasons(try opened(s.text(2), "cases.reasons", row: customer) ?? "")
            for r in reasons where !all.contains(r) { all.append(r) }
            try db.prepare("UPDATE cases SET priority = ?, reasons = ?, updated_at = ? WHERE id = ?")
                .bind(.integer(Int64(min(current, priority))), sealed(Self.encodeReasons(all), "cases.reasons", row: customer), .text(time), .integer(id)).run()
            return false
        }
        try db.prepare("INSERT INTO cases(customer_id, status, priority, opened_at, updated_at, reasons) VALUES(?, 'open', ?, ?, ?, ?)")
            .bind(.text(customer), .integer(Int64(priority)), .text(time), .text(time), sealed(Self.encodeReasons(reasons), "cases.reasons", row: customer)).run()
        return true
    }

    func hasOpenCase(customer: String) throws(StoreError) -> Bool {
        try db.prepare("SELECT 1 FROM cases WHERE customer_id = ? AND status = 'open'").bind(.text(customer)).step()
    }

    /// Cases by priority, then age; only open ones unless `includeClosed`.
    public func cases(includeClosed: Bool = false) throws(StoreError) -> [Case] {
        let s = try db.prepare("SELECT id, customer_id, status, priority, opened_at, updated_at, reasons FROM cases"
                               + (includeClosed ? "" : " WHERE status = 'open'") + " ORDER BY priority, opened_at, id")
        var out: [Case] = []
        while try s.step() {
            let customer = s.text(1) ?? ""
            out.append(Case(id: Int(s.integer(0)), customerID: customer, open: s.text(2) == "open", priority: Int(s.integer(3)),
                            openedAt: s.text(4) ?? "", updatedAt: s.text(5) ?? "",
                            reasons: Self.decodeReasons(try opened(s.text(6), "cases.reasons", row: customer) ?? "")))
        }
        return out
    }

    // Reasons are short texts without newlines: stored one per line.
    static func encodeReasons(_ r: [String]) -> String { r.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") }
    static func decodeReasons(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

    // MARK: decisions

    func saveDecision(_ d: Decision) throws(StoreError) {
        try db.prepare("""
            INSERT INTO decisions(customer_id, entity_id, verdict, entity_hash, reviewer, date, note) VALUES(?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(customer_id, entity_id) DO UPDATE SET verdict = excluded.verdict, entity_hash = excluded.entity_hash,
              reviewer = excluded.reviewer, date = excluded.date, note = excluded.note
            """).bind(.text(d.customerID), .text(d.entityID), .text(d.verdict.rawValue), .text(d.entityHash), .text(d.reviewer),
                      .text(d.date), sealed(d.note, "decisions.note", row: d.customerID + "\u{0}" + d.entityID)).run()
    }

    /// Customers with a decision on any of `entityIDs`: a cleared false positive must be screened again
    /// when its entity changes, though its alert is closed.
    func customersWithDecisions(on entityIDs: [String]) throws(StoreError) -> Set<String> {
        try customerIDs("SELECT customer_id FROM decisions WHERE entity_id = ?", for: entityIDs)
    }

    /// Every decision, for screening (a cleared false positive stays cleared while its entity is unchanged).
    func decisionBook() throws(StoreError) -> DecisionBook {
        let s = try db.prepare("SELECT customer_id, entity_id, verdict, entity_hash, reviewer, date, note FROM decisions")
        var book = DecisionBook()
        while try s.step() {
            let customer = s.text(0) ?? "", entity = s.text(1) ?? ""
            book.add(Decision(customerID: customer, entityID: entity, verdict: Decision.Verdict(rawValue: s.text(2) ?? "") ?? .trueMatch,
                              entityHash: s.text(3) ?? "", reviewer: s.text(4) ?? "", date: s.text(5) ?? "",
                              note: try opened(s.text(6), "decisions.note", row: customer + "\u{0}" + entity), source: path))
        }
        return book
    }

    /// The alert on (customer, entity), open or closed.
    public func alert(customer: String, entity: String) throws(StoreError) -> Alert? {
        let s = try db.prepare("SELECT customer_id, entity_id, entity_hash, score, status, close_reason FROM alerts WHERE customer_id = ? AND entity_id = ?")
            .bind(.text(customer), .text(entity))
        guard try s.step() else { return nil }
        return Alert(customerID: s.text(0) ?? "", entityID: s.text(1) ?? "", entityHash: s.text(2) ?? "", score: s.real(3),
                     open: s.text(4) == "open", closeReason: s.text(5))
    }
}
