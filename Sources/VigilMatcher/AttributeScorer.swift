import VigilIndex
import VigilLists

/// Secondary attributes move a name score up or down; they never make a match alone (they apply only
/// to candidates whose names already look alike). Weights:
/// - birth date: same full date +0.06; same year (or inside a listed range) +0.03; years more than 1 apart -0.15
/// - gender: conflict -0.10; with a birth date conflict too (a hard conflict) another -0.05
/// - nationality: same country +0.02; different -0.02 (lists often miss a second citizenship)
/// - ID number: same number +0.15 (strong), never a penalty (documents get reissued)
/// - kind: a customer with a gender or a birth date is a natural person, and a listed organisation,
///   vessel or aircraft is not one: -0.30, under any threshold but for a shared ID number
public enum AttributeScorer {
    /// What a person customer loses against a listed entity that is no person.
    static let notAPersonPenalty = -0.30

    /// The most attributes can add to a name score (same birth date +0.06, same nationality +0.02,
    /// same ID number +0.15).
    public static let maximumBonus = 0.23

    /// The most attributes can add to a name score for this query: only the attributes it carries can
    /// raise a score, so a query with none gets no head start (and candidates can be dropped sooner).
    static func maximumBonus(for q: ScreeningQuery) -> Double {
        var bonus = 0.0
        if q.birthDate != nil { bonus += 0.06 }
        if q.nationality != nil { bonus += 0.02 }
        if let id = q.idNumber, normalizedID(id).count >= 5 { bonus += 0.15 }
        return bonus
    }

    /// Whether the query carries an attribute that `apply` compares (else it adds nothing).
    static func applies(to q: ScreeningQuery) -> Bool {
        q.birthDate != nil || q.gender != nil || q.nationality != nil || q.idNumber != nil
    }

    /// - Parameter explain: record each effect in `explanation` (else only the sum is computed).
    /// - Parameter listedIsPerson: whether the listed entity is a person (or of unknown kind).
    static func apply(_ q: ScreeningQuery, _ e: ScoringAttributes, listedIsPerson: Bool, explain: Bool = true,
                      to explanation: inout Explanation) -> Double {
        var delta = 0.0
        var dateConflict = false
        func effect(_ attribute: String, _ d: Double, _ reason: @autoclosure () -> String) {
            delta += d
            if explain { explanation.attributes.append(.init(attribute: attribute, delta: d, reason: reason())) }
        }
        if !listedIsPerson, let given = personEvidence(q) {
            effect("kind", notAPersonPenalty, "the customer has a \(given), so is a person; the listed entity is not")
        }
        if let dob = q.birthDate, !e.birthDates.isEmpty {
            switch compareBirthDate(dob, e.birthDates) {
            case .sameDate: effect("birth_date", 0.06, "same date of birth")
            case .sameYear: effect("birth_date", 0.03, "same year of birth")
            case .close: break
            case .conflict(let listed): effect("birth_date", -0.15, "listed birth date \(listed)"); dateConflict = true
            case .unknown: break
            }
        }
        if let g = normalizedGender(q.gender), let lg = e.gender, g != lg {
            effect("gender", dateConflict ? -0.15 : -0.10, "listed as \(lg)\(dateConflict ? ", and the birth date differs" : "")")
        }
        if let n = q.nationality, !e.nationalities.isEmpty, let code = Countries.code(n) {
            let listed = e.nationalities.compactMap(Countries.code)
            if !listed.isEmpty {
                if listed.contains(code) { effect("nationality", 0.02, "same nationality") } else { effect("nationality", -0.02, "listed nationality \(e.nationalities.joined(separator: ", "))") }
            }
        }
        if let id = q.idNumber.map(normalizedID), id.count >= 5, e.documentNumbers.contains(where: { normalizedID($0) == id }) {
            effect("id_number", 0.15, "same ID document number")
        }
        return delta
    }

    /// What shows a customer is a natural person: a gender (male, female, or one of the non-binary
    /// markers; not the `U`, `N/A` or `-` that files write for companies) or a birth date, or nil.
    static func personEvidence(_ q: ScreeningQuery) -> String? {
        if let g = q.gender, normalizedGender(g) != nil || nonBinaryGenders.contains(g.lowercased().trimmedWhitespace) { return "gender" }
        if let d = q.birthDate, !d.trimmedWhitespace.isEmpty { return "birth date" }
        return nil
    }

    static let nonBinaryGenders: Set<String> = ["other", "x", "diverse", "divers", "nonbinary", "non-binary"]

    static func normalizedGender(_ g: String?) -> String? {
        switch g?.lowercased().trimmedWhitespace {
        case "m", "male", "man": return "male"
        case "f", "female", "woman": return "female"
        default: return nil
        }
    }

    static func normalizedID(_ s: String) -> String {
        String(String.UnicodeScalarView(s.uppercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    enum DateComparison: Equatable { case sameDate, sameYear, close, conflict(String), unknown }

    /// Compares a customer date with every listed date and keeps the most favourable reading.
    static func compareBirthDate(_ query: String, _ listed: [String]) -> DateComparison {
        guard let qYear = Int(query.prefix(4)) else { return .unknown }
        var best: DateComparison = .unknown
        func rank(_ c: DateComparison) -> Int {
            switch c { case .sameDate: 4; case .sameYear: 3; case .close: 2; case .conflict: 1; case .unknown: 0 }
        }
        let qFull = query.utf8.count == 10
        for l in listed {
            let c: DateComparison
            let bytes = l.utf8
            // A range "1950..1955" (byte scan: this runs for every candidate with a birth date).
            if let dot = bytes.firstIndex(of: UInt8(ascii: ".")), bytes.index(after: dot) < bytes.endIndex,
               bytes[bytes.index(after: dot)] == UInt8(ascii: ".") {
                guard let a = Int(Substring(l.utf8[..<dot])), let b = Int(Substring(l.utf8[bytes.index(dot, offsetBy: 2)...])) else { continue }
                c = (a...b).contains(qYear) ? .sameYear : (qYear >= a - 1 && qYear <= b + 1 ? .close : .conflict(l))
            } else if let lYear = Int(l.prefix(4)) {
                let lFull = bytes.count == 10
                if lFull && qFull && l == query { c = .sameDate } else if lYear == qYear {
                    // Same year; a full date that differs is still only a year match.
                    c = (lFull && qFull) ? .close : .sameYear
                } else if abs(lYear - qYear) <= 1 {
                    c = .close
                } else {
                    c = .conflict(l)
                }
            } else { continue }
            if rank(c) > rank(best) { best = c }
        }
        return best
    }
}
