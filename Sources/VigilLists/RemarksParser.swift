/// Reads the structured phrases in OFAC remarks ("DOB 07 Oct 1952; POB Leningrad, Russia; nationality
/// Russia; Gender Male; Passport 1084010 (Egypt); a.k.a. 'BNC'; Chinese Commercial Code 1728 4320.")
/// into entity fields.
enum RemarksParser {
    /// Applies the remarks to `e` and returns what it could not read, one message per phrase
    /// (a date of birth that is not a date, a document without a number, an unknown telegraph code).
    static func apply(_ remarks: String, to e: inout Entity) -> [String] {
        let text = remarks.trimmedWhitespace
        guard !text.isEmpty else { return [] }
        e.remarks = text
        var warnings: [String] = []
        for rawPart in splitClauses(text) {
            var part = rawPart.trimmedWhitespace
            while part.hasSuffix(".") && !part.hasSuffix("No.") { part.removeLast() }
            for prefix in ["alt. ", "Alt. "] where part.hasPrefix(prefix) { part = String(part.dropFirst(prefix.count)) }
            let lower = part.lowercased()
            if lower.hasPrefix("dob ") {
                let raw = String(part.dropFirst(4)).trimmedWhitespace
                if let d = DateText.parse(raw) {
                    if !e.birthDates.contains(d) { e.birthDates.append(d) }
                } else {
                    warnings.append("DOB '\(raw)' not understood")
                }
            } else if lower.hasPrefix("pob ") {
                e.birthPlaces.append(String(part.dropFirst(4)).trimmedWhitespace)
            } else if lower.hasPrefix("nationality of registration ") {
                // Companies: the country of registration, their nationality in the FollowTheMoney sense.
                appendUnique(String(part.dropFirst(28)).trimmedWhitespace, to: &e.nationalities)
            } else if lower.hasPrefix("nationality ") {
                for n in Countries.split(String(part.dropFirst(12))) { appendUnique(n, to: &e.nationalities) }
            } else if lower.hasPrefix("citizen ") {
                for n in Countries.split(String(part.dropFirst(8))) { appendUnique(n, to: &e.nationalities) }
            } else if lower.hasPrefix("gender ") {
                let g = String(lower.dropFirst(7)).trimmedWhitespace
                if g == "male" || g == "female" { e.gender = g }
            } else if lower.hasPrefix("chinese commercial code ") {
                let codes = String(part.dropFirst(24)).trimmedWhitespace
                switch ChineseCommercialCode.decode(codes) {
                case .success(let names):
                    for name in names { e.addName(EntityName(name, type: .originalScript)) }
                case .failure(let problem):
                    warnings.append("Chinese Commercial Code '\(codes)': \(problem.reason); no Han name added")
                }
            } else if let (type, quoted) = aliasClause(part, lower: lower) {
                for name in quoted { e.addName(EntityName(name, type: type)) }
            } else {
                switch document(part, lower: lower) {
                case .some(.success(let doc)): e.documents.append(doc)
                case .some(.failure(let problem)): warnings.append(problem.reason)
                case nil: break
                }
            }
        }
        return warnings
    }

    /// Splits on `;` outside single quotes (alias names may contain semicolons rarely, quotes often).
    /// A quote opens after a space or `;`; any quote closes. - Complexity: O(n) over UTF-8 bytes (`;` and
    /// `'` are ASCII, so cuts never fall inside a character).
    static func splitClauses(_ text: String) -> [String] {
        var text = text
        text.makeContiguousUTF8()  // a no-op for native strings; then contiguous storage is always available
        var out: [String] = []
        var quoted = false
        var prev = UInt8(ascii: " ")
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [String] in
            var start = 0
            for (i, b) in bytes.enumerated() {
                if b == UInt8(ascii: "'") && (prev == UInt8(ascii: " ") || prev == UInt8(ascii: ";") || quoted) { quoted.toggle() }
                if b == UInt8(ascii: ";") && !quoted {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    start = i + 1
                }
                prev = b
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return out
        } ?? [text]
    }

    /// `a.k.a. 'X'`, `f.k.a. 'X'`, `n.k.a. 'X'`, `a.k.a., 'X'`.
    static func aliasClause(_ part: String, lower: String? = nil) -> (NameType, [String])? {
        let lower = lower ?? part.lowercased()
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
    /// `(type, "type ", "type. ")`, built once: the phrase test runs for most clauses of 15,000 remarks.
    static let documentPrefixes = documentTypes.map { ($0, $0 + " ", $0 + ". ") }

    /// A phrase the parser recognised but could not use, and why.
    struct Problem: Error, Equatable { var reason: String }

    /// `Passport 1084010 (Egypt)`, `National ID No. 12345 (Iraq)`, `Tax ID No. 7744001497 (Russia)`.
    /// nil when the phrase is not a document; a failure when it names a document type but what follows
    /// has no digit (a sentence, `Passport issued by Iran`): a number must hold at least one digit.
    static func document(_ part: String, lower: String? = nil) -> Result<IdentityDocument, Problem>? {
        let lower = lower ?? part.lowercased()
        guard let type = documentPrefixes.first(where: { lower.hasPrefix($0.1) || lower.hasPrefix($0.2) })?.0 else { return nil }
        var rest = String(part.dropFirst(type.count)).trimmedWhitespace
        if rest.hasPrefix(".") { rest = String(rest.dropFirst()).trimmedWhitespace }
        var country: String?
        if let open = rest.firstIndex(of: "("), let close = rest.lastIndex(of: ")"), open < close {
            country = String(rest[rest.index(after: open)..<close]).trimmedWhitespace
            rest = String(rest[..<open]).trimmedWhitespace
        }
        guard let number = number(in: rest) else {
            return .failure(Problem(reason: "\(String(part.prefix(type.count))) '\(rest)' has no document number"))
        }
        return .success(IdentityDocument(type: String(part.prefix(type.count)), number: number, country: country))
    }

    /// The number at the start of a document phrase, kept with its spaces: `B 960789` (of `B 960789 issued
    /// 08 Sep 2006`), `HRB 14604`, `FN 161285 i`, `IMO 7406784`, `35202-5400413-9` (of `CNIC: 35202-5400413-9`).
    /// Labels (`#`, `No.`, `CNIC:`) are skipped; the number runs while tokens hold a digit or are short
    /// register prefixes and check letters (up to 4 letters, upper case, or one letter); it must hold a digit.
    static func number(in text: String) -> String? {
        var tokens = text.split(separator: " ").map(String.init)
        while let first = tokens.first, first == "#" || first.hasSuffix(":") || ["no", "no.", "number"].contains(first.lowercased()) {
            tokens.removeFirst()
        }
        if let first = tokens.first, first.hasPrefix("#") { tokens[0] = String(first.dropFirst()) }
        var kept: [String] = []
        for t in tokens {
            let hasDigit = t.contains(where: \.isNumber)
            let prefix = t.count <= 4 && t.allSatisfy { $0.isLetter && $0.isUppercase } || t.count == 1 && t.first!.isLetter
            guard hasDigit || prefix else { break }
            kept.append(t)
        }
        while let last = kept.last, !last.contains(where: \.isNumber), last.count > 1 { kept.removeLast() }
        let n = kept.joined(separator: " ").trimmingSuffix(",;.")
        return n.contains(where: \.isNumber) ? n : nil
    }

    static func appendUnique(_ v: String, to list: inout [String]) {
        if !v.isEmpty && !list.contains(v) { list.append(v) }
    }
}

/// Chinese Commercial Code (telegraph code) numbers to Han characters, with Unihan's tables
/// (`TelegraphCodes`): `1728 4320` → 张磊 (mainland, kMainlandTelegraph, falling back to
/// kTaiwanTelegraph per character) and 張磊 (Taiwan, kTaiwanTelegraph, when it covers every code and
/// spells the name differently).
enum ChineseCommercialCode {
    /// The name(s) the codes spell: mainland first, then the Taiwan spelling when it differs.
    /// Fails when a group is not a 1- to 4-digit number or a code is in neither table.
    static func decode(_ text: String) -> Result<[String], RemarksParser.Problem> {
        let groups = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !groups.isEmpty else { return .failure(.init(reason: "no codes")) }
        var mainland = String.UnicodeScalarView()
        var taiwan: String.UnicodeScalarView? = String.UnicodeScalarView()
        for g in groups {
            guard (1...4).contains(g.count), g.allSatisfy({ $0.isASCII && $0.isNumber }), let code = Int(g) else {
                return .failure(.init(reason: "'\(g)' is not a 4-digit code"))
            }
            guard let c = TelegraphCodes.character(code) else {
                return .failure(.init(reason: "code \(g) is in neither Unihan telegraph table"))
            }
            mainland.append(c)
            if let t = TelegraphCodes.taiwanCharacter(code) { taiwan?.append(t) } else { taiwan = nil }
        }
        let m = String(mainland)
        guard let t = taiwan.map(String.init), t != m else { return .success([m]) }
        return .success([m, t])
    }
}

extension String {
    /// Drops trailing characters found in `set`.
    fileprivate func trimmingSuffix(_ set: String) -> String {
        var s = Substring(self)
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
