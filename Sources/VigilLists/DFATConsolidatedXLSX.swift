/// Australia's DFAT Consolidated List (`regulation8_consolidated.xlsx`): one worksheet, a header row,
/// then one row per name. The `Reference` of a primary row is a number (`2`); its alias rows add a letter
/// and sometimes a digit (`2a`, `2b`, `1234b1`). All rows whose reference starts with the same number are
/// one entity, id `dfat:<number>`; rows of a group need not be adjacent.
///
/// - Name Type: "Primary Name" (moved first), "aka", "Original Script", "Formerly known as" /
///   "Previously listed as" (`fka`); spelling and case vary, so it is compared trimmed and lowercased.
/// - Type: "Individual" is a Person, "Entity" an Organization.
/// - Date of Birth is an Excel date (a serial day in a date-formatted cell), a bare year (a number), or
///   text: `a) 15/02/1954 b) 15/02/1957`, `Approximately 1948`, `29-Aprl-1967`, `c. 1957 or 14 March 1942`,
///   `a) 1966, b) 1961, c) Between 1968 and 1970`. Text that cannot be read is a `.warning`.
/// - Place of Birth, Citizenship and Address may enumerate several values (`a) ... b) ...`).
/// - Committees are programs; Additional Information and Listing Information go to remarks; the first
///   date in Listing Information ("Listed on: 30 Mar. 2018 (amended ...)") is `listedOn`.
///
/// The file states no publication date (the sheet has only per-row Control Dates), so none is given.
/// A row without a numeric Reference or a name is an `.error` (skipped); an unknown Name Type or Type is a
/// `.warning`. `RowIssue` lines are spreadsheet row numbers, as Excel shows them.
enum DFATConsolidatedXLSX {
    static let list = "dfat"

    enum Column: String, CaseIterable {
        case reference = "Reference"
        case name = "Name of Individual or Entity"
        case type = "Type"
        case nameType = "Name Type"
        case dateOfBirth = "Date of Birth"
        case placeOfBirth = "Place of Birth"
        case citizenship = "Citizenship"
        case address = "Address"
        case additionalInformation = "Additional Information"
        case listingInformation = "Listing Information"
        case committees = "Committees"
        // "Control Date" (when DFAT last checked the row) has no place in `Entity` and is not read.

        static let required: [Column] = [.reference, .name, .type, .nameType]
    }

    static func load(path: String) throws(ListError) -> LoadedList {
        let sha = try fileSHA256(path)
        let rows = try XLSXReader.firstSheet(path: path)
        guard let headerRow = rows.first(where: { !$0.cells.isEmpty }) else {
            throw .malformed(file: path, line: 1, reason: "worksheet is empty")
        }
        var columns: [Column: Int] = [:]
        for (index, cell) in headerRow.cells {
            if let c = Column(rawValue: cell.text.collapsedWhitespace) { columns[c] = index }
        }
        let missing = Column.required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw .malformed(file: path, line: headerRow.number, reason: "DFAT header lacks \(missing.map(\.rawValue).joined(separator: ", "))")
        }

        var issues: [RowIssue] = []
        var groups: [String: Int] = [:]
        var entities: [Entity] = []
        var remarks: [[String]] = []
        var processed: [Set<String>] = []

        for row in rows where row.number > headerRow.number && !row.cells.isEmpty {
            let cell = { (c: Column) -> XLSXCell? in columns[c].flatMap { row.cells[$0] } }
            let text = { (c: Column) -> String? in
                guard let v = cell(c)?.text.collapsedWhitespace, !v.isEmpty else { return nil }
                return v
            }
            guard let reference = text(.reference), let key = groupKey(reference) else {
                issues.append(RowIssue(.error, file: path, line: row.number, message: "row has no numeric Reference ('\(text(.reference) ?? "")'); skipped"))
                continue
            }
            guard let name = text(.name) else {
                issues.append(RowIssue(.error, file: path, line: row.number, message: "Reference \(reference) has no name; skipped"))
                continue
            }
            let nameType = nameType(text(.nameType))
            if nameType == nil {
                issues.append(RowIssue(.warning, file: path, line: row.number, message: "Reference \(reference): unknown Name Type '\(text(.nameType) ?? "")'; read as aka"))
            }

            let index: Int
            if let i = groups[key] {
                index = i
            } else {
                let schema: Schema
                switch text(.type)?.lowercased() {
                case "individual": schema = .person
                case "entity": schema = .organization
                default:
                    issues.append(RowIssue(.warning, file: path, line: row.number, message: "Reference \(reference): unknown Type '\(text(.type) ?? "")'; read as Entity"))
                    schema = .organization
                }
                index = entities.count
                groups[key] = index
                entities.append(Entity(id: "\(list):\(key)", list: list, schema: schema, names: []))
                remarks.append([])
                processed.append([])
            }
            addName(name, type: nameType ?? .aka, to: &entities[index])

            // The group's details repeat on every alias row: a cell text already read for the group is not read
            // again (a third of the rows are primaries), so values are deduplicated and issues reported once.
            let fresh = { (c: Column, value: String) -> Bool in processed[index].insert("\(c.rawValue)\u{1}\(value)").inserted }
            if let dob = cell(.dateOfBirth), fresh(.dateOfBirth, dob.text) {
                let (dates, unread) = birthDates(dob)
                for d in dates { ListText.appendUnique(d, to: &entities[index].birthDates) }
                if let unread {
                    issues.append(RowIssue(.warning, file: path, line: row.number, message: "Reference \(reference): date of birth '\(dob.text.collapsedWhitespace)' not (fully) understood: '\(unread)'"))
                }
            }
            if let place = text(.placeOfBirth), fresh(.placeOfBirth, place) {
                for p in ListText.splitEnumerated(place) { ListText.appendUnique(p, to: &entities[index].birthPlaces) }
            }
            if let citizenship = text(.citizenship), fresh(.citizenship, citizenship) {
                for n in ListText.splitEnumerated(citizenship).flatMap(Countries.split) { ListText.appendUnique(n, to: &entities[index].nationalities) }
            }
            if let address = text(.address), fresh(.address, address) {
                for a in ListText.splitEnumerated(address) where !["na", "n/a"].contains(a.lowercased()) {
                    ListText.appendUnique(a, to: &entities[index].addresses)
                }
            }
            ListText.appendUnique(text(.committees), to: &entities[index].programs)
            ListText.appendUnique(text(.additionalInformation), to: &remarks[index])
            if let listing = text(.listingInformation), fresh(.listingInformation, listing) {
                ListText.appendUnique(listing, to: &remarks[index])
                if entities[index].listedOn == nil { entities[index].listedOn = firstDate(in: listing) }
            }
        }
        for i in entities.indices where !remarks[i].isEmpty { entities[i].remarks = remarks[i].joined(separator: "\n") }
        let provenance = SourceProvenance(
            list: list, format: ListFormat.dfatXLSX.rawValue, files: [path], sha256: [sha], publicationDate: nil)
        return LoadedList(entities: entities, provenance: provenance, issues: issues)
    }

    /// `2`, `2a`, `1234b1` → the leading number (`2`, `1234`); nil when the reference does not start with a digit.
    static func groupKey(_ reference: String) -> String? {
        let digits = reference.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Int(digits) else { return nil }
        return String(n)
    }

    static func nameType(_ raw: String?) -> NameType? {
        switch raw?.lowercased() {
        case "primary name", "primary": return .primary
        case "aka", "a.k.a.", "alias": return .aka
        case "original script": return .originalScript
        case "formerly known as", "previously listed as", "former name", "fka", "f.k.a.": return .fka
        default: return nil
        }
    }

    /// The primary name goes first (a group's primary row is usually, not always, its first row).
    static func addName(_ name: String, type: NameType, to e: inout Entity) {
        if type == .primary && e.names.first?.type != .primary {
            e.names.removeAll { $0.value == name }
            e.names.insert(EntityName(name, type: .primary), at: 0)
        } else {
            e.addName(EntityName(name, type: type == .primary ? .aka : type))
        }
    }

    // MARK: - Dates

    /// Dates of birth in a cell, and the first piece of text that could not be read, if any.
    static func birthDates(_ cell: XLSXCell) -> ([String], String?) {
        switch cell {
        case .number(let v, let dateFormatted):
            if dateFormatted, let d = XLSXReader.isoDate(serial: v) { return ([d], nil) }
            if !dateFormatted, v == v.rounded(), (1800...2200).contains(v), let y = DateText.year(String(Int(v))) { return ([String(y)], nil) }
            return ([], cell.text)
        case .text(let s):
            return dates(inText: s)
        case .bool, .error:
            return ([], cell.text)
        }
    }

    /// Reads each piece of an enumerated date text (`a) ... b) ...`, `... or ...`, `...; ...`, `... >> ...`).
    /// Parentheses hold notes (`(from false passport)`, `(as Ali Thafir Abdallah)`), which are dropped, or a
    /// date (`(Aug. 1961)`), which is kept. A piece that is not one date is tried as a list of dates
    /// (`01/10/1983,15/10/1983`, `5/06/1953 15/06/1953`, `Approximately 1955. For this aka only, alt DOB
    /// 01/01/1969`): what parses is kept, the first part that does not is returned as unread.
    static func dates(inText text: String) -> ([String], String?) {
        var found: [String] = []
        var unread: String?
        for raw in datePieces(text) {
            let piece = raw.collapsedWhitespace
            let lower = piece.lowercased()
            if piece.isEmpty || ["na", "n/a", "unknown", "null"].contains(lower) { continue }
            if let d = date(piece) {
                ListText.appendUnique(d, to: &found)
                continue
            }
            let parts = piece.split(separator: ",").flatMap { String($0).components(separatedByText: ". ") }
            for part in parts {
                let p = part.collapsedWhitespace
                if p.isEmpty { continue }
                if let d = date(p) {
                    ListText.appendUnique(d, to: &found)
                } else {
                    let numeric = p.split(separator: " ").map(String.init)
                    let all = numeric.compactMap { $0.contains("/") ? date($0) : nil }
                    if numeric.count > 1 && all.count == numeric.count {
                        for d in all { ListText.appendUnique(d, to: &found) }
                    } else if unread == nil {
                        unread = p
                    }
                }
            }
        }
        return (found, unread)
    }

    /// Splits a date cell on enumeration markers, ` or `, `;`, `>>` and parentheses; a parenthesis is kept
    /// only when it is a date itself.
    static func datePieces(_ text: String) -> [String] {
        var pieces: [String] = []
        // Hijri dates (`c) 24/06/1402 (Hijri Calendar)`) accompany their Gregorian equivalent: not converted.
        for enumerated in ListText.splitEnumerated(text) where !enumerated.lowercased().contains("hijri") {
            var outside = ""
            var inside: String?
            for ch in enumerated {
                if ch == "(" && inside == nil {
                    pieces.append(outside); outside = ""; inside = ""
                } else if ch == ")" && inside != nil {
                    if let i = inside, date(i) != nil { pieces.append(i) }
                    inside = nil
                } else if inside != nil {
                    inside?.append(ch)
                } else {
                    outside.append(ch)
                }
            }
            if let i = inside, date(i) != nil { pieces.append(i) }  // an unclosed note runs to the end
            pieces.append(outside)
        }
        var out: [String] = []
        for piece in pieces {
            for alternative in piece.components(separatedByText: " or ") {
                for step in alternative.components(separatedByText: ">>") {
                    out += step.split(separator: ";").map { String($0) }
                }
            }
        }
        return out
    }

    /// One date phrase: `15/02/1954`, `22 Sep. 1978`, `29-Aprl-1967`, `Approximately 1955- 1958`,
    /// `Between 1968 and 1970`, `c. 1957`, `1938,`.
    static func date(_ piece: String) -> String? {
        var text = piece.lowercased().collapsedWhitespace
        while let last = text.last, last == "," || last == "." || last == ";" { text.removeLast() }
        if let iso = DateText.isoDate(text) { return iso }
        for prefix in ["alt dob:", "alt. dob:", "alt dob", "dob:"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).collapsedWhitespace
        }
        // `March 1968 to March 1969`, `21 March 1962 to 20 April 1962`: a span of years.
        if let r = text.firstRange(of: " to "), let a = date(String(text[..<r.lowerBound])), let b = date(String(text[r.upperBound...])),
           let ya = DateText.year(String(a.prefix(4))), let yb = DateText.year(String(b.prefix(4))) {
            return ya == yb ? String(ya) : "\(min(ya, yb))..\(max(ya, yb))"
        }
        var circa = false
        for prefix in ["approximately ", "approx. ", "approx ", "circa ", "c. ", "about "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            circa = true
        }
        if text.hasPrefix("between ") { text = String(text.dropFirst(8)).replacingText(" and ", with: " - ") }
        // Tokens split on spaces, `-`, `/`, `.`, `,`: two years are a range, otherwise a day-month-year phrase.
        let tokens = text.split(whereSeparator: { " -/.,".contains($0) }).map(String.init)
        if tokens.count == 2, let a = DateText.year(tokens[0]), let b = DateText.year(tokens[1]) {
            return "\(min(a, b))..\(max(a, b))"
        }
        // Month names misspelt in the list (`Aprl`): their first three letters name the month.
        let words = tokens.map { t -> String in
            guard t.count > 3, t.allSatisfy(\.isLetter), DateText.months[t] == nil, DateText.months[String(t.prefix(3))] != nil else { return t }
            return String(t.prefix(3))
        }
        return DateText.parse((circa ? "circa " : "") + words.joined(separator: " "))
    }

    /// The first date phrase after "on" in a listing text: `Listed on: 30 Mar. 2018 (amended ...)`,
    /// `Listed by UN 1267 Committee on 25 January 2001`, `Designated under ... 2011 on 2 March 2012. ...`.
    static func firstDate(in listing: String) -> String? {
        let tokens = listing.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        for (i, t) in tokens.enumerated() where t.lowercased() == "on" || t.lowercased() == "on:" {
            for length in stride(from: 3, through: 1, by: -1) where i + length < tokens.count {
                let phrase = tokens[(i + 1)...(i + length)].joined(separator: " ")
                if phrase.contains("("), length > 1 { continue }
                if let d = date(phrase) { return d }
            }
        }
        return nil
    }
}

extension String {
    /// Splits on a multi-character separator (no Foundation).
    func components(separatedByText separator: String) -> [String] {
        var out: [String] = []
        var rest = Substring(self)
        while let r = rest.firstRange(of: separator) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }

    func replacingText(_ target: String, with replacement: String) -> String {
        components(separatedByText: target).joined(separator: replacement)
    }
}
