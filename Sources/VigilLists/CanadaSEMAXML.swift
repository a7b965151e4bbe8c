import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Canada's consolidated Special Economic Measures Act list (`sema-lmes.xml`): `<data-set>` of flat
/// `<record>`s with `Country` (the regulation, e.g. "Russia / Russie"), `Entity` or `LastName` +
/// `GivenName`, optional `Title`, `Aliases`, `DateOfBirth`, then `Schedule` and `Item`.
///
/// **Key.** Records carry no identifier. Each regulation cites its listings as Schedule N, item M, so
/// regulation + schedule + item is the key the publisher itself uses and is unique in the file:
/// `sema:<regulation>-s<schedule>-<item>`, e.g. `sema:russia-s1-118`, `sema:ukraine-s1p2-14` (Schedule
/// "1, Part 2"), `sema:zimbabwe-26` (Schedule "N/A" or absent). The regulation slug is the English part of
/// `Country` (`burma`, `south-sudan`) or its acronym in parentheses (`jvcfor` for the Magnitsky-style
/// Justice for Victims of Corrupt Foreign Officials Regulations). It is stable while a schedule is not
/// renumbered; Canada renumbers rarely, but a delisting can shift later items.
///
/// **Person aliases.** Russia and Ukraine records write the surname in capitals and list name *variants*
/// as aliases: `Andrei` (for Andrey Vyacheslavovich YUDIN), `PASHENKO` (for PASHCHENKO), `Sergei, Serhii
/// SHERBAKOV`. A variant is completed from the listed name (`Andrei Vyacheslavovich YUDIN`, `Natalya
/// Aleksandrovna PASHENKO`); an alias that ends in a capitalised surname is a full name as it stands; a
/// lone word far from the first given name (edit distance > 2 after folding x/ks and y/i) is a nickname
/// or call sign (`Motorola`, `Givi`) and is kept bare as a weak alias. Other records' aliases are full
/// names. Entity aliases are separated by commas.
enum CanadaSEMAXML {
    static let list = "sema"

    static func load(path: String) throws(ListError) -> LoadedList {
        let sha = try fileSHA256(path)
        let data = try XMLRecordReader.readFile(path)
        let (_, records, broken) = try XMLRecordReader.readRecovering(data, path: path, records: ["record"])
        guard !records.isEmpty || !broken.isEmpty else { throw .malformed(file: path, line: 1, reason: "no <record> elements: not a SEMA list XML") }

        var issues = broken
        var entities: [Entity] = []
        var seen: Set<String> = []
        for r in records {
            guard let country = r.value("Country"), let item = r.value("Item") else {
                issues.append(RowIssue(.error, file: path, line: r.line, message: "record has no Country or Item, so no key; skipped"))
                continue
            }
            let key = [slug(country), schedule(r.value("Schedule")), item.lowercased()].compactMap { $0 }.joined(separator: "-")
            guard seen.insert(key).inserted else {
                issues.append(RowIssue(.error, file: path, line: r.line, message: "duplicate key \(key); this record skipped, the first kept"))
                continue
            }
            var e: Entity
            if let name = r.value("Entity") {
                e = Entity(id: "\(list):\(key)", list: list, schema: .organization, names: [EntityName(name, type: .primary)])
                addOrganizationAliases(r.value("Aliases"), name: name, to: &e)
            } else if let last = r.value("LastName") {
                let given = r.value("GivenName")
                let name = ListText.join([given, last], separator: " ") ?? last
                e = Entity(id: "\(list):\(key)", list: list, schema: .person, names: [EntityName(name, type: .primary)])
                addPersonAliases(r.value("Aliases"), given: given, last: last, to: &e)
            } else {
                issues.append(RowIssue(.error, file: path, line: r.line, message: "record \(key) has neither Entity nor LastName; skipped"))
                continue
            }
            e.programs = [country]
            if let title = r.value("Title") { e.remarks = "Title: \(title)" }
            if let dob = r.value("DateOfBirth") {
                // `1962-04-02`, `1955`, `1964-03`, `1972-08-10 or 1972-08-11`.
                for piece in dob.components(separatedByText: " or ") {
                    let t = piece.collapsedWhitespace
                    if let d = DateText.isoDate(t) ?? DateText.parse(t) {
                        ListText.appendUnique(d, to: &e.birthDates)
                    } else {
                        issues.append(RowIssue(.warning, file: path, line: r.line, message: "record \(key): DateOfBirth '\(t)' not understood"))
                    }
                }
            }
            entities.append(e)
        }
        let provenance = SourceProvenance(
            list: list, format: ListFormat.semaXML.rawValue, files: [path], sha256: [sha], publicationDate: nil)
        return LoadedList(entities: entities, provenance: provenance, issues: issues.sorted { $0.line < $1.line })
    }

    /// `Russia / Russie` → `russia`; `South Sudan / Soudan du sud` → `south-sudan`;
    /// `Justice for Victims ... Regulations (JVCFOR) / ...` → `jvcfor`.
    static func slug(_ country: String) -> String {
        let english = country.components(separatedByText: " / ").first ?? country
        if let open = english.lastIndex(of: "("), let close = english.lastIndex(of: ")"), open < close {
            let acronym = english[english.index(after: open)..<close]
            if acronym.count >= 2, acronym.allSatisfy({ $0.isASCII && $0.isUppercase }) { return acronym.lowercased() }
        }
        var out = ""
        for ch in english.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if out.last != "-" && !out.isEmpty { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "unknown" : out
    }

    /// `1` → `s1`; `1, Part 2` → `s1p2`; `N/A` or absent → nil (the key has no schedule part).
    static func schedule(_ raw: String?) -> String? {
        guard let raw, raw.uppercased() != "N/A" else { return nil }
        let digits = raw.split(whereSeparator: { !$0.isNumber }).map(String.init)
        guard let first = digits.first else { return nil }
        return "s" + first + (digits.count > 1 ? "p" + digits[1] : "")
    }

    /// Entity aliases are comma-separated full names. A bilingual name (`Aerospace Industries Organization
    /// (AIO)/Organisation iranienne des industries aérospatiales`) also gets each language as an alias.
    static func addOrganizationAliases(_ aliases: String?, name: String, to e: inout Entity) {
        let halves = splitBilingual(name)
        if halves.count > 1 { for h in halves { e.addName(EntityName(h, type: .aka)) } }
        for alias in aliases.map(commaList) ?? [] { e.addName(EntityName(alias, type: .aka)) }
    }

    static func addPersonAliases(_ aliases: String?, given: String?, last: String, to e: inout Entity) {
        guard let aliases else { return }
        let capsSurname = isCapitalised(last)
        for alias in commaList(aliases) {
            let words = alias.split(separator: " ").map(String.init)
            guard capsSurname, let lastWord = words.last, !(words.count > 1 && isCapitalised(lastWord)) else {
                e.addName(EntityName(alias, type: .aka))
                continue
            }
            let givenWords = given?.split(separator: " ").map(String.init) ?? []
            if words.count == 1 && isCapitalised(alias) {
                // A surname variant: `PASHENKO` for Natalya Aleksandrovna PASHCHENKO.
                e.addName(EntityName(ListText.join([given, alias], separator: " ") ?? alias, type: .aka))
            } else if words.count > 1 || editDistance(spelling(alias), spelling(givenWords.first ?? "")) <= 2 {
                // Given-name variant(s): `Andrei` (Andrey) or `Alexander Alexandrovich`, completed from the
                // given names not replaced and the surname.
                let completed = words + givenWords.dropFirst(min(words.count, givenWords.count)) + [last]
                e.addName(EntityName(completed.joined(separator: " "), type: .aka))
            } else {
                // A nickname or call sign (`Motorola` for Arseny PAVLOV): a name on its own, but a weak one.
                e.addName(EntityName(alias, type: .weakAka))
            }
        }
    }

    /// `Htoo Wood, Htoo Wood Products` → two names; blank pieces dropped.
    static func commaList(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).collapsedWhitespace }.filter { !$0.isEmpty }
    }

    /// Splits on `/` outside parentheses when every side has at least two words (so `MEC Steel Mills
    /// (Hmaw Bi/Pyi/Ywama)` and `Eslami/GRI` stay whole).
    static func splitBilingual(_ name: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for ch in name {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) }
            if ch == "/" && depth == 0 { parts.append(current); current = ""; continue }
            current.append(ch)
        }
        parts.append(current)
        let cleaned = parts.map(\.collapsedWhitespace)
        guard cleaned.count > 1, cleaned.allSatisfy({ $0.split(separator: " ").count >= 2 }) else { return [name] }
        return cleaned
    }

    /// Folds the usual Russian romanisation choices before comparing given names: x/ks, y/i
    /// (`Alexey`, `Aleksei` → `aleksei`; `Yevgeny`, `Evgeni` → `ievgeni`, `evgeni`).
    static func spelling(_ word: String) -> String {
        var out = ""
        for ch in word.lowercased() {
            switch ch {
            case "x": out += "ks"
            case "y": out += "i"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Levenshtein distance on characters (short words only: O(n·m)).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }

    /// `YUDIN`, `AL-ASSAD`: at least two letters, all letters upper-case.
    static func isCapitalised(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }
}
