import VigilScreening

/// Public doors into the request decoder for the libFuzzer targets in `Fuzz/`: that package sits
/// outside this one, so it cannot see the decoder's `package` symbols. Not part of the server API.
public enum FuzzEntry {
    /// Decodes one request line exactly as a connection does (envelope, then operation with default
    /// limits) and returns the op or the error code. Traps if a parsed value does not survive
    /// encode -> parse unchanged, since the server echoes parsed ids back to clients.
    @discardableResult
    public static func decodeRequest(_ line: UnsafeRawBufferPointer) -> String {
        if let value = try? JSONParser.parse(line) {
            var w = JSONWriter()
            value.encode(into: &w)
            let again = w.bytes.withUnsafeBytes { try? JSONParser.parse($0) }
            precondition(again == value, "JSON round trip changed the value: \(String(decoding: w.bytes, as: UTF8.self))")
        }
        switch RequestDecoder.envelope(line) {
        case .failure(let f): return f.error.code.rawValue
        case .success(let envelope):
            do { _ = try RequestDecoder.operation(envelope, limits: RequestLimits()) } catch { return error.code.rawValue }
            return envelope.op
        }
    }
}
