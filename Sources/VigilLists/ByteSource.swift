#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failure to open or read a file, with the path and the system's reason.
public struct FileError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }

    static func errno(_ path: String, _ what: String) -> FileError {
        FileError(path: path, reason: "\(what): \(String(cString: strerror(Glibc.errno)))")
    }
}

/// Reads a file (or stdin for "-") in large chunks. Owns its FILE*.
public final class ByteSource {
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var buffer: [UInt8]
    private(set) var count = 0
    private(set) var position = 0
    private(set) var atEnd = false

    public init(path: String, chunkSize: Int = 1 << 20) throws(FileError) {
        self.path = path
        if path == "-" {
            file = fdopen(dup(0), "rb")!
            ownsFile = true
        } else {
            var st = stat()
            if stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
                throw FileError(path: path, reason: "is a directory, not a file")
            }
            guard let f = fopen(path, "rb") else { throw .errno(path, "cannot open") }
            file = f
            ownsFile = true
        }
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    deinit { if ownsFile { fclose(file) } }

    /// Next byte, or nil at end of file.
    @inline(__always)
    public func next() throws(FileError) -> UInt8? {
        if position == count {
            if atEnd { return nil }
            try refill()
            if count == 0 { return nil }
        }
        let b = buffer[position]
        position += 1
        return b
    }

    /// Looks at the next byte without consuming it.
    @inline(__always)
    public func peek() throws(FileError) -> UInt8? {
        if position == count {
            if atEnd { return nil }
            try refill()
            if count == 0 { return nil }
        }
        return buffer[position]
    }

    /// Up to `max` upcoming bytes without consuming them (within the current chunk).
    public func lookahead(_ max: Int) throws(FileError) -> ArraySlice<UInt8> {
        if position == count && !atEnd { try refill() }
        return buffer[position..<min(count, position + max)]
    }

    private func refill() throws(FileError) {
        let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if n < buffer.count {
            if ferror(file) != 0 { throw .errno(path, "read failed") }
            atEnd = true
        }
        count = n
        position = 0
    }

    /// Reads a whole file into memory.
    public static func readAll(_ path: String) throws(FileError) -> [UInt8] {
        let src = try ByteSource(path: path)
        var out: [UInt8] = []
        while true {
            try src.refillIfNeeded()
            if src.count == 0 { break }
            out.append(contentsOf: src.buffer[src.position..<src.count])
            src.position = src.count
            if src.atEnd { break }
        }
        return out
    }

    private func refillIfNeeded() throws(FileError) {
        if position == count && !atEnd { try refill() }
    }
}
