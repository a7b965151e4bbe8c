/// The UK HM Treasury / OFSI consolidated list in its pre-2022 CSV form (`ConList.csv`), Windows-1252.
///
/// Row 1 is `Last Updated,13/04/2018` (the publication date), row 2 the header, then one row per name
/// *and* per date of birth: a person with two DOBs and three names has six rows. Rows sharing a
/// `Group ID` are one entity (id `hmt:<Group ID>`), and a group's rows need not be adjacent.
///
/// - Names: `Name 1`..`Name 5` are the given names, `Name 6` the surname (or the whole name of an
///   entity), joined in that order. Alias Type "Prime Alias" is the primary name (moved first even when
///   it is not the group's first row), "AKA" `aka`, "FKA" `fka`.
/// - DOB is `dd/mm/yyyy` with `00` for an unknown day or month (`00/00/1980` is `1980`).
/// - A row with the wrong number of fields, no Group ID or no name is an `.error` (skipped); an unknown
///   Alias Type or Group Type, or a DOB that is not `dd/mm/yyyy`, is a `.warning`.
/// - Passport Details and NI Number are free text; numbers are pulled out as documents where they can be
///   recognised (see `HMTDocuments`), and the text stays in the remarks.
enum HMTConsolidatedCSV {
    static let list = "hmt"

    /// Columns the parser needs; the rest are read when present.
    static let required = ["Name 6", "Group Type", "Alias Type", "Group ID"]

    static func load(path: String) throws(ListError) -> LoadedList {
        let sha = try fileSHA256(path)
        let reader: CSVReader
        do { reader = try CSVReader(path: path, encoding: .windows1252) } catch { throw .file(error) }

        var issues: [RowIssue] = []
        var published: String?
        var header: [String: Int] = [:]
        var headerCount = 0
        var groups: [String: Int] = [:]
        var entities: [Entity] = []
        var remarks: [[String]] = []
        var detailColumns: [Int] = []
        var seenDetails: [Set<String>] = []

        do {
            while let rec = try reader.next() {
                let f = rec.fields
                if header.isEmpty {
                    // Row 1 states the date; the header follows. A file without the date row starts with the header.
                    if f.first?.trimmedWhitespace.lowercased() == "last updated" {
                        published = f.count > 1 ? dmy(f[1]) : nil
                        continue
                    }
                    for (i, name) in f.enumerated() { header[name.trimmedWhitespace] = i }
                    headerCount = f.count
                    let perName: Set<String> = ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6", "Alias Type", "DOB", "Group ID", "Group Type"]
                    detailColumns = f.indices.filter { !perName.contains(f[$0].trimmedWhitespace) }
                    let missing = required.filter { header[$0] == nil }
                    guard missing.isEmpty else {
                        throw ListError.malformed(file: path, line: rec.line, reason: "HMT header lacks \(missing.joined(separator: ", "))")
                    }
                    continue
                }
                guard f.count == headerCount else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "row has \(f.count) fields, header has \(headerCount); skipped"))
                    continue
                }
                let row = Row(fields: f, header: header)
                guard let groupID = row["Group ID"] else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "row has no Group ID; skipped"))
                    continue
                }
                guard let name = ListText.join((1...6).map { row["Name \($0)"] }, separator: " ") else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "Group ID \(groupID): row has no name; skipped"))
                    continue
                }
                let type: NameType
                switch row["Alias Type"]?.lowercased() {
                case "prime alias": type = .primary
                case "aka": type = .aka
                case "fka": type = .fka
                case "nka": type = .nka
                default:
                    issues.append(RowIssue(.warning, file: path, line: rec.line, message: "Group ID \(groupID): unknown Alias Type '\(row["Alias Type"] ?? "")'; read as AKA"))
                    type = .aka
                }

                let index: Int
                if let i = groups[groupID] {
                    index = i
                } else {
                    let schema: Schema
                    switch row["Group Type"]?.lowercased() {
                    case "individual": schema = .person
                    case "entity": schema = .organization
                    default:
                        issues.append(RowIssue(.warning, file: path, line: rec.line, message: "Group ID \(groupID): unknown Group Type '\(row["Group Type"] ?? "")'; read as Entity"))
                        schema = .organization
                    }
                    index = entities.count
                    groups[groupID] = index
                    entities.append(Entity(id: "\(list):\(groupID)", list: list, schema: schema, names: []))
                    remarks.append([])
                    seenDetails.append([])
                }
                addName(name, type: type, to: &entities[index])
                if let dob = row["DOB"] {
                    if let d = dmy(dob) {
                        ListText.appendUnique(d, to: &entities[index].birthDates)
                    } else {
                        issues.append(RowIssue(.warning, file: path, line: rec.line, message: "Group ID \(groupID): DOB '\(dob)' is not dd/mm/yyyy"))
                    }
                }
                // A group's rows repeat its details (one row per name and per date of birth): each distinct set
                // of detail cells is read once per group.
                let signature = detailColumns.map { f[$0] }.joined(separator: "\u{1}")
                if seenDetails[index].insert(signature).inserted {
                    addDetails(row, to: &entities[index], remarks: &remarks[index])
                }
            }
        } catch {
            throw .wrapping(error, path: path)
        }
        if header.isEmpty { throw .malformed(file: path, line: 1, reason: "no header row: not an HMT consolidated list CSV") }

        for i in entities.indices where !remarks[i].isEmpty { entities[i].remarks = remarks[i].joined(separator: "\n") }
        let provenance = SourceProvenance(
            list: list, format: ListFormat.hmtCSV.rawValue, files: [path], sha256: [sha], publicationDate: published)
        return LoadedList(entities: entities, provenance: provenance, issues: issues)
    }

    /// The prime alias goes first; a name seen before as an AKA (same text) is promoted, not repeated.
    static func addName(_ name: String, type: NameType, to e: inout Entity) {
        if type == .primary {
            if e.names.first?.type == .primary { e.addName(EntityName(name, type: .aka)); return }
            e.names.removeAll { $0.value == name }
            e.names.insert(EntityName(name, type: .primary), at: 0)
        } else {
            e.addName(EntityName(name, type: type))
        }
    }

    /// Fields repeated on each row of a group (a group's rows mostly agree; differing values are all kept).
    static func addDetails(_ row: Row, to e: inout Entity, remarks: inout [String]) {
        let pieces = { (column: String) -> [String] in row[column].map(ListText.splitEnumerated) ?? [] }
        ListText.appendUnique(ListText.join([row["Town of Birth"], row["Country of Birth"]]), to: &e.birthPlaces)
        for n in pieces("Nationality").flatMap(Countries.split) { ListText.appendUnique(n, to: &e.nationalities) }
        for doc in HMTDocuments.parse(row["Passport Details"], type: "Passport") + HMTDocuments.parse(row["NI Number"], type: "National ID")
        where !e.documents.contains(doc) {
            e.documents.append(doc)
        }
        let address = ListText.join((1...6).map { row["Address \($0)"] } + [row["Post/Zip Code"], row["Country"]])
        ListText.appendUnique(address, to: &e.addresses)
        ListText.appendUnique(row["Regime"], to: &e.programs)
        if e.listedOn == nil, let listed = row["Listed On"] { e.listedOn = dmy(listed) ?? listed }
        for (label, column) in [("Title", "Title"), ("Position", "Position"), ("Passport", "Passport Details"), ("NI Number", "NI Number"), ("", "Other Information")] {
            guard let v = row[column] else { continue }
            ListText.appendUnique(label.isEmpty ? v : "\(label): \(v)", to: &remarks)
        }
    }

    /// `dd/mm/yyyy` with `00` for an unknown part: `17/08/1957`, `00/08/1957` (`1957-08`), `00/00/1957`.
    static func dmy(_ text: String) -> String? {
        let parts = text.trimmedWhitespace.split(separator: "/")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = DateText.year(String(parts[2])) else { return nil }
        if m == 0 { return d == 0 ? String(y) : nil }
        if d == 0 { return (1...12).contains(m) ? "\(y)-\(DateText.pad(m))" : nil }
        return DateText.isoDate("\(y)-\(DateText.pad(m))-\(DateText.pad(d))")
    }

    /// A data row with cells looked up by header name; blank cells are nil.
    struct Row {
        let fields: [String]
        let header: [String: Int]

        subscript(column: String) -> String? {
            guard let i = header[column], i < fields.count else { return nil }
            let v = fields[i].collapsedWhitespace
            return v.isEmpty ? nil : v
        }
    }
}

/// Pulls document numbers out of HMT's free-text Passport Details and NI Number cells:
/// `Passport No: 592667 (Qatari passport issued on 3 May 2007).`, `(1) K929139 (Tunisian). Issued on
/// 14 Feb 1995. (2) 00319547 (Tunisian)`, `Passport number:F50859`, `(1) 57388 (Afghan)(tazkira)`.
/// Each enumerated piece gives at most one document: its first token with a digit (not part of a date);
/// a parenthesis right after it gives the country. Unrecognised text yields nothing (it stays in remarks).
enum HMTDocuments {
    static func parse(_ text: String?, type: String) -> [IdentityDocument] {
        guard let text else { return [] }
        return ListText.splitEnumerated(text).compactMap { document(in: $0, type: type) }
    }

    static func document(in piece: String, type: String) -> IdentityDocument? {
        // `number:F50859` and `no.:516088643` glue the label to the number.
        let spaced = piece.replacingColons()
        let tokens = spaced.split(separator: " ").map(String.init)
        for (i, raw) in tokens.enumerated() {
            let token = raw.trimming(".,;()")
            guard token.count >= 4, token.contains(where: \.isNumber) else { continue }
            // Dates ("issued on 3 May 2007", "7.1.2014") are not numbers of documents.
            if i > 0, ["on", "issued", "expires", "expired", "until", "in"].contains(tokens[i - 1].lowercased()) { return nil }
            if DateText.year(token) != nil, i > 0, DateText.months[tokens[i - 1].lowercased().trimming(".")] != nil { return nil }
            var country: String?
            if i + 1 < tokens.count, tokens[i + 1].hasPrefix("(") {
                let inside = tokens[(i + 1)...].joined(separator: " ").dropFirst()
                if let close = inside.firstIndex(of: ")") {
                    let c = String(inside[..<close]).trimmedWhitespace
                    if !c.isEmpty, c.count <= 40, !c.contains(where: \.isNumber) { country = c }
                }
            }
            return IdentityDocument(type: type, number: token, country: country)
        }
        return nil
    }
}

extension String {
    fileprivate func replacingColons() -> String {
        String(map { $0 == ":" ? " " : $0 })
    }

    /// Drops the given characters from both ends.
    fileprivate func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
