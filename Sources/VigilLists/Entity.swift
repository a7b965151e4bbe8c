/// What kind of thing a listed entity is.
public enum Schema: String, Sendable, Codable, CaseIterable {
    case person = "Person"
    case organization = "Organization"
    case vessel = "Vessel"
    case aircraft = "Aircraft"
    case unknown = "Unknown"
}

/// How a name relates to its entity. Weak aliases and low-quality names count less in matching.
public enum NameType: String, Sendable, Codable, CaseIterable {
    case primary
    case aka
    case fka
    case nka
    case weakAka = "weak_aka"
    case originalScript = "original_script"
}

public struct EntityName: Sendable, Equatable, Codable {
    public var value: String
    public var type: NameType
    /// Source's quality mark where it gives one (UN `QUALITY`: "Good", "Low"); nil otherwise.
    public var quality: String?

    public init(_ value: String, type: NameType, quality: String? = nil) {
        self.value = value
        self.type = type
        self.quality = quality
    }
}

/// An identity document listed for an entity.
public struct IdentityDocument: Sendable, Equatable, Codable {
    public var type: String
    public var number: String
    public var country: String?

    public init(type: String, number: String, country: String? = nil) {
        self.type = type
        self.number = number
        self.country = country
    }
}

/// One listed person, organisation, vessel or aircraft, from any source, in one shape.
public struct Entity: Sendable, Equatable, Codable {
    /// Stable id `<list>:<native key>`, e.g. `ofac:35096`, `un:6908555`.
    public var id: String
    /// The list the entity comes from (`ofac`, `un`, `dfat`, `hmt`, or a generic file's stem).
    public var list: String
    public var schema: Schema
    /// Names; the first is the primary name.
    public var names: [EntityName]
    /// Birth dates as the list gives them, normalized where possible: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`,
    /// or a range `YYYY..YYYY`; "circa" years become ranges of ±1.
    public var birthDates: [String]
    public var birthPlaces: [String]
    /// Nationalities and citizenships as the list gives them (country names or ISO codes).
    public var nationalities: [String]
    /// "male", "female", or nil when the list is silent.
    public var gender: String?
    public var documents: [IdentityDocument]
    public var addresses: [String]
    public var programs: [String]
    public var remarks: String?
    public var listedOn: String?

    public init(
        id: String, list: String, schema: Schema, names: [EntityName], birthDates: [String] = [],
        birthPlaces: [String] = [], nationalities: [String] = [], gender: String? = nil,
        documents: [IdentityDocument] = [], addresses: [String] = [], programs: [String] = [],
        remarks: String? = nil, listedOn: String? = nil
    ) {
        self.id = id
        self.list = list
        self.schema = schema
        self.names = names
        self.birthDates = birthDates
        self.birthPlaces = birthPlaces
        self.nationalities = nationalities
        self.gender = gender
        self.documents = documents
        self.addresses = addresses
        self.programs = programs
        self.remarks = remarks
        self.listedOn = listedOn
    }

    public var primaryName: String { names.first?.value ?? "" }

    /// Adds a name unless the entity already has it (same text, any type).
    public mutating func addName(_ name: EntityName) {
        let trimmed = name.value.trimmedWhitespace
        guard !trimmed.isEmpty, !names.contains(where: { $0.value == trimmed }) else { return }
        names.append(EntityName(trimmed, type: name.type, quality: name.quality))
    }
}

/// Where a set of entities came from: enough to prove which list version a screening used.
public struct SourceProvenance: Sendable, Equatable, Codable {
    public var list: String
    public var format: String
    public var files: [String]
    /// SHA-256 of each file, hex, in `files` order.
    public var sha256: [String]
    /// Publication date stated in the file (`YYYY-MM-DD`), else nil.
    public var publicationDate: String?

    public init(list: String, format: String, files: [String], sha256: [String], publicationDate: String?) {
        self.list = list
        self.format = format
        self.files = files
        self.sha256 = sha256
        self.publicationDate = publicationDate
    }
}

/// How bad a `RowIssue` is, which decides what a strict build does with it.
public enum IssueSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    /// The record is malformed and was skipped (no id, no name, wrong column count, broken XML record).
    /// A strict build refuses to go on; a lenient one reports every such record.
    case error
    /// The record was kept but a field was not understood (an unreadable date, a document number
    /// that is a sentence). Never fatal.
    case warning
    /// Rows of a secondary file (OFAC alias, address, comment) whose key is not in the primary file:
    /// files of different dates. Counted and reported, never indexed, never fatal.
    case orphan

    public static func < (a: IssueSeverity, b: IssueSeverity) -> Bool { a.rank < b.rank }
    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .orphan: return 2
        }
    }
}

/// A problem with one row or record of a list file: reported with file and line, never dropped silently.
public struct RowIssue: Sendable, Equatable, CustomStringConvertible {
    public var severity: IssueSeverity
    public var file: String
    public var line: Int
    public var message: String
    /// Rows this issue stands for: 1, except for an orphan summary (one issue per file for all its
    /// orphan rows, `line` the first of them).
    public var rows: Int

    public init(_ severity: IssueSeverity, file: String, line: Int, message: String, rows: Int = 1) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.rows = rows
    }

    /// `file:line: severity: message`, as compilers print diagnostics.
    public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
}

/// The entities read from one source, with its provenance and any row issues.
public struct LoadedList: Sendable {
    public var entities: [Entity]
    public var provenance: SourceProvenance
    public var issues: [RowIssue]
    /// Records of kinds that are not screened, by kind (FollowTheMoney `Family`, `Sanction`, `Address`
    /// records, Senzing records that are not persons or organisations): not problems, but counted so
    /// that nothing leaves a file unseen.
    public var ignored: [String: Int]

    public init(entities: [Entity], provenance: SourceProvenance, issues: [RowIssue], ignored: [String: Int] = [:]) {
        self.entities = entities
        self.provenance = provenance
        self.issues = issues
        self.ignored = ignored
    }

    /// The issues of one severity, in file order.
    public func issues(_ severity: IssueSeverity) -> [RowIssue] { issues.filter { $0.severity == severity } }

    /// Rows affected by issues of one severity (an orphan summary counts all its rows).
    public func rowCount(_ severity: IssueSeverity) -> Int {
        issues.reduce(0) { $0 + ($1.severity == severity ? $1.rows : 0) }
    }
}

extension Array where Element == Entity {
    /// Names the list of entities read with native keys as ids: `list` set, ids become `<list>:<key>`.
    mutating func assignList(_ list: String) {
        for i in indices {
            self[i].list = list
            self[i].id = "\(list):\(self[i].id)"
        }
    }
}

extension String {
    /// Trims spaces, tabs and line breaks at both ends.
    public var trimmedWhitespace: String {
        // Fast path: no ASCII whitespace or control byte, and no multi-byte character, at either end.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
