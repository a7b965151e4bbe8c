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

/// Reads a file (or stdin for "-") in large chunks. Owns its FILE* and its buffer.
///
/// The buffer is raw memory owned by this object (allocated in `init`, freed in `deinit`), not an
/// `[UInt8]`: `next()` runs once per byte of every list, and an array stored in a class pays a
/// uniqueness and exclusivity check on each access, which was half the time of reading a CSV file.
/// The pointer never leaves this class; `lookahead` and `readAll` hand out copies.
public final class ByteSource {
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    private(set) var position = 0
    private(set) var atEnd = false

    public init(path: String, chunkSize: Int = 1 << 20) throws(FileError) {
        self.path = path
        if path == "-" {
            guard let f = fdopen(dup(0), "rb") else { throw .errno(path, "cannot read standard input") }
            file = f
        } else {
            var st = stat()
            if stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
                throw FileError(path: path, reason: "is a directory, not a file")
            }
            guard let f = fopen(path, "rb") else { throw .errno(path, "cannot open") }
            file = f
        }
        // At least 4 bytes: the BOM check looks 3 bytes ahead within one chunk.
        buffer = .allocate(capacity: max(chunkSize, 4))
    }

    deinit {
        fclose(file)
        buffer.deallocate()
    }

    /// Next byte, or nil at end of file.
    @inline(__always)
    public func next() throws(FileError) -> UInt8? {
        var p = position
        if p == count {
            if atEnd { return nil }
            try refill()
            if count == 0 { return nil }
            p = 0
        }
        // `p < count <= buffer.count`: checked by `refill`, so the read needs no bounds check of its own.
        let b = buffer.baseAddress.unsafelyUnwrapped[p]
        position = p + 1
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
        return buffer.baseAddress.unsafelyUnwrapped[position]
    }

    /// Up to `max` upcoming bytes without consuming them (within the current chunk).
    public func lookahead(_ max: Int) throws(FileError) -> ArraySlice<UInt8> {
        if position == count && !atEnd { try refill() }
        return ArraySlice(buffer[position..<min(count, position + max)])
    }

    private func refill() throws(FileError) {
        let n = fread(buffer.baseAddress, 1, buffer.count, file)
        if n < buffer.count {
            if ferror(file) != 0 { throw .errno(path, "read failed") }
            atEnd = true
        }
        precondition(n <= buffer.count)
        count = n
        position = 0
    }

    /// Lends the read position to `body` as a `ByteCursor`, a value on the caller's stack: a loop over
    /// bytes then pays no exclusivity check on this object's properties per byte, only once per call.
    @inline(__always)
    func withCursor<R>(_ body: (inout ByteCursor) throws -> R) rethrows -> R {
        var cursor = ByteCursor(source: self, base: buffer.baseAddress.unsafelyUnwrapped, position: position, count: count)
        defer { position = cursor.position }
        return try body(&cursor)
    }

    /// Moves to the next chunk when the current one is used up; false at end of file.
    fileprivate func advance(from cursor: inout ByteCursor) throws(FileError) -> Bool {
        position = cursor.position
        if position == count && !atEnd { try refill() }
        cursor.position = position
        cursor.count = count
        return position < count
    }

    /// Hands the rest of the file to `body` one chunk at a time (memory stays at one chunk).
    public func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(FileError) {
        while true {
            if position == count && !atEnd { try refill() }
            if position == count { break }
            body(UnsafeBufferPointer(rebasing: buffer[position..<count]))
            position = count
            if atEnd { break }
        }
    }

    /// Reads a whole file into memory.
    public static func readAll(_ path: String) throws(FileError) -> [UInt8] {
        let src = try ByteSource(path: path)
        var out: [UInt8] = []
        var st = stat()
        if path != "-", stat(path, &st) == 0 { out.reserveCapacity(Int(st.st_size)) }
        try src.forEachChunk { out.append(contentsOf: $0) }
        return out
    }
}

/// The read position of a `ByteSource`, lent by `withCursor`. Valid only inside that call.
struct ByteCursor {
    fileprivate let source: ByteSource
    fileprivate let base: UnsafeMutablePointer<UInt8>
    fileprivate var position: Int
    fileprivate var count: Int

    /// Next byte, or nil at end of file.
    @inline(__always)
    mutating func next() throws(FileError) -> UInt8? {
        if position == count, try !source.advance(from: &self) { return nil }
        let b = base[position]
        position += 1
        return b
    }

    /// The next byte without consuming it.
    @inline(__always)
    mutating func peek() throws(FileError) -> UInt8? {
        if position == count, try !source.advance(from: &self) { return nil }
        return base[position]
    }
}
