import Foundation
import VigilIndex
import VigilLists

/// What a bulk run did, as regulatory evidence: which input (by SHA-256, never its content), against
/// which index and list versions, with which settings and decisions, and the counts. No customer name
/// or id appears in it.
public struct AuditRecord: Sendable {
    public var startedAt: String
    public var finishedAt: String
    public var vigilVersion: String
    public var input: String
    /// SHA-256 of the input file; nil for standard input.
    public var inputSHA256: String?
    public var indexPath: String
    public var indexSHA256: String
    public var index: IndexMeta
    public var options: ScreeningOptions
    public var decisionsPath: String?
    public var decisionsSHA256: String?
    public var decisionCount: Int
    public var output: String?
    public var resumedRows: Int
    public var summary: BulkSummary

    public init(startedAt: String, finishedAt: String, vigilVersion: String, input: String, inputSHA256: String?,
                indexPath: String, indexSHA256: String, index: IndexMeta, options: ScreeningOptions,
                decisionsPath: String?, decisionsSHA256: String?, decisionCount: Int, output: String?, resumedRows: Int,
                summary: BulkSummary) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.vigilVersion = vigilVersion
        self.input = input
        self.inputSHA256 = inputSHA256
        self.indexPath = indexPath
        self.indexSHA256 = indexSHA256
        self.index = index
        self.options = options
        self.decisionsPath = decisionsPath
        self.decisionsSHA256 = decisionsSHA256
        self.decisionCount = decisionCount
        self.output = output
        self.resumedRows = resumedRows
        self.summary = summary
    }

    /// One JSON object on one line (audit logs are JSON lines, appended).
    public func jsonLine() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("kind", "vigil.screen")
        w.field("started_at", startedAt)
        w.field("finished_at", finishedAt)
        w.field("vigil_version", vigilVersion)
        w.key("input")
        w.beginObject()
        w.field("path", input)
        w.field("sha256", inputSHA256)
        w.endObject()
        w.key("index")
        w.beginObject()
        w.field("path", indexPath)
        w.field("sha256", indexSHA256)
        w.field("built", index.buildTime)
        w.field("format_version", Int(index.formatVersion))
        w.field("normalization_version", Int(index.normalizationVersion))
        w.field("entities", index.entityCount)
        w.key("lists")
        w.beginArray()
        for s in index.sources {
            w.beginObject()
            w.field("list", s.list)
            w.field("format", s.format)
            w.field("published", s.publicationDate)
            w.key("files")
            w.beginArray()
            for (file, sha) in zip(s.files, s.sha256) {
                w.beginObject()
                w.field("name", (file as NSString).lastPathComponent)
                w.field("sha256", sha)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.key("settings")
        w.beginObject()
        w.field("threshold", options.threshold)
        w.field("limit", options.limit)
        w.field("context_floor", options.contextFloor)
        w.endObject()
        w.key("decisions")
        w.beginObject()
        w.field("path", decisionsPath)
        w.field("sha256", decisionsSHA256)
        w.field("count", decisionCount)
        w.endObject()
        w.field("output", output)
        w.key("counts")
        w.beginObject()
        w.field("rows", summary.rows + resumedRows)
        w.field("screened_this_run", summary.rows)
        w.field("resumed_rows", resumedRows)
        w.field("alerts", summary.alerts)
        w.field("errors", summary.errors)
        w.field("suppressed_false_positives", summary.suppressed)
        w.field("re_alerts_after_entity_change", summary.reAlerts)
        w.endObject()
        w.field("seconds", (summary.seconds * 1000).rounded() / 1000)
        w.endObject()
        return w.bytes + [UInt8(ascii: "\n")]
    }

    /// Appends the record to an audit log, created owner-only (it names files a bank may consider
    /// confidential), flushed to disk before returning.
    public func append(to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { throw AuditError(description: "\(path): cannot open the audit log (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let line = jsonLine()
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            throw AuditError(description: "\(path): could not write the audit record (\(String(cString: strerror(errno))))")
        }
    }

    /// Now, as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func timestamp(_ date: Date = Date()) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

public struct AuditError: Error, CustomStringConvertible {
    public var description: String
}
