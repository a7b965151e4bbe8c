/// OpenSanctions / Aleph FollowTheMoney entities, JSON lines (`entities.ftm.json`): one object a line
/// with `id`, `schema`, `properties` (each property a list of strings), `datasets`, `first_seen`,
/// `last_seen`, `caption`.
///
/// **Screened schemas.** Person, Company, Organization, LegalEntity, PublicBody (organisations), Vessel
/// and Airplane become entities. Other schemas (Family, Position, Occupancy, Sanction, Ownership,
/// Address, Payment, Passport...) describe relations and are counted in `LoadedList.ignored`.
///
/// **Properties read.** `name` (the first is the primary name, the others `aka`; without `name`,
/// firstName/middleName/lastName joined), `alias` (`aka`), `weakAlias` (`weakAka`), `previousName`
/// (`fka`); `birthDate`; `birthPlace`; `nationality` and `citizenship` (ISO codes as written:
/// `ru`), plus `jurisdiction` for organisations and `flag` for vessels; `gender`; `idNumber`,
/// `passportNumber`, `taxNumber`, `registrationNumber`, `innCode`, `imoNumber` as documents;
/// `address`; `topics` and `programId` as programs; `notes` as remarks. `first_seen` is the listing date.
/// The `target` flag is not used: a PEP's relatives (target false) are screened too.
///
/// **Ids.** `<list>:<ftm id>`. The list is the dataset when every screened entity names the same single
/// dataset (`sa_wiki_peps_v2`): stable across exports, whatever the file is called. Otherwise (merged
/// exports such as yente's fixtures) it is the file name up to its first dot (`zala_entities`).
///
/// **Issues.** A line that is not a JSON object, has no `id`, `schema` or `properties`, has no name or
/// repeats an id is an `.error` (skipped); an unreadable birth date, gender or property value is a `.warning`.
/// The publication date is the latest `last_seen`.
enum FollowTheMoneyJSON {
    static let screened: [String: Schema] = [
        "Person": .person, "Company": .organization, "Organization": .organization, "LegalEntity": .organization,
        "PublicBody": .organization, "Vessel": .vessel, "Airplane": .aircraft,
    ]

    static let documentProperties: [(property: String, type: String)] = [
        ("passportNumber", "Passport"), ("idNumber", "ID"), ("taxNumber", "Tax ID"), ("innCode", "INN"),
        ("registrationNumber", "Registration Number"), ("imoNumber", "IMO"),
    ]

    /// `'1', '9'`: values for a message.
    static func quoted(_ values: [String]) -> String { values.map { "'\($0)'" }.joined(separator: ", ") }

    static func load(path: String) throws(ListError) -> LoadedList {
        var issues: [RowIssue] = []
        var ignored: [String: Int] = [:]
        var entities: [Entity] = []
        var seen: Set<String> = []
        var datasets: Set<String> = []
        var singleDataset = true
        var lastSeen: String?

        try JSONLines.forEachObject(path) { object, line in
            let o: [String: Any]
            switch object {
            case .success(let value): o = value
            case .failure(let problem):
                issues.append(RowIssue(.error, file: path, line: line, message: problem.text))
                return
            }
            guard let id = JSONLines.texts(o["id"])?.first, let schemaName = o["schema"] as? String,
                  let properties = o["properties"] as? [String: Any] else {
                issues.append(RowIssue(.error, file: path, line: line, message: "FollowTheMoney entity needs id, schema and properties; skipped"))
                return
            }
            guard let schema = screened[schemaName] else {
                ignored[schemaName, default: 0] += 1
                return
            }
            var warn: [String] = []
            let property = { (name: String) -> [String] in
                guard let v = JSONLines.texts(properties[name]) else {
                    warn.append("property \(name) is not a list of strings; ignored")
                    return []
                }
                return v
            }
            let given = ListText.join(["firstName", "middleName", "lastName"].map { property($0).first }, separator: " ")
            guard let primary = property("name").first ?? given else {
                issues.append(RowIssue(.error, file: path, line: line, message: "\(schemaName) \(id) has no name; skipped"))
                return
            }
            guard seen.insert(id).inserted else {
                issues.append(RowIssue(.error, file: path, line: line, message: "duplicate id \(id); this entity skipped, the first kept"))
                return
            }
            var e = Entity(id: id, list: "", schema: schema, names: [EntityName(primary, type: .primary)])
            for n in property("name").dropFirst() { e.addName(EntityName(n, type: .aka)) }
            for n in property("alias") { e.addName(EntityName(n, type: .aka)) }
            for n in property("previousName") { e.addName(EntityName(n, type: .fka)) }
            for n in property("weakAlias") { e.addName(EntityName(n, type: .weakAka)) }
            var unread: [String] = []
            for raw in property("birthDate") where !DateText.isAbsent(raw) {
                if let d = DateText.isoDate(String(raw.prefix(10))) ?? DateText.parse(raw) {
                    ListText.appendUnique(d, to: &e.birthDates)
                } else {
                    unread.append(raw)
                }
            }
            if !unread.isEmpty { warn.append("birthDate \(quoted(unread)) not understood") }
            for p in property("birthPlace") { ListText.appendUnique(p, to: &e.birthPlaces) }
            var countries = property("nationality") + property("citizenship")
            if schema == .organization { countries += property("jurisdiction") }
            if schema == .vessel { countries += property("flag") }
            // Kept as written; a value that names no country (`S`, `A` of a split `SA`) is reported.
            for c in countries { ListText.appendUnique(c, to: &e.nationalities) }
            let unknown = e.nationalities.filter { Countries.code($0) == nil }
            if !unknown.isEmpty { warn.append("nationality \(quoted(unknown)) names no country") }
            if let g = property("gender").first {
                switch g.lowercased() {
                case "male", "m": e.gender = "male"
                case "female", "f": e.gender = "female"
                case "other": break  // FtM's third value: nothing to compare
                default: warn.append("gender '\(g)' not understood")
                }
            }
            for (name, type) in documentProperties {
                for number in property(name) where !e.documents.contains(where: { $0.number == number }) {
                    e.documents.append(IdentityDocument(type: type, number: number))
                }
            }
            for a in property("address") { ListText.appendUnique(a, to: &e.addresses) }
            for p in property("topics") + property("programId") { ListText.appendUnique(p, to: &e.programs) }
            let notes = property("notes")
            if !notes.isEmpty { e.remarks = notes.joined(separator: "\n") }
            if let first = o["first_seen"] as? String { e.listedOn = DateText.isoDate(String(first.prefix(10))) }
            if let last = (o["last_seen"] as? String).flatMap({ DateText.isoDate(String($0.prefix(10))) }), last > (lastSeen ?? "") {
                lastSeen = last
            }
            let own = JSONLines.texts(o["datasets"]) ?? []
            if own.count == 1 { datasets.insert(own[0]) } else { singleDataset = false }
            for w in warn { issues.append(RowIssue(.warning, file: path, line: line, message: "\(id): \(w)")) }
            entities.append(e)
        }

        let list = (singleDataset && datasets.count == 1 ? datasets.first : nil) ?? JSONLines.stem(path)
        entities.assignList(list)
        if entities.isEmpty && issues.isEmpty && ignored.isEmpty {
            throw .malformed(file: path, line: 1, reason: "no FollowTheMoney entities: empty file")
        }
        let provenance = SourceProvenance(
            list: list, format: ListFormat.ftmJSON.rawValue, files: [path], sha256: [try fileSHA256(path)], publicationDate: lastSeen)
        return LoadedList(entities: entities, provenance: provenance, issues: issues, ignored: ignored)
    }
}
