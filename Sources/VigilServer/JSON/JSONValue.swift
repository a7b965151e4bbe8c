import VigilScreening

/// A parsed JSON value, as the request parser returns it.
///
/// Numbers keep their source text, so a numeric request `id` is echoed byte for byte (`1.50` stays
/// `1.50`); `double` converts when a field needs the value.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's text exactly as sent; the parser has checked it against the JSON grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members by key; the parser refuses duplicate keys, so no member is silently dropped.
    case object([String: JSONValue])

    /// The value of a number, nil for anything else (or a number beyond `Double`'s range).
    package var double: Double? {
        guard case .number(let text) = self, let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// A name for the value's type, for error messages (`"name must be a string, got number"`).
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// True for the values a request `id` may take: string, number, boolean or null.
    package var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// Writes the value; numbers are written as their source text.
    package func encode(into w: inout JSONWriter) {
        switch self {
        case .null: w.null()
        case .bool(let b): w.bool(b)
        case .number(let text): w.raw(Array(text.utf8))
        case .string(let s): w.string(s)
        case .array(let values):
            w.beginArray()
            for v in values { v.encode(into: &w) }
            w.endArray()
        case .object(let members):
            w.beginObject()
            for key in members.keys.sorted() {
                w.key(key)
                members[key]!.encode(into: &w)
            }
            w.endObject()
        }
    }
}
