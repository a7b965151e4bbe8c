/// A CSV record with the 1-based line number where it starts.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    public var line: Int
}

/// Why a CSV file could not be read further.
public enum CSVError: Error, CustomStringConvertible, Equatable {
    case unterminatedQuote(file: String, line: Int)
    case io(FileError)

    public var description: String {
        switch self {
        case .unterminatedQuote(let file, let line): return "\(file):\(line): quoted field never closed"
        case .io(let e): return e.description
        }
    }
}

/// Text encodings a customer or list file may come in.
public enum TextEncoding: Sendable {
    case utf8
    /// Windows-1252 (UK HMT CSV, Excel exports): decoded byte by byte.
    case windows1252
}

/// Streaming RFC 4180 reader over bytes: quoted fields with `""` escapes, CRLF or LF, any delimiter.
/// Lenient where real files are sloppy (a quote inside an unquoted field is kept as text).
/// A UTF-8 BOM is skipped. - Complexity: O(n) in bytes, no per-character `String` work.
public final class CSVReader {
    private let source: ByteSource
    public let delimiter: UInt8
    public let encoding: TextEncoding
    private var line = 1
    private var field: [UInt8] = []
    private var started = false

    public init(source: ByteSource, delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8) {
        self.source = source
        self.delimiter = delimiter
        self.encoding = encoding
        field.reserveCapacity(256)
    }

    public convenience init(path: String, delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8) throws(FileError) {
        self.init(source: try ByteSource(path: path), delimiter: delimiter, encoding: encoding)
    }

    public var path: String { source.path }

    /// The next record, or nil at end of file. Blank lines are skipped.
    public func next() throws(CSVError) -> CSVRecord? {
        do {
            if !started {
                started = true
                try skipBOM()
            }
            while true {
                guard try source.peek() != nil else { return nil }
                let startLine = line
                let fields = try readRecord(startLine: startLine)
                if fields.count == 1 && (fields[0].isEmpty || fields[0] == "\u{1A}") { continue }
                return CSVRecord(fields: fields, line: startLine)
            }
        } catch let e as CSVError {
            throw e
        } catch let e as FileError {
            throw .io(e)
        } catch {
            throw .io(FileError(path: source.path, reason: "\(error)"))
        }
    }

    /// Skips a UTF-8 byte order mark: all three bytes `EF BB BF`, nothing when only the first matches
    /// (a file starting with another character whose encoding begins with `EF`, such as U+FF01).
    private func skipBOM() throws(FileError) {
        guard encoding == .utf8, try source.lookahead(3).elementsEqual([0xEF, 0xBB, 0xBF]) else { return }
        _ = try source.next()
        _ = try source.next()
        _ = try source.next()
    }

    /// Reads one record. The field buffer and line count are moved into locals and the source's position
    /// into a cursor for the loop, so no byte pays an exclusivity check on this object or the source.
    private func readRecord(startLine: Int) throws -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        swap(&field, &self.field)
        field.removeAll(keepingCapacity: true)
        var line = self.line
        defer {
            swap(&field, &self.field)
            self.line = line
        }
        let delimiter = self.delimiter
        var inQuotes = false
        var quotedField = false
        return try source.withCursor { c throws -> [String] in
            while let b = try c.next() {
                if inQuotes {
                    if b == UInt8(ascii: "\"") {
                        if try c.peek() == UInt8(ascii: "\"") {
                            _ = try c.next()
                            field.append(b)
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if b == UInt8(ascii: "\n") { line += 1 }
                        field.append(b)
                    }
                    continue
                }
                switch b {
                case delimiter:
                    fields.append(decode(field, quoted: quotedField))
                    field.removeAll(keepingCapacity: true)
                    quotedField = false
                case UInt8(ascii: "\""):
                    if field.allSatisfy({ $0 == UInt8(ascii: " ") }) && !quotedField {
                        field.removeAll(keepingCapacity: true)
                        inQuotes = true
                        quotedField = true
                    } else {
                        field.append(b)
                    }
                case UInt8(ascii: "\r"):
                    if try c.peek() == UInt8(ascii: "\n") { _ = try c.next() }
                    line += 1
                    fields.append(decode(field, quoted: quotedField))
                    return fields
                case UInt8(ascii: "\n"):
                    line += 1
                    fields.append(decode(field, quoted: quotedField))
                    return fields
                default:
                    field.append(b)
                }
            }
            if inQuotes { throw CSVError.unterminatedQuote(file: source.path, line: startLine) }
            fields.append(decode(field, quoted: quotedField))
            return fields
        }
    }

    private func decode(_ bytes: [UInt8], quoted: Bool) -> String {
        switch encoding {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .windows1252: return Windows1252.decode(bytes)
        }
    }
}

/// Windows-1252 to String: Latin-1 plus the C1 range remapped to typographic characters.
public enum Windows1252 {
    static let c1: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    public static func decode(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (b >= 0x80 && b < 0xA0) ? c1[Int(b - 0x80)] : UInt32(b)
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }
}
