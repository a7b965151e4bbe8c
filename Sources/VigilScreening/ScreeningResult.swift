import VigilLists
import VigilMatcher

/// The outcome of screening one customer row: the bulk output row and the server's `result`.
public struct ScreeningResult: Sendable {
    public var id: String
    public var line: Int?
    public var threshold: Double
    public var matches: [Match]
    /// Why the row was bad; nil for a good row.
    public var error: String?
    /// Per match, the reviewer's decision that applies to it (`--decisions`); empty without a decisions file.
    public var decisions: [AppliedDecision?] = []

    public init(id: String, line: Int? = nil, threshold: Double, matches: [Match], error: String? = nil) {
        self.id = id
        self.line = line
        self.threshold = threshold
        self.matches = matches
        self.error = error
    }

    /// True when any match reaches the threshold and is not a known false positive.
    public var alert: Bool { matches.indices.contains(where: isAlerting) }

    /// The matches that alert: at or above the threshold and not a known false positive.
    public var alertingMatches: [Match] { matches.indices.filter(isAlerting).map { matches[$0] } }

    private func isAlerting(_ i: Int) -> Bool { matches[i].score >= threshold && effect(of: i) != .suppressed }

    /// The decision that applies to match `i`, if any (`decisions` is empty without a decisions file).
    public func decision(of i: Int) -> AppliedDecision? { i < decisions.count ? decisions[i] : nil }

    /// What a decision does to match `i`, if one applies.
    public func effect(of i: Int) -> AppliedDecision.Effect? { decision(of: i)?.effect }

    /// Matches at or above the threshold whose decision has the effect.
    public func count(_ effect: AppliedDecision.Effect) -> Int {
        matches.indices.filter { matches[$0].score >= threshold && self.effect(of: $0) == effect }.count
    }

    /// `{"id":…, "alert":…, "threshold":…, "matches":[…], "error":…}` — the contract other tools read.
    public func encode(into w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("alert", alert)
        w.field("threshold", threshold)
        w.key("matches")
        w.beginArray()
        for (i, m) in matches.enumerated() { Self.encode(m, threshold: threshold, decision: decision(of: i), into: &w) }
        w.endArray()
        if let error {
            w.field("error", error)
            if let line { w.field("line", line) }
        }
        w.endObject()
    }

    public func jsonLine() -> [UInt8] {
        var w = JSONWriter()
        encode(into: &w)
        return w.bytes + [UInt8(ascii: "\n")]
    }

    static func encode(_ m: Match, threshold: Double, decision: AppliedDecision?, into w: inout JSONWriter) {
        w.beginObject()
        w.field("entity_id", m.entity.id)
        // What a reviewer records with a decision: a later change of the entity re-alerts.
        w.field("entity_hash", decision?.currentHash ?? m.entityHash)
        w.field("list", m.entity.list)
        w.field("schema", m.entity.schema.rawValue)
        w.field("name", m.entity.primaryName)
        w.field("matched_name", m.matchedName)
        w.field("score", m.score)
        w.field("alert", m.score >= threshold)
        if !m.entity.programs.isEmpty { w.field("programs", strings: m.entity.programs) }
        if let decision {
            w.field("suppressed", decision.effect == .suppressed)
            w.key("decision")
            w.beginObject()
            w.field("decision", decision.decision.verdict.rawValue)
            w.field("effect", decision.effect.rawValue)
            w.field("reason", decision.reason)
            w.field("reviewer", decision.decision.reviewer)
            w.field("date", decision.decision.date)
            if let note = decision.decision.note { w.field("note", note) }
            w.field("decided_entity_hash", decision.decision.entityHash)
            w.endObject()
        }
        w.key("explanation")
        encode(m.explanation, into: &w)
        w.endObject()
    }

    static func encode(_ e: Explanation, into w: inout JSONWriter) {
        w.beginObject()
        w.field("summary", e.summary)
        w.field("name_score", e.nameScore)
        w.key("tokens")
        w.beginArray()
        for p in e.pairs {
            w.beginObject()
            w.field("query", p.query)
            w.field("listed", p.listed)
            w.field("similarity", p.similarity)
            w.field("weight", p.weight)
            w.field("via", p.via)
            w.endObject()
        }
        w.endArray()
        w.field("query_only", strings: e.unmatchedQuery)
        w.field("listed_only", strings: e.unmatchedListed)
        w.key("attributes")
        w.beginArray()
        for a in e.attributes {
            w.beginObject()
            w.field("attribute", a.attribute)
            w.field("delta", a.delta)
            w.field("reason", a.reason)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}

/// Screening settings shared by the CLI, bulk runs and the server.
public struct ScreeningOptions: Sendable {
    /// Default alert threshold, calibrated on the evaluation sets (see README).
    public static let defaultThreshold = 0.80
    public var threshold: Double
    /// Most matches per row (alerts first, then context matches).
    public var limit: Int
    /// Context matches below the threshold are shown down to this score.
    public var contextFloor: Double

    public init(threshold: Double = ScreeningOptions.defaultThreshold, limit: Int = 5, contextFloor: Double? = nil) {
        self.threshold = threshold
        self.limit = limit
        self.contextFloor = contextFloor ?? min(threshold, 0.65)
    }
}

/// Screens one customer against an index.
public struct Screener: Sendable {
    public let matcher: Matcher
    public var options: ScreeningOptions
    /// Reviewers' decisions on earlier alerts (known false positives, confirmed matches).
    public var decisions: DecisionBook?

    public init(matcher: Matcher, options: ScreeningOptions = .init(), decisions: DecisionBook? = nil) {
        self.matcher = matcher
        self.options = options
        self.decisions = decisions
    }

    public func screen(_ customer: Customer) -> ScreeningResult {
        let matches = matcher.match(customer.query, limit: options.limit, minimumScore: options.contextFloor)
        var result = ScreeningResult(id: customer.id, line: nil, threshold: options.threshold, matches: matches, error: nil)
        if let decisions, decisions.count > 0 {
            result.decisions = matches.map { decisions.apply(customer: customer.id, match: $0) }
        }
        return result
    }

    /// A row from a file: bad rows carry their error; a row with a usable name is still screened.
    public func screen(_ row: CustomerRow) -> ScreeningResult {
        var result = row.isScreenable
            ? screen(row.customer)
            : ScreeningResult(id: row.customer.id, line: row.line, threshold: options.threshold, matches: [], error: nil)
        // Always known for a file row (CSV output has a line column); JSON writes it only with an error.
        result.line = row.line
        if !row.errors.isEmpty {
            result.error = "line \(row.line): " + row.errors.joined(separator: "; ")
        }
        return result
    }
}
