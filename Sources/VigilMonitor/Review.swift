import Foundation
import VigilIndex
import VigilLists
import VigilMatcher
import VigilScreening

/// What `Monitor.review` did.
public struct ReviewSummary: Sendable {
    public var customers = 0
    public var due = 0
    public var idExpired = 0
    public var casesOpened = 0
    public var casesAppended = 0
}

/// Triggers, risk grades, periodic review and reviewers' decisions.
extension Monitor {
    typealias Fired = (trigger: Trigger, reason: String)

    /// `new_alert` or `re_alert` for each alert a screening opened.
    static func alertTriggers(_ opened: [Match], in result: ScreeningResult) -> [Fired] {
        opened.map { m in
            let i = result.matches.firstIndex { $0.entity.id == m.entity.id }
            if let i, result.effect(of: i) == .reAlert {
                return (.reAlert, "re-alert on \(m.entity.id): the entity changed since it was cleared as a false positive")
            }
            return (.newAlert, "new alert on \(m.entity.id) (score \(m.score))")
        }
    }

    /// Runs the flow of the highest-priority trigger: `open_case` opens a case (or adds every fired
    /// reason to the customer's open case); `rescreen` needs nothing more, since the callers grade and
    /// screen again before, and what that raises is among `fired`.
    /// - Returns: true when a case was opened.
    func applyTriggers(_ fired: [Fired], customer: String, at time: String) throws(StoreError) -> Bool {
        let ranked = fired.compactMap { f in policy.triggers[f.trigger].map { (f, $0) } }
        guard let top = ranked.min(by: { $0.1.priority < $1.1.priority }), top.1.flow == .openCase else { return false }
        let reasons = ranked.sorted { $0.1.priority < $1.1.priority }.map { "\($0.0.trigger.rawValue): \($0.0.reason)" }
        return try store.openOrAppendCase(customer: customer, priority: top.1.priority, reasons: reasons, at: time)
    }

    /// The risk grade from the policy's factors: the highest level any of them gives.
    func grade(_ c: Customer, alerting: [Match], asOf date: String) -> RiskLevel {
        let r = policy.risk
        var level = r.base
        if !alerting.isEmpty { level = max(level, r.alert) }
        if alerting.contains(where: { Self.isPEP($0.entity) }) { level = max(level, r.pep) }
        if let n = c.nationality.map({ Countries.code($0) ?? $0.uppercased() }), let l = r.nationalities[n] { level = max(level, l) }
        if let occupation = c.occupation?.lowercased() {
            for (k, l) in r.occupations where Self.containsWords(occupation, k) { level = max(level, l) }
        }
        if c.idNumber?.isEmpty ?? true { level = max(level, r.missingID) }
        if let expiry = c.idExpiry, !expiry.isEmpty, expiry < date { level = max(level, r.expiredID) }
        return level
    }

    /// Stores the customer's grade after a screening; true when it went up.
    func regrade(_ c: Customer, result: ScreeningResult, at time: String) throws(StoreError) -> Bool {
        let level = grade(c, alerting: result.alertingMatches, asOf: String(time.prefix(10)))
        let old = try store.risk(of: c.id)
        if old != level { try store.setRisk(level, of: c.id) }
        return old.map { level > $0 } ?? false
    }

    static func isPEP(_ e: Entity) -> Bool {
        e.list.lowercased().contains("pep") || e.programs.contains { $0.uppercased().contains("PEP") }
    }

    static func containsWords(_ text: String, _ phrase: String) -> Bool {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let target = phrase.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !target.isEmpty, words.count >= target.count else { return false }
        return (0...(words.count - target.count)).contains { Array(words[$0..<($0 + target.count)]) == target }
    }

    // MARK: periodic review

    /// Periodic review as of `date` (YYYY-MM-DD): a customer whose cycle (by risk level, from the last
    /// review or from when first seen) has come fires `review_due`; an ID document past its expiry fires
    /// `id_expired`. Flows as in `applyTriggers`; a review case marks the customer reviewed as of `date`.
    /// With `matcher`, a `rescreen` flow screens the customer again against it (the store's index).
    public func review(asOf date: String, matcher: Matcher?, indexID: String?) throws -> ReviewSummary {
        guard date.count == 10, DateText.isoDate(date) == date else { throw StoreError(path: store.path, reason: "--as-of must be a date YYYY-MM-DD, not \(date)") }
        if let indexID { try store.requireScreened(against: indexID) }
        var summary = ReviewSummary()
        let time = Self.now()
        let decisions = try store.decisionBook()
        try store.db.transaction {
            for state in try store.reviewStates() {
                summary.customers += 1
                var fired: [Fired] = []
                let years = policy.reviewCycleYears[state.risk] ?? 1
                let due = Self.adding(years: years, to: String(state.since.prefix(10)))
                if due <= date {
                    fired.append((.reviewDue, "periodic review due \(due) (risk \(state.risk.rawValue), every \(years) year\(years == 1 ? "" : "s"))"))
                    summary.due += 1
                }
                if let expiry = state.idExpiry, !expiry.isEmpty, expiry < date {
                    fired.append((.idExpired, "ID document expired \(expiry)"))
                    summary.idExpired += 1
                }
                guard !fired.isEmpty else { continue }
                let top = fired.compactMap { policy.triggers[$0.trigger] }.min { $0.priority < $1.priority }
                if top?.flow == .rescreen, let matcher, let indexID, let c = try store.customer(id: state.id) {
                    let r = Screener(matcher: matcher, options: options, decisions: decisions).screen(c)
                    let (opened, _) = try store.record(r, indexID: indexID, at: time, gap: gap(of: r)) { _ in "review: no longer matches" }
                    fired += Self.alertTriggers(opened, in: r)
                    if try regrade(c, result: r, at: time) { fired.append((.riskRaised, "risk level raised")) }
                }
                let before = try store.hasOpenCase(customer: state.id)
                if try applyTriggers(fired, customer: state.id, at: time) { summary.casesOpened += 1 } else if before { summary.casesAppended += 1 }
                if fired.contains(where: { $0.trigger == .reviewDue }) { try store.setLastReview(date, of: state.id) }
            }
            try store.audit("review", at: time, details: """
                {"as_of":"\(date)","customers":\(summary.customers),"due":\(summary.due),"id_expired":\(summary.idExpired),\
                "cases_opened":\(summary.casesOpened),"cases_appended":\(summary.casesAppended)}
                """)
        }
        return summary
    }

    /// `date` (YYYY-MM-DD) plus whole years; 29 February becomes 28 February in a common year.
    static func adding(years: Int, to date: String) -> String {
        guard let y = Int(date.prefix(4)), date.count >= 10 else { return date }
        var rest = String(date.dropFirst(4).prefix(6))
        let year = y + years
        if rest == "-02-29" && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { rest = "-02-28" }
        return String(format: "%04d", year) + rest
    }

    // MARK: decisions

    /// Records a reviewer's decision on an alert. A false positive closes the alert and stays cleared
    /// while the entity is unchanged; when the entity changes (new alias, date of birth…), the next
    /// update alerts again (`re_alert`). A true match keeps the alert open.
    public func decide(customer: String, entity: String, verdict: Decision.Verdict, reviewer: String, date: String, note: String?) throws {
        guard let alert = try store.alert(customer: customer, entity: entity) else {
            throw StoreError(path: store.path, reason: "no alert on customer \(customer) and entity \(entity) to decide on")
        }
        let time = Self.now()
        try store.db.transaction {
            try store.saveDecision(Decision(customerID: customer, entityID: entity, verdict: verdict, entityHash: alert.entityHash,
                                            reviewer: reviewer, date: date, note: note, source: store.path))
            if verdict == .falsePositive && alert.open {
                try store.closeAlert(customer: customer, entity: entity, at: time, reason: "false positive (\(reviewer), \(date))")
            }
            try store.audit("decision", at: time, details: """
                {"customer_id":"\(Self.jsonEscaped(customer))","entity_id":"\(Self.jsonEscaped(entity))","decision":"\(verdict.rawValue)",\
                "entity_hash":"\(alert.entityHash)","reviewer":"\(Self.jsonEscaped(reviewer))","date":"\(Self.jsonEscaped(date))"}
                """)
        }
    }

    static func jsonEscaped(_ s: String) -> String {
        var w = JSONWriter()
        w.string(s)
        return String(decoding: w.bytes.dropFirst().dropLast(), as: UTF8.self)
    }
}
