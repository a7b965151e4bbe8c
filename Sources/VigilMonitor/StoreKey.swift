import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The 256-bit key of an encrypted customer store, read from a key file.
///
/// A key file holds 32 raw bytes, or 64 hex digits with an optional newline (what `generate(at:)`
/// writes). It must be readable by its owner only (mode 0600 or 0400): a key any user can read
/// protects nothing. Keep it off the volume of the store and its backups (a secrets manager, a
/// separate mount), since whoever holds both reads the store.
public struct StoreKey {
    let key: SymmetricKey

    /// The key file to use when no `--key-file` is given.
    public static let environmentVariable = "VIGIL_STORE_KEY_FILE"

    init(bytes: [UInt8]) {
        precondition(bytes.count == 32)
        key = SymmetricKey(data: bytes)
    }

    /// Reads the key file at `path`.
    /// - Throws: `StoreError` naming the file when it is missing, readable or writable by group or
    ///   others, or does not hold 32 bytes or 64 hex digits.
    public static func read(path: String) throws(StoreError) -> StoreKey {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(path: path, reason: "cannot open key file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StoreError(path: path, reason: "cannot stat key file: \(String(cString: strerror(errno)))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw StoreError(path: path, reason: "the key file is not a regular file") }
        let mode = st.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw StoreError(path: path, reason: "the key file is open to group or others (mode \(String(mode, radix: 8))); "
                             + "it must be 0600 or stricter: chmod 600 \(path)")
        }
        var content = [UInt8](repeating: 0, count: 130)
        var count = 0
        while count < content.count {
            let n = content.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw StoreError(path: path, reason: "cannot read key file: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            count += n
        }
        guard let bytes = parse(Array(content[..<count])) else {
            throw StoreError(path: path, reason: "the key file holds \(count == content.count ? "more than 128" : String(count)) bytes; "
                             + "a store key is 32 raw bytes or 64 hex digits (make one with `vigil monitor keygen \(path)`)")
        }
        return StoreKey(bytes: bytes)
    }

    /// 32 raw bytes, or 64 hex digits followed by nothing, `\n` or `\r\n`; nil otherwise.
    static func parse(_ content: [UInt8]) -> [UInt8]? {
        if content.count == 32 { return content }
        var text = content[...]
        if text.last == UInt8(ascii: "\n") { text = text.dropLast() }
        if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
        guard text.count == 64 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        var high: UInt8?
        for c in text {
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }

    /// Writes a fresh random key to `path` as 64 hex digits and a newline, mode 0600. Refuses an
    /// existing file: overwriting a key makes every store sealed with it unreadable.
    public static func generate(at path: String) throws(StoreError) {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "exists; refusing to overwrite a key (stores sealed with it would become unreadable)"
                                         : "cannot create key file: \(String(cString: strerror(errno)))"
            throw StoreError(path: path, reason: reason)
        }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(path) }
        }
        // Exactly 0600 whatever the umask.
        guard fchmod(fd, 0o600) == 0 else { throw StoreError(path: path, reason: "cannot chmod key file: \(String(cString: strerror(errno)))") }
        let text = Array(SymmetricKey(size: .bits256).withUnsafeBytes { FieldCipher.hex($0) }.utf8) + [UInt8(ascii: "\n")]
        var written = 0
        while written < text.count {
            let n = text.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw StoreError(path: path, reason: "cannot write key file: \(String(cString: strerror(errno)))") }
            written += n
        }
        guard fsync(fd) == 0 else { throw StoreError(path: path, reason: "cannot sync key file: \(String(cString: strerror(errno)))") }
        ok = true
    }
}
