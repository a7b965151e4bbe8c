import Crypto

/// SHA-256 for list file provenance, entity content hashes and the screening audit record, computed by
/// swift-crypto (BoringSSL's assembly: SHA extensions where the CPU has them). The hand-written
/// version it replaces ran ~120 MB/s, and hashing the 142 MB million-name index for a screening's
/// audit record took a sixth of a 5,000-customer run.
public struct SHA256Hasher {
    private var inner = Crypto.SHA256()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        inner.update(bufferPointer: bytes)
    }

    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) != nil { return }
        Array(bytes).withUnsafeBytes { update($0) }
    }

    /// The 32 digest bytes.
    public mutating func finalize() -> [UInt8] {
        Array(inner.finalize())
    }

    /// The digest as lowercase hex.
    public mutating func finalizeHex() -> String {
        Self.hex(finalize())
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Hex SHA-256 of a file's bytes, read a chunk at a time (a customer file may be larger than memory).
public func fileSHA256(_ path: String) throws(ListError) -> String {
    do {
        var s = SHA256Hasher()
        try ByteSource(path: path).forEachChunk { s.update($0) }
        return s.finalizeHex()
    } catch { throw .file(error) }
}
