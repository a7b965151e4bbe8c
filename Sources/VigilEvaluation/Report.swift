import Foundation

/// Every set's results, rendered as Markdown (tables) and HTML (tables + inline SVG plots).
public struct EvaluationReport: Sendable {
    public var title = "Vigil evaluation report"
    public var threshold: Double
    public var indexDescription: String
    public var pairs: [PairReport] = []
    public var screening: [ScreeningReport] = []
    public var peers: [ScorerSummary] = []
    public var peersSource = ""
    public var baseline: Headlines?
    /// Notes from set builders (what was skipped, mapping counts).
    public var notes: [String] = []

    public init(threshold: Double, indexDescription: String) {
        self.threshold = threshold
        self.indexDescription = indexDescription
    }

    public var headlines: Headlines {
        var h = Headlines(threshold: threshold)
        for p in pairs { h.add(p) }
        for s in screening { h.add(s) }
        return h
    }

    public var regressions: [Headlines.Regression] { baseline.map { headlines.regressions(against: $0) } ?? [] }

    // MARK: tables (shared by both renderers)

    struct Table {
        var header: [String]
        var rows: [[String]]
        func markdown() -> String {
            var s = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---|" }.joined() + "\n"
            for r in rows { s += "| " + r.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
            return s
        }
        func html() -> String {
            var s = "<table><tr>" + header.map { "<th>\(SVG.escape($0))</th>" }.joined() + "</tr>"
            for r in rows { s += "<tr>" + r.map { "<td>\(SVG.escape($0))</td>" }.joined() + "</tr>" }
            return s + "</table>"
        }
    }

    func regressionMark(_ set: String, _ category: String) -> String {
        regressions.contains { $0.set == set && $0.category == category } ? " ▼" : ""
    }

    func summaryTable() -> Table {
        var rows: [[String]] = []
        for s in screening {
            rows.append([s.name, "screening", "\(s.overall?.count ?? 0)/\(s.negatives)",
                         s.overall.map { fmt3($0.recallAt1) } ?? "", s.overall.map { fmt3($0.recallAt10) } ?? "",
                         s.overall.map { fmt3($0.recallAtThreshold) } ?? "", s.alertRate.map(fmt3) ?? "", "",
                         fmtMs(s.latency.p50), fmtMs(s.latency.p99)])
        }
        for p in pairs {
            rows.append([p.name, "pairs", "\(p.overall.matches)/\(p.overall.count - p.overall.matches)", "", "",
                         fmt3(p.overall.atThreshold.recall), "", fmt3(p.overall.atThreshold.f1) + (p.overall.best.map { " (best \(fmt3($0.f1)) @\(fmt3($0.threshold)))" } ?? ""), "", ""])
        }
        return Table(header: ["set", "kind", "pos/neg", "recall@1", "recall@10", "recall@thr", "alert rate (neg)", "F1 @thr", "p50 ms", "p99 ms"], rows: rows)
    }

    func categoryTable(_ s: ScreeningReport) -> Table {
        var rows = s.categories.map { c in
            [c.category + regressionMark(s.name, c.category), "\(c.count)", fmt3(c.recallAt1), fmt3(c.recallAt10), fmt3(c.recallAtThreshold)]
        }
        if let o = s.overall { rows.append(["**all**" + regressionMark(s.name, "all"), "\(o.count)", fmt3(o.recallAt1), fmt3(o.recallAt10), fmt3(o.recallAtThreshold)]) }
        if let a = s.alertRate { rows.append(["negatives: alert rate" + regressionMark(s.name, "negative"), "\(s.negatives)", "", "", fmt3(a)]) }
        return Table(header: ["category", "n", "recall@1", "recall@10", "recall@thr"], rows: rows)
    }

    func pairTable(_ p: PairReport) -> Table {
        let rows = ([p.overall] + p.groups).map { g in
            [g.key + regressionMark(p.name, g.key), "\(g.count)", "\(g.matches)", fmt3(g.atThreshold.precision), fmt3(g.atThreshold.recall),
             fmt3(g.atThreshold.f1), g.best.map { "\(fmt3($0.f1)) @\(fmt3($0.threshold))" } ?? ""]
        }
        return Table(header: ["schema/category", "n", "matches", "P", "R", "F1", "best F1"], rows: rows)
    }

    /// Scorers as columns; rows: threshold, P, R, F1 overall, then F1 of each category with at
    /// least `minimumCategory` pairs (smaller ones are noise at this size).
    func peersTable(minimumCategory: Int = 10) -> Table? {
        guard !peers.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for s in peers { for (c, n) in s.categoryCount { counts[c] = max(counts[c] ?? 0, n) } }
        var rows: [[String]] = [
            ["pairs scored", ""] + peers.map { "\($0.count)" },
            ["threshold", ""] + peers.map { fmt3($0.best.threshold) },
            ["precision", ""] + peers.map { fmt3($0.best.precision) },
            ["recall", ""] + peers.map { fmt3($0.best.recall) },
            ["**F1**", ""] + peers.map { fmt3($0.best.f1) },
        ]
        for c in counts.keys.sorted() where counts[c]! >= minimumCategory {
            rows.append(["F1 " + c, "\(counts[c]!)"] + peers.map { s in s.categoryF1[c].map(fmt3) ?? "" })
        }
        return Table(header: ["", "n"] + peers.map(\.scorer), rows: rows)
    }

    func latencyTable() -> Table {
        Table(header: ["set", "queries", "p50 ms", "p90 ms", "p99 ms", "max ms"], rows: screening.map { s in
            [s.name, "\(s.latency.count)", fmtMs(s.latency.p50), fmtMs(s.latency.p90), fmtMs(s.latency.p99), fmtMs(s.latency.max)]
        })
    }

    var preamble: [String] {
        var lines = ["Threshold \(fmt3(threshold)). Index: \(indexDescription).",
                     "Latency: one query at a time on one thread, in process (`Matcher.match`, top 10), monotonic clock."]
        if baseline == nil { lines.append("No baseline compared.") }
        return lines
    }

    // MARK: Markdown

    public func markdown(showMisclassified: Int = 15) -> String {
        var s = "# \(title)\n\n" + preamble.joined(separator: "\n") + "\n\n"
        if baseline != nil {
            let r = regressions
            s += r.isEmpty ? "**No category dropped versus the baseline by more than 0.01.**\n\n"
                : "**Regressions versus the baseline (> 0.01):**\n\n" + r.map { "- ▼ \($0)" }.joined(separator: "\n") + "\n\n"
        }
        s += "## Summary\n\n" + summaryTable().markdown() + "\n"
        for sr in screening {
            s += "## Screening: \(sr.name)\n\n"
            if sr.unresolvable > 0 { s += "\(sr.unresolvable) positives left out: their expected entity is not in the index.\n\n" }
            s += categoryTable(sr).markdown() + "\n"
        }
        for p in pairs {
            s += "## Pairs: \(p.name)\n\n" + pairTable(p).markdown() + "\n"
            let wrong = p.misclassified
            if !wrong.isEmpty && showMisclassified > 0 {
                s += "Most confidently misclassified (\(wrong.count) in all):\n\n"
                s += Table(header: ["", "score", "name1", "name2", "category"], rows: wrong.prefix(showMisclassified).map {
                    [$0.pair.isMatch ? "missed" : "false alarm", fmt3($0.score), $0.pair.name1, $0.pair.name2, $0.pair.category]
                }).markdown() + "\n"
            }
        }
        if let t = peersTable() { s += "## Side by side with peers (\(peersSource))\n\nVigil at its threshold and at its best; each peer at its own best-F1 threshold; per-category F1 (categories of 10+ pairs) at that threshold.\n\n" + t.markdown() + "\n" }
        s += "## Latency\n\n" + latencyTable().markdown()
        if !notes.isEmpty { s += "\n## Set notes\n\n" + notes.map { "- \($0)" }.joined(separator: "\n") + "\n" }
        return s
    }

    // MARK: HTML

    public func html() -> String {
        var s = """
        <!doctype html><html><head><meta charset="utf-8"><title>\(SVG.escape(title))</title>
        <style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:0.5em 0 1.5em}
        td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left}th{background:#f3f3f3}.reg{color:#b00;font-weight:bold}
        .plots svg{margin:0 1em 1em 0;border:1px solid #eee}</style></head><body>
        <h1>\(SVG.escape(title))</h1>
        """
        s += preamble.map { "<p>\(SVG.escape($0))</p>" }.joined()
        if baseline != nil {
            let r = regressions
            s += r.isEmpty ? "<p><b>No category dropped versus the baseline by more than 0.01.</b></p>"
                : "<p class=\"reg\">Regressions versus the baseline (&gt; 0.01):</p><ul>" + r.map { "<li class=\"reg\">▼ \(SVG.escape($0.description))</li>" }.joined() + "</ul>"
        }
        s += "<h2>Summary</h2>" + summaryTable().html()
        for sr in screening {
            s += "<h2>Screening: \(SVG.escape(sr.name))</h2>" + categoryTable(sr).html() + "<div class=\"plots\">"
            let pos = sr.outcomes.filter(\.isPositive)
            let neg = sr.outcomes.filter { !$0.isPositive }
            s += SVG.scoreHistogram(title: "\(sr.name): expected entity's score vs negatives' top score",
                                    matches: pos.map(\.expectedScore), nonMatches: neg.map(\.topScore), threshold: threshold)
            if !sr.categories.isEmpty {
                s += SVG.bars(title: "\(sr.name): recall at threshold per category", sr.categories.map { ($0.category, $0.recallAtThreshold) })
            }
            s += "</div>"
        }
        for p in pairs {
            s += "<h2>Pairs: \(SVG.escape(p.name))</h2>" + pairTable(p).html() + "<div class=\"plots\">"
            s += SVG.scoreHistogram(title: "\(p.name): scores of matches vs non-matches",
                                    matches: p.scored.filter(\.pair.isMatch).map(\.score), nonMatches: p.scored.filter { !$0.pair.isMatch }.map(\.score), threshold: threshold)
            s += SVG.prCurve(title: "\(p.name): precision-recall", curve: p.curve, threshold: threshold)
            s += SVG.bars(title: "\(p.name): F1 at threshold per category", p.groups.map { ($0.key, $0.atThreshold.f1) })
            s += "</div>"
        }
        if let t = peersTable() {
            s += "<h2>Side by side with peers (\(SVG.escape(peersSource)))</h2><p>Each peer at its own best-F1 threshold.</p>" + t.html()
            s += "<div class=\"plots\">" + SVG.bars(title: "best F1 per scorer", peers.map { ($0.scorer, $0.best.f1) }, color: "#6b46c1") + "</div>"
        }
        s += "<h2>Latency</h2>" + latencyTable().html()
        if !notes.isEmpty { s += "<h2>Set notes</h2><ul>" + notes.map { "<li>\(SVG.escape($0))</li>" }.joined() + "</ul>" }
        return s + "</body></html>\n"
    }
}
