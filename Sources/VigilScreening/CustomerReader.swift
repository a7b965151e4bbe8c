import Foundation
import VigilLists
#if canImport(Glibc)
import Glibc
#endif

/// Why a customer file cannot be read at all (row problems are per-row errors instead).
public enum CustomerFileError: Error, CustomStringConvertible {
    case file(FileError)
    case csv(CSVError)
    case noHeader(path: String)
    case missingColumn(path: String, column: String, header: [String])
    case encoding(path: String, found: String)
    /// A byte that is not UTF-8 in the first chunk: most likely a Windows (cp1252) export.
    case notUTF8(path: String, line: Int, byte: UInt8)
    /// `--columns` names a field Vigil does not know.
    case unknownField(String)
    /// `--columns` item without `HEADER=field`.
    case badColumnSpec(String)
    /// `--columns` maps a header the file does not have.
    case mappedColumnMissing(path: String, column: String, header: [String])

    public var description: String {
        switch self {
        case .file(let e): return e.description
        case .csv(let e): return e.description
        case .noHeader(let p): return "\(p): empty file, expected a header row with at least id,name"
        case .missingColumn(let p, let c, let h):
            return "\(p): no '\(c)' column in the header (found: \(h.joined(separator: ", "))); use --columns to map yours"
        case .encoding(let p, let found):
            return "\(p): the file is \(found), not UTF-8; convert it first, e.g. iconv -f \(found) -t UTF-8"
        case .notUTF8(let p, let line, let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "\(p):\(line): byte 0x\(hex.count == 1 ? "0" + hex : hex) is not UTF-8 (a Windows/cp1252 export?); "
                + "convert it with: iconv -f CP1252 -t UTF-8 '\(p)' > customers-utf8.csv, or pass --encoding cp1252"
        case .unknownField(let f):
            return "--columns: unknown field '\(f)'; fields are \(CustomerField.allCases.map(\.rawValue).joined(separator: ", "))"
        case .badColumnSpec(let item):
            return "--columns: '\(item)' is not HEADER=field (e.g. \"Client No=id,Full Name=name\")"
        case .mappedColumnMissing(let p, let c, let h):
            return "\(p): --columns maps '\(c)' but the header has no such column (found: \(h.joined(separator: ", ")))"
        }
    }
}

/// Streams customers from CSV (header required, `,` `;` or tab) or JSON lines. Each call yields one
/// row in input order; a bad row comes back with its errors, never skipped.
public final class CustomerReader {
    public enum Format: String, Sendable { case csv, jsonl }

    private let csv: CSVReader?
    private let source: ByteSource
    private var columns: [CustomerField: Int] = [:]
    private var headerCount = 0
    public let format: Format
    public let path: String
    public let encoding: TextEncoding
    private var jsonLine = 0
    private var jsonKeys: [CustomerField: String] = [:]
    /// Size of the input when it is a regular file (nil for stdin and pipes): progress and ETA.
    public private(set) var totalBytes: Int?
    /// Bytes consumed so far: exact for JSON lines, within quoting and line endings for CSV.
    public private(set) var bytesRead = 0

    /// Header name -> field, from `--columns "Client No=id,Full Name=name"`. Field names are the
    /// `CustomerField` raw values or any of their header aliases (`dob`, `surname`).
    /// Splits items at `,` and each at its last `=`; spaces around names are ignored.
    public static func parseColumnMap(_ spec: String) throws(CustomerFileError) -> [String: String] {
        var map: [String: String] = [:]
        for item in spec.split(separator: ",", omittingEmptySubsequences: true) {
            guard let eq = item.lastIndex(of: "=") else { throw .badColumnSpec(String(item)) }
            let header = String(item[..<eq]).trimmedWhitespace
            let name = String(item[item.index(after: eq)...]).trimmedWhitespace
            guard !header.isEmpty, !name.isEmpty else { throw .badColumnSpec(String(item)) }
            guard let field = CustomerField(rawValue: name) ?? CustomerField.field(forHeader: name) else { throw .unknownField(name) }
            map[header] = field.rawValue
        }
        if map.isEmpty { throw .badColumnSpec(spec) }
        return map
    }

    /// Opens a customer file and reads its header.
    /// - Parameters:
    ///   - format: csv or jsonl; nil tells from the name (`.jsonl`, `.ndjson`, `.json`) or a leading `{`.
    ///   - columnMap: header name -> field name overrides (e.g. `["Client No": "id"]`); they win over
    ///     the header aliases. Every mapped header must be in a CSV header (JSON lines: keys).
    ///   - encoding: `.utf8` (default) refuses a first chunk that is not UTF-8, naming the line of the
    ///     first bad byte; `.windows1252` decodes every byte (cp1252 exports).
    public init(path: String, format: Format? = nil, columnMap: [String: String] = [:], encoding: TextEncoding = .utf8) throws(CustomerFileError) {
        self.path = path
        self.encoding = encoding
        do { source = try ByteSource(path: path) } catch { throw .file(error) }
        var mapped: [String: CustomerField] = [:]
        for (header, name) in columnMap {
            guard let f = CustomerField(rawValue: name) ?? CustomerField.field(forHeader: name) else { throw .unknownField(name) }
            mapped[header] = f
        }
        let first: UInt8?
        do { first = try source.peek() } catch { throw .file(error) }
        if first == 0xFF || first == 0xFE { throw .encoding(path: path, found: "UTF-16") }
        if encoding == .utf8 {
            let head: ArraySlice<UInt8>
            do { head = try source.lookahead(1 << 20) } catch { throw .file(error) }
            if let bad = UTF8Check.firstInvalid(head, complete: head.count < (1 << 20)) {
                throw .notUTF8(path: path, line: UTF8Check.line(of: bad, in: head), byte: head[head.startIndex + bad])
            }
        }
        if path != "-" {
            var st = stat()
            if stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG { totalBytes = Int(st.st_size) }
        }
        let lower = path.lowercased()
        let detected: Format = format ?? (lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") || first == UInt8(ascii: "{") ? .jsonl : .csv)
        self.format = detected
        if detected == .jsonl {
            csv = nil
            for (key, f) in mapped where jsonKeys[f] == nil { jsonKeys[f] = key }
            return
        }
        let reader = CSVReader(source: source, delimiter: try Self.detectDelimiter(source), encoding: encoding)
        csv = reader
        let header: CSVRecord?
        do { header = try reader.next() } catch { throw .csv(error) }
        guard let cells = header?.fields, !cells.isEmpty, cells != [""] else { throw .noHeader(path: path) }
        headerCount = cells.count
        bytesRead = cells.reduce(cells.count) { $0 + $1.utf8.count }
        let trimmed = cells.map(\.trimmedWhitespace)
        for (header, f) in mapped.sorted(by: { $0.key < $1.key }) {
            guard let i = trimmed.firstIndex(of: header.trimmedWhitespace) else {
                throw .mappedColumnMissing(path: path, column: header, header: cells)
            }
            if columns[f] == nil { columns[f] = i }
        }
        let taken = Set(columns.values)
        for (i, cell) in cells.enumerated() where !taken.contains(i) {
            if let f = CustomerField.field(forHeader: cell), columns[f] == nil { columns[f] = i }
        }
        let hasName = columns[.name] != nil || columns[.familyName] != nil || columns[.givenName] != nil
        guard hasName else { throw .missingColumn(path: path, column: "name", header: cells) }
        guard columns[.id] != nil else { throw .missingColumn(path: path, column: "id", header: cells) }
    }

    /// The header line decides: the most frequent of `,` `;` and tab outside quotes.
    static func detectDelimiter(_ source: ByteSource) throws(CustomerFileError) -> UInt8 {
        let head: ArraySlice<UInt8>
        do { head = try source.lookahead(64 * 1024) } catch { throw .file(error) }
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for b in head {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if b == UInt8(ascii: "\n") { break }
            if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: "\t") { counts[b, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key != UInt8(ascii: ",")) }?.key ?? UInt8(ascii: ",")
    }

    /// Reads past `n` rows (a resumed run); returns how many there were (fewer at end of input).
    public func skip(_ n: Int) throws(CustomerFileError) -> Int {
        var skipped = 0
        while skipped < n, try next() != nil { skipped += 1 }
        return skipped
    }

    /// The next row, or nil at end of input.
    public func next() throws(CustomerFileError) -> CustomerRow? {
        switch format {
        case .csv: return try nextCSV()
        case .jsonl: return try nextJSON()
        }
    }

    private func nextCSV() throws(CustomerFileError) -> CustomerRow? {
        guard let csv else { return nil }
        let rec: CSVRecord?
        do { rec = try csv.next() } catch { throw .csv(error) }
        guard let rec else { return nil }
        var errors: [String] = []
        if rec.fields.count != headerCount {
            errors.append("expected \(headerCount) fields, found \(rec.fields.count)")
        }
        var size = rec.fields.count
        var mangled = false
        for f in rec.fields {
            size += f.utf8.count
            if encoding == .utf8 && !mangled && UTF8Check.hasReplacement(f) { mangled = true }
        }
        bytesRead += size
        if mangled { errors.append(Self.notUTF8Row) }
        func get(_ f: CustomerField) -> String? {
            guard let i = columns[f], i < rec.fields.count else { return nil }
            let v = rec.fields[i].trimmedWhitespace
            return v.isEmpty ? nil : v
        }
        return makeRow(line: rec.line, get: get, errors: errors)
    }

    private func nextJSON() throws(CustomerFileError) -> CustomerRow? {
        var bytes: [UInt8] = []
        while true {
            bytes.removeAll(keepingCapacity: true)
            var sawAny = false
            do {
                while let b = try source.next() {
                    sawAny = true
                    if b == UInt8(ascii: "\n") { break }
                    bytes.append(b)
                }
            } catch { throw .file(error) }
            if !sawAny { return nil }
            jsonLine += 1
            bytesRead += bytes.count + 1
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            let line = jsonLine
            var rowErrors: [String] = []
            if encoding == .windows1252 {
                bytes = Array(Windows1252.decode(bytes).utf8)
            } else if UTF8Check.firstInvalid(bytes[...], complete: true) != nil {
                rowErrors.append(Self.notUTF8Row)
            }
            guard let obj = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                return CustomerRow(line: line, customer: Customer(id: "", name: ""), errors: ["not a JSON object"])
            }
            func get(_ f: CustomerField) -> String? {
                let raw = jsonKeys[f].flatMap { obj[$0] } ?? obj[f.rawValue] ?? f.aliases.lazy.compactMap { obj[$0] }.first
                switch raw {
                case let s as String: let t = s.trimmedWhitespace; return t.isEmpty ? nil : t
                case let n as NSNumber: return n.stringValue
                default: return nil
                }
            }
            return makeRow(line: line, get: get, errors: rowErrors)
        }
    }

    static let notUTF8Row = "bytes that are not UTF-8 (shown as \u{FFFD}); re-export the file as UTF-8 or pass --encoding cp1252"

    private func makeRow(line: Int, get: (CustomerField) -> String?, errors: [String]) -> CustomerRow {
        var errors = errors
        var name = get(.name) ?? ""
        if name.isEmpty {
            name = [get(.givenName), get(.familyName)].compactMap { $0 }.joined(separator: " ")
        }
        var c = Customer(id: get(.id) ?? "", name: name)
        if c.id.isEmpty { errors.append("missing id") }
        if name.isEmpty { errors.append("missing name") }
        c.gender = get(.gender)
        if let g = c.gender, !["m", "f", "male", "female", "x", "u", "unknown", "other"].contains(g.lowercased()) {
            errors.append("unrecognised gender '\(g)' (expected male/female)")
            c.gender = nil
        }
        if let d = get(.birthDate) {
            if let iso = DateText.isoDate(d) {
                c.birthDate = iso
            } else {
                errors.append("bad birth_date '\(d)' (expected YYYY-MM-DD); screened without it")
            }
        }
        c.nationality = get(.nationality)
        c.occupation = get(.occupation)
        c.address = get(.address)
        c.contact = get(.contact)
        c.idType = get(.idType)
        c.idNumber = get(.idNumber)
        c.idExpiry = get(.idExpiry)
        return CustomerRow(line: line, customer: c, errors: errors)
    }
}
