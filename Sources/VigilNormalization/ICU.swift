import CICUShim
import Synchronization

/// An ICU failure, described by ICU's own error name.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let context: String
    public var description: String {
        "ICU error \(String(cString: vigil_icu_error_name(code))) (\(code)) in \(context)"
    }
}

/// Calls a shim function that writes UTF-8 into a caller buffer, growing the buffer once when told to.
@inline(__always)
func withGrowingBuffer(
    _ input: String, context: String,
    _ call: (UnsafePointer<CChar>, Int32, UnsafeMutablePointer<CChar>, Int32) -> Int32
) throws(ICUError) -> String {
    var input = input
    var capacity = max(64, input.utf8.count * 4 + 16)
    for _ in 0..<2 {
        let outcome: Result<String, ICUError>? = input.withUTF8 { inBytes -> Result<String, ICUError>? in
            let inPtr = UnsafeRawPointer(inBytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                .assumingMemoryBound(to: CChar.self)
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { out -> Result<String, ICUError>? in
                let n = call(inPtr, Int32(inBytes.count), out.baseAddress!, Int32(capacity))
                if n < 0 { return .failure(ICUError(code: -n, context: context)) }
                if Int(n) > capacity { capacity = Int(n) + 1; return nil }
                let bytes = UnsafeRawBufferPointer(start: out.baseAddress, count: Int(n))
                return .success(String(decoding: bytes, as: UTF8.self))
            }
        }
        switch outcome {
        case .success(let s): return s
        case .failure(let e): throw e
        case nil: continue
        }
    }
    throw ICUError(code: 15 /* U_BUFFER_OVERFLOW_ERROR */, context: context)
}

/// An ICU transliterator. ICU transliterators are not thread-safe, so calls are serialized by a mutex;
/// keep it out of per-query hot paths (precompute tables instead).
public final class Transliterator: Sendable {
    private let handle: Mutex<OpaquePointer>
    public let id: String

    public init(_ id: String) throws(ICUError) {
        var err = [CChar](repeating: 0, count: 64)
        guard let t = vigil_translit_open(id, &err, 64) else {
            throw ICUError(code: 0, context: "opening transliterator \(id): \(String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
        self.handle = Mutex(t)
        self.id = id
    }

    deinit { handle.withLock { vigil_translit_close($0) } }

    public func transliterate(_ text: String) throws(ICUError) -> String {
        try handle.withLock { (t: inout OpaquePointer) throws(ICUError) -> String in
            let ptr = t
            return try withGrowingBuffer(text, context: id) { vigil_translit_utf8(ptr, $0, $1, $2, $3) }
        }
    }
}

public enum ICU {
    /// NFKC_Casefold: compatibility forms folded (full-width letters, ligatures) and case folded.
    public static func nfkcCasefold(_ text: String) throws(ICUError) -> String {
        try withGrowingBuffer(text, context: "NFKC_Casefold") { vigil_nfkc_casefold_utf8($0, $1, $2, $3) }
    }

    /// ICU script code of a scalar.
    @inline(__always)
    public static func script(of scalar: Unicode.Scalar) -> Int32 { vigil_script_of(scalar.value) }

    public static func scriptShortName(_ code: Int32) -> String { String(cString: vigil_script_short_name(code)) }
}
