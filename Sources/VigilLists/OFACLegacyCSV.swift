/// OFAC's legacy CSV set: a primary file (`sdn.csv` / `cons_prim.csv`) plus optional alias (`alt`),
/// address (`add`) and overflow remarks (`sdn_comments` / `cons_comments`) files, joined on ent_num.
/// No header row; `-0-` means empty. Remarks carry DOB, POB, nationality, gender, documents, a.k.a.s
/// and Chinese Commercial Codes (see `RemarksParser`).
///
/// Files are given one by one or as a directory (its `*.csv` files). Each file's role comes from its
/// name (`sdn`/`prim`, `alt`, `add`, `comments`) or, when the name says nothing, from its column count
/// (12, 5, 6, 2). A directory with two files of one role (alias files of two dates) is refused.
///
/// Issues: a row with the wrong column count, no numeric ent_num, no name, or a repeated ent_num is an
/// `.error` (skipped); a remark not understood is a `.warning`; alias, address and comment rows whose
/// ent_num is not in the primary file are `.orphan`s, one issue per file with the count and first lines.
enum OFACLegacyCSV {
    enum Role: String, CaseIterable {
        case primary, alias, address, comments

        /// Columns of a row of this role.
        var columns: Int {
            switch self {
            case .primary: return 12
            case .alias: return 5
            case .address: return 6
            case .comments: return 2
            }
        }

        var label: String {
            switch self {
            case .primary: return "primary (sdn.csv / cons_prim.csv)"
            case .alias: return "alias (alt.csv)"
            case .address: return "address (add.csv)"
            case .comments: return "comments (sdn_comments.csv)"
            }
        }
    }

    /// The role a file name states, or nil: `sdn_comments.csv` and `cons_comments.csv` are comments,
    /// `alt_2025-01-06.csv` and `cons_alt.csv` aliases, `add.csv` addresses, `sdn.csv` and `cons_prim.csv` primary.
    static func role(ofName path: String) -> Role? {
        var base = Substring(path.split(separator: "/").last ?? Substring(path)).lowercased()
        if let dot = base.lastIndex(of: ".") { base = String(base[..<dot]) }
        if base.contains("comment") { return .comments }
        let words = Set(base.split(whereSeparator: { !$0.isLetter }).map(String.init))
        if words.contains("alt") { return .alias }
        if words.contains("add") { return .address }
        if words.contains("sdn") || words.contains("prim") || words.contains("primary") { return .primary }
        return nil
    }

    /// The role a file's first row implies by its column count, or nil.
    static func role(ofContent path: String) throws(ListError) -> Role? {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw .file(error) }
        let first: CSVRecord?
        do { first = try reader.next() } catch { throw .csv(error) }
        guard let count = first?.fields.count else { return nil }
        return Role.allCases.first { $0.columns == count }
    }

    /// The role by name, else by content.
    static func role(of path: String) throws(ListError) -> Role? {
        if let r = role(ofName: path) { return r }
        return try role(ofContent: path)
    }

    /// Expands directories and assigns each file its role.
    static func files(_ paths: [String], format: ListFormat) throws(ListError) -> [(path: String, role: Role)] {
        var out: [(path: String, role: Role)] = []
        for path in paths {
            guard let listing = ListDirectory.csvFiles(path) else {
                guard let role = try role(of: path) else {
                    throw .malformed(file: path, line: 1, reason: "cannot tell the role of this \(format.rawValue) file from its name or its columns (12 sdn, 5 alt, 6 add, 2 comments)")
                }
                out.append((path, role))
                continue
            }
            var inDirectory: [Role: [String]] = [:]
            for file in listing {
                guard let role = try role(of: file) else {
                    throw .malformed(file: file, line: 1, reason: "cannot tell the role of this file in \(path) from its name or its columns; name the files instead of the directory")
                }
                inDirectory[role, default: []].append(file)
            }
            for role in Role.allCases {
                guard let found = inDirectory[role] else { continue }
                guard found.count == 1 else {
                    let names = found.map { String($0.split(separator: "/").last ?? "") }.joined(separator: ", ")
                    throw .malformed(file: path, line: 0, reason: "directory holds \(found.count) \(role.label) files (\(names)); name the files instead: \(format.rawValue)=sdn.csv,alt.csv,add.csv")
                }
                out.append((found[0], role))
            }
        }
        return out
    }

    static func load(paths: [String], list: String, format: ListFormat) throws(ListError) -> LoadedList {
        let files = try files(paths, format: format)
        let byRole = Dictionary(grouping: files, by: \.role).mapValues { $0.map(\.path) }
        guard let primaries = byRole[.primary], !primaries.isEmpty else { throw .missingFile(format: format, role: Role.primary.label) }
        var issues: [RowIssue] = []
        var entities: [Entity] = []
        var index: [String: Int] = [:]
        var remarks: [String] = []
        var origin: [(file: String, line: Int)] = []

        for path in primaries {
            try forEachRecord(path) { rec in
                let f = rec.fields
                guard f.count == Role.primary.columns, let key = value(f[0]), Int(key) != nil else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "primary row has \(f.count) fields (12 expected) or no numeric ent_num; skipped"))
                    return
                }
                guard let name = value(f[1]) else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "ent_num \(key) has no name; skipped"))
                    return
                }
                guard index[key] == nil else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "duplicate ent_num \(key); this row skipped, the first kept"))
                    return
                }
                let schema: Schema
                switch value(f[2])?.lowercased() {
                case "individual": schema = .person
                case "vessel": schema = .vessel
                case "aircraft": schema = .aircraft
                default: schema = .organization
                }
                var e = Entity(id: "\(list):\(key)", list: list, schema: schema, names: [EntityName(name, type: .primary)])
                if let programs = value(f[3]) {
                    e.programs = programs.split(separator: "]").flatMap { $0.split(separator: "[") }
                        .map { String($0).trimmedWhitespace }.filter { !$0.isEmpty }
                }
                index[key] = entities.count
                entities.append(e)
                remarks.append(value(f[11]) ?? "")
                origin.append((path, rec.line))
            }
        }

        var orphans = OrphanCounter()
        for path in byRole[.comments] ?? [] {
            try forEachRecord(path) { rec in
                guard rec.fields.count == Role.comments.columns, let key = value(rec.fields[0]) else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "comment row has \(rec.fields.count) fields (2 expected) or no ent_num; skipped"))
                    return
                }
                guard let i = index[key] else { orphans.add(path: path, line: rec.line); return }
                remarks[i] += rec.fields[1]
            }
        }

        for i in entities.indices {
            for warning in RemarksParser.apply(remarks[i], to: &entities[i]) {
                issues.append(RowIssue(.warning, file: origin[i].file, line: origin[i].line, message: "ent_num \(entities[i].id.dropFirst(list.count + 1)): \(warning)"))
            }
        }

        for path in byRole[.alias] ?? [] {
            try forEachRecord(path) { rec in
                let f = rec.fields
                guard f.count == Role.alias.columns, let key = value(f[0]) else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "alias row has \(f.count) fields (5 expected) or no ent_num; skipped"))
                    return
                }
                guard let i = index[key] else { orphans.add(path: path, line: rec.line); return }
                guard let name = value(f[3]) else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "ent_num \(key): alias row has no name; skipped"))
                    return
                }
                let type: NameType
                switch value(f[2])?.lowercased() {
                case "fka": type = .fka
                case "nka": type = .nka
                case "weak aka", "weak": type = .weakAka
                default: type = .aka
                }
                entities[i].addName(EntityName(name, type: type))
            }
        }
        for path in byRole[.address] ?? [] {
            try forEachRecord(path) { rec in
                let f = rec.fields
                guard f.count == Role.address.columns, let key = value(f[0]) else {
                    issues.append(RowIssue(.error, file: path, line: rec.line, message: "address row has \(f.count) fields (6 expected) or no ent_num; skipped"))
                    return
                }
                guard let i = index[key] else { orphans.add(path: path, line: rec.line); return }
                let parts = [f[2], f[3], f[4]].compactMap(value)
                if !parts.isEmpty { entities[i].addresses.append(parts.joined(separator: ", ")) }
            }
        }
        issues.append(contentsOf: orphans.issues())

        let ordered = files.map(\.path)
        let provenance = SourceProvenance(
            list: list, format: format.rawValue, files: ordered,
            sha256: try ordered.map { p throws(ListError) in try fileSHA256(p) },
            publicationDate: nil)
        return LoadedList(entities: entities, provenance: provenance, issues: issues)
    }

    /// `-0-` and blanks are empty.
    @inline(__always)
    static func value(_ raw: String) -> String? {
        let t = raw.trimmedWhitespace
        return t.isEmpty || t == "-0-" ? nil : t
    }

    static func forEachRecord(_ path: String, _ body: (CSVRecord) -> Void) throws(ListError) {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw .file(error) }
        do {
            while let rec = try reader.next() { body(rec) }
        } catch { throw .csv(error) }
    }
}

/// Alias/address/comment rows whose ent_num is absent from the primary file (files of different dates):
/// reported as one `.orphan` issue per file with the count and the first lines, so nothing disappears unseen.
struct OrphanCounter {
    private var byFile: [String: (count: Int, lines: [Int])] = [:]
    private var order: [String] = []

    mutating func add(path: String, line: Int) {
        if byFile[path] == nil { order.append(path); byFile[path] = (0, []) }
        byFile[path]!.count += 1
        if byFile[path]!.lines.count < 10 { byFile[path]!.lines.append(line) }
    }

    func issues() -> [RowIssue] {
        order.map { path in
            let v = byFile[path]!
            let lines = v.lines.map(String.init).joined(separator: ", ") + (v.count > 10 ? ", ..." : "")
            return RowIssue(.orphan, file: path, line: v.lines[0],
                message: "\(v.count) rows refer to ent_nums absent from the primary file (lines \(lines)); skipped", rows: v.count)
        }
    }
}
