import Foundation
import VigilIndex
import VigilMatcher

/// The HTML page of a bulk run (`vigil screen --report FILE`): counts, alerts by list and by program,
/// a histogram of each row's best score, and the top alerts with their explanations. Self-contained:
/// inline CSS and SVG, no script, no network, so it opens anywhere and can be archived as evidence.
///
/// Built while the run streams (`add`), in bounded memory: counters, a fixed histogram and the
/// `topAlerts` best alerts.
public struct BulkReport {
    public static let topAlerts = 200
    static let bins = 20

    public var threshold: Double
    /// Hide customer ids and the customer's side of explanations (a report that leaves the team).
    public var redact: Bool
    private(set) var rows = 0, alerts = 0, errors = 0, suppressed = 0, reAlerts = 0, withMatches = 0
    private(set) var alertsByList: [String: Int] = [:]
    private(set) var alertsByProgram: [String: Int] = [:]
    private(set) var histogram = [Int](repeating: 0, count: bins)
    private(set) var top: [(score: Double, row: Int, result: ScreeningResult, match: Int)] = []

    public init(threshold: Double, redact: Bool = false) {
        self.threshold = threshold
        self.redact = redact
    }

    public mutating func add(_ r: ScreeningResult) {
        rows += 1
        if r.error != nil { errors += 1 }
        if r.alert { alerts += 1 }
        suppressed += r.count(.suppressed)
        reAlerts += r.count(.reAlert)
        guard let best = r.matches.first else { return }
        withMatches += 1
        histogram[min(Self.bins - 1, max(0, Int(best.score * Double(Self.bins))))] += 1
        for (i, m) in r.matches.enumerated() where m.score >= r.threshold && r.effect(of: i) != .suppressed {
            alertsByList[m.entity.list, default: 0] += 1
            for p in Set(m.entity.programs) { alertsByProgram[p, default: 0] += 1 }
            if top.count < Self.topAlerts || m.score > top[top.count - 1].score {
                top.append((m.score, rows, r, i))
                // Best first, then input order; bounded, so a run of millions keeps a few hundred.
                top.sort { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }
                if top.count > Self.topAlerts { top.removeLast() }
            }
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    func histogramSVG() -> String {
        let w = 540.0, h = 200.0, left = 40.0, bottom = 28.0, top = 12.0, right = 24.0
        let plotW = w - left - right, plotH = h - top - bottom
        let peak = Double(max(1, histogram.max() ?? 1))
        let bw = plotW / Double(Self.bins)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"histogram\" width=\"\(Int(w))\" height=\"\(Int(h))\" font-family=\"sans-serif\" font-size=\"11\">"
        for (b, count) in histogram.enumerated() where count > 0 {
            let bh = Double(count) / peak * plotH
            let low = Double(b) / Double(Self.bins)
            let color = low + 1e-9 >= threshold ? "#d0443e" : "#6b8fb8"
            s += "<rect x=\"\(fmt(left + Double(b) * bw + 1))\" y=\"\(fmt(top + plotH - bh))\" width=\"\(fmt(bw - 2))\" height=\"\(fmt(bh))\" fill=\"\(color)\"><title>\(fmt2(low))–\(fmt2(low + 1 / Double(Self.bins))): \(count) rows</title></rect>"
        }
        let tx = left + threshold * plotW
        s += "<line x1=\"\(fmt(tx))\" y1=\"\(fmt(top))\" x2=\"\(fmt(tx))\" y2=\"\(fmt(top + plotH))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
        s += "<line x1=\"\(left)\" y1=\"\(fmt(top + plotH))\" x2=\"\(fmt(w - right))\" y2=\"\(fmt(top + plotH))\" stroke=\"#333\"/>"
        for v in stride(from: 0.0, through: 1.0, by: 0.2) {
            s += "<text x=\"\(fmt(left + v * plotW))\" y=\"\(fmt(top + plotH + 14))\" text-anchor=\"middle\">\(fmt2(v))</text>"
        }
        s += "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(top + 10))\" text-anchor=\"end\">\(Int(peak))</text>"
        return s + "</svg>"
    }

    func fmt(_ d: Double) -> String { String(format: "%.1f", d) }
    func fmt2(_ d: Double) -> String { String(format: "%.2f", d) }

    func table(_ counts: [String: Int], header: String) -> String {
        guard !counts.isEmpty else { return "<p>none</p>" }
        let rows = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(50)
        return "<table><tr><th>\(header)</th><th>alerting matches</th></tr>"
            + rows.map { "<tr><td>\(Self.escape($0.key))</td><td class=\"n\">\($0.value)</td></tr>" }.joined() + "</table>"
    }

    /// The whole page. `meta` names the index and lists; `input` the screened file.
    public func html(input: String, meta: IndexMeta, summary: BulkSummary, generatedAt: String) -> String {
        var h = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigil screening report</title><style>"
        h += "body{font-family:sans-serif;margin:2em;max-width:70em;color:#222}table{border-collapse:collapse;margin:.5em 0}"
        h += "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}td.n{text-align:right}"
        h += ".why{color:#555;font-size:90%}.k{display:inline-block;margin-right:2em}.k b{font-size:150%;display:block}"
        h += "</style></head><body>"
        h += "<h1>Vigil screening report</h1>"
        h += "<p>Input <code>\(Self.escape(redact ? "(redacted)" : input))</code>, generated \(Self.escape(generatedAt)); index built \(Self.escape(meta.buildTime)), lists: "
        h += meta.sources.map { Self.escape($0.list + ($0.publicationDate.map { " " + $0 } ?? "")) }.joined(separator: ", ")
        h += "; threshold \(fmt2(threshold)).</p>"
        h += "<div id=\"counts\">"
        for (label, value) in [("rows", rows), ("alerts", alerts), ("errors", errors), ("rows with matches", withMatches),
                               ("known false positives suppressed", suppressed), ("re-alerts (entity changed)", reAlerts)] {
            h += "<span class=\"k\" data-count=\"\(Self.escape(label))\"><b>\(value)</b>\(Self.escape(label))</span>"
        }
        h += "</div><p>\(String(format: "%.2f", summary.seconds)) s, \(Int(summary.rowsPerSecond)) rows/s.</p>"
        h += "<h2>Best score per row</h2><p>Rows with at least one match (\(withMatches)); red bars are at or above the threshold.</p>"
        h += histogramSVG()
        h += "<h2>Alerts by list</h2>" + table(alertsByList, header: "list")
        h += "<h2>Alerts by program</h2>" + table(alertsByProgram, header: "program")
        h += "<h2>Top alerts</h2><p>\(top.count) best of \(alerts) alerting rows, with the reason for each.</p>"
        h += "<table id=\"alerts\"><tr><th>row</th><th>customer</th><th>score</th><th>entity</th><th>listed name / why</th></tr>"
        for t in top {
            let m = t.result.matches[t.match]
            let why = redact ? redacted(m.explanation) : m.explanation.summary
            var decision = ""
            if let d = t.result.decision(of: t.match) {
                decision = "<br><b>\(Self.escape(d.effect.rawValue))</b>: \(Self.escape(d.reason))"
            }
            h += "<tr><td class=\"n\">\(t.row)</td><td>\(Self.escape(redact ? "#\(t.row)" : t.result.id))</td><td class=\"n\">\(String(format: "%.3f", m.score))</td>"
            h += "<td>\(Self.escape(m.entity.id))<br>\(Self.escape(m.entity.programs.joined(separator: ", ")))</td>"
            h += "<td>\(Self.escape(m.matchedName))<div class=\"why\">\(Self.escape(why))\(decision)</div></td></tr>"
        }
        h += "</table></body></html>\n"
        return h
    }

    /// The listed side and how each pair met, without the customer's own tokens.
    func redacted(_ e: Explanation) -> String {
        var parts = e.pairs.map { "•••~\($0.listed)(\(fmt2($0.similarity)) \($0.via))" }
        if !e.unmatchedListed.isEmpty { parts.append("listed only: " + e.unmatchedListed.joined(separator: " ")) }
        for a in e.attributes { parts.append("\(a.attribute) \(a.delta >= 0 ? "+" : "")\(fmt2(a.delta))") }
        return parts.joined(separator: "; ")
    }

    /// Writes the page owner-only (it names customers unless redacted) as a `ResultFile`: a reader
    /// never sees half a report.
    public func write(to path: String, input: String, meta: IndexMeta, summary: BulkSummary, generatedAt: String) throws(OutputError) {
        let file = try ResultFile(path: path, resume: false, csv: false)
        try file.write(Array(html(input: input, meta: meta, summary: summary, generatedAt: generatedAt).utf8))
        try file.commit()
    }
}
