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

/// A list source: a format and its file(s). Multi-file formats (OFAC) take comma-separated paths.
public struct SourceSpec: Sendable, Equatable, CustomStringConvertible {
    public var format: ListFormat
    public var paths: [String]

    public init(format: ListFormat, paths: [String]) {
        self.format = format
        self.paths = paths
    }

    /// Parses `FORMAT=PATH[,PATH...]`.
    public init(parsing text: String) throws(SourceSpecError) {
        guard let eq = text.firstIndex(of: "=") else { throw .missingEquals(text) }
        let name = String(text[..<eq])
        guard let format = ListFormat(rawValue: name) else { throw .unknownFormat(name) }
        let paths = text[text.index(after: eq)...].split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
        guard !paths.isEmpty else { throw .noPath(text) }
        self.init(format: format, paths: paths)
    }

    public var description: String { "\(format.rawValue)=\(paths.joined(separator: ","))" }
}

public enum SourceSpecError: Error, CustomStringConvertible, Equatable {
    case missingEquals(String)
    case unknownFormat(String)
    case noPath(String)

    public var description: String {
        let formats = ListFormat.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .missingEquals(let s): return "source '\(s)' must look like FORMAT=PATH (formats: \(formats))"
        case .unknownFormat(let f): return "unknown list format '\(f)' (formats: \(formats))"
        case .noPath(let s): return "source '\(s)' names no file"
        }
    }
}

/// Errors that stop a whole list file from loading (row-level problems are `RowIssue`s instead).
public enum ListError: Error, CustomStringConvertible {
    case file(FileError)
    case csv(CSVError)
    case malformed(file: String, line: Int, reason: String)
    case unsupported(ListFormat)
    case missingFile(format: ListFormat, role: String)

    public var description: String {
        switch self {
        case .file(let e): return e.description
        case .csv(let e): return e.description
        case .malformed(let file, let line, let reason): return "\(file):\(line): \(reason)"
        case .unsupported(let f): return "list format \(f.rawValue) is not supported yet"
        case .missingFile(let f, let role): return "\(f.rawValue) source needs a \(role) file"
        }
    }
}
