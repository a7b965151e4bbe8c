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

/// A problem with one row or record of a list file: reported with file and line, never dropped silently.
public struct RowIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// The entities read from one source, with its provenance and any row issues.
public struct LoadedList: Sendable {
    public var entities: [Entity]
    public var provenance: SourceProvenance
    public var issues: [RowIssue]

    public init(entities: [Entity], provenance: SourceProvenance, issues: [RowIssue]) {
        self.entities = entities
        self.provenance = provenance
        self.issues = issues
    }
}

extension String {
    /// Trims spaces, tabs and line breaks at both ends.
    public var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
