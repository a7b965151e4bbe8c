import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The UN Security Council Consolidated List, official XML (`<CONSOLIDATED_LIST dateGenerated=...>`
/// with `<INDIVIDUALS><INDIVIDUAL>` and `<ENTITIES><ENTITY>`). Ids are `un:<DATAID>`; DATAID is stable
/// across versions of the list.
///
/// - INDIVIDUAL becomes a Person: FIRST_NAME..FOURTH_NAME joined is the primary name; aliases with
///   QUALITY "Good" are `aka`, "Low" `weakAka` (both keep `quality`); NAME_ORIGINAL_SCRIPT is an
///   `originalScript` name; dates of birth (EXACT / APPROXIMATELY / BETWEEN), places of birth,
///   nationalities, gender, documents, addresses; UN_LIST_TYPE and REFERENCE_NUMBER are programs.
/// - ENTITY becomes an Organization: FIRST_NAME is the name; ENTITY_ALIAS QUALITY is "a.k.a." or "f.k.a.".
///
/// A record without DATAID or name, a duplicate DATAID, or a record that is not well-formed XML is an
/// `.error` issue at the record's line (the record is skipped, the others kept); a date of birth that
/// cannot be read is a `.warning`. A file that is not XML at all is `ListError.malformed`.
enum UNConsolidatedXML {
    static let list = "un"

    static func load(path: String) throws(ListError) -> LoadedList {
        let sha = try fileSHA256(path)
        let data = try XMLRecordReader.readFile(path)
        let (root, records, broken) = try XMLRecordReader.readRecovering(data, path: path, records: ["INDIVIDUAL", "ENTITY"])

        var issues = broken
        var entities: [Entity] = []
        var seen: Set<String> = []
        for record in records {
            guard let dataID = record.value("DATAID") else {
                issues.append(RowIssue(.error, file: path, line: record.line, message: "\(record.name) has no DATAID; skipped"))
                continue
            }
            guard seen.insert(dataID).inserted else {
                issues.append(RowIssue(.error, file: path, line: record.line, message: "duplicate DATAID \(dataID); this record skipped, the first kept"))
                continue
            }
            let entity = record.name == "INDIVIDUAL"
                ? individual(record, id: dataID, path: path, issues: &issues)
                : organization(record, id: dataID)
            guard let entity else {
                issues.append(RowIssue(.error, file: path, line: record.line, message: "\(record.name) \(dataID) has no name; skipped"))
                continue
            }
            entities.append(entity)
        }
        if entities.isEmpty && issues.isEmpty {
            throw .malformed(file: path, line: 1, reason: "no INDIVIDUAL or ENTITY records: not a UN consolidated list XML")
        }

        // dateGenerated="2026-02-27T00:00:09.554Z": the date part is the publication date.
        let published = root["dateGenerated"].flatMap { DateText.isoDate(String($0.prefix(10))) }
        let provenance = SourceProvenance(
            list: list, format: ListFormat.unXML.rawValue, files: [path], sha256: [sha], publicationDate: published)
        return LoadedList(entities: entities, provenance: provenance, issues: issues.sorted { $0.line < $1.line })
    }

    // MARK: - Records

    static func individual(_ r: XMLNode, id: String, path: String, issues: inout [RowIssue]) -> Entity? {
        guard let name = ListText.join(["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"].map { r.value($0) }, separator: " ")
        else { return nil }
        var e = common(r, id: id, schema: .person, name: name)

        for alias in r.children("INDIVIDUAL_ALIAS") {
            addAliases(alias, to: &e)
            // An alias may carry its own date and place of birth (a false identity): keep them too.
            // The 2024 file writes a missing alias date as the text `null`.
            if let dob = alias.value("DATE_OF_BIRTH"), dob.lowercased() != "null" {
                if let d = DateText.isoDate(dob) ?? DateText.parse(dob) {
                    ListText.appendUnique(d, to: &e.birthDates)
                } else {
                    issues.append(RowIssue(.warning, file: path, line: alias.line, message: "DATAID \(id): alias date of birth '\(dob)' not understood"))
                }
            }
            ListText.appendUnique(ListText.join([alias.value("CITY_OF_BIRTH"), alias.value("COUNTRY_OF_BIRTH")]), to: &e.birthPlaces)
        }
        for dob in r.children("INDIVIDUAL_DATE_OF_BIRTH") {
            switch birthDate(dob) {
            case .date(let d): ListText.appendUnique(d, to: &e.birthDates)
            case .empty: break
            case .unreadable(let text):
                issues.append(RowIssue(.warning, file: path, line: dob.line, message: "DATAID \(id): date of birth '\(text)' not understood"))
            }
        }
        for pob in r.children("INDIVIDUAL_PLACE_OF_BIRTH") {
            ListText.appendUnique(ListText.join(["STREET", "CITY", "STATE_PROVINCE", "COUNTRY"].map { pob.value($0) }), to: &e.birthPlaces)
        }
        for nationality in r.children("NATIONALITY") {
            for v in nationality.values("VALUE") { for n in Countries.split(v) { ListText.appendUnique(n, to: &e.nationalities) } }
        }
        switch r.value("GENDER")?.lowercased() {
        case "male": e.gender = "male"
        case "female": e.gender = "female"
        default: break
        }
        for doc in r.children("INDIVIDUAL_DOCUMENT") {
            // <INDIVIDUAL_DOCUMENT/> is common; a document without a number says nothing to match on.
            guard let number = doc.value("NUMBER") else { continue }
            let type = doc.value("TYPE_OF_DOCUMENT") ?? doc.value("TYPE_OF_DOCUMENT2") ?? "Document"
            let country = doc.value("ISSUING_COUNTRY") ?? doc.value("COUNTRY_OF_ISSUE")
            e.documents.append(IdentityDocument(type: type, number: number, country: country))
        }
        for address in r.children("INDIVIDUAL_ADDRESS") { addAddress(address, to: &e) }
        return e
    }

    static func organization(_ r: XMLNode, id: String) -> Entity? {
        // FIRST_NAME may hold two names: `COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)`.
        guard let text = r.value("FIRST_NAME"), let name = names(in: text).first else { return nil }
        var e = common(r, id: id, schema: .organization, name: name)
        for other in names(in: text).dropFirst() { e.addName(EntityName(other, type: .aka)) }
        for alias in r.children("ENTITY_ALIAS") { addAliases(alias, to: &e) }
        for address in r.children("ENTITY_ADDRESS") { addAddress(address, to: &e) }
        return e
    }

    /// Fields INDIVIDUAL and ENTITY share: names in original script, programs, listing date, comments.
    static func common(_ r: XMLNode, id: String, schema: Schema, name: String) -> Entity {
        var e = Entity(id: "\(list):\(id)", list: list, schema: schema, names: [EntityName(name, type: .primary)])
        for original in r.values("NAME_ORIGINAL_SCRIPT") { e.addName(EntityName(original, type: .originalScript)) }
        e.programs = [r.value("UN_LIST_TYPE"), r.value("REFERENCE_NUMBER")].compactMap { $0 }
        // LISTED_ON is `YYYY-MM-DD`, a few times with a time appended.
        e.listedOn = r.value("LISTED_ON").map { DateText.isoDate(String($0.prefix(10))) ?? $0 }
        e.remarks = r.value("COMMENTS1")
        return e
    }

    /// One `<..._ALIAS>` may hold several spellings: `Qasim Soleimani; Qasem Sulaimani`, `a) ...; ... b) ...`,
    /// `حسن غول (Hassan Ghul; Hassan Gul)`. Each becomes its own name with the alias's type and quality.
    static func addAliases(_ alias: XMLNode, to e: inout Entity) {
        guard let text = alias.value("ALIAS_NAME") else { return }
        let type: NameType
        var quality: String?
        switch alias.value("QUALITY")?.lowercased() {
        case "good": type = .aka; quality = "Good"
        case "low": type = .weakAka; quality = "Low"
        case "f.k.a.", "fka": type = .fka
        default: type = .aka  // "a.k.a." (entities) or no quality given
        }
        for name in names(in: text) { e.addName(EntityName(name, type: type, quality: quality)) }
    }

    /// Splits a name field into names: on enumeration markers and on `;` outside parentheses, then a final
    /// parenthesis becomes names of its own when it is a list (`;`), is marked `original script:`, or is in
    /// another script than the text before it (`Jin Tiesan (金铁三)`). Other parentheses are part of the
    /// name (`Al-Qaida in Yemen (AQY)`, `Leader (Hong Kong) International Trading Limited`).
    static func names(in text: String) -> [String] {
        var out: [String] = []
        for piece in ListText.splitEnumerated(text) {
            for part in splitOutsideParentheses(piece, on: ";") {
                var name = part.collapsedWhitespace
                while name.hasSuffix(",") || name.hasSuffix(").") { name.removeLast() }
                guard let open = finalParenthesis(name) else {
                    out.append(name)
                    continue
                }
                let outside = String(name[..<open]).collapsedWhitespace
                var inside = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).collapsedWhitespace
                let marked = inside.lowercased().hasPrefix("original script:")
                if marked { inside = String(inside.dropFirst("original script:".count)).collapsedWhitespace }
                guard !outside.isEmpty, marked || inside.contains(";") || isLatin(outside) != isLatin(inside) else {
                    out.append(name)
                    continue
                }
                out.append(outside)
                for spelling in splitOutsideParentheses(inside, on: ";") {
                    var s = spelling.collapsedWhitespace
                    if s.lowercased().hasSuffix("(original script)") { s = String(s.dropLast("(original script)".count)).collapsedWhitespace }
                    out.append(s)
                }
            }
        }
        return out.filter { !$0.isEmpty }
    }

    /// Index of the `(` whose `)` ends `text`, if the text ends with a balanced parenthesis.
    static func finalParenthesis(_ text: String) -> String.Index? {
        guard text.last == ")" else { return nil }
        var depth = 0
        var i = text.endIndex
        while i > text.startIndex {
            i = text.index(before: i)
            if text[i] == ")" { depth += 1 } else if text[i] == "(" {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    static func splitOutsideParentheses(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) }
            if ch == separator && depth == 0 { parts.append(current); current = "" } else { current.append(ch) }
        }
        parts.append(current)
        return parts
    }

    /// True when every letter is Latin (Basic Latin to Latin Extended-B, or Latin Extended Additional).
    static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            !s.properties.isAlphabetic || s.value <= 0x024F || (0x1E00...0x1EFF).contains(s.value)
        }
    }

    static func addAddress(_ a: XMLNode, to e: inout Entity) {
        ListText.appendUnique(ListText.join(["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"].map { a.value($0) }), to: &e.addresses)
    }

    enum BirthDate: Equatable {
        case date(String)
        case empty
        case unreadable(String)
    }

    /// One `<INDIVIDUAL_DATE_OF_BIRTH>`:
    /// - EXACT with DATE `1978-04-28` or YEAR `1971` (a NOTE `Sep.` with a YEAR narrows it to `1958-09`);
    /// - APPROXIMATELY with YEAR `1966` becomes `1965..1967` (circa is ±1, as everywhere in Vigil);
    /// - BETWEEN with FROM_YEAR/TO_YEAR becomes `1973..1974`;
    /// - a lone NOTE (`Nov. 1973`) is read as a date phrase.
    static func birthDate(_ d: XMLNode) -> BirthDate {
        let type = d.value("TYPE_OF_DATE")?.uppercased() ?? ""
        let note = d.value("NOTE")
        if let raw = d.value("DATE") {
            return (DateText.isoDate(String(raw.prefix(10))) ?? DateText.parse(raw)).map(BirthDate.date) ?? .unreadable(raw)
        }
        if let from = d.value("FROM_YEAR"), let to = d.value("TO_YEAR") {
            guard let a = DateText.year(from), let b = DateText.year(to) else { return .unreadable("\(from) to \(to)") }
            return .date(a == b ? String(a) : "\(min(a, b))..\(max(a, b))")
        }
        if let raw = d.value("YEAR") {
            guard let y = DateText.year(raw) else { return .unreadable(raw) }
            if type == "APPROXIMATELY" { return .date("\(y - 1)..\(y + 1)") }
            if let note, let narrowed = DateText.parse("\(note) \(y)"), narrowed.hasPrefix("\(y)-") { return .date(narrowed) }
            return .date(String(y))
        }
        // A Hijri date (`24/06/1402 (Hijri Calendar)`) accompanies its Gregorian one and is not converted.
        if let note, !note.lowercased().contains("hijri") {
            let phrase = type == "APPROXIMATELY" ? "circa \(note)" : note
            return DateText.parse(phrase).map(BirthDate.date) ?? .unreadable(note)
        }
        return .empty
    }
}
