/// An error answered to one request as `{"id":…, "ok":false, "error":{"code":…, "message":…}}`.
/// The connection and the server go on.
package struct ProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The machine-readable `error.code` values; the message says what to change.
    package enum Code: String, Sendable, CaseIterable {
        /// The line is not JSON (or not UTF-8).
        case badJSON = "bad_json"
        /// JSON, but not a valid request: not an object, a missing or mistyped field, an unknown field.
        case badRequest = "bad_request"
        /// `op` names no operation.
        case unknownOp = "unknown_op"
        /// The line is longer than the server's limit; its bytes were discarded up to the next newline.
        case lineTooLong = "line_too_long"
        /// The `token` is missing or wrong for this request.
        case unauthorized
        /// `reload` could not open or verify the new index; the old one keeps serving.
        case reloadFailed = "reload_failed"
        /// A request line stayed unfinished (no newline) for longer than the server's line timeout;
        /// sent once, after every earlier request is answered, then the connection is closed.
        case readTimeout = "read_timeout"
        /// The server is at its connection limit (sent once, then the connection is closed).
        case tooManyConnections = "too_many_connections"
        /// The server is shutting down and takes no new work.
        case shuttingDown = "shutting_down"
        /// A bug or resource failure in the server; the request may be retried.
        case internalError = "internal_error"
    }

    package var code: Code
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { "\(code.rawValue): \(message)" }
}
