#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells a list file's format from its extension and its first bytes, for `--source PATH` without
/// `FORMAT=`. It decides only when the content says so; otherwise it throws, listing the formats.
///
/// | seen | format |
/// |---|---|
/// | a directory of OFAC CSV files (`cons_*` → consolidated) | `ofac-csv`, `ofac-cons-csv` |
/// | `.xlsx` (a zip) | `dfat-xlsx` |
/// | XML with `<CONSOLIDATED_LIST` / `<data-set>` or `<record>` | `un-xml` / `sema-xml` |
/// | JSON lines whose first object has `schema` and `properties` / `RECORD_ID` or `DATA_SOURCE` / `id` and `name` | `ftm-json` / `senzing-json` / `jsonl` |
/// | CSV starting `Last Updated` or with `Group ID` and `Name 6` in the header | `hmt-csv` |
/// | CSV whose header starts `id,schema,name` | `targets-csv` |
/// | CSV whose header has `id` and `name` | `csv` |
/// | CSV without a header: a numeric first cell and 12, 5, 6 or 2 columns (`cons_` in the name: consolidated) | `ofac-csv`, `ofac-cons-csv` |
public enum FormatDetection {
    /// Bytes looked at: enough for a header or a first JSON object.
    static let peekSize = 64 * 1024

    public static func detect(_ path: String) throws(SourceSpecError) -> ListFormat {
        if let files = ListDirectory.csvFiles(path) {
            guard !files.isEmpty else { throw .undetectable(path: path, reason: "a directory without .csv files") }
            let names = files.map { String($0.split(separator: "/").last ?? "") }
            guard names.contains(where: { OFACLegacyCSV.role(ofName: $0) != nil }) else {
                throw .undetectable(path: path, reason: "a directory, but not of OFAC files (sdn.csv, alt.csv, add.csv ...)")
            }
            return names.contains { $0.lowercased().hasPrefix("cons_") } ? .ofacConsCSV : .ofacCSV
        }
        let head: [UInt8]
        do { head = Array(try ByteSource(path: path, chunkSize: peekSize).lookahead(peekSize)) } catch {
            throw .undetectable(path: path, reason: error.reason)
        }
        let base = String(path.split(separator: "/").last ?? Substring(path)).lowercased()
        let ext = base.split(separator: ".").last.map(String.init) ?? ""
        var text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let start = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }

        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard ext == "xlsx" else { throw .undetectable(path: path, reason: "a zip archive not named .xlsx") }
            return .dfatXLSX
        }
        if ext == "xlsx" { throw .undetectable(path: path, reason: "named .xlsx but not a zip archive") }
        if start.hasPrefix("<") {
            if text.contains("<CONSOLIDATED_LIST") { return .unXML }
            if text.contains("<data-set") || text.contains("<record>") { return .semaXML }
            throw .undetectable(path: path, reason: "XML, but neither a UN consolidated list nor a SEMA list")
        }
        if start.hasPrefix("{") {
            let first = String(start.prefix { !$0.isNewline })
            if first.contains("\"properties\"") && first.contains("\"schema\"") { return .ftmJSON }
            if first.contains("\"RECORD_ID\"") || first.contains("\"DATA_SOURCE\"") { return .senzingJSON }
            if first.contains("\"id\"") && first.contains("\"name\"") { return .jsonl }
            throw .undetectable(path: path, reason: "JSON lines, but the first object has neither FollowTheMoney, Senzing nor id/name keys")
        }
        if start.hasPrefix("[") { throw .undetectable(path: path, reason: "a JSON array (JSON lines expected: one object a line)") }
        return try csvFormat(firstLines: String(start), name: base, path: path)
    }

    static func csvFormat(firstLines text: String, name: String, path: String) throws(SourceSpecError) -> ListFormat {
        let line = String(text.prefix { !$0.isNewline })
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(" \"").lowercased() }
        if cells.first == "last updated" || (cells.contains("group id") && cells.contains("name 6")) { return .hmtCSV }
        if cells.starts(with: ["id", "schema", "name"]) { return .targetsCSV }
        if cells.contains("id") && cells.contains("name") { return .csv }
        if let first = cells.first, !first.isEmpty, first.allSatisfy({ $0.isASCII && $0.isNumber }),
           OFACLegacyCSV.Role.allCases.contains(where: { $0.columns == csvFieldCount(line) }) {
            return name.hasPrefix("cons_") ? .ofacConsCSV : .ofacCSV
        }
        throw .undetectable(path: path, reason: "no header this reader knows (id,name / id,schema,name / HMT Group ID) and not OFAC rows")
    }

    /// Fields in a CSV line, commas inside quotes not counted.
    static func csvFieldCount(_ line: String) -> Int {
        var count = 1
        var quoted = false
        for b in line.utf8 {
            if b == UInt8(ascii: "\"") { quoted.toggle() } else if b == UInt8(ascii: ","), !quoted { count += 1 }
        }
        return count
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }
}

/// Directory listings for multi-file sources.
enum ListDirectory {
    /// The `*.csv` files directly in `path` (not in subdirectories), sorted by name; nil when `path` is
    /// not a directory.
    static func csvFiles(_ path: String) -> [String]? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [String] = []
        let prefix = path.hasSuffix("/") ? path : path + "/"
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name.lowercased().hasSuffix(".csv"), !name.hasPrefix(".") else { continue }
            var fst = stat()
            let full = prefix + name
            if stat(full, &fst) == 0, (fst.st_mode & S_IFMT) == S_IFREG { out.append(full) }
        }
        return out.sorted()
    }
}

extension Substring {
    /// Drops the given characters from both ends.
    fileprivate func trimmingCharacters(_ set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
