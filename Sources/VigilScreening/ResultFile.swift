import VigilLists
#if canImport(Glibc)
import Glibc
#endif

/// Why the output file could not be written or resumed.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }

    static func errno(_ path: String, _ what: String) -> OutputError {
        OutputError(path: path, reason: "\(what): \(String(cString: strerror(Glibc.errno)))")
    }
}

/// Where a cut-off output file can be continued: the rows it holds in full and the bytes to keep.
public struct ResumePoint: Sendable, Equatable {
    /// Input rows whose output is complete.
    public var rows: Int
    /// Length of the prefix that holds exactly those rows (and the CSV header); the rest is cut.
    public var keepBytes: Int
}

/// Finds the resume point of a partial output, streaming (a byte at a time, O(1) memory).
///
/// JSON lines: every `\n`-terminated line is one row; a torn last line is dropped. CSV
/// (`ResultCSV`): a header, then one or more records per row that share the `line` field (records
/// end at `\n` outside quotes); the last row's group is always dropped, since more of its matches
/// may have been cut off, and is screened again.
public struct ResumeScanner {
    public let csv: Bool
    private var offset = 0
    private var lastRecordEnd = 0
    private var records = 0
    // CSV state
    private var quoted = false
    private var fieldIndex = 0
    private var lineField: [UInt8] = []
    private var groupKey: [UInt8]? = nil
    private var groups = 0
    private var lastGroupStart = 0
    private var headerEnd = 0
    private var recordStart = 0

    public init(csv: Bool) { self.csv = csv }

    @inline(__always)
    public mutating func feed(_ b: UInt8) {
        offset += 1
        if !csv {
            if b == 0x0A { records += 1; lastRecordEnd = offset }
            return
        }
        if b == UInt8(ascii: "\"") { quoted.toggle(); return }
        if quoted {
            if fieldIndex == 1 { lineField.append(b) }
            return
        }
        if b == UInt8(ascii: ",") { fieldIndex += 1; return }
        if b == 0x0A {
            endCSVRecord()
            return
        }
        if fieldIndex == 1 && b != 0x0D { lineField.append(b) }
    }

    private mutating func endCSVRecord() {
        if records == 0 {
            headerEnd = offset
        } else if lineField != groupKey {
            groups += 1
            groupKey = lineField
            lastGroupStart = recordStart
        }
        records += 1
        lastRecordEnd = offset
        recordStart = offset
        fieldIndex = 0
        lineField.removeAll(keepingCapacity: true)
    }

    public var point: ResumePoint {
        if !csv { return ResumePoint(rows: records, keepBytes: lastRecordEnd) }
        if records == 0 { return ResumePoint(rows: 0, keepBytes: 0) }
        if groups == 0 { return ResumePoint(rows: 0, keepBytes: headerEnd) }
        return ResumePoint(rows: groups - 1, keepBytes: lastGroupStart)
    }

    /// Scans a whole file.
    public static func scan(path: String, csv: Bool) throws(OutputError) -> ResumePoint {
        let src: ByteSource
        do { src = try ByteSource(path: path) } catch { throw OutputError(path: path, reason: error.reason) }
        var s = ResumeScanner(csv: csv)
        do {
            while let b = try src.next() { s.feed(b) }
        } catch { throw OutputError(path: path, reason: error.reason) }
        return s.point
    }
}

/// The `--out` file, crash-safe: rows go to `PATH.partial`; `commit` flushes, fsyncs and renames it
/// to PATH (and fsyncs the folder), so a file at PATH is always a finished run. A killed run leaves
/// only `PATH.partial`, which `resume: true` continues: torn rows are cut, and `resumedRows` says how
/// many input rows to skip.
public final class ResultFile {
    public let path: String
    public var partialPath: String { path + ".partial" }
    /// Input rows already in the partial file (0 on a fresh start).
    public let resumedRows: Int
    /// True when the file holds nothing yet (a CSV header is still to be written).
    public let startsEmpty: Bool
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false

    /// - Parameters:
    ///   - resume: continue `PATH.partial` when it exists; without it an old partial is replaced.
    ///   - csv: the partial holds `ResultCSV` rows (affects how complete rows are counted).
    ///   - permissions: the file's mode when created: by default owner-only, since results hold
    ///     customer data (names, matches).
    public init(path: String, resume: Bool, csv: Bool, permissions: mode_t = 0o600) throws(OutputError) {
        self.path = path
        let partial = path + ".partial"
        var point = ResumePoint(rows: 0, keepBytes: 0)
        if resume && access(partial, F_OK) == 0 {
            point = try ResumeScanner.scan(path: partial, csv: csv)
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (resume ? 0 : O_TRUNC)
        let fd = open(partial, flags, permissions)
        guard fd >= 0 else { throw .errno(partial, "cannot write") }
        if ftruncate(fd, off_t(point.keepBytes)) != 0 || lseek(fd, off_t(point.keepBytes), SEEK_SET) < 0 {
            let e = OutputError.errno(partial, "cannot cut the torn end")
            close(fd)
            throw e
        }
        self.fd = fd
        resumedRows = point.rows
        startsEmpty = point.keepBytes == 0
        buffer.reserveCapacity(1 << 16)
    }

    deinit { if !closed { close(fd) } }

    /// Buffered; call with whole rows, so a flush never splits one except by a crash.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws(OutputError) {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                throw .errno(partialPath, "write failed")
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flush, fsync, close, rename `PATH.partial` to PATH, fsync the folder.
    public func commit() throws(OutputError) {
        try flush()
        guard fsync(fd) == 0 else { throw .errno(partialPath, "fsync failed") }
        closed = true
        guard close(fd) == 0 else { throw .errno(partialPath, "close failed") }
        guard rename(partialPath, path) == 0 else { throw .errno(path, "cannot rename \(partialPath) to it") }
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }
}
