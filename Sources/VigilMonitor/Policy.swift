import Foundation

/// Risk levels, lowest first.
public enum RiskLevel: String, Sendable, CaseIterable, Comparable {
    case low, medium, high

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Events that can call for a customer to be reviewed again.
public enum Trigger: String, Sendable, CaseIterable {
    /// A screening raised an alert the customer did not have.
    case newAlert = "new_alert"
    /// A cleared false positive alerts again because the listed entity changed since.
    case reAlert = "re_alert"
    /// The customer's ID type or number changed.
    case idDocumentChanged = "id_document_changed"
    case nationalityChanged = "nationality_changed"
    /// The ID document's expiry date has passed (checked by `review`).
    case idExpired = "id_expired"
    /// The risk grade went up.
    case riskRaised = "risk_raised"
    /// The periodic review cycle of the customer's risk level is due (checked by `review`).
    case reviewDue = "review_due"
}

/// What a fired trigger leads to.
public enum Flow: String, Sendable {
    /// Open a review case (or add the reason to the customer's open case).
    case openCase = "open_case"
    /// Grade the risk again and screen again; a case follows only if that raises another trigger.
    case rescreen
}

/// The monitoring policy: review cycles per risk level, triggers with priorities and flows, and the
/// factors of the risk grade. Read from JSON (`--policy FILE`); every key is checked and a mistake is
/// reported with its path.
public struct Policy: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        /// 1 is the highest.
        public var priority: Int
        public var flow: Flow

        public init(priority: Int, flow: Flow) {
            self.priority = priority
            self.flow = flow
        }
    }

    /// Years between periodic reviews, per risk level.
    public var reviewCycleYears: [RiskLevel: Int] = [.high: 1, .medium: 2, .low: 3]
    public var triggers: [Trigger: Rule] = [
        .newAlert: Rule(priority: 1, flow: .openCase),
        .reAlert: Rule(priority: 1, flow: .openCase),
        .riskRaised: Rule(priority: 2, flow: .openCase),
        .idExpired: Rule(priority: 2, flow: .openCase),
        .idDocumentChanged: Rule(priority: 3, flow: .rescreen),
        .nationalityChanged: Rule(priority: 3, flow: .rescreen),
        .reviewDue: Rule(priority: 4, flow: .openCase),
    ]
    /// Risk grade factors: the grade is the highest level any factor gives.
    public var risk = RiskFactors()

    public struct RiskFactors: Sendable, Equatable {
        /// An open screening alert.
        public var alert: RiskLevel = .high
        /// An open alert on a politically exposed person (an entity whose list or programmes say PEP).
        public var pep: RiskLevel = .high
        /// Nationalities (ISO 3166 alpha-2, upper case) and the level they give.
        public var nationalities: [String: RiskLevel] = [:]
        /// Occupations (matched case-insensitively as a word of the customer's occupation) and their level.
        public var occupations: [String: RiskLevel] = [:]
        /// An ID document past its expiry date (or none recorded).
        public var expiredID: RiskLevel = .medium
        public var missingID: RiskLevel = .low
        /// The grade when no factor applies.
        public var base: RiskLevel = .low
    }

    public init() {}

    /// A policy file that cannot be used, with the JSON path of the mistake.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func load(path: String) throws(Invalid) -> Policy {
        guard let data = FileManager.default.contents(atPath: path) else { throw Invalid(description: "\(path): cannot read") }
        do { return try parse(data) } catch { throw Invalid(description: "\(path): \(error.description)") }
    }

    /// Parses the JSON form; keys left out keep their defaults, unknown keys are errors.
    public static func parse(_ data: Data) throws(Invalid) -> Policy {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw Invalid(description: "not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
        }
        var p = Policy()
        let top = try object(root, "$", keys: ["review_cycle_years", "triggers", "risk"])
        if let cycles = top["review_cycle_years"] {
            for (k, v) in try object(cycles, "$.review_cycle_years", keys: RiskLevel.allCases.map(\.rawValue)) {
                let years = try integer(v, "$.review_cycle_years.\(k)")
                guard (1...20).contains(years) else { throw Invalid(description: "$.review_cycle_years.\(k): \(years) is not in 1...20") }
                p.reviewCycleYears[RiskLevel(rawValue: k)!] = years
            }
        }
        if let triggers = top["triggers"] {
            for (k, v) in try object(triggers, "$.triggers", keys: Trigger.allCases.map(\.rawValue)) {
                let path = "$.triggers.\(k)"
                let rule = try object(v, path, keys: ["priority", "flow"])
                guard let pr = rule["priority"], let fl = rule["flow"] else { throw Invalid(description: "\(path): needs priority and flow") }
                let priority = try integer(pr, path + ".priority")
                guard priority >= 1 else { throw Invalid(description: "\(path).priority: must be 1 or more (1 is the highest)") }
                guard let name = fl as? String, let flow = Flow(rawValue: name) else {
                    throw Invalid(description: "\(path).flow: must be \"open_case\" or \"rescreen\"")
                }
                p.triggers[Trigger(rawValue: k)!] = Rule(priority: priority, flow: flow)
            }
        }
        if let risk = top["risk"] {
            let r = try object(risk, "$.risk", keys: ["alert", "pep", "nationalities", "occupations", "expired_id", "missing_id", "base"])
            func level(_ key: String) throws(Invalid) -> RiskLevel? {
                guard let v = r[key] else { return nil }
                return try riskLevel(v, "$.risk.\(key)")
            }
            if let l = try level("alert") { p.risk.alert = l }
            if let l = try level("pep") { p.risk.pep = l }
            if let l = try level("expired_id") { p.risk.expiredID = l }
            if let l = try level("missing_id") { p.risk.missingID = l }
            if let l = try level("base") { p.risk.base = l }
            if let n = r["nationalities"] {
                for (k, v) in try object(n, "$.risk.nationalities", keys: nil) {
                    guard k.count == 2, k.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                        throw Invalid(description: "$.risk.nationalities.\(k): use ISO 3166 alpha-2 codes in upper case (e.g. IR)")
                    }
                    p.risk.nationalities[k] = try riskLevel(v, "$.risk.nationalities.\(k)")
                }
            }
            if let o = r["occupations"] {
                for (k, v) in try object(o, "$.risk.occupations", keys: nil) {
                    p.risk.occupations[k.lowercased()] = try riskLevel(v, "$.risk.occupations.\(k)")
                }
            }
        }
        return p
    }

    private static func object(_ v: Any, _ path: String, keys: [String]?) throws(Invalid) -> [String: Any] {
        guard let o = v as? [String: Any] else { throw Invalid(description: "\(path): must be an object") }
        if let keys, let unknown = o.keys.sorted().first(where: { !keys.contains($0) }) {
            throw Invalid(description: "\(path).\(unknown): unknown key; expected one of \(keys.joined(separator: ", "))")
        }
        return o
    }

    private static func integer(_ v: Any, _ path: String) throws(Invalid) -> Int {
        // A JSON true/false is an NSNumber too; its type code is "c".
        guard let n = v as? NSNumber, String(cString: n.objCType) != "c", n.doubleValue == n.doubleValue.rounded() else {
            throw Invalid(description: "\(path): must be a whole number")
        }
        return n.intValue
    }

    private static func riskLevel(_ v: Any, _ path: String) throws(Invalid) -> RiskLevel {
        guard let s = v as? String, let l = RiskLevel(rawValue: s) else { throw Invalid(description: "\(path): must be \"low\", \"medium\" or \"high\"") }
        return l
    }
}
