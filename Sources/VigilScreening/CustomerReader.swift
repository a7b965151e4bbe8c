import Foundation
import VigilLists

/// Why a customer file cannot be read at all (row problems are per-row errors instead).
public enum CustomerFileError: Error, CustomStringConvertible {
    case file(FileError)
    case csv(CSVError)
    case noHeader(path: String)
    case missingColumn(path: String, column: String, header: [String])
    case encoding(path: String, found: String)

    public var description: String {
        switch self {
        case .file(let e): return e.description
        case .csv(let e): return e.description
        case .noHeader(let p): return "\(p): empty file, expected a header row with at least id,name"
        case .missingColumn(let p, let c, let h):
            return "\(p): no '\(c)' column in the header (found: \(h.joined(separator: ", "))); use --columns to map yours"
        case .encoding(let p, let found):
            return "\(p): the file is \(found), not UTF-8; convert it first, e.g. iconv -f \(found) -t UTF-8"
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
    private var jsonLine = 0

    /// - Parameter columnMap: header name -> field name overrides (e.g. `["Client No": "id"]`).
    public init(path: String, format: Format? = nil, columnMap: [String: String] = [:]) throws(CustomerFileError) {
        self.path = path
        do { source = try ByteSource(path: path) } catch { throw .file(error) }
        let first: UInt8?
        do { first = try source.peek() } catch { throw .file(error) }
        if first == 0xFF || first == 0xFE { throw .encoding(path: path, found: "UTF-16") }
        let lower = path.lowercased()
        let detected: Format = format ?? (lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") || first == UInt8(ascii: "{") ? .jsonl : .csv)
        self.format = detected
        if detected == .jsonl {
            csv = nil
            return
        }
        let reader = CSVReader(source: source, delimiter: try Self.detectDelimiter(source))
        csv = reader
        let header: CSVRecord?
        do { header = try reader.next() } catch { throw .csv(error) }
        guard let cells = header?.fields, !cells.isEmpty, cells != [""] else { throw .noHeader(path: path) }
        headerCount = cells.count
        for (i, cell) in cells.enumerated() {
            let mapped = columnMap[cell].flatMap(CustomerField.init(rawValue:)) ?? CustomerField.field(forHeader: cell)
            if let f = mapped, columns[f] == nil { columns[f] = i }
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
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            let line = jsonLine
            guard let obj = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                return CustomerRow(line: line, customer: Customer(id: "", name: ""), errors: ["not a JSON object"])
            }
            func get(_ f: CustomerField) -> String? {
                let raw = obj[f.rawValue] ?? f.aliases.lazy.compactMap { obj[$0] }.first
                switch raw {
                case let s as String: let t = s.trimmedWhitespace; return t.isEmpty ? nil : t
                case let n as NSNumber: return n.stringValue
                default: return nil
                }
            }
            return makeRow(line: line, get: get, errors: [])
        }
    }

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
