import Foundation
import VigilScreening

/// Where `vigil screen` rows go: standard output, or the crash-safe `--out` file.
final class OutputSink {
    private let file: ResultFile?
    private var buffer: [UInt8] = []
    /// Input rows already written by an interrupted run (`--resume`).
    var resumedRows: Int { file?.resumedRows ?? 0 }
    /// Nothing written yet: a CSV header is due.
    var startsEmpty: Bool { file?.startsEmpty ?? true }

    /// `PATH.partial` until `close` renames it to PATH.
    init(path: String, resume: Bool, csv: Bool) throws {
        do { file = try ResultFile(path: path, resume: resume, csv: csv) } catch { throw CLIError("\(error)") }
    }

    private init() { file = nil }

    /// A failed write (full disk, quota) keeps the rows written so far.
    static let resumeHint = "; the rows written so far are kept in the .partial file: make room and run again with --resume to continue"

    static func standardOutput() -> OutputSink { OutputSink() }

    /// Whole rows only (see `ResultFile.write`).
    func write(_ bytes: [UInt8]) throws {
        if let file {
            do { try file.write(bytes) } catch { throw CLIError("\(error)" + Self.resumeHint) }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try FileHandle.standardOutput.write(contentsOf: buffer) } catch { throw CLIError("writing standard output: \(error.localizedDescription)") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The run is complete: flush, and for a file fsync and rename into place.
    func close() throws {
        if let file {
            do { try file.commit() } catch { throw CLIError("\(error)" + Self.resumeHint) }
        } else {
            try flush()
        }
    }
}

/// Rows/s, percent and ETA on a terminal's stderr; silent otherwise.
final class Progress {
    let enabled: Bool
    let start = Clock.now()
    var last = 0.0
    init(enabled: Bool) { self.enabled = enabled }

    func update(rows: Int, bytesRead: Int, totalBytes: Int?) {
        guard enabled else { return }
        let now = Clock.now()
        guard now - last > 0.2 else { return }
        last = now
        let text = ProgressLine.format(rows: rows, seconds: now - start, bytesRead: bytesRead, totalBytes: totalBytes)
        FileHandle.standardError.write(Data("\r\(text)\u{1B}[K".utf8))
    }

    func finish() {
        if enabled && last > 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
