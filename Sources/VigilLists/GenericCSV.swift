import Foundation

/// A customer's own list in the simple generic shape, as CSV (`csv`) or JSON lines (`jsonl`).
///
/// Fields (CSV header names or JSON keys, case-insensitive): `id` and `name` are required; optional are
/// `aliases` (`;`-separated text, or a JSON array), `schema` (Person, Organization, Vessel, Aircraft),
/// `birth_date`, `nationality`, `gender`, `id_number` (each may hold several values separated by `;`).
/// Other columns are ignored.
///
/// The list name is the file's stem: `/tmp/mylist.csv` is list `mylist`, ids `mylist:<id>`.
/// A row with a missing id or name, a wrong number of fields, bad JSON or a repeated id is an `.error`
/// issue with file and line and is skipped; an unreadable optional value is a `.warning` and the row is kept.
enum GenericCSV {
    /// The field names this format knows.
    enum Field: String, CaseIterable {
        case id, name, aliases, schema
        case birthDate = "birth_date"
        case nationality, gender
        case idNumber = "id_number"

        /// Fields that hold several values separated by `;`; the others are one value each.
        var isMultiValued: Bool { self == .aliases || self == .birthDate || self == .nationality || self == .idNumber }
    }

    /// One input row, format-independent: field → values (already split on `;`, trimmed, non-empty).
    struct Record {
        var line: Int
        var values: [Field: [String]] = [:]
        subscript(field: Field) -> [String] { values[field] ?? [] }
    }

    /// `/tmp/mylist.csv` → `mylist`; stdin (`-`) → `stdin`.
    static func listName(for path: String) -> String {
        guard path != "-" else { return "stdin" }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    // MARK: - CSV

    static func loadCSV(path: String) throws(ListError) -> LoadedList {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw .file(error) }
        var records: [Record] = []
        var issues: [RowIssue] = []
        do {
            guard let headerRecord = try reader.next() else {
                throw ListError.malformed(file: path, line: 1, reason: "file is empty: a header with id and name is required")
            }
            var columns: [Int: Field] = [:]
            for (i, h) in headerRecord.fields.enumerated() {
                if let f = Field(rawValue: h.trimmedWhitespace.lowercased()) { columns[i] = f }
            }
            let present = Set(columns.values)
            guard present.contains(.id), present.contains(.name) else {
                throw ListError.malformed(file: path, line: headerRecord.line, reason: "header must have id and name columns (found: \(headerRecord.fields.joined(separator: ",")))")
            }
            let width = headerRecord.fields.count
            var rows: [(line: Int, fields: [String])] = []
            while let rec = try reader.next() {
                guard rec.fields.count == width else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "row has \(rec.fields.count) fields, header has \(width); skipped"))
                    continue
                }
                rows.append((rec.line, rec.fields))
            }
            // Splitting and trimming the values is most of the reading: on every core.
            let fieldColumns = Array(columns)
            records = Parallel.map(rows) { row in
                var r = Record(line: row.line)
                for (i, field) in fieldColumns { r.values[field] = values(row.fields[i], field) }
                return r
            }
        } catch {
            throw .wrapping(error, path: path)
        }
        return try finish(records, issues: issues, path: path, format: .csv)
    }

    // MARK: - JSON lines

    static func loadJSONL(path: String) throws(ListError) -> LoadedList {
        var records: [Record] = []
        var issues: [RowIssue] = []
        try JSONLines.forEachObject(path) { object, line in
            switch object.flatMap({ jsonRecord($0, line: line) }) {
            case .success(let r): records.append(r)
            case .failure(let problem): issues.append(RowIssue(.error, file: path, line: line, message: problem.text))
            }
        }
        return try finish(records, issues: issues, path: path, format: .jsonl)
    }

    static func jsonRecord(_ dict: [String: Any], line: Int) -> Result<Record, JSONLines.LineError> {
        var r = Record(line: line)
        for (key, value) in dict {
            guard let field = Field(rawValue: key.lowercased()) else { continue }
            if let s = value as? String {
                r.values[field] = values(s, field)
            } else if let list = JSONLines.texts(value) {
                r.values[field] = list
            } else {
                return .failure(JSONLines.LineError(text: "field \(key) must be text, a number or an array of text; skipped"))
            }
        }
        return .success(r)
    }

    // MARK: - Records to entities

    /// `a; b;; c` → `[a, b, c]` for multi-valued fields; otherwise the one trimmed value (none when blank).
    static func values(_ text: String, _ field: Field) -> [String] {
        let parts = field.isMultiValued ? text.split(separator: ";").map(String.init) : [text]
        return parts.map(\.collapsedWhitespace).filter { !$0.isEmpty }
    }

    static func finish(_ records: [Record], issues: [RowIssue], path: String, format: ListFormat) throws(ListError) -> LoadedList {
        let list = listName(for: path)
        var issues = issues
        // Which rows make entities is decided in file order (the first of a repeated id wins); the
        // entities themselves are made on every core, a million-row list being a tenth of an index build.
        var accepted: [(record: Record, id: String, name: String)] = []
        accepted.reserveCapacity(records.count)
        var seen: Set<String> = []
        for r in records {
            guard let id = r[.id].first else {
                issues.append(RowIssue(.error, file: path, line: r.line, message: "row has no id; skipped"))
                continue
            }
            guard let name = r[.name].first else {
                issues.append(RowIssue(.error, file: path, line: r.line, message: "id \(id) has no name; skipped"))
                continue
            }
            guard seen.insert(id).inserted else {
                issues.append(RowIssue(.error, file: path, line: r.line, message: "duplicate id \(id); this row skipped, the first kept"))
                continue
            }
            accepted.append((r, id, name))
        }
        let made = Parallel.map(accepted) { entity($0.record, id: $0.id, name: $0.name, list: list, path: path) }
        issues += made.flatMap(\.issues)
        let sha = try fileSHA256(path)
        let provenance = SourceProvenance(list: list, format: format.rawValue, files: [path], sha256: [sha], publicationDate: nil)
        // Issues found while reading and while building entities, in file order (the sort is stable).
        return LoadedList(entities: made.map(\.entity), provenance: provenance, issues: issues.sorted { $0.line < $1.line })
    }

    /// The entity of one accepted row, with the warnings its optional values raise.
    static func entity(_ r: Record, id: String, name: String, list: String, path: String) -> (entity: Entity, issues: [RowIssue]) {
        var issues: [RowIssue] = []
        var schema = Schema.unknown
        if let s = r[.schema].first {
            if let parsed = self.schema(s) { schema = parsed } else {
                issues.append(RowIssue(.warning, file: path, line: r.line, message: "id \(id): unknown schema '\(s)' (Person, Organization, Vessel, Aircraft)"))
            }
        }
        var e = Entity(id: "\(list):\(id)", list: list, schema: schema, names: [EntityName(name, type: .primary)])
        for alias in r[.aliases] { e.addName(EntityName(alias, type: .aka)) }
        for raw in r[.birthDate] {
            if let d = DateText.parse(raw) { ListText.appendUnique(d, to: &e.birthDates) } else {
                issues.append(RowIssue(.warning, file: path, line: r.line, message: "id \(id): birth_date '\(raw)' not understood"))
            }
        }
        for n in r[.nationality] { ListText.appendUnique(n, to: &e.nationalities) }
        if let g = r[.gender].first {
            switch g.lowercased() {
            case "male", "m": e.gender = "male"
            case "female", "f": e.gender = "female"
            default: issues.append(RowIssue(.warning, file: path, line: r.line, message: "id \(id): gender '\(g)' is neither male nor female; left empty"))
            }
        }
        for number in r[.idNumber] { e.documents.append(IdentityDocument(type: "ID", number: number)) }
        return (e, issues)
    }

    static func schema(_ text: String) -> Schema? {
        switch text.lowercased() {
        case "person", "individual": return .person
        case "organization", "organisation", "entity", "company", "legalentity": return .organization
        case "vessel": return .vessel
        case "aircraft": return .aircraft
        default: return nil
        }
    }
}
