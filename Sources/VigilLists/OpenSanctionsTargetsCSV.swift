/// OpenSanctions' `targets.simple.csv`: a header row, then one row per entity with `id`, `schema`,
/// `name`, and the optional `aliases`, `birth_date`, `countries`, `addresses`, `identifiers`,
/// `sanctions`, `program_ids`, `dataset`, `first_seen`, `last_seen` (multi-valued cells separated by `;`).
///
/// - `schema`: Person; Company, Organization, LegalEntity, PublicBody; Vessel; Airplane. Another value is
///   a `.warning` and the entity is `unknown`.
/// - `countries` (ISO codes: `ru;tj`) become nationalities: for a person they are nationality and
///   citizenship mostly, for a company its jurisdiction, for a vessel its flag.
/// - `identifiers` become documents (`IMO9253325` is an IMO number, others type `ID`).
/// - `program_ids` are programs; `sanctions` (the designation text) goes to remarks, unquoted.
/// - `first_seen` is the listing date; the latest `last_seen` the publication date.
///
/// Ids are `<list>:<id>`, the list being the file name up to its first dot
/// (`interpol_red_notices_targets.simple_2025-05.csv` → `interpol_red_notices_targets`).
/// A row with the wrong number of fields, no id, no name or a repeated id is an `.error` (skipped);
/// an unreadable birth date or schema is a `.warning`.
enum OpenSanctionsTargetsCSV {
    enum Column: String, CaseIterable {
        case id, schema, name, aliases
        case birthDate = "birth_date"
        case countries, addresses, identifiers, sanctions
        case programIDs = "program_ids"
        case dataset
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
    }

    static func schema(_ name: String) -> Schema? {
        switch name {
        case "Person": return .person
        case "Company", "Organization", "LegalEntity", "PublicBody": return .organization
        case "Vessel": return .vessel
        case "Airplane": return .aircraft
        default: return nil
        }
    }

    static func load(path: String) throws(ListError) -> LoadedList {
        let list = JSONLines.stem(path)
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw .file(error) }
        var issues: [RowIssue] = []
        var entities: [Entity] = []
        var seen: Set<String> = []
        var lastSeen: String?
        do {
            guard let header = try reader.next() else { throw ListError.malformed(file: path, line: 1, reason: "file is empty: a targets.simple.csv header is required") }
            var columns: [Column: Int] = [:]
            for (i, h) in header.fields.enumerated() {
                if let c = Column(rawValue: h.trimmedWhitespace.lowercased()) { columns[c] = i }
            }
            let missing = [Column.id, .schema, .name].filter { columns[$0] == nil }
            guard missing.isEmpty else {
                throw ListError.malformed(file: path, line: header.line, reason: "targets.simple.csv header lacks \(missing.map(\.rawValue).joined(separator: ", "))")
            }
            let width = header.fields.count
            while let rec = try reader.next() {
                guard rec.fields.count == width else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "row has \(rec.fields.count) fields, header has \(width); skipped"))
                    continue
                }
                let cell = { (c: Column) -> String? in
                    guard let i = columns[c] else { return nil }
                    let v = unquoted(rec.fields[i].collapsedWhitespace)
                    return v.isEmpty ? nil : v
                }
                let cells = { (c: Column) -> [String] in
                    cell(c)?.split(separator: ";").map { String($0).collapsedWhitespace }.filter { !$0.isEmpty } ?? []
                }
                guard let id = cell(.id) else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "row has no id; skipped"))
                    continue
                }
                guard let name = cell(.name) else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "id \(id) has no name; skipped"))
                    continue
                }
                guard seen.insert(id).inserted else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "duplicate id \(id); this row skipped, the first kept"))
                    continue
                }
                let schemaName = cell(.schema) ?? ""
                let schema = Self.schema(schemaName)
                if schema == nil {
                    issues.append(RowIssue(.warning, file: path, line: rec.line, message: "id \(id): unknown schema '\(schemaName)'; read as Unknown"))
                }
                var e = Entity(id: "\(list):\(id)", list: list, schema: schema ?? .unknown, names: [EntityName(name, type: .primary)])
                for alias in cells(.aliases) { e.addName(EntityName(alias, type: .aka)) }
                for raw in cells(.birthDate) where !DateText.isAbsent(raw) {
                    if let d = DateText.isoDate(raw) ?? DateText.parse(raw) {
                        ListText.appendUnique(d, to: &e.birthDates)
                    } else {
                        issues.append(RowIssue(.warning, file: path, line: rec.line, message: "id \(id): birth_date '\(raw)' not understood"))
                    }
                }
                for c in cells(.countries) { ListText.appendUnique(c, to: &e.nationalities) }
                for a in cells(.addresses) { ListText.appendUnique(a, to: &e.addresses) }
                for identifier in cells(.identifiers) { e.documents.append(document(identifier)) }
                for p in cells(.programIDs) { ListText.appendUnique(p, to: &e.programs) }
                e.remarks = cell(.sanctions)
                e.listedOn = cell(.firstSeen).flatMap { DateText.isoDate(String($0.prefix(10))) }
                if let last = cell(.lastSeen).flatMap({ DateText.isoDate(String($0.prefix(10))) }), last > (lastSeen ?? "") { lastSeen = last }
                entities.append(e)
            }
        } catch {
            throw .wrapping(error, path: path)
        }
        let provenance = SourceProvenance(
            list: list, format: ListFormat.targetsCSV.rawValue, files: [path], sha256: [try fileSHA256(path)], publicationDate: lastSeen)
        return LoadedList(entities: entities, provenance: provenance, issues: issues)
    }

    /// `IMO9253325` → an IMO number; anything else an `ID`.
    static func document(_ identifier: String) -> IdentityDocument {
        let digits = identifier.dropFirst(3)
        if identifier.hasPrefix("IMO"), digits.count == 7, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return IdentityDocument(type: "IMO", number: String(digits))
        }
        return IdentityDocument(type: "ID", number: identifier)
    }

    /// The `sanctions` cell is itself quoted text (`"Red Notice - ..."`, or `""` for none): quotes dropped.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        return String(text.dropFirst().dropLast()).collapsedWhitespace
    }
}
