import Foundation
import VigilLists
import VigilMatcher

/// A reviewer's decision on one alert: this customer is (or is not) this listed entity, as the entity
/// stood when it was reviewed (`entityHash`, the `entity_hash` of the alert's match).
///
/// One JSON object per line in a decisions file:
/// `{"customer_id":"C0003","entity_id":"ofac:23214","decision":"false_positive","entity_hash":"…",
///   "reviewer":"a.kim","date":"2026-11-30","note":"other date of birth"}` (`note` optional).
public struct Decision: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        case falsePositive = "false_positive"
        case trueMatch = "true_match"
    }

    public var customerID: String
    public var entityID: String
    public var verdict: Verdict
    /// `Entity.contentHash` of the entity the reviewer saw.
    public var entityHash: String
    public var reviewer: String
    /// YYYY-MM-DD.
    public var date: String
    public var note: String?
    /// Where it came from, for messages: `FILE:LINE`.
    public var source: String

    public init(customerID: String, entityID: String, verdict: Verdict, entityHash: String, reviewer: String, date: String,
                note: String? = nil, source: String) {
        self.customerID = customerID
        self.entityID = entityID
        self.verdict = verdict
        self.entityHash = entityHash
        self.reviewer = reviewer
        self.date = date
        self.note = note
        self.source = source
    }
}

/// What a decision does to a match of the current screening.
public struct AppliedDecision: Sendable, Equatable {
    public enum Effect: String, Sendable {
        /// A known false positive, entity unchanged: shown, not alerted.
        case suppressed
        /// A known false positive, but the entity has changed since (new alias, date of birth,
        /// document…): alerted again, so a list update never silently hides a customer.
        case reAlert = "re-alert"
        /// A confirmed true match: alerted, marked as confirmed.
        case confirmed
    }

    public var decision: Decision
    public var effect: Effect
    /// The entity's content hash now.
    public var currentHash: String

    /// The reason shown with the match.
    public var reason: String {
        switch effect {
        case .suppressed: return "false positive cleared by \(decision.reviewer) on \(decision.date); entity unchanged"
        case .reAlert: return "cleared as a false positive by \(decision.reviewer) on \(decision.date), but the listed entity has changed since: review again"
        case .confirmed: return "confirmed true match by \(decision.reviewer) on \(decision.date)"
        }
    }
}

/// A decisions file that cannot be used: the run stops rather than screen with half the decisions.
public struct DecisionFileError: Error, CustomStringConvertible {
    public var description: String
}

/// Every decision of a decisions file, by customer and entity; a later decision on the same pair
/// (by date, then by line) replaces an earlier one.
public struct DecisionBook: Sendable {
    private struct Pair: Hashable, Sendable {
        var customer: String
        var entity: String
    }
    private var decisions: [Pair: Decision] = [:]

    public var count: Int { decisions.count }

    public init(_ list: [Decision] = []) {
        for d in list { add(d) }
    }

    public mutating func add(_ d: Decision) {
        let key = Pair(customer: d.customerID, entity: d.entityID)
        if let old = decisions[key], old.date > d.date { return }
        decisions[key] = d
    }

    public func decision(customer: String, entity: String) -> Decision? {
        decisions[Pair(customer: customer, entity: entity)]
    }

    /// The decision's effect on a match, or nil when none was taken.
    public func apply(customer: String, match: Match) -> AppliedDecision? {
        guard let d = decision(customer: customer, entity: match.entity.id) else { return nil }
        let current = match.entityHash
        let effect: AppliedDecision.Effect = d.verdict == .trueMatch ? .confirmed : (current == d.entityHash ? .suppressed : .reAlert)
        return AppliedDecision(decision: d, effect: effect, currentHash: current)
    }

    /// Reads a decisions file (JSON lines; blank lines skipped). Any bad line stops the load with its
    /// line number: a decision silently lost would re-alert a cleared customer, one misread could
    /// hide a true match.
    public static func load(path: String) throws(DecisionFileError) -> DecisionBook {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DecisionFileError(description: "\(path): cannot read the decisions file")
        }
        var book = DecisionBook()
        var lineNumber = 0
        for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = Array(raw)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let at = "\(path):\(lineNumber)"
            guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                throw DecisionFileError(description: "\(at): not a JSON object")
            }
            book.add(try decision(object, at: at))
        }
        return book
    }

    static func decision(_ o: [String: Any], at: String) throws(DecisionFileError) -> Decision {
        func text(_ key: String, required: Bool = true) throws(DecisionFileError) -> String? {
            switch o[key] {
            case let s as String where !s.trimmingCharacters(in: .whitespaces).isEmpty:
                return s.trimmingCharacters(in: .whitespaces)
            case nil, is NSNull, is String:
                if required { throw DecisionFileError(description: "\(at): '\(key)' is missing") }
                return nil
            default:
                throw DecisionFileError(description: "\(at): '\(key)' must be a string")
            }
        }
        let verdictText = try text("decision")!
        let normalized = verdictText.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        guard let verdict = Decision.Verdict(rawValue: normalized) else {
            throw DecisionFileError(description: "\(at): decision '\(verdictText)' is neither false_positive nor true_match")
        }
        var hash = try text("entity_hash", required: false)
        if hash == nil { hash = try text("content_hash", required: false) }
        guard let hash else {
            throw DecisionFileError(description: "\(at): 'entity_hash' is missing (the entity_hash of the reviewed match, so a changed entity re-alerts)")
        }
        let date = try text("date")!
        guard date.count == 10, DateText.isoDate(date) == date else { throw DecisionFileError(description: "\(at): date '\(date)' is not YYYY-MM-DD") }
        return Decision(customerID: try text("customer_id")!, entityID: try text("entity_id")!, verdict: verdict, entityHash: hash.lowercased(),
                        reviewer: try text("reviewer")!, date: date, note: try text("note", required: false), source: at)
    }
}
