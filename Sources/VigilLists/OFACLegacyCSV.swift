/// OFAC's legacy CSV set: a primary file (`sdn.csv` / `cons_prim.csv`) plus optional alias (`alt`),
/// address (`add`) and overflow remarks (`sdn_comments` / `cons_comments`) files, joined on ent_num.
/// No header row; `-0-` means empty. Remarks carry DOB, POB, nationality, gender, documents and a.k.a.s.
enum OFACLegacyCSV {
    enum Role: String { case primary, alias, address, comments }

    static func role(of path: String) -> Role {
        let base = path.split(separator: "/").last.map(String.init)?.lowercased() ?? path
        if base.contains("comment") { return .comments }
        if base.hasPrefix("alt") || base.contains("_alt") { return .alias }
        if base.hasPrefix("add") || base.contains("_add") { return .address }
        return .primary
    }

    static func load(paths: [String], list: String, format: ListFormat) throws(ListError) -> LoadedList {
        let byRole = Dictionary(grouping: paths, by: role(of:))
        guard let primaries = byRole[.primary], !primaries.isEmpty else { throw .missingFile(format: format, role: "primary (sdn.csv / cons_prim.csv)") }
        var issues: [RowIssue] = []
        var entities: [Entity] = []
        var index: [String: Int] = [:]
        var remarks: [String] = []

        for path in primaries {
            try forEachRecord(path) { rec in
                let f = rec.fields
                guard f.count >= 3, let key = value(f[0]), Int(key) != nil else {
                    issues.append(RowIssue(file: path, line: rec.line, message: "primary row has \(f.count) fields or no numeric ent_num"))
                    return
                }
                guard let name = value(f[1]) else {
                    issues.append(RowIssue(file: path, line: rec.line, message: "ent_num \(key) has no name"))
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
                if f.count > 3, let programs = value(f[3]) {
                    e.programs = programs.split(separator: "]").flatMap { $0.split(separator: "[") }
                        .map { String($0).trimmedWhitespace }.filter { !$0.isEmpty }
                }
                if index[key] != nil {
                    issues.append(RowIssue(file: path, line: rec.line, message: "duplicate ent_num \(key); this row skipped, the first kept"))
                    return
                }
                index[key] = entities.count
                entities.append(e)
                remarks.append(f.count > 11 ? (value(f[11]) ?? "") : "")
            }
        }

        for path in byRole[.comments] ?? [] {
            try forEachRecord(path) { rec in
                guard rec.fields.count >= 2, let key = value(rec.fields[0]), let i = index[key] else {
                    issues.append(RowIssue(file: path, line: rec.line, message: "comment row for an ent_num not in the primary file"))
                    return
                }
                remarks[i] += rec.fields[1]
            }
        }

        for i in entities.indices { RemarksParser.apply(remarks[i], to: &entities[i]) }

        var orphans = OrphanCounter()
        for path in byRole[.alias] ?? [] {
            try forEachRecord(path) { rec in
                let f = rec.fields
                guard f.count >= 4, let key = value(f[0]), let name = value(f[3]) else {
                    issues.append(RowIssue(file: path, line: rec.line, message: "alias row has \(f.count) fields or no name"))
                    return
                }
                guard let i = index[key] else { orphans.add(path: path, line: rec.line, key: key); return }
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
                guard f.count >= 5, let key = value(f[0]) else {
                    issues.append(RowIssue(file: path, line: rec.line, message: "address row has \(f.count) fields"))
                    return
                }
                guard let i = index[key] else { orphans.add(path: path, line: rec.line, key: key); return }
                let parts = [f[2], f[3], f[4]].compactMap(value)
                if !parts.isEmpty { entities[i].addresses.append(parts.joined(separator: ", ")) }
            }
        }
        issues.append(contentsOf: orphans.issues())

        let provenance = SourceProvenance(
            list: list, format: format.rawValue, files: paths,
            sha256: try paths.map { p throws(ListError) in try fileSHA256(p) },
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

/// Alias/address rows whose ent_num is absent from the primary file (files of different dates):
/// reported as one issue per file with the count and the first lines, so nothing disappears unseen.
struct OrphanCounter {
    private var byFile: [String: (count: Int, lines: [Int])] = [:]
    private var order: [String] = []

    mutating func add(path: String, line: Int, key: String) {
        if byFile[path] == nil { order.append(path); byFile[path] = (0, []) }
        byFile[path]!.count += 1
        if byFile[path]!.lines.count < 10 { byFile[path]!.lines.append(line) }
    }

    func issues() -> [RowIssue] {
        order.map { path in
            let v = byFile[path]!
            return RowIssue(file: path, line: v.lines[0], message: "\(v.count) rows refer to ent_nums absent from the primary file (lines \(v.lines.map(String.init).joined(separator: ", "))\(v.count > 10 ? ", ..." : "")); skipped")
        }
    }
}
