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

    @Option(name: .long, help: "Reviewers' decisions (JSON lines: customer_id, entity_id, decision false_positive|true_match, entity_hash, reviewer, date, note): a known false positive is shown but not alerted, unless the entity changed since.")
    var decisions: String?

    @Option(name: .long, help: "Screening threads (default: one per core; give a Spark or container task its share).")
    var threads: Int?

    @Option(name: .long, help: "Write a self-contained HTML report here: counts, alerts by list and program, score histogram, top alerts with explanations.")
    var report: String?

    @Flag(name: .long, help: "Leave customer ids, the input path and the customer's name tokens out of the --report page (a report that leaves the team).")
    var redact = false

    @Option(name: .long, help: "Append the run's audit record (input and index SHA-256, list versions, settings, counts; no customer data) to this JSON-lines log (default with --out: PATH.audit.jsonl).")
    var audit: String?

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in 0...1") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let f = inputFormat, CustomerReader.Format(rawValue: f) == nil { throw ValidationError("--input-format must be csv or jsonl") }
        if let columns {
            do { _ = try CustomerReader.parseColumnMap(columns) } catch { throw ValidationError(error.description) }
        }
        if resume && out == nil { throw ValidationError("--resume needs --out PATH (it continues PATH.partial)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if redact && report == nil { throw ValidationError("--redact applies to --report; give --report FILE") }
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
        let startedAt = AuditRecord.timestamp()
        var book: DecisionBook?
        if let decisions {
            do { book = try DecisionBook.load(path: decisions) } catch { throw CLIError(error.description) }
        }
        let searchIndex = try index.open()
        let options = ScreeningOptions(threshold: threshold, limit: limit)
        let screener = Screener(matcher: Matcher(index: searchIndex), options: options, decisions: book)
        let bulk = threads.map { BulkScreener(screener: screener, workers: $0) } ?? BulkScreener(screener: screener)

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
        var page = report.map { _ in BulkReport(threshold: threshold, redact: redact) }
        var alertRows: [ScreeningResult] = []
        var errorRows: [ScreeningResult] = []
        let progress = Progress(enabled: isatty(2) == 1)
        let summary: BulkSummary
        do {
            summary = try bulk.run(reader, emit: { result in
                if csv { try sink?.write(ResultCSV.lines(result)) } else { try sink?.write(result.jsonLine()) }
                page?.add(result)
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
        let decisionNote = book.map { _ in " (\(summary.suppressed) known false positives suppressed, \(summary.reAlerts) re-alerted: entity changed since the decision)" } ?? ""
        if let report, let page {
            do { try page.write(to: report, input: input, meta: m, summary: summary, generatedAt: AuditRecord.timestamp()) } catch { throw CLIError("\(error)") }
        }
        if let auditPath = audit ?? out.map({ $0 + ".audit.jsonl" }) {
            let record = AuditRecord(
                startedAt: startedAt, finishedAt: AuditRecord.timestamp(), vigilVersion: Vigil.configuration.version,
                input: input, inputSHA256: input == "-" ? nil : try? fileSHA256(input),
                indexPath: index.path, indexSHA256: (try? fileSHA256(index.path)) ?? "unreadable", index: m, options: options,
                decisionsPath: decisions, decisionsSHA256: decisions.flatMap { try? fileSHA256($0) }, decisionCount: book?.count ?? 0,
                output: out, resumedRows: resumed, summary: summary)
            do { try record.append(to: auditPath) } catch { throw CLIError("\(error)") }
        }
        stderr("screened \(summary.rows) rows\(resumedNote): \(summary.alerts) alerts\(decisionNote), \(summary.errors) errors in \(String(format: "%.2f", summary.seconds)) s (\(Int(summary.rowsPerSecond)) rows/s; per row \(latencyText(summary.latency))); index built \(m.buildTime), lists: \(lists)\(out.map { "; results in \($0)" } ?? "")")
    }

    func printTable(alerts: [ScreeningResult], errors: [ScreeningResult], threshold: Double) {
        print("ALERTS (score >= \(threshold))")
        print(pad("customer", 10) + pad("score", 7) + pad("entity", 18) + "listed name  <-  why")
        for r in alerts {
            for (i, m) in r.matches.enumerated() where m.score >= threshold && r.effect(of: i) != .suppressed {
                print(pad(r.id, 10) + pad(String(format: "%.3f", m.score), 7) + pad(m.entity.id, 18) + m.matchedName)
                print(String(repeating: " ", count: 35) + m.explanation.summary)
                if let d = r.decision(of: i) { print(String(repeating: " ", count: 35) + d.effect.rawValue + ": " + d.reason) }
            }
        }
        if !errors.isEmpty {
            print("\nROWS WITH ERRORS")
            for r in errors { print(pad(r.id.isEmpty ? "(no id)" : r.id, 10) + (r.error ?? "")) }
        }
    }

    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}

/// `p50 0.08 ms, p99 0.41 ms, max 3.2 ms`: each row's screening time on its worker.
func latencyText(_ h: LatencyHistogram) -> String {
    func ms(_ us: UInt64) -> String { us >= 10_000 ? String(format: "%.0f ms", Double(us) / 1000) : String(format: "%.2f ms", Double(us) / 1000) }
    return "p50 \(ms(h.percentile(0.5))), p99 \(ms(h.percentile(0.99))), max \(ms(h.maxMicroseconds))"
}
