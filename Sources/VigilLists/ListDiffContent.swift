/// A screening-relevant field of an entity: what `EntityContent` hashes and `ListDiff` compares.
///
/// Counted: schema, names with their types, birth dates, nationalities, gender, identity documents,
/// programs and addresses. These decide whether a customer matches an entity (names, schema), how a
/// match is confirmed or cleared (birth date, nationality, gender, documents, address) and what the
/// listing means (programs). A change in any of them can turn a cleared false positive into a match,
/// so it must give the entity a new content hash.
///
/// Not counted: remarks (free text that lists reword without changing who is listed), `listedOn`
/// (administrative), birth places (not used in matching or clearing), name quality marks, and the
/// order of values (lists reorder aliases between versions). Duplicated values count once.
public enum EntityField: String, Sendable, Codable, CaseIterable, Comparable {
    case schema
    case names
    case birthDates = "birth_dates"
    case nationalities
    case gender
    case documents
    case programs
    case addresses

    public static func < (a: EntityField, b: EntityField) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The screening-relevant content of an entity in canonical form: per field, its values as text,
/// sorted and without duplicates, so two entities that differ only in value order are equal.
public struct EntityContent: Sendable, Equatable {
    /// Values per field, in `EntityField.allCases` order; each sorted (by UTF-8 bytes) and unique.
    /// Schema and gender have at most one value.
    public let values: [EntityField: [String]]

    public init(_ e: Entity) {
        var v: [EntityField: [String]] = [:]
        v[.schema] = [e.schema.rawValue]
        v[.names] = Self.canonical(e.names.map(Self.text(of:)))
        v[.birthDates] = Self.canonical(e.birthDates)
        v[.nationalities] = Self.canonical(e.nationalities)
        v[.gender] = e.gender.map { [$0] } ?? []
        v[.documents] = Self.canonical(e.documents.map(Self.text(of:)))
        v[.programs] = Self.canonical(e.programs)
        v[.addresses] = Self.canonical(e.addresses)
        values = v
    }

    /// The values of one field (empty when the entity has none).
    public subscript(field: EntityField) -> [String] { values[field] ?? [] }

    /// `NAME (type)`, as names appear in a diff.
    public static func text(of name: EntityName) -> String { "\(name.value) (\(name.type.rawValue))" }

    /// `TYPE NUMBER (COUNTRY)`, as documents appear in a diff.
    public static func text(of d: IdentityDocument) -> String {
        let head = d.type.isEmpty ? d.number : "\(d.type) \(d.number)"
        guard let c = d.country, !c.isEmpty else { return head }
        return "\(head) (\(c))"
    }

    /// Hex SHA-256 of the canonical serialization: for each field in `EntityField.allCases` order,
    /// its name, its value count, then each value, every string as a 4-byte big-endian UTF-8 length
    /// and its bytes (so no choice of separator can make two contents collide).
    /// - Complexity: O(total length of the values).
    public var sha256: String { SHA256Hasher.hex(digest) }

    /// The 32 bytes `sha256` writes in hex (index files store these).
    public var digest: [UInt8] {
        var h = SHA256Hasher()
        for field in EntityField.allCases {
            let vs = self[field]
            Self.feed(field.rawValue, into: &h)
            Self.feed(UInt32(vs.count), into: &h)
            for v in vs { Self.feed(v, into: &h) }
        }
        return h.finalize()
    }

    private static func canonical(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }.sorted(by: utf8Less)
    }

    static func utf8Less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    private static func feed(_ s: String, into h: inout SHA256Hasher) {
        feed(UInt32(s.utf8.count), into: &h)
        h.update(Array(s.utf8))
    }

    private static func feed(_ n: UInt32, into h: inout SHA256Hasher) {
        h.update([UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)])
    }
}

extension Entity {
    /// Hex SHA-256 of the entity's screening-relevant content (see `EntityField` for which fields
    /// count). Equal for two versions of an entity exactly when `ListDiff` finds no field changed.
    public var contentHash: String { EntityContent(self).sha256 }
    /// `contentHash` as its 32 bytes.
    public var contentDigest: [UInt8] { EntityContent(self).digest }
}

/// How one field of an entity changed between two list versions.
public struct FieldChange: Sendable, Equatable {
    public var field: EntityField
    /// The field's canonical values before and after (see `EntityContent`).
    public var before: [String]
    public var after: [String]

    public init(field: EntityField, before: [String], after: [String]) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// Values present only after (a new alias, a new birth date), in canonical order.
    public var added: [String] {
        let old = Set(before)
        return after.filter { !old.contains($0) }
    }

    /// Values present only before (a dropped alias, a corrected birth date), in canonical order.
    public var removed: [String] {
        let new = Set(after)
        return before.filter { !new.contains($0) }
    }

    /// The fields that differ between two contents, in `EntityField.allCases` order; empty when equal.
    public static func changes(from old: EntityContent, to new: EntityContent) -> [FieldChange] {
        EntityField.allCases.compactMap { f in
            old[f] == new[f] ? nil : FieldChange(field: f, before: old[f], after: new[f])
        }
    }
}
