import ArgumentParser
import Foundation
import VigilLists
import VigilMatcher
import VigilScreening

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen a customer file (CSV with header, or JSON lines; - for stdin): one output row per input row.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv, table
    }

    enum InputEncoding: String, ExpressibleByArgument, CaseIterable {
        case utf8, cp1252
        var textEncoding: TextEncoding { self == .utf8 ? .utf8 : .windows1252 }
    }

    @Argument(help: "Customer file: CSV with a header (id,name required) or JSON lines; - reads stdin.")
    var input: String

    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: "Write the rows here (default: standard output); written as PATH.partial and renamed when the run completes.")
    var out: String?

    @Flag(name: .long, help: "Continue an interrupted run: keep the complete rows of --out's PATH.partial and screen the rest of the input.")
    var resume = false

    @Option(name: .long, help: "Map other headers to fields: \"Client No=id,Full Name=name,DOB=birth_date\".")
    var columns: String?

    @Option(name: .long, help: "Input encoding: utf8 (a file that is not is refused) or cp1252 (Windows exports).")
    var encoding: InputEncoding = .utf8

    @Option(name: .long, help: "Alert threshold 0...1.")
    var threshold = ScreeningOptions.defaultThreshold

    @Option(name: .long, help: "Most matches per row (alerts first, then context matches).")
    var limit = 5

    @Option(name: .long, help: "Output format: jsonl, csv (one line per match), or a readable table of alerts (default: table on a terminal without --out, else jsonl).")
    var format: OutputFormat?

    @Option(name: .long, help: "Input format when it cannot be told from the name: csv or jsonl.")
    var inputFormat: String?

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in 0...1") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let f = inputFormat, CustomerReader.Format(rawValue: f) == nil { throw ValidationError("--input-format must be csv or jsonl") }
        if let columns {
            do { _ = try CustomerReader.parseColumnMap(columns) } catch { throw ValidationError(error.description) }
        }
        if resume && out == nil { throw ValidationError("--resume needs --out PATH (it continues PATH.partial)") }
        if format == .table && out != nil { throw ValidationError("--format table prints to the terminal; use jsonl or csv with --out") }
    }

    func run() throws {
        let reader: CustomerReader
        do {
            let map = try columns.map(CustomerReader.parseColumnMap) ?? [:]
            reader = try CustomerReader(path: input, format: inputFormat.flatMap(CustomerReader.Format.init(rawValue:)),
                                        columnMap: map, encoding: encoding.textEncoding)
        } catch {
            switch error {
            case .unknownField, .badColumnSpec, .mappedColumnMissing: throw ValidationError(error.description)
            default: throw CLIError(error.description)
            }
        }
        let searchIndex = try index.open()
        let screener = Screener(matcher: Matcher(index: searchIndex), options: ScreeningOptions(threshold: threshold, limit: limit))
        let bulk = BulkScreener(screener: screener)

        let stdoutIsTTY = isatty(1) == 1
        let table = format == .table || (format == nil && out == nil && stdoutIsTTY)
        let csv = format == .csv
        let sink: OutputSink? = try out.map { try OutputSink(path: $0, resume: resume, csv: csv) } ?? (table ? nil : OutputSink.standardOutput())
        if csv, let sink, sink.startsEmpty { try sink.write(ResultCSV.header) }
        var resumed = 0
        if let sink, sink.resumedRows > 0 {
            do { resumed = try reader.skip(sink.resumedRows) } catch { throw CLIError(error.description) }
            guard resumed == sink.resumedRows else {
                throw CLIError("\(out ?? "-").partial holds \(sink.resumedRows) rows but \(input) has only \(resumed): not the same input; remove the partial file to start over")
            }
        }
        var alertRows: [ScreeningResult] = []
        var errorRows: [ScreeningResult] = []
        let progress = Progress(enabled: isatty(2) == 1)
        let summary: BulkSummary
        do {
            summary = try bulk.run(reader, emit: { result in
                if csv { try sink?.write(ResultCSV.lines(result)) } else { try sink?.write(result.jsonLine()) }
                if table {
                    if result.alert { alertRows.append(result) }
                    if result.error != nil { errorRows.append(result) }
                }
            }, progress: { rows in progress.update(rows: rows, bytesRead: reader.bytesRead, totalBytes: reader.totalBytes) })
        } catch let e as CustomerFileError {
            progress.finish()
            throw CLIError(e.description + (out.map { "; rows so far are in \($0).partial (--resume continues it)" } ?? ""))
        }
        try sink?.close()
        progress.finish()
        if table { printTable(alerts: alertRows, errors: errorRows, threshold: threshold) }
        fflush(nil)  // the table first, then the summary on stderr
        let m = searchIndex.meta
        let lists = m.sources.map { "\($0.list)\($0.publicationDate.map { " " + $0 } ?? "")" }.joined(separator: ", ")
        let resumedNote = resumed > 0 ? " (resumed after \(resumed) rows)" : ""
        stderr("screened \(summary.rows) rows\(resumedNote): \(summary.alerts) alerts, \(summary.errors) errors in \(String(format: "%.2f", summary.seconds)) s (\(Int(summary.rowsPerSecond)) rows/s); index built \(m.buildTime), lists: \(lists)\(out.map { "; results in \($0)" } ?? "")")
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
