import VigilScreening

/// The operations a request's `op` may name.
package enum OperationName: String, Sendable, CaseIterable {
    case screen, batch, info, health, reload, metrics
}

/// A decoded, checked request operation.
package enum Operation: Sendable {
    case screen(Customer, ScreeningOptions)
    case batch([Customer], ScreeningOptions)
    case info
    case health
    /// The server's counters in Prometheus text format.
    case metrics
    /// Re-open the served index path, or `path` when given.
    case reload(path: String?)
}

/// The parts of a request read before anything else: enough to answer with the right `id` and to
/// check the token before looking at the operation.
package struct RequestEnvelope: Sendable {
    /// The request's `id` as sent (a scalar); `.null` when absent.
    package var id: JSONValue
    /// The `token` member; nil when absent.
    package var token: String?
    /// The `op` string as sent; checked against `OperationName` only after authorization, so an
    /// unauthorized client learns nothing about the operations.
    package var op: String
    package var members: [String: JSONValue]

    /// The `id` as text for a result row: a string as is, a number as written, else empty.
    package var idText: String {
        switch id {
        case .string(let s): return s
        case .number(let n): return n
        default: return ""
        }
    }
}

/// Bounds on what one request may ask for.
package struct RequestLimits: Sendable {
    /// Most customers in one `batch`.
    package var maximumBatchSize = 10_000
    /// Largest `limit` (matches per customer) a request may ask for.
    package var maximumMatchLimit = 100
    /// Threshold and limit used when a request gives none.
    package var defaults = ScreeningOptions()

    package init() {}
}

/// Turns one request line into a `RequestEnvelope` and then an `Operation`.
///
/// Unknown members are refused (`bad_request`), so a misspelt `birth_date` is never silently ignored
/// by a screening. Optional customer fields may be null or "" to mean absent.
package enum RequestDecoder {
    static let customerFields = [
        "gender", "birth_date", "nationality", "occupation", "address", "contact", "id_type", "id_number", "id_expiry",
    ]
    static let envelopeMembers: Set<String> = ["id", "op", "token"]

    /// Parses the line and reads `id`, `token` and `op`.
    /// - Returns: the envelope, or the id to answer with (null when it could not be read) and the error.
    package static func envelope(
        _ line: UnsafeRawBufferPointer
    ) -> Result<RequestEnvelope, RequestFailure> {
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch {
            return .failure(RequestFailure(id: .null, error: ProtocolError(.badJSON, "not JSON: \(error)")))
        }
        guard case .object(let members) = value else {
            return .failure(RequestFailure(id: .null, error: ProtocolError(.badRequest, "a request must be a JSON object, got \(value.typeName)")))
        }
        let id = members["id"] ?? .null
        guard id.isScalar else {
            return .failure(RequestFailure(id: .null, error: ProtocolError(.badRequest, "\"id\" must be a string, number, boolean or null, got \(id.typeName)")))
        }
        var token: String?
        switch members["token"] {
        case nil, .null?: token = nil
        case .string(let t)?: token = t
        case let other?:
            return .failure(RequestFailure(id: id, error: ProtocolError(.badRequest, "\"token\" must be a string, got \(other.typeName)")))
        }
        guard let op = members["op"] else {
            return .failure(RequestFailure(id: id, error: ProtocolError(.badRequest, "\"op\" is required (\(opList))")))
        }
        guard case .string(let opName) = op else {
            return .failure(RequestFailure(id: id, error: ProtocolError(.badRequest, "\"op\" must be a string, got \(op.typeName)")))
        }
        return .success(RequestEnvelope(id: id, token: token, op: opName, members: members))
    }

    static var opList: String { "ops: " + OperationName.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Checks the members for the envelope's operation.
    package static func operation(_ e: RequestEnvelope, limits: RequestLimits) throws(ProtocolError) -> Operation {
        guard let name = OperationName(rawValue: e.op) else {
            throw ProtocolError(.unknownOp, "unknown op \"\(e.op)\" (\(opList))")
        }
        switch name {
        case .info:
            try onlyKnown(e.members, [], op: name)
            return .info
        case .health:
            try onlyKnown(e.members, [], op: name)
            return .health
        case .metrics:
            try onlyKnown(e.members, [], op: name)
            return .metrics
        case .reload:
            try onlyKnown(e.members, ["path"], op: name)
            let path = try optionalString(e.members["path"], "path")
            if path == "" { throw ProtocolError(.badRequest, "\"path\" is empty") }
            return .reload(path: path)
        case .screen:
            try onlyKnown(e.members, ["name", "threshold", "limit"] + customerFields, op: name)
            let options = try screeningOptions(e.members, limits: limits)
            let customer = try customer(e.members, id: e.idText, context: "")
            guard !customer.name.allSatisfy(\.isWhitespace) else { throw ProtocolError(.badRequest, "\"name\" is empty") }
            return .screen(customer, options)
        case .batch:
            try onlyKnown(e.members, ["customers", "threshold", "limit"], op: name)
            let options = try screeningOptions(e.members, limits: limits)
            guard let list = e.members["customers"] else { throw ProtocolError(.badRequest, "\"customers\" is required for op batch") }
            guard case .array(let items) = list else {
                throw ProtocolError(.badRequest, "\"customers\" must be an array, got \(list.typeName)")
            }
            guard items.count <= limits.maximumBatchSize else {
                throw ProtocolError(.badRequest, "\"customers\" has \(items.count) entries, at most \(limits.maximumBatchSize) per batch")
            }
            var customers: [Customer] = []
            customers.reserveCapacity(items.count)
            for (n, item) in items.enumerated() {
                let context = "customers[\(n)]."
                guard case .object(let members) = item else {
                    throw ProtocolError(.badRequest, "customers[\(n)] must be an object, got \(item.typeName)")
                }
                if let bad = members.keys.filter({ $0 != "id" && $0 != "name" && !customerFields.contains($0) }).min() {
                    throw ProtocolError(.badRequest, "unknown field \"\(context)\(bad)\"")
                }
                let id: String
                switch members["id"] {
                case nil, .null?: id = String(n)
                case .string(let s)?: id = s
                case .number(let s)?: id = s
                case let other?: throw ProtocolError(.badRequest, "\"\(context)id\" must be a string or number, got \(other.typeName)")
                }
                customers.append(try customer(members, id: id, context: context))
            }
            return .batch(customers, options)
        }
    }

    private static func onlyKnown(_ members: [String: JSONValue], _ allowed: [String], op: OperationName) throws(ProtocolError) {
        if let bad = members.keys.filter({ !envelopeMembers.contains($0) && !allowed.contains($0) }).min() {
            throw ProtocolError(.badRequest, "unknown field \"\(bad)\" for op \(op.rawValue)")
        }
    }

    private static func customer(_ m: [String: JSONValue], id: String, context: String) throws(ProtocolError) -> Customer {
        guard let nameValue = m["name"] else { throw ProtocolError(.badRequest, "\"\(context)name\" is required") }
        guard case .string(let name) = nameValue else {
            throw ProtocolError(.badRequest, "\"\(context)name\" must be a string, got \(nameValue.typeName)")
        }
        var c = Customer(id: id, name: name)
        for field in customerFields {
            guard let value = try optionalString(m[field], context + field), !value.isEmpty else { continue }
            switch field {
            case "gender": c.gender = value
            case "birth_date": c.birthDate = value
            case "nationality": c.nationality = value
            case "occupation": c.occupation = value
            case "address": c.address = value
            case "contact": c.contact = value
            case "id_type": c.idType = value
            case "id_number": c.idNumber = value
            case "id_expiry": c.idExpiry = value
            default: break
            }
        }
        return c
    }

    private static func optionalString(_ v: JSONValue?, _ name: String) throws(ProtocolError) -> String? {
        switch v {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let other?: throw ProtocolError(.badRequest, "\"\(name)\" must be a string, got \(other.typeName)")
        }
    }

    private static func screeningOptions(_ m: [String: JSONValue], limits: RequestLimits) throws(ProtocolError) -> ScreeningOptions {
        var threshold = limits.defaults.threshold
        var limit = limits.defaults.limit
        if let t = m["threshold"], t != .null {
            guard let d = t.double, (0...1).contains(d) else {
                throw ProtocolError(.badRequest, "\"threshold\" must be a number in 0...1, got \(t.description)")
            }
            threshold = d
        }
        if let l = m["limit"], l != .null {
            guard let d = l.double, let n = Int(exactly: d), (1...limits.maximumMatchLimit).contains(n) else {
                throw ProtocolError(.badRequest, "\"limit\" must be an integer in 1...\(limits.maximumMatchLimit), got \(l.description)")
            }
            limit = n
        }
        if threshold == limits.defaults.threshold && limit == limits.defaults.limit { return limits.defaults }
        return ScreeningOptions(threshold: threshold, limit: limit)
    }
}

/// A request that could not be decoded: the id to answer with and why.
package struct RequestFailure: Error, Sendable {
    package var id: JSONValue
    package var error: ProtocolError
}

extension JSONValue: CustomStringConvertible {
    /// Short text for error messages: numbers and strings as sent (strings quoted, cut at 40 bytes).
    package var description: String {
        switch self {
        case .number(let n): return n
        case .string(let s): return "\"" + (s.utf8.count > 40 ? String(s.prefix(40)) + "…" : s) + "\""
        default: return typeName
        }
    }
}
