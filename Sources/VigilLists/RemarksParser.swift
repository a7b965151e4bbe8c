/// Reads the structured phrases in OFAC remarks ("DOB 07 Oct 1952; POB Leningrad, Russia; nationality
/// Russia; Gender Male; Passport 1084010 (Egypt); a.k.a. 'BNC'.") into entity fields.
enum RemarksParser {
    static func apply(_ remarks: String, to e: inout Entity) {
        let text = remarks.trimmedWhitespace
        guard !text.isEmpty else { return }
        e.remarks = text
        for rawPart in splitClauses(text) {
            var part = rawPart.trimmedWhitespace
            while part.hasSuffix(".") && !part.hasSuffix("No.") { part.removeLast() }
            for prefix in ["alt. ", "Alt. "] where part.hasPrefix(prefix) { part = String(part.dropFirst(prefix.count)) }
            let lower = part.lowercased()
            if lower.hasPrefix("dob ") {
                if let d = DateText.parse(String(part.dropFirst(4))), !e.birthDates.contains(d) { e.birthDates.append(d) }
            } else if lower.hasPrefix("pob ") {
                e.birthPlaces.append(String(part.dropFirst(4)).trimmedWhitespace)
            } else if lower.hasPrefix("nationality ") {
                appendUnique(String(part.dropFirst(12)).trimmedWhitespace, to: &e.nationalities)
            } else if lower.hasPrefix("citizen ") {
                appendUnique(String(part.dropFirst(8)).trimmedWhitespace, to: &e.nationalities)
            } else if lower.hasPrefix("gender ") {
                let g = String(lower.dropFirst(7)).trimmedWhitespace
                if g == "male" || g == "female" { e.gender = g }
            } else if let (type, quoted) = aliasClause(part) {
                for name in quoted { e.addName(EntityName(name, type: type)) }
            } else if let doc = document(part) {
                e.documents.append(doc)
            }
        }
    }

    /// Splits on `;` outside single quotes (alias names may contain semicolons rarely, quotes often).
    static func splitClauses(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        var prev: Character = " "
        for ch in text {
            if ch == "'" && (prev == " " || prev == ";" || quoted) { quoted.toggle() }
            if ch == ";" && !quoted {
                out.append(current)
                current = ""
            } else {
                current.append(ch)
            }
            prev = ch
        }
        out.append(current)
        return out
    }

    /// `a.k.a. 'X'`, `f.k.a. 'X'`, `n.k.a. 'X'`, `a.k.a., 'X'`.
    static func aliasClause(_ part: String) -> (NameType, [String])? {
        let lower = part.lowercased()
        let type: NameType
        if lower.hasPrefix("a.k.a") { type = .aka } else if lower.hasPrefix("f.k.a") { type = .fka } else if lower.hasPrefix("n.k.a") { type = .nka } else { return nil }
        var names: [String] = []
        var inside = false
        var current = ""
        let chars = Array(part)
        for (i, ch) in chars.enumerated() {
            if ch == "'" {
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                if !inside { inside = true; current = ""; continue }
                // A closing quote is followed by a separator; otherwise it is an apostrophe (O'BRIEN).
                if next == " " || next == "," || next == ";" || next == "." || next == ")" || i + 1 == chars.count {
                    inside = false
                    let n = current.trimmedWhitespace
                    if !n.isEmpty { names.append(n) }
                    continue
                }
            }
            if inside { current.append(ch) }
        }
        return names.isEmpty ? nil : (type, names)
    }

    static let documentTypes = [
        "passport", "national id no", "national id", "identification number", "cedula no", "c.u.r.p", "curp",
        "nit #", "ruc #", "ssn", "tax id no", "registration number", "registration id", "driver's license no",
        "personal id card", "residency number", "id no", "immigrant no", "kenyan id no", "birth certificate number",
        "vessel registration identification", "imo", "mmsi", "aircraft manufacturer's serial number (msn)",
    ]

    /// `Passport 1084010 (Egypt)`, `National ID No. 12345 (Iraq)`, `Tax ID No. 7744001497 (Russia)`.
    static func document(_ part: String) -> IdentityDocument? {
        let lower = part.lowercased()
        guard let type = documentTypes.first(where: { lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ". ") }) else { return nil }
        var rest = String(part.dropFirst(type.count)).trimmedWhitespace
        if rest.hasPrefix(".") { rest = String(rest.dropFirst()).trimmedWhitespace }
        var country: String?
        if let open = rest.firstIndex(of: "("), let close = rest.lastIndex(of: ")"), open < close {
            country = String(rest[rest.index(after: open)..<close]).trimmedWhitespace
            rest = String(rest[..<open]).trimmedWhitespace
        }
        guard let number = rest.split(separator: " ").first.map(String.init), !number.isEmpty else { return nil }
        return IdentityDocument(type: String(part.prefix(type.count)), number: number, country: country)
    }

    static func appendUnique(_ v: String, to list: inout [String]) {
        if !v.isEmpty && !list.contains(v) { list.append(v) }
    }
}
