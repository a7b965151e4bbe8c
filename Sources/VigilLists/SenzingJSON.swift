/// Senzing entity-resolution JSON lines, as OpenSanctions exports them (`senzing.json`): one record a
/// line with `DATA_SOURCE`, `RECORD_ID`, `RECORD_TYPE` and lists of attribute groups.
///
/// - `RECORD_TYPE` PERSON is a Person, ORGANIZATION an Organization, VESSEL a Vessel, AIRCRAFT an
///   Aircraft. OpenSanctions writes null for things that are not screened (positions such as "United
///   States senator"): those are counted in `LoadedList.ignored`, as is any other type.
/// - `NAMES`: `NAME_TYPE` PRIMARY is the primary name (the first one; a later one is an `aka`), ALIAS
///   and others `aka`. The name is `NAME_FULL`, `NAME_ORG`, or `NAME_FIRST NAME_MIDDLE NAME_LAST`.
/// - `DATES`: `DATE_OF_BIRTH`. `COUNTRIES`: `NATIONALITY`, `CITIZENSHIP` (ISO codes as written).
///   `GENDER` (top level or in `ATTRIBUTES`). `ADDRESSES`: `ADDR_FULL`. `RISKS`: `TOPIC` as programs.
/// - `IDENTIFIERS`: `PASSPORT_NUMBER`, `NATIONAL_ID_NUMBER`, `TAX_ID_NUMBER`, and `OTHER_ID_NUMBER`
///   with its `OTHER_ID_TYPE`, except references to OpenSanctions or Wikidata (not documents).
///
/// Ids are `<list>:<RECORD_ID>`, the list being `DATA_SOURCE` in lower case (`os_us_congress`), the
/// source code Senzing keys records by, when every record names the same one; else the file name up
/// to its first dot. A line that is not a JSON object, has no RECORD_ID, no name or a repeated
/// RECORD_ID is an `.error` (skipped); an unreadable date or gender is a `.warning`.
enum SenzingJSON {
    static func load(path: String) throws(ListError) -> LoadedList {
        var issues: [RowIssue] = []
        var ignored: [String: Int] = [:]
        var entities: [Entity] = []
        var seen: Set<String> = []
        var sources: Set<String> = []

        try JSONLines.forEachObject(path) { object, line in
            let o: [String: Any]
            switch object {
            case .success(let value): o = value
            case .failure(let problem):
                issues.append(RowIssue(.error, file: path, line: line, message: problem.text))
                return
            }
            guard let id = JSONLines.texts(o["RECORD_ID"])?.first else {
                issues.append(RowIssue(.error, file: path, line: line, message: "record has no RECORD_ID; skipped"))
                return
            }
            let type = (o["RECORD_TYPE"] as? String)?.uppercased()
            let schema: Schema
            switch type {
            case "PERSON": schema = .person
            case "ORGANIZATION": schema = .organization
            case "VESSEL": schema = .vessel
            case "AIRCRAFT": schema = .aircraft
            default:
                ignored["RECORD_TYPE \(type ?? "null")", default: 0] += 1
                return
            }
            var warn: [String] = []
            var names: [EntityName] = []
            for group in groups(o["NAMES"]) {
                let full = text(group["NAME_FULL"]) ?? text(group["NAME_ORG"])
                    ?? ListText.join(["NAME_FIRST", "NAME_MIDDLE", "NAME_LAST"].map { text(group[$0]) }, separator: " ")
                guard let full else { continue }
                let primary = text(group["NAME_TYPE"])?.uppercased() == "PRIMARY" && !names.contains { $0.type == .primary }
                names.append(EntityName(full, type: primary ? .primary : .aka))
            }
            if let i = names.firstIndex(where: { $0.type == .primary }), i > 0 { names.insert(names.remove(at: i), at: 0) }
            guard let first = names.first else {
                issues.append(RowIssue(.error, file: path, line: line, message: "RECORD_ID \(id) has no name; skipped"))
                return
            }
            guard seen.insert(id).inserted else {
                issues.append(RowIssue(.error, file: path, line: line, message: "duplicate RECORD_ID \(id); this record skipped, the first kept"))
                return
            }
            var e = Entity(id: id, list: "", schema: schema, names: [EntityName(first.value, type: .primary)])
            for n in names.dropFirst() { e.addName(n) }
            for group in groups(o["DATES"]) {
                guard let raw = text(group["DATE_OF_BIRTH"]), !DateText.isAbsent(raw) else { continue }
                if let d = DateText.isoDate(String(raw.prefix(10))) ?? DateText.parse(raw) {
                    ListText.appendUnique(d, to: &e.birthDates)
                } else {
                    warn.append("DATE_OF_BIRTH '\(raw)' not understood")
                }
            }
            for group in groups(o["COUNTRIES"]) {
                for key in ["NATIONALITY", "CITIZENSHIP"] { ListText.appendUnique(text(group[key]), to: &e.nationalities) }
            }
            let gender = text(o["GENDER"]) ?? groups(o["ATTRIBUTES"]).lazy.compactMap { text($0["GENDER"]) }.first
            if let g = gender {
                switch g.lowercased() {
                case "m", "male": e.gender = "male"
                case "f", "female": e.gender = "female"
                default: warn.append("GENDER '\(g)' not understood")
                }
            }
            for group in groups(o["IDENTIFIERS"]) { if let doc = document(group) { e.documents.append(doc) } }
            for group in groups(o["ADDRESSES"]) { ListText.appendUnique(text(group["ADDR_FULL"]), to: &e.addresses) }
            for group in groups(o["RISKS"]) { ListText.appendUnique(text(group["TOPIC"]), to: &e.programs) }
            if let source = text(o["DATA_SOURCE"]) { sources.insert(source) }
            for w in warn { issues.append(RowIssue(.warning, file: path, line: line, message: "RECORD_ID \(id): \(w)")) }
            entities.append(e)
        }

        let list = sources.count == 1 ? sources.first.map { $0.lowercased() } ?? JSONLines.stem(path) : JSONLines.stem(path)
        entities.assignList(list)
        if entities.isEmpty && issues.isEmpty && ignored.isEmpty {
            throw .malformed(file: path, line: 1, reason: "no Senzing records: empty file")
        }
        let provenance = SourceProvenance(
            list: list, format: ListFormat.senzingJSON.rawValue, files: [path], sha256: [try fileSHA256(path)], publicationDate: nil)
        return LoadedList(entities: entities, provenance: provenance, issues: issues, ignored: ignored)
    }

    /// A list of attribute groups (`"NAMES": [{...}, ...]`); anything else is none.
    static func groups(_ value: Any?) -> [[String: Any]] {
        (value as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
    }

    static func text(_ value: Any?) -> String? { JSONLines.texts(value)?.first }

    /// Identity documents; OpenSanctions and Wikidata references are ids of the record, not documents.
    static func document(_ g: [String: Any]) -> IdentityDocument? {
        if let n = text(g["PASSPORT_NUMBER"]) { return IdentityDocument(type: "Passport", number: n, country: text(g["PASSPORT_COUNTRY"])) }
        if let n = text(g["NATIONAL_ID_NUMBER"]) { return IdentityDocument(type: "National ID", number: n, country: text(g["NATIONAL_ID_COUNTRY"])) }
        if let n = text(g["TAX_ID_NUMBER"]) { return IdentityDocument(type: "Tax ID", number: n, country: text(g["TAX_ID_COUNTRY"])) }
        if let n = text(g["OTHER_ID_NUMBER"]), let type = text(g["OTHER_ID_TYPE"]),
           !["OPEN_SANCTIONS", "WIKIDATA"].contains(type.uppercased()) {
            return IdentityDocument(type: type, number: n, country: text(g["OTHER_ID_COUNTRY"]))
        }
        return nil
    }
}
