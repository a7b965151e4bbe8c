/// The list file formats Vigil reads, named as in `--source FORMAT=PATH`.
public enum ListFormat: String, Sendable, CaseIterable, Codable {
    case ofacCSV = "ofac-csv"
    case ofacConsCSV = "ofac-cons-csv"
    case unXML = "un-xml"
    case dfatXLSX = "dfat-xlsx"
    case hmtCSV = "hmt-csv"
    case semaXML = "sema-xml"
    case ftmJSON = "ftm-json"
    case targetsCSV = "targets-csv"
    case senzingJSON = "senzing-json"
    case csv
    case jsonl
}

/// A list source: a format and its file(s). Multi-file formats (OFAC) take comma-separated paths or a directory.
public struct SourceSpec: Sendable, Equatable, CustomStringConvertible {
    public var format: ListFormat
    public var paths: [String]

    public init(format: ListFormat, paths: [String]) {
        self.format = format
        self.paths = paths
    }

    /// Parses `FORMAT=PATH[,PATH...]`, or a bare `PATH[,PATH...]` whose format is detected from the
    /// files (`FormatDetection.detect`): by extension and a look at the first bytes.
    /// - Throws: `SourceSpecError` for an unknown format, no path, or a file whose format cannot be told
    ///   (the message lists the formats).
    public init(parsing text: String) throws(SourceSpecError) {
        if let eq = text.firstIndex(of: "=") {
            let name = String(text[..<eq])
            if let format = ListFormat(rawValue: name) {
                let paths = Self.split(text[text.index(after: eq)...])
                guard !paths.isEmpty else { throw .noPath(text) }
                self.init(format: format, paths: paths)
                return
            }
            // `/data/a=b.csv` is a path with `=` in it, not a format.
            guard FormatDetection.exists(Self.split(Substring(text)).first ?? text) else { throw .unknownFormat(name) }
        }
        let paths = Self.split(Substring(text))
        guard let first = paths.first else { throw .noPath(text) }
        let format = try FormatDetection.detect(first)
        for other in paths.dropFirst() {
            let f = try FormatDetection.detect(other)
            guard f == format else { throw .mixedFormats(first: first, format, other: other, f) }
        }
        self.init(format: format, paths: paths)
    }

    private static func split(_ text: Substring) -> [String] {
        text.split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
    }

    public var description: String { "\(format.rawValue)=\(paths.joined(separator: ","))" }
}

public enum SourceSpecError: Error, CustomStringConvertible, Equatable {
    case unknownFormat(String)
    case noPath(String)
    /// Format detection could not decide; `reason` says what was seen.
    case undetectable(path: String, reason: String)
    case mixedFormats(first: String, ListFormat, other: String, ListFormat)

    static var formats: String { ListFormat.allCases.map(\.rawValue).joined(separator: ", ") }

    public var description: String {
        let formats = Self.formats
        switch self {
        case .unknownFormat(let f): return "unknown list format '\(f)' (formats: \(formats))"
        case .noPath(let s): return "source '\(s)' names no file"
        case .undetectable(let path, let reason):
            return "cannot tell the list format of \(path): \(reason); give it as FORMAT=\(path) (formats: \(formats))"
        case .mixedFormats(let a, let fa, let b, let fb):
            return "\(a) looks like \(fa.rawValue) but \(b) like \(fb.rawValue); give each file its own source, as FORMAT=PATH"
        }
    }
}

/// Errors that stop a whole list file from loading (row-level problems are `RowIssue`s instead).
public enum ListError: Error, CustomStringConvertible {
    case file(FileError)
    case csv(CSVError)
    case malformed(file: String, line: Int, reason: String)
    /// A strict load met records it had to skip: every one of them, with file and line.
    case rejected([RowIssue])
    case missingFile(format: ListFormat, role: String)

    public var description: String {
        switch self {
        case .file(let e): return e.description
        case .csv(let e): return e.description
        case .malformed(let file, let line, let reason): return "\(file):\(line): \(reason)"
        case .rejected(let issues):
            let n = issues.count
            return "\(n) malformed record\(n == 1 ? "" : "s") (strict: nothing built; --lenient skips and reports them):\n"
                + issues.map { "  \($0)" }.joined(separator: "\n")
        case .missingFile(let f, let role): return "\(f.rawValue) source needs a \(role) file"
        }
    }
}

extension ListError {
    /// Any error met while reading a list file, as a `ListError`: list and CSV errors keep their
    /// meaning, anything else becomes `malformed` naming the file.
    static func wrapping(_ error: any Error, path: String) -> ListError {
        switch error {
        case let e as ListError: return e
        case let e as CSVError: return .csv(e)
        default: return .malformed(file: path, line: 0, reason: "\(error)")
        }
    }
}
