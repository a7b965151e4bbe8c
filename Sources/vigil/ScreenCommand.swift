import ArgumentParser
import Foundation
import VigilMatcher
import VigilScreening

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen a customer file (CSV with header, or JSON lines; - for stdin): one output row per input row.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl, table
    }

    @Argument(help: "Customer file: CSV with a header (id,name required) or JSON lines; - reads stdin.")
    var input: String

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "Write JSON lines here (default: standard output).")
    var out: String?

    @Option(name: .long, help: "Alert threshold 0...1.")
    var threshold = ScreeningOptions.defaultThreshold

    @Option(name: .long, help: "Most matches per row (alerts first, then context matches).")
    var limit = 5

    @Option(name: .long, help: "Standard output format: jsonl, or a readable table of alerts (default: table on a terminal without --out, else jsonl).")
    var format: OutputFormat?

    @Option(name: .long, help: "Input format when it cannot be told from the name: csv or jsonl.")
    var inputFormat: String?

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in 0...1") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let f = inputFormat, CustomerReader.Format(rawValue: f) == nil { throw ValidationError("--input-format must be csv or jsonl") }
    }

    func run() throws {
        let reader: CustomerReader
        do {
            reader = try CustomerReader(path: input, format: inputFormat.flatMap(CustomerReader.Format.init(rawValue:)))
        } catch { throw CLIError("\(error)") }
        let searchIndex = try index.open()
        let screener = Screener(matcher: Matcher(index: searchIndex), options: ScreeningOptions(threshold: threshold, limit: limit))
        let bulk = BulkScreener(screener: screener)

        let stdoutIsTTY = isatty(1) == 1
        let table = format == .table || (format == nil && out == nil && stdoutIsTTY)
        let sink: OutputSink? = try out.map { try OutputSink(path: $0) } ?? (table ? nil : OutputSink.standardOutput())
        var alertRows: [ScreeningResult] = []
        var errorRows: [ScreeningResult] = []
        let progress = Progress(enabled: isatty(2) == 1)
        let summary = try bulk.run(reader, emit: { result in
            try sink?.write(result.jsonLine())
            if table {
                if result.alert { alertRows.append(result) }
                if result.error != nil { errorRows.append(result) }
            }
        }, progress: progress.update)
        try sink?.close()
        progress.finish()
        if table { printTable(alerts: alertRows, errors: errorRows, threshold: threshold) }
        fflush(nil)  // the table first, then the summary on stderr
        let m = searchIndex.meta
        let lists = m.sources.map { "\($0.list)\($0.publicationDate.map { " " + $0 } ?? "")" }.joined(separator: ", ")
        stderr("screened \(summary.rows) rows: \(summary.alerts) alerts, \(summary.errors) errors in \(String(format: "%.2f", summary.seconds)) s (\(Int(summary.rowsPerSecond)) rows/s); index built \(m.buildTime), lists: \(lists)\(out.map { "; results in \($0)" } ?? "")")
    }

    func printTable(alerts: [ScreeningResult], errors: [ScreeningResult], threshold: Double) {
        print("ALERTS (score >= \(threshold))")
        print(pad("customer", 10) + pad("score", 7) + pad("entity", 18) + "listed name  <-  why")
        for r in alerts {
            for m in r.matches where m.score >= threshold {
                print(pad(r.id, 10) + pad(String(format: "%.3f", m.score), 7) + pad(m.entity.id, 18) + m.matchedName)
                print(String(repeating: " ", count: 35) + m.explanation.summary)
            }
        }
        if !errors.isEmpty {
            print("\nROWS WITH ERRORS")
            for r in errors { print(pad(r.id.isEmpty ? "(no id)" : r.id, 10) + (r.error ?? "")) }
        }
    }

    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}

/// Buffered output to a file or stdout; `close` flushes and fsyncs so a finished run is on disk.
final class OutputSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let path: String
    private let isFile: Bool

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw CLIError("cannot write \(path)")
        }
        handle = h
        isFile = true
    }

    private init(handle: FileHandle) {
        self.handle = handle
        self.path = "-"
        isFile = false
    }

    static func standardOutput() -> OutputSink { OutputSink(handle: FileHandle.standardOutput) }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { throw CLIError("writing \(path): \(error.localizedDescription)") }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        if isFile {
            do { try handle.synchronize(); try handle.close() } catch { throw CLIError("closing \(path): \(error.localizedDescription)") }
        }
    }
}

/// Rows/s on a terminal's stderr; silent otherwise.
final class Progress {
    let enabled: Bool
    let start = Clock.now()
    var last = 0.0
    init(enabled: Bool) { self.enabled = enabled }

    func update(_ rows: Int) {
        guard enabled else { return }
        let now = Clock.now()
        guard now - last > 0.2 else { return }
        last = now
        let rate = Double(rows) / max(0.001, now - start)
        FileHandle.standardError.write(Data("\r\(rows) rows, \(Int(rate)) rows/s   ".utf8))
    }

    func finish() {
        if enabled && last > 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
